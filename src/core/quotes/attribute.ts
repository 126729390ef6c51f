/**
 * Per-article attribution: for every quoted span, the cue that introduces it, the noun phrase
 * that says it (as written: "he", "the Russian leader", "Kremlin spokesman Dmitry Peskov"),
 * the addressee phrase, and the kind of quote. Rule-based over tokens; no model.
 *
 * Patterns, in order of precedence for one quote:
 *  1. a transcript label inside the quote ("PENCE: Well, …");
 *  2. the speaker right after it: `“…,” Peskov added` / `“…,” said Officer Tusk`;
 *  3. a cue right before it: `Burton said, “…”`, `Putin told the US President: “…”`, `Name: “…”`;
 *  4. the nearest cue to its left in the sentence (partial quotes in reported speech), with
 *     participles, infinitives and conjoined verbs taking the clause subject, agentless passives
 *     giving no speaker ("was said to be a “…” discussion");
 *  5. "according to X" in the sentence (channels such as Reuters or "state TV" never count,
 *     a "readout from the White House" gives the White House);
 *  6. a cue later in the sentence;
 *  7. follow-on quotes: a quote that is a sentence of its own inherits the previous speaker in the
 *     paragraph (or the previous paragraph's last), and multi-paragraph continuations inherit.
 */
import type {Article, Span} from '../types.js';
import {findQuotes, type RawQuote} from './marks.js';
import {sortInPlace} from './sort.js';
import {endsSentence, sentences, tokenize, type QuoteSlot, type Tok} from './tokens.js';
import {BELIEF, CUE_FORMS, isNounish, type CueClass} from './verbs.js';
import type {Core} from './resolve.js';
import {isNationality, ADVERBIAL_PREPS, BETWEEN, CHANNEL_HEADS, DETERMINERS, HONORIFICS, PERSON_HEADS, PRONOUNS, STOP, TIME_WORDS, TITLES, WIRE_NAMES} from './lexicon.js';

/** A noun phrase in the text (speaker or addressee as written). */
export interface Mention {
	readonly start: number;
	readonly end: number;
	readonly text: string;
	/** `pron` he/she…, `name` has a capitalised name, `desc` a description ("the mayor"), `label` a transcript label. */
	readonly kind: 'pron' | 'name' | 'desc' | 'label';
	/**
	 * The tokens of the phrase (empty for labels). In a paragraph that recurs in the story they are
	 * the first occurrence's tokens, so their offsets may be of that occurrence: `start` and `end`
	 * are the mention's own.
	 */
	readonly toks: readonly Tok[];
	/**
	 * Results of pure functions of the mention's kind, text and tokens, shared with its copies in a
	 * recurring paragraph. A mention with other words needs a memo of its own.
	 */
	readonly memo: MentionMemo;
}

/** See `Mention.memo`. */
export interface MentionMemo {
	/** `coreOf` (resolve.ts). */
	core?: Core | null;
	/** `isChannel`. */
	channel?: boolean;
}

/** How a quote was attributed. */
export type Via = 'label' | 'post' | 'pre' | 'colon' | 'embedded' | 'according' | 'later' | 'follow' | 'continues' | 'passive' | 'none';

/** A quote of one article with its attribution as written in the text. */
export interface LocalQuote {
	readonly raw: RawQuote;
	readonly index: number;
	readonly start: number;
	readonly end: number;
	readonly text: string;
	kind: 'full' | 'partial' | 'term' | 'title';
	speaker: Mention | null;
	addressee: Mention | null;
	cue: string | null;
	via: Via;
	/** Lemma class of the cue (for kind decisions). */
	cueBelief: boolean;
	/** Index of the enclosing quote (quote inside a quote), or -1. */
	readonly parent: number;
	/** Region (paragraph) index and sentence [from,to) token range within the region. */
	readonly region: number;
}

/** A cue event of a sentence: a reporting verb with its subject, used for follow-on quotes and pronouns. */
export interface CueEvent {
	readonly pos: number;
	readonly subject: Mention;
	readonly region: number;
	readonly sentence: number;
}

/** Sentence-level facts used by coreference. */
export interface SentenceInfo {
	readonly region: number;
	readonly start: number;
	readonly end: number;
	/** Main-clause subject noun phrase, if found. */
	readonly subject: Mention | null;
	/** Subjects of the sentence's cues, in order. */
	readonly cueSubjects: readonly Mention[];
	/** Every capitalised name run in the sentence (outside quotes), with the tokens before it. */
	readonly names: readonly Mention[];
}

/** What attribution found in one article. */
export interface ArticleAttribution {
	readonly quotes: LocalQuote[];
	readonly sentences: readonly SentenceInfo[];
	/** Regions (paragraph spans) scanned. */
	readonly regions: readonly Span[];
}

// ------------------------------------------------------------------ word classes

// Regular expressions, compiled once (a literal in a function makes a new object at every call).
const PLY_ALLY = /(?:ply|ally)$/;
const DIGIT_START = /^\d/;
const DASHES = /^-{2,}$/;
const ENDS_DOT = /[.]["'”’)\]]*\s*$/;
const ENDS_COMMA_Q_EXCL = /[,?!]\s*$/;
const ENDS_Q_EXCL = /[?!]["'”’)\]]*\s*$/;
const LABEL = /^\s*([A-Z][A-Z.'’\- ]{1,40}?):\s/;
const TWO_CAPS = /[A-Z]{2}/;
const SENTENCE_INSIDE = /[.!?]\s+\S/;
const CAP_OR_DIGIT_START = /^\p{Lu}|^\d/u;
const CLAUSE_START_CHAR = /[\p{Lu}\d[(…."'“‘]/u;
const CLAUSE_PUNCT = /^[,:;—–-]$/;
const STOP_PUNCT = /^[.!?]$/;
const NAMING_CUE = /^(?:call|calls|called|calling|dubbed|described|what)$/;
const ENDS_STOP = /[.!?]$/;
const SENTENCE_THEN_CAP = /[.!?]\s+["'“‘(\[]?\p{Lu}/u;
const CLAUSE_PRONOUN = /^(?:i|we|they|he|she|it|you|there|this|that)$/i;

// Word lists of the rules below, built once.
const NOUN_CUE_BLOCKERS = new Set(['of', 'for', 'on', 'about', 'in', 'from', 'by', 'to', 'with']);
const PARTICIPLE_OPENERS = new Set(['and', 'by', 'while', 'after', 'before', 'when', 'without', 'also', 'of', 'again', 'publicly', 'repeatedly', 'not', 'despite', 'even', 'then', 'still', 'for']);
const NEGATIONS = new Set(['not', "n't", 'never']);
const LAST_THIS_EARLIER = new Set(['last', 'this', 'earlier']);
const NP_STOP_DETERMINERS = new Set(['that', 'this', 'these', 'those', 'no', 'all', 'such', 'other']);
const NOT_BEFORE_POST = new Set(['of', 'on', 'in', 'at', 'by', 'for', 'from', 'with', 'to', 'about', 'as', 'into', 'like']);
const TITLE_PREPS = new Set(['on', 'in', 'at', 'from', 'for', 'with', 'by', 'about', 'to', 'into']);
const NAME_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

/** `lc` without a possessive ending ("russia's" → "russia", "leaders'" → "leaders"): `lc.replace(/'s$|'$/, '')`. */
function stripPoss(lc: string): string {
	if (lc.endsWith("'s")) return lc.slice(0, -2);
	if (lc.endsWith("'")) return lc.slice(0, -1);
	return lc;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'you', 'it']);
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", "'re", 'am']);
const AUX = new Set([...BE, 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', "'ve", "'d", "'ll"]);
const CONJ = new Set(['and', 'but', 'or', 'nor', 'then']);
const RELATIVE = new Set(['who', 'which', 'that']);
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'y', 'st.', 'mc']);
const INTRO_SKIP_WORD = new Set(['however', 'but', 'and', 'yet', 'so', 'still', 'meanwhile', 'also', 'instead', 'now', 'then', 'separately', 'similarly', 'indeed', 'moreover', 'thus', 'or', 'plus']);
const INTRO_TO_COMMA = new Set([
	'after', 'before', 'when', 'while', 'as', 'since', 'although', 'though', 'if', 'in', 'on', 'at', 'during', 'despite', 'following',
	'asked', 'speaking', 'according', 'apart', 'amid', 'with', 'without', 'by', 'for', 'from', 'last', 'earlier', 'later', 'once',
	'unlike', 'like', 'under', 'over', 'through', 'throughout', 'outside', 'inside', 'because', 'whereas', 'until', 'upon', 'to',
	'this', 'that', 'next', 'within', 'ahead', 'addressing', 'writing', 'responding', 'replying', 'referring', 'commenting', 'talking',
]);
/** Common verbs (not cues) that end a subject noun phrase. */
const VERBS = new Set(
	`wants want wanted seems seemed appears appeared looks looked knows knew needs needed plans planned hopes expects expected
	faces faced makes made takes took gets got gives gave goes went comes came remains remained keeps kept holds held leads led
	uses used sees saw helps helped tries tried works worked runs ran meets met spoke speaks left sent won lost began begins
	put puts set sets brought brings found finds became becomes sat stood stands spent paid pays built sought seeks moved moves
	tasked agreed agrees hosted hosts raised raises came comes emphasized decried reiterated dodged soothed attends attended
	visited visits travel travels will would could should might must can may has have had is was are were do does did
	cited cites released releases issued issues showed shows shown voiced`.split(/\s+/),
);
/** Prepositions a subject may carry ("officials familiar with the talks", "witnesses outside the shop"). */
const LEFT_PREPS = new Set(['with', 'at', 'from', 'in', 'near', 'outside', 'inside', 'close']);
const DOC_HEADS = new Set(['readout', 'statement', 'transcript', 'release', 'letter', 'memo', 'summary', 'account', 'report', 'communique', 'communiqué', 'note', 'post', 'tweet', 'email', 'e-mail', 'filing', 'document', 'documents', 'records', 'record', 'notice', 'announcement', 'analysis', 'study', 'survey', 'poll', 'data', 'figures']);

function isWord(t: Tok | undefined): t is Tok {
	return t !== undefined && t.k === 'w';
}

/** The punctuation token `delim` exactly. */
function isDelim(x: Tok | undefined, delim: string): boolean {
	return x !== undefined && x.k === 'p' && x.t === delim;
}

/** A mention that is only a role ("the spokesman", "Russian President"). */
function roleOnly(m: Mention): boolean {
	const h = m.toks[m.toks.length - 1]!;
	return TITLES.has(h.lc) || PERSON_HEADS.has(h.lc);
}

function isPunct(t: Tok | undefined, chars: string): boolean {
	return t !== undefined && t.k === 'p' && chars.includes(t.t);
}

function isAdverb(t: Tok): boolean {
	return t.k === 'w' && !t.cap && ((BETWEEN.has(t.lc) && !BE.has(t.lc)) || (t.lc.endsWith('ly') && t.lc.length > 4 && !PLY_ALLY.test(t.lc.slice(-3)) && t.lc !== 'italy' && t.lc !== 'family'));
}

function isVerbish(t: Tok): boolean {
	if (t.k !== 'w' || t.cap) return false;
	if (AUX.has(t.lc) || VERBS.has(t.lc)) return true;
	const c = CUE_FORMS.get(t.lc);
	if (c && !isNounish(t.lc)) return true;
	return false;
}

/** A token that can be part of a noun phrase. */
function npWord(t: Tok | undefined): boolean {
	if (!isWord(t)) return false;
	if (TIME_WORDS.has(t.lc) && !DETERMINERS.has(t.lc)) return false;
	if (t.lc === 'of') return false;
	if (t.cap) return !STOP.has(t.lc) || TITLES.has(t.lc) || t.lc === 'us' || t.lc === 'i';
	if (STOP.has(t.lc) || isVerbish(t) || SUBJECT_PRONOUNS.has(t.lc)) return false;
	if (t.lc.endsWith('ly') && BETWEEN.has(t.lc)) return false;
	return true;
}

function mention(toks: readonly Tok[], from: number, to: number, text: string, kind?: Mention['kind']): Mention | null {
	if (to <= from) return null;
	const slice = toks.slice(from, to);
	const first = slice[0]!;
	const last = slice[slice.length - 1]!;
	let k: Mention['kind'];
	if (kind) k = kind;
	else if (slice.length === 1 && (SUBJECT_PRONOUNS.has(first.lc) || OBJECT_PRONOUNS.has(first.lc))) k = 'pron';
	else if (slice.some((t, i) => t.k === 'w' && t.cap && ((!TITLES.has(t.lc) && !DETERMINERS.has(t.lc) && !TIME_WORDS.has(t.lc) && !PERSON_HEADS.has(t.lc)) || (i > 0 && HONORIFICS.has(slice[i - 1]!.lc)))))
		k = 'name'; // "Mr. King": a surname after an honorific, though "king" is a title too
	else k = 'desc';
	return {start: first.s, end: last.e, text: text.slice(first.s, last.e), kind: k, toks: slice, memo: {}};
}

// ------------------------------------------------------------------ the per-region context

/** `Ctx.cues` of a token that is never a cue. */
const NEVER = -1;

/** Whether `computeCue` may find a cue at `t`: a word that is a cue form, or "put" ("as X put it"). */
function mayBeCue(t: Tok): boolean {
	return t.k === 'w' && (CUE_FORMS.has(t.lc) || t.lc === 'put' || t.lc === 'puts');
}

interface Region {
	readonly index: number;
	readonly toks: Tok[];
	readonly sents: [number, number][];
	/** Sentence index per token (empty until the sentences are read). */
	readonly sentOf: number[];
}

/** What `Ctx.post` finds: the speaker and cue right after a quote. */
type PostAttribution = {speaker: Mention | null; cue: string; v: number; cls: CueClass};

class Ctx {
	/**
	 * Cue class per token, computed once against the token's own sentence start (0 = not yet).
	 * Fast path: tokens that can never be a cue (not a word, or a word `computeCue` rejects on its
	 * first test: most of them) are `NEVER` from the start, so the rules' many scans over a
	 * sentence's tokens skip them without reading their sentence.
	 */
	private readonly cues: (CueClass | null | 0 | typeof NEVER)[];
	/**
	 * Memos of `post` (by quote token) and `cueSubject` (by verb token and depth, against the verb's
	 * own sentence start), filled only once `settle` has been called: from then on the sentences
	 * are fixed and both are pure functions of their arguments (the rules ask for the same ones
	 * several times: a sentence's cue subjects, then each quote's patterns). Before that, `post`
	 * reads the whole region as one sentence (while the sentences are being split) and is not kept.
	 * The mentions they return are never modified, so sharing them is safe.
	 */
	private posts: Map<number, PostAttribution | null> | null = null;
	private subjects: Map<number, Mention | null> | null = null;
	constructor(
		readonly text: string,
		readonly r: Region,
	) {
		this.cues = [];
		for (let i = 0; i < r.toks.length; i++) this.cues.push(mayBeCue(r.toks[i]!) ? 0 : NEVER);
	}

	tok(i: number): Tok | undefined {
		return this.r.toks[i];
	}

	/** The region's sentences are read (`r.sents`, `r.sentOf`): start memoising (see `posts`). */
	settle(): void {
		this.posts = new Map();
		this.subjects = new Map();
	}

	sentRange(i: number): [number, number] {
		return this.r.sents[this.r.sentOf[i] ?? 0] ?? [0, this.r.toks.length];
	}

	/** Cue class of token `i` if it is used as a reporting verb there. */
	cueAt(i: number, lo: number): CueClass | null {
		// (also null for an index outside the region: no token there)
		if (this.cues[i] === NEVER || this.cues[i] === undefined) return null;
		const t = this.tok(i);
		if (!isWord(t)) return null;
		const own = lo === this.sentRange(i)[0];
		if (own) {
			const c = this.cues[i];
			if (c !== 0 && c !== undefined) return c;
			const r = this.computeCue(i, lo, t);
			this.cues[i] = r;
			return r;
		}
		return this.computeCue(i, lo, t);
	}

	private computeCue(i: number, lo: number, t: Tok): CueClass | null {
		if (!mayBeCue(t)) return null;
		const prev = this.tok(i - 1);
		const next = this.tok(i + 1);
		if ((t.lc === 'put' || t.lc === 'puts') && next?.lc === 'it') return 'say'; // "as Ms. Simonyan put it"
		const cls = CUE_FORMS.get(t.lc);
		if (!cls) return null;
		if (t.cap && i > lo) return null;
		if (prev && i > lo && prev.k === 'w' && (DETERMINERS.has(prev.lc) || prev.poss) && !(prev.lc === 'that' || prev.lc === 'her' && !isNounish(t.lc))) return null;
		if (next && next.k === 'w' && CUE_FORMS.has(next.lc) && !isNounish(next.lc) && isNounish(t.lc)) return null;
		if (isNounish(t.lc)) {
			// "Trump tweets that …" but not "late-night tweets", "a Trump tweet attacking …"
			if (!prev || i <= lo) return null;
			if (prev.k !== 'w') return null;
			const subj = (prev.cap && !TIME_WORDS.has(prev.lc)) || SUBJECT_PRONOUNS.has(prev.lc) || PERSON_HEADS.has(prev.lc) || BETWEEN.has(prev.lc);
			if (!subj) return null;
			if (next && next.k === 'w' && (next.lc.endsWith('ing') || isVerbish(next) || NOUN_CUE_BLOCKERS.has(next.lc))) return null;
		}
		if (t.lc.endsWith('ing')) {
			const ok =
				i <= lo ||
				(prev !== undefined && (isPunct(prev, ',;—–-(') || (prev.k === 'w' && (BE.has(prev.lc) || PARTICIPLE_OPENERS.has(prev.lc))) || prev.k === 'w' && prev.cap)) ||
				(next !== undefined && (isPunct(next, ',:') || next.k === 'q' || next.lc === 'that'));
			if (!ok) return null;
		}
		return cls;
	}

	/** A cue in a relative or free relative clause, or negated: "who complains", "what she calls", "did not mention". */
	weakCue(v: number, lo: number): boolean {
		let j = v - 1;
		while (j >= lo && (isAdverb(this.tok(j)!) || (this.tok(j)!.k === 'w' && AUX.has(this.tok(j)!.lc)))) {
			if (NEGATIONS.has(this.tok(j)!.lc)) return true;
			j--;
		}
		const p = this.tok(j);
		if (!p || j < lo || p.k !== 'w') return false;
		if (p.lc === 'who' || p.lc === 'which') return true;
		if (SUBJECT_PRONOUNS.has(p.lc) && this.tok(j - 1)?.lc === 'what') return true;
		return false;
	}

	/** Whether the cue at `v` is an agentless or by-agent passive ("was said to be"). */
	passive(v: number, lo: number): boolean {
		const t = this.tok(v)!;
		if (t.lc.endsWith('ing')) return false;
		let j = v - 1;
		while (j >= lo && isAdverb(this.tok(j)!)) j--;
		const p = this.tok(j);
		return p !== undefined && j >= lo && p.k === 'w' && BE.has(p.lc) && !(p.lc === "'s" && t.lc.endsWith('ing'));
	}

	/** Walk left from `j` over a noun phrase; returns the start index or -1. */
	npLeft(j: number, lo: number): number {
		let k = j;
		// parenthetical right after a name: "Gov. Mike Pence (R-IN)"
		if (isPunct(this.tok(k), ')')) {
			let m = k - 1;
			while (m >= lo && !isPunct(this.tok(m), '(')) m--;
			if (m > lo && k - m <= 6) k = m - 1;
			else return -1;
		}
		const head = this.tok(k);
		if (!npWord(head) || k < lo) return -1;
		if (DETERMINERS.has(head!.lc) && !head!.cap) return -1;
		let n = 1;
		while (k - 1 >= lo && n < 12) {
			const p = this.tok(k - 1)!;
			if (p.k === 'w' && DETERMINERS.has(p.lc) && !(p.cap && TITLES.has(p.lc))) {
				// "his US counterpart", "the mayor"; a capitalised "The" too
				k--;
				if (this.chainPrep(k, lo)) {
					k -= 2;
					n += 2;
					continue;
				}
				break;
			}
			if (npWord(p)) {
				if (!p.cap && p.lc.endsWith('ed') && p.lc.length > 4) {
					const pp = this.tok(k - 2);
					if (!(pp && pp.k === 'w' && (DETERMINERS.has(pp.lc) || pp.lc === 'of'))) break;
				}
				k--;
				n++;
				continue;
			}
			if (this.chainPrep(k, lo)) {
				k -= 2;
				n += 2;
				continue;
			}
			if (p.k === 'q' && this.tok(k)?.cap && this.tok(k - 2)?.cap) {
				// nickname: Marcia "Cia" Price
				k -= 2;
				n += 2;
				continue;
			}
			if (p.k === 'p' && (p.t === '-' || p.t === '&') && npWord(this.tok(k - 2))) {
				k -= 2;
				continue;
			}
			break;
		}
		// do not start on a preposition left over from chains
		while (k < j && this.tok(k)!.k === 'w' && (this.tok(k)!.lc === 'of' || this.tok(k)!.lc === 'for')) k++;
		return k;
	}

	/** Whether the noun phrase starting at `k` hangs on a preposition after a noun ("spokesman for |", "officials familiar with |"). */
	chainPrep(k: number, lo: number): boolean {
		const p = this.tok(k - 1);
		const n = this.tok(k - 2);
		if (!p || !n || k - 2 < lo || p.k !== 'w' || !npWord(n)) return false;
		if (p.lc === 'of' || p.lc === 'for') return true;
		return LEFT_PREPS.has(p.lc) && (!n.cap || PERSON_HEADS.has(n.lc)) && !DETERMINERS.has(n.lc);
	}

	/** The subject noun phrase ending right before `v` (a verb), or null. */
	subjectBefore(v: number, lo: number): Mention | null {
		const toks = this.r.toks;
		let j = v - 1;
		while (j >= lo && (isAdverb(toks[j]!) || (toks[j]!.k === 'w' && AUX.has(toks[j]!.lc) && !toks[j]!.cap))) j--;
		// adverbial between subject and verb: "The Kremlin on Sunday said", "Putin on Dec. 7 told"
		if (j >= lo) {
			let k = j;
			let n = 0;
			while (k >= lo && n < 5 && isWord(toks[k]) && (TIME_WORDS.has(toks[k]!.lc) || DIGIT_START.test(toks[k]!.t))) {
				k--;
				n++;
			}
			if (n > 0 && k >= lo && isWord(toks[k]) && ADVERBIAL_PREPS.has(toks[k]!.lc) && k - 1 >= lo && npWord(toks[k - 1])) j = k - 1;
			else if (n > 0 && k >= lo && isWord(toks[k + 1]) && LAST_THIS_EARLIER.has(toks[k + 1]!.lc) && k >= lo && npWord(toks[k])) j = k;
		}
		if (j < lo) return null;
		const t = toks[j]!;
		if (isPunct(t, ',')) return this.appositive(j, lo, ',');
		if (isPunct(t, '—–') || (t.k === 'p' && DASHES.test(t.t))) return this.appositive(j, lo, t.t);
		if (t.k === 'w' && SUBJECT_PRONOUNS.has(t.lc)) return mention(toks, j, j + 1, this.text, 'pron');
		if (t.k === 'w' && RELATIVE.has(t.lc)) {
			// "Peskov, who said …": the antecedent
			let a = j - 1;
			if (isPunct(toks[a], ',')) a--;
			if (a < lo) return null;
			const s = this.npLeft(a, lo);
			return s < 0 ? null : mention(toks, s, a + 1, this.text);
		}
		if (t.k === 'w' && CONJ.has(t.lc)) return null;
		const s = this.npLeft(j, lo);
		if (s < 0) return null;
		return mention(toks, s, j + 1, this.text);
	}

	/** Subject behind ", <appositive>," right before a verb: "Flynn, a top Trump surrogate, said". */
	appositive(comma: number, lo: number, delim: string): Mention | null {
		const toks = this.r.toks;
		let c1 = comma - 1;
		while (c1 >= lo && !isDelim(toks[c1], delim) && toks[c1]!.k !== 'q' && comma - c1 < 40) c1--;
		if (c1 < lo || !isDelim(toks[c1], delim)) {
			if (delim !== ',') return null;
			// no opening comma: "presidential spokesman Dmitry Peskov, said" or an intro clause; take the NP before the comma
			const s = this.npLeft(comma - 1, lo);
			return s < 0 ? null : mention(toks, s, comma, this.text);
		}
		const segFirst = toks[c1 + 1];
		const before = c1 - 1 >= lo ? this.npLeft(c1 - 1, lo) : -1;
		const beforeM = before >= 0 ? mention(toks, before, c1, this.text) : null;
		if (segFirst && segFirst.k === 'w' && (segFirst.lc === 'who' || segFirst.lc === 'which' || segFirst.lc === 'whose')) return beforeM;
		const segStart = this.npLeft(comma - 1, c1 + 1);
		const segM = segStart === c1 + 1 ? mention(toks, segStart, comma, this.text) : null;
		if (segM && segM.kind === 'name' && (!beforeM || beforeM.kind !== 'name' || roleOnly(beforeM)) && !roleOnly(segM)) return segM;
		if (beforeM && (beforeM.kind === 'name' || beforeM.kind === 'desc')) return beforeM;
		return segM;
	}

	/** A noun phrase starting at `i` (inverted speakers, addressees, "according to X"). */
	npRight(i: number, hi: number, speaker: boolean): Mention | null {
		const toks = this.r.toks;
		const t = toks[i];
		if (!t || i >= hi) return null;
		if (t.k === 'w' && (SUBJECT_PRONOUNS.has(t.lc) || OBJECT_PRONOUNS.has(t.lc))) {
			const n = toks[i + 1];
			if (!(t.lc === 'her' && npWord(n))) return mention(toks, i, i + 1, this.text, 'pron');
		}
		let k = i;
		if (t.k === 'w' && DETERMINERS.has(t.lc)) {
			if (NP_STOP_DETERMINERS.has(t.lc)) return null;
			k++;
		}
		let last = -1;
		let n = 0;
		while (k < hi && n < 14) {
			const x = toks[k]!;
			if (last >= 0 && x.k === 'w' && DETERMINERS.has(x.lc) && !x.cap) break; // "told MPs | the figures were"
			if (npWord(x)) {
				if (!x.cap && x.lc.endsWith('ed') && last >= 0) break;
				last = k;
				k++;
				n++;
				if (x.poss && !(npWord(toks[k]) || toks[k]?.k === 'q')) break;
				continue;
			}
			if (x.k === 'w' && x.lc === 'of' && last >= 0 && npWord(toks[k + 1])) {
				const prev = toks[last]!;
				// "Secretary of State X", "founder and CEO of Y"; not "Officer Tusk of the … Department"
				if (TITLES.has(prev.lc) || (!prev.cap && PERSON_HEADS.has(prev.lc) && !speaker)) {
					k++;
					continue;
				}
				if (TITLES.has(prev.lc) || !prev.cap) {
					k++;
					continue;
				}
				break;
			}
			if (x.k === 'w' && x.lc === 'and' && speaker && last >= 0 && toks[last]!.cap && toks[k + 1]?.cap && toks[k + 1]!.k === 'w' && !STOP.has(toks[k + 1]!.lc)) {
				k++;
				continue;
			}
			if (x.k === 'q' && last >= 0 && toks[last]!.cap && toks[k + 1]?.cap) {
				k++;
				continue;
			}
			if (x.k === 'p' && x.t === '(' && last >= 0 && toks[last]!.cap) {
				let m = k + 1;
				while (m < hi && m - k < 6 && !isPunct(toks[m], ')')) m++;
				if (isPunct(toks[m], ')')) {
					last = m;
					k = m + 1;
				}
				break;
			}
			break;
		}
		if (last < 0) return null;
		return mention(toks, i, last + 1, this.text);
	}

	/** Main-clause subject of the sentence [lo, hi). */
	mainSubject(lo: number, hi: number): Mention | null {
		const toks = this.r.toks;
		let i = lo;
		while (i < hi && toks[i]!.k === 'p') i++;
		for (let guard = 0; guard < 3 && i < hi; guard++) {
			const t = toks[i]!;
			if (t.k !== 'w') return null;
			if (INTRO_SKIP_WORD.has(t.lc)) {
				i++;
				if (isPunct(toks[i], ',')) i++;
				continue;
			}
			if (INTRO_TO_COMMA.has(t.lc) || ((t.lc.endsWith('ing') || t.lc.endsWith('ed')) && t.cap && !CUE_FORMS.has(t.lc) && i === lo)) {
				let c = i;
				while (c < hi && !isPunct(toks[c], ',') && c - i < 30) c++;
				if (!isPunct(toks[c], ',')) return null;
				i = c + 1;
				continue;
			}
			break;
		}
		const t = toks[i];
		if (!t || i >= hi || t.k !== 'w') return null;
		if (SUBJECT_PRONOUNS.has(t.lc)) return mention(toks, i, i + 1, this.text, 'pron');
		// the NP runs until a verb
		let k = i;
		let last = -1;
		while (k < hi && k - i < 14) {
			const x = toks[k]!;
			if (k > i && x.k === 'w' && !x.cap && (isVerbish(x) || (x.lc.endsWith('ed') && x.lc.length > 4 && !(toks[k + 1]?.cap)) || CUE_FORMS.has(x.lc) && !isNounish(x.lc))) break;
			if (npWord(x) || (k === i && DETERMINERS.has(x.lc))) {
				last = k;
				k++;
				continue;
			}
			if (x.k === 'w' && x.lc === 'of' && last >= 0 && npWord(toks[k + 1])) {
				k++;
				continue;
			}
			break;
		}
		if (last < 0) return null;
		return mention(toks, i, last + 1, this.text);
	}

	/** Subject of a cue verb at `v`: its own subject, or for participles/infinitives/conjoined verbs the clause subject. */
	cueSubject(v: number, lo: number, depth = 0): Mention | null {
		const memo = this.subjects;
		if (memo === null || lo !== this.sentRange(v)[0]) return this.computeCueSubject(v, lo, depth);
		const key = v * 4 + depth;
		let r = memo.get(key);
		if (r === undefined) {
			r = this.computeCueSubject(v, lo, depth);
			memo.set(key, r);
		}
		return r;
	}

	private computeCueSubject(v: number, lo: number, depth: number): Mention | null {
		const toks = this.r.toks;
		const t = toks[v]!;
		let j = v - 1;
		while (j >= lo && isAdverb(toks[j]!)) j--;
		const p = toks[j];
		const progressive = p !== undefined && j >= lo && p.k === 'w' && BE.has(p.lc);
		const named = p !== undefined && j >= lo && p.k === 'w' && p.cap && !TIME_WORDS.has(p.lc) && !STOP.has(p.lc);
		if (t.lc.endsWith('ing') && named) {
			// "footage of Hillary Clinton asking, “…”": the name right before the participle
			let k = j;
			while (k - 1 >= lo && toks[k - 1]!.k === 'w' && toks[k - 1]!.cap && !STOP.has(toks[k - 1]!.lc) && j - k < 5) k--;
			return mention(toks, k, j + 1, this.text);
		}
		const participle = t.lc.endsWith('ing') && !progressive;
		const infinitive = p !== undefined && j >= lo && p.k === 'w' && p.lc === 'to';
		const conjoined = p !== undefined && j >= lo && p.k === 'w' && CONJ.has(p.lc) && p.lc !== 'then';
		if (participle || infinitive || conjoined) {
			const main = this.mainSubject(lo, v);
			if (main && main.end <= toks[v]!.s) return main;
			if (depth < 3) {
				// the subject of an earlier cue in the sentence
				for (let k = j - 1; k >= lo; k--) {
					if (this.cueAt(k, lo) && !this.passive(k, lo)) {
						const s = this.cueSubject(k, lo, depth + 1);
						if (s) return s;
					}
				}
				// a quote's post attribution earlier in the sentence: “…,” the mayor said, adding that “…”
			}
			const post = this.postBefore(v, lo);
			if (post) return post;
			if (participle && p && isWord(p) && p.cap) return this.subjectBefore(v, lo);
			return null;
		}
		if (this.passive(v, lo)) return null;
		return this.subjectBefore(v, lo);
	}

	/** For a participle, a quote's inverted or direct attribution earlier in the sentence ("“…,” X said, adding"). */
	postBefore(v: number, lo: number): Mention | null {
		const toks = this.r.toks;
		for (let k = v - 1; k >= lo; k--) {
			if (toks[k]!.k === 'q') {
				const a = this.post(k);
				if (a && a.speaker) return a.speaker;
				return null;
			}
		}
		return null;
	}

	/** Addressee after a cue at `v` ("told Biden", "said to reporters", "in response to Biden"). */
	addresseeAfter(v: number, cls: CueClass, hi: number): Mention | null {
		const toks = this.r.toks;
		const n = toks[v + 1];
		if (!n) return null;
		if (cls === 'tell' && n.k === 'w' && n.lc !== 'that' && n.lc !== 'to' && !AUX.has(n.lc)) {
			const m = this.npRight(v + 1, hi, false);
			if (m && !(m.kind === 'pron' && PRONOUNS.get(m.toks[0]!.lc)!.person !== 3)) return m;
		}
		if (n.k === 'w' && n.lc === 'to' && cls === 'say') {
			const nn = toks[v + 2];
			if (nn && nn.k === 'w' && (nn.cap || DETERMINERS.has(nn.lc) || OBJECT_PRONOUNS.has(nn.lc)) && !(nn.lc === 'be' || nn.lc === 'have')) {
				const m = this.npRight(v + 2, hi, false);
				if (m && !(m.kind === 'pron' && PRONOUNS.get(m.toks[0]!.lc)!.person !== 3)) return m;
			}
		}
		// "said in response to Biden", "replying to Biden"
		for (let k = v + 1; k < Math.min(hi, v + 8); k++) {
			const x = toks[k]!;
			if (x.k !== 'w') {
				if (x.t === ',' || x.k === 'q') break;
				continue;
			}
			if ((x.lc === 'response' || x.lc === 'reply' || x.lc === 'responding' || x.lc === 'replying') && toks[k + 1]?.lc === 'to') {
				const m = this.npRight(k + 2, hi, false);
				if (m && m.kind === 'name') return m;
				break;
			}
		}
		return null;
	}

	/** "in an interview with X" in the sentence. */
	interviewWith(lo: number, hi: number): Mention | null {
		const toks = this.r.toks;
		for (let k = lo; k < hi - 2; k++) {
			if (toks[k]!.lc === 'interview' && toks[k + 1]!.lc === 'with') {
				const m = this.npRight(k + 2, hi, false);
				if (m && m.kind === 'name') return m;
			}
		}
		return null;
	}

	/** Attribution right after the quote token `qi`. */
	post(qi: number): PostAttribution | null {
		const memo = this.posts;
		if (memo === null) return this.computePost(qi);
		let r = memo.get(qi);
		if (r === undefined) {
			r = this.computePost(qi);
			memo.set(qi, r);
		}
		return r;
	}

	private computePost(qi: number): PostAttribution | null {
		const toks = this.r.toks;
		const q = toks[qi]!;
		let j = qi + 1;
		if (isPunct(toks[j], ',—–-')) j++;
		const first = toks[j];
		if (!isWord(first)) return null;
		const endsDot = ENDS_DOT.test(q.t) && !ENDS_COMMA_Q_EXCL.test(q.t);
		const commaAfter = isPunct(toks[qi + 1], ',—–-') || ENDS_COMMA_Q_EXCL.test(q.t);
		const slo = this.sentRange(qi)[0];
		const atStart = qi === 0 || qi === slo || isPunct(toks[qi - 1], '.!?:') || (toks[qi - 1]?.k === 'q' && endsSentence(toks[qi - 1]!.t));
		if (!commaAfter && !endsDot && !atStart) return null;
		const before = toks[qi - 1];
		if (before && before.k === 'w' && qi > slo && (DETERMINERS.has(before.lc) || NOT_BEFORE_POST.has(before.lc))) return null;
		const hi = Math.min(toks.length, j + 30);
		// inverted: “…,” said Officer Tusk
		const c0 = CUE_FORMS.get(first.lc);
		if (c0 && c0 !== 'name' && !first.cap) {
			let k = j + 1;
			while (k < hi && isAdverb(toks[k]!)) k++;
			const sp = this.npRight(k, hi, true);
			if (sp && sp.kind !== 'pron' || (sp && sp.kind === 'pron' && SUBJECT_PRONOUNS.has(sp.toks[0]!.lc))) {
				if (!endsDot || isPunct(toks[sp.toks.length + k], '.,') || k + sp.toks.length >= toks.length) return {speaker: sp, cue: first.t, v: j, cls: c0};
			}
		}
		// normal: “…,” Peskov added
		for (let v = j + 1; v < hi; v++) {
			const x = toks[v]!;
			if (x.k === 'p' && x.t !== ',' && x.t !== '(' && x.t !== ')' && x.t !== '.' && x.t !== '-') break;
			if (x.k === 'p' && x.t === '.' && !(toks[v - 1]?.t ?? '').endsWith('.')) break;
			if (x.k === 'q' && !(toks[v - 1]?.cap && toks[v + 1]?.cap)) break;
			const cls = this.cueAt(v, j);
			if (!cls) {
				if (x.k === 'w' && !x.cap && (isVerbish(x) && !AUX.has(x.lc) && !BETWEEN.has(x.lc))) break;
				continue;
			}
			if (cls === 'name') break;
			// the subject must start right after the quote (appositives included)
			const sp = this.subjectBefore(v, j);
			if (!sp || sp.start !== first.s) break;
			if (endsDot) {
				// “… .” Peskov said. — only when the cue clause ends the sentence right away
				let k = v + 1;
				let n = 0;
				while (k < toks.length && n < 8 && !isPunct(toks[k], '.!?')) {
					if (toks[k]!.k === 'q') return null;
					k++;
					n++;
				}
				if (!isPunct(toks[k], '.!?') && k < toks.length) return null;
			}
			return {speaker: sp, cue: x.t, v, cls};
		}
		return null;
	}

	/** Attribution right before the quote token `qi`: `X said, “…”`, `X told Y: “…”`, `Name: “…”`. */
	pre(qi: number, lo: number): {speaker: Mention | null; cue: string; v: number; cls: CueClass; via: Via} | null {
		const toks = this.r.toks;
		let j = qi - 1;
		if (j < lo) return null;
		const punct = isPunct(toks[j], ',:—–-');
		if (punct) j--;
		if (j < lo) return null;
		// a cue within a few tokens before the punctuation, with only its object/adverbial in between
		for (let v = j; v >= lo && j - v < 9; v--) {
			const x = toks[v]!;
			if (x.k === 'q' || (x.k === 'p' && x.t !== '.' && x.t !== '-' && x.t !== '(' && x.t !== ')')) break;
			const cls = this.cueAt(v, lo);
			if (!cls) continue;
			if (!punct && v !== j) break;
			if (cls === 'post' && !(punct && v === j)) continue;
			if (cls === 'name' && !punct) continue;
			if (this.passive(v, lo)) return {speaker: null, cue: x.t, v, cls, via: 'passive'};
			return {speaker: this.cueSubject(v, lo), cue: x.t, v, cls, via: 'pre'};
		}
		// colon label: "Chris Cillizza, The Washington Post: “…”"
		if (isPunct(toks[qi - 1], ':') && j - lo < 10) {
			let sp = this.npRight(lo, j + 1, true);
			if (sp && sp.kind === 'name') {
				// "Labour leader Kate Moss hit back:" — the name, not the words after it
				let e = sp.toks.length;
				while (e > 1 && !sp.toks[e - 1]!.cap && sp.toks[e - 1]!.k === 'w') e--;
				if (e < sp.toks.length) sp = mention(toks, lo, lo + e, this.text) ?? sp;
				return {speaker: sp, cue: ':', v: -1, cls: 'say', via: 'colon'};
			}
		}
		return null;
	}

	/** "according to X" in [lo, hi): the source, unless it is a channel. */
	according(lo: number, hi: number): Mention | null | undefined {
		const toks = this.r.toks;
		for (let k = lo; k < hi - 2; k++) {
			if (toks[k]!.lc !== 'according' || toks[k + 1]!.lc !== 'to') continue;
			const m = this.npRight(k + 2, hi, true);
			if (!m) continue;
			if (m.kind === 'pron') return m;
			if (m.toks.some((t) => t.k === 'w' && !t.cap && DOC_HEADS.has(t.lc))) {
				// "a readout of the call from the Kremlin": the body it comes from
				for (let x = k + 2; x < Math.min(hi, k + 16); x++) {
					const w = toks[x]!;
					if (w.k === 'p' || w.k === 'q') break;
					if (w.lc === 'from' || w.lc === 'by' || (w.lc === 'of' && toks[x + 1]?.cap)) {
						const src = this.npRight(x + 1, hi, true);
						if (src && src.kind === 'name' && !isChannel(src)) return src;
					}
				}
				return undefined;
			}
			if (isChannel(m)) return undefined;
			return m;
		}
		return undefined;
	}
}

/** Lower-cased head word of a mention: its last word before any "of"/"for" complement. */
export function headOf(m: Mention): string {
	let end = m.toks.length;
	const of = m.toks.findIndex((t, i) => i > 0 && t.k === 'w' && (t.lc === 'of' || t.lc === 'for'));
	if (of > 0) end = of;
	for (let i = end - 1; i >= 0; i--) {
		const t = m.toks[i]!;
		if (t.k === 'w') return stripPoss(t.lc);
	}
	return '';
}

/** A channel that passes words on (wire service, "state TV", "the report"): never a speaker. */
export function isChannel(m: Mention): boolean {
	let r = m.memo.channel;
	if (r === undefined) {
		r = channel(m);
		m.memo.channel = r;
	}
	return r;
}

function channel(m: Mention): boolean {
	const words: string[] = [];
	for (let i = 0; i < m.toks.length; i++) {
		const t = m.toks[i]!;
		if (t.k === 'w') words.push(stripPoss(t.lc));
	}
	if (words.length === 0) return false;
	const head = headOf(m);
	if (PERSON_HEADS.has(head)) return false;
	if (words.some((w) => WIRE_NAMES.has(w))) return true;
	if (CHANNEL_HEADS.has(head)) return true;
	if (head === 'tv' || head === 'television' || (words.includes('state') && (words.includes('tv') || words.includes('media')))) return true;
	return false;
}

// ------------------------------------------------------------------ kind of quote

/** Words right before a quoted title ("the book “…”", "NBC's “…”"). */
const TITLE_CONTEXT = new Set(['book', 'books', 'film', 'films', 'movie', 'show', 'shows', 'program', 'programme', 'series', 'song', 'songs', 'album', 'novel', 'titled', 'entitled', 'headlined', 'magazine', 'newspaper', 'column', 'article', 'documentary', 'play', 'opera', 'podcast', 'episode', 'slogan', 'hashtag', 'operation', 'broadcast', 'bestseller', 'memoir', 'essay', 'poem', 'report', 'study', 'painting', 'exhibition', 'track', 'single']);

const SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'vs', 'vs.', 'de', 'la', 'le', 'du', 'is', 'but', 'nor', 'into', 'over', 'per']);

const WORDS_RE = /[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu;

/** Words of `s` (at most `max`). */
function words(s: string, max: number): string[] {
	const out: string[] = [];
	WORDS_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while (out.length < max && (m = WORDS_RE.exec(s)) !== null) out.push(m[0]);
	return out;
}

/** Whether `s` reads as a title; `ws` is `words(s, 11)`. */
function titleCase(s: string, ws: readonly string[]): boolean {
	if (s.length > 120) return false;
	if (ws.length < 2 || ws.length > 10) return false;
	if (SENTENCE_INSIDE.test(s.trim())) return false;
	let caps = 0;
	for (let i = 0; i < ws.length; i++) {
		const w = ws[i]!;
		if (CAP_OR_DIGIT_START.test(w)) caps++;
		else if (!(i > 0 && SMALL.has(w.toLowerCase()))) return false;
	}
	return caps >= 2 && CAP_OR_DIGIT_START.test(ws[0]!);
}

function startsClause(prev: Tok | undefined, text: string): boolean {
	const first = text.trimStart()[0] ?? '';
	const upper = CLAUSE_START_CHAR.test(first);
	if (!prev) return upper;
	if (prev.k === 'p' && CLAUSE_PUNCT.test(prev.t)) return upper;
	if (prev.k === 'p' && STOP_PUNCT.test(prev.t)) return true;
	if (prev.k === 'q') return upper && endsSentence(prev.t);
	return false;
}

// ------------------------------------------------------------------ article driver

/** Furniture kinds that may still carry attributable quotes (a headline printed as furniture). */
const QUOTE_BEARING = new Set(['headline', 'standfirst']);

/** Regions to scan: body, headline and standfirst paragraphs (captions and furniture are skipped). */
export function regionsOf(article: Article): Span[] {
	const text = article.text;
	const furn = article.furniture.filter((f) => !QUOTE_BEARING.has(f.kind as string));
	let regs: Span[] = article.paragraphs
		.filter((p) => {
			const role = (p as {role?: string}).role;
			return role !== 'caption';
		})
		.map((p) => ({start: p.start, end: p.end}));
	if (regs.length === 0 && text.length > 0) {
		regs = [];
		let s = 0;
		for (let i = 0; i <= text.length; i++) {
			if (i === text.length || text[i] === '\n') {
				if (text.slice(s, i).trim()) regs.push({start: s, end: i});
				s = i + 1;
			}
		}
	}
	regs = regs.filter((r) => !furn.some((f) => f.start <= r.start && f.end >= r.end));
	sortInPlace(regs, (a, b) => a.start - b.start);
	return regs;
}

/** One outer quote's attribution as its region (paragraph) alone determines it. */
interface QuoteFacts {
	readonly speaker: Mention | null;
	readonly addressee: Mention | null;
	readonly cue: string | null;
	readonly via: Via;
	readonly cueBelief: boolean;
	readonly kind: LocalQuote['kind'];
	/** Token index of the quote in its region, and of the first token of its sentence. */
	readonly i: number;
	readonly lo: number;
	/** Nothing but punctuation shares the quote's sentence. */
	readonly whole: boolean;
}

/** What one region yields. `quotes` is by slot ordinal (undefined for a slot that did not become a token). */
interface RegionFacts {
	/** Offset of the region the offsets below are for. */
	readonly base: number;
	readonly infos: readonly SentenceInfo[];
	readonly quotes: readonly (QuoteFacts | undefined)[];
}

/**
 * Region results shared by the articles of one story: a paragraph that recurs (wire copy in many
 * outlets) is tokenized and attributed once. All a region yields depends on its text (and the
 * character right after it, which the tokenizer may read), its length and its quote slots, its
 * offset and its index only: keyed by that text, then by `slotsKey`.
 */
export type RegionMemo = Map<string, Map<string, RegionFacts>>;

/** The region's length and its quote slots relative to its start, or null when it cannot be memoised safely. */
function slotsKey(text: string, reg: Span, slots: readonly QuoteSlot[]): string | null {
	const rs = reg.start;
	const re = reg.end;
	if (!(Number.isInteger(rs) && Number.isInteger(re) && rs >= 0 && rs <= re && re <= text.length)) return null;
	let k = String(re - rs);
	for (let i = 0; i < slots.length; i++) {
		const s = slots[i]!;
		if (s.open < rs || s.close > re || s.start < rs || s.end > re) return null;
		k += `,${s.open - rs},${s.close - rs},${s.start - rs},${s.end - rs}`;
	}
	return k;
}

/** A mention of a memoised region, moved by `d` (its tokens are shared: see Mention.toks). */
function moved(m: Mention, d: number): Mention {
	return {start: m.start + d, end: m.end + d, text: m.text, kind: m.kind, toks: m.toks, memo: m.memo};
}

function movedOrNull(m: Mention | null, d: number): Mention | null {
	return m === null ? null : moved(m, d);
}

/** The sentence facts of a memoised region, moved by `d` into region `region`. */
function movedInfo(s: SentenceInfo, d: number, region: number): SentenceInfo {
	const cueSubjects: Mention[] = [];
	for (let i = 0; i < s.cueSubjects.length; i++) cueSubjects.push(moved(s.cueSubjects[i]!, d));
	const names: Mention[] = [];
	for (let i = 0; i < s.names.length; i++) names.push(moved(s.names[i]!, d));
	return {region, start: s.start + d, end: s.end + d, subject: movedOrNull(s.subject, d), cueSubjects, names};
}

/** Tokenize one region, read its sentences and attribute its outer quotes (`slots`) in place. */
function scanRegion(text: string, r: number, reg: Span, slots: readonly QuoteSlot[], quotes: readonly LocalQuote[]): RegionFacts {
	const infos: SentenceInfo[] = [];
	const toks = tokenize(text, reg.start, reg.end, slots);
	const region: Region = {index: r, toks, sents: [], sentOf: []};
	const ctx = new Ctx(text, region);
	const sents = sentences(toks, (i) => {
		const t = toks[i]!;
		if (!ENDS_Q_EXCL.test(t.t)) return false;
		return ctx.post(i) !== null;
	});
	(region as {sents: [number, number][]}).sents = sents;
	// (indexed loops: this runs once per distinct paragraph, much of it before the code is optimised;
	// the sentences cover the tokens in order, so pushing fills sentOf index by index)
	for (let si = 0; si < sents.length; si++) {
		const b = sents[si]![1];
		for (let k = sents[si]![0]; k < b; k++) region.sentOf.push(si);
	}
	ctx.settle();
	// the quote tokens with their slot ordinals (quote tokens come in slot order; a slot inside
	// an earlier one has no token)
	const inRegion: {q: LocalQuote; i: number; o: number}[] = [];
	let o = 0;
	for (let i = 0; i < toks.length; i++) {
		const t = toks[i]!;
		if (t.k !== 'q') continue;
		while (slots[o]!.index !== t.q) o++;
		inRegion.push({q: quotes[t.q]!, i, o});
	}
	for (let si = 0; si < sents.length; si++) {
		const a = sents[si]![0];
		const b = sents[si]![1];
		const cueSubjects: Mention[] = [];
		for (let k = a; k < b; k++) {
			const cls = ctx.cueAt(k, a);
			if (!cls || cls === 'post' || cls === 'name') continue;
			const s = ctx.cueSubject(k, a);
			if (s && !isChannel(s)) cueSubjects.push(s);
		}
		for (let k = a; k < b; k++) {
			const t = toks[k]!;
			if (t.k === 'q') {
				const pa = ctx.post(k);
				if (pa?.speaker && !isChannel(pa.speaker) && !cueSubjects.some((m) => m.start === pa.speaker!.start)) cueSubjects.push(pa.speaker);
			}
		}
		sortInPlace(cueSubjects, (x, y) => x.start - y.start);
		infos.push({region: r, start: toks[a]!.s, end: toks[b - 1]!.e, subject: ctx.mainSubject(a, b), cueSubjects, names: nameRuns(toks, a, b, text)});
	}
	// in the article's quote order, as the rules' shared cue cache sees them
	sortInPlace(inRegion, (x, y) => x.q.index - y.q.index);
	for (let n = 0; n < inRegion.length; n++) attributeQuote(inRegion[n]!.q, ctx, inRegion[n]!.i);
	for (let n = 0; n < inRegion.length; n++) {
		const {q, i} = inRegion[n]!;
		if (!q.speaker || q.addressee) continue;
		const range = ctx.sentRange(i);
		q.addressee = ctx.interviewWith(range[0], range[1]);
	}
	const facts: (QuoteFacts | undefined)[] = new Array<QuoteFacts | undefined>(slots.length).fill(undefined);
	for (let n = 0; n < inRegion.length; n++) {
		const {q, i, o} = inRegion[n]!;
		q.kind = kindOf(q, ctx, i);
		const range = ctx.sentRange(i);
		const lo = range[0];
		const hi = range[1];
		let whole = true;
		for (let k = lo; k < hi && whole; k++) if (k !== i && toks[k]!.k !== 'p') whole = false;
		facts[o] = {speaker: q.speaker, addressee: q.addressee, cue: q.cue, via: q.via, cueBelief: q.cueBelief, kind: q.kind, i, lo, whole};
	}
	return {base: reg.start, infos, quotes: facts};
}

/** Patterns 1–6 of the module comment for one outer quote (token `i` of `ctx`'s region). */
function attributeQuote(q: LocalQuote, ctx: Ctx, i: number): void {
	const toks = ctx.r.toks;
	const range = ctx.sentRange(i);
	const lo = range[0];
	const hi = range[1];
	// 1. transcript label
	const label = LABEL.exec(q.text);
	if (label && TWO_CAPS.test(label[1]!)) {
		const s = q.start + label.index + label[0].indexOf(label[1]!);
		q.speaker = {start: s, end: s + label[1]!.length, text: label[1]!, kind: 'label', toks: [], memo: {}};
		q.cue = ':';
		q.via = 'label';
		return;
	}
	// 2. right after
	const post = ctx.post(i);
	if (post && post.speaker && !isChannel(post.speaker)) {
		q.speaker = post.speaker;
		q.cue = post.cue;
		q.via = 'post';
		q.cueBelief = BELIEF.has(post.cue.toLowerCase());
		q.addressee = ctx.addresseeAfter(post.v, post.cls, hi);
		return;
	}
	// 3. right before
	const pre = ctx.pre(i, lo);
	if (pre && (pre.via === 'passive' || (pre.speaker && !isChannel(pre.speaker)))) {
		q.speaker = pre.speaker;
		q.cue = pre.cue;
		q.via = pre.via;
		q.cueBelief = BELIEF.has(pre.cue.toLowerCase());
		if (pre.v >= 0) q.addressee = ctx.addresseeAfter(pre.v, pre.cls, hi);
		return;
	}
	// 4. nearest cue to the left in the sentence; cues in relative clauses ("anybody who
	// complains"), free relatives ("what she calls") and negated cues ("did not mention") only
	// count when nothing better is found further left
	let done = false;
	let fallback: {s: Mention; v: number; cls: CueClass} | null = null;
	for (let v = i - 1; v >= lo && !done; v--) {
		const cls = ctx.cueAt(v, lo);
		if (!cls || cls === 'post') continue;
		if (cls === 'name') {
			let blocked = i - v > 10;
			for (let k = v + 1; k < i && !blocked; k++) if (toks[k]!.k !== 'w') blocked = true;
			if (blocked) continue;
		}
		const cue = toks[v]!;
		if (ctx.passive(v, lo)) {
			if (cls === 'name' || fallback) continue;
			// "was said to be …" with no agent: nobody is named
			let agent: Mention | null = null;
			for (let k = v + 1; k < i; k++)
				if (toks[k]!.lc === 'by') {
					agent = ctx.npRight(k + 1, i, true);
					break;
				}
			q.speaker = agent && !isChannel(agent) ? agent : null;
			q.cue = cue.t;
			q.via = 'passive';
			done = true;
			break;
		}
		const s = ctx.cueSubject(v, lo);
		if (!s || isChannel(s)) continue;
		if (ctx.weakCue(v, lo)) {
			fallback ??= {s, v, cls};
			continue;
		}
		q.speaker = s;
		q.cue = cue.t;
		q.via = 'embedded';
		q.cueBelief = BELIEF.has(cue.lc);
		q.addressee = ctx.addresseeAfter(v, cls, i);
		done = true;
	}
	if (!done && fallback) {
		q.speaker = fallback.s;
		q.cue = toks[fallback.v]!.t;
		q.via = 'embedded';
		q.cueBelief = BELIEF.has(toks[fallback.v]!.lc);
		q.addressee = ctx.addresseeAfter(fallback.v, fallback.cls, i);
		done = true;
	}
	if (done) return;
	// 5. according to X
	const acc = ctx.according(lo, hi);
	if (acc) {
		q.speaker = acc;
		q.cue = 'according to';
		q.via = 'according';
		return;
	}
	// 6. a cue later in the sentence
	for (let v = i + 1; v < hi && !done; v++) {
		const cls = ctx.cueAt(v, lo);
		if (!cls || cls === 'post' || cls === 'name') continue;
		if (ctx.passive(v, lo)) break;
		const s = ctx.cueSubject(v, lo);
		if (!s || isChannel(s)) continue;
		q.speaker = s;
		q.cue = toks[v]!.t;
		q.via = 'later';
		q.cueBelief = BELIEF.has(toks[v]!.lc);
		q.addressee = ctx.addresseeAfter(v, cls, hi);
		done = true;
	}
}

/**
 * Attribute every quote of one article (speakers as written, before coreference). `memo` shares
 * region results between the articles of a story.
 */
export function attributeArticle(article: Article, memo?: RegionMemo): ArticleAttribution {
	const text = article.text;
	const regions = regionsOf(article);
	const furn = article.furniture.filter((f) => !QUOTE_BEARING.has(f.kind as string));
	const raw = findQuotes(text, regions).filter((q) => !furn.some((f) => f.start <= q.start && f.end >= q.end));
	// re-index parents after filtering
	const quotes: LocalQuote[] = raw.map((q, i) => ({
		raw: q,
		index: i,
		start: q.start,
		end: q.end,
		text: text.slice(q.start, q.end),
		kind: 'partial',
		speaker: null,
		addressee: null,
		cue: null,
		via: 'none',
		cueBelief: false,
		parent: q.parent,
		region: q.region,
	}));
	const infos: SentenceInfo[] = [];
	/** Region facts of the outer quotes that became tokens, by quote index. */
	const facts = new Map<number, QuoteFacts>();
	// parents of quotes refer to indices in `raw`, which survived filtering only if inside body
	const outerByRegion = new Map<number, LocalQuote[]>();
	for (let n = 0; n < quotes.length; n++) {
		const q = quotes[n]!;
		const parentOk = q.parent >= 0 && raw[q.parent] !== undefined;
		if (parentOk) continue;
		const list = outerByRegion.get(q.region) ?? [];
		list.push(q);
		outerByRegion.set(q.region, list);
	}
	for (let r = 0; r < regions.length; r++) {
		const reg = regions[r]!;
		const outer = outerByRegion.get(r);
		if (outer) sortInPlace(outer, (a, b) => a.raw.open - b.raw.open);
		const slots: QuoteSlot[] = [];
		let lastClose = -1;
		for (let n = 0; outer && n < outer.length; n++) {
			const q = outer[n]!;
			if (q.raw.open < lastClose) continue;
			slots.push({open: q.raw.open, close: q.raw.close, start: q.start, end: q.end, index: q.index});
			lastClose = q.raw.close;
		}
		const key = memo ? slotsKey(text, reg, slots) : null;
		let bucket: Map<string, RegionFacts> | undefined;
		if (key !== null) {
			const textKey = text.slice(reg.start, reg.end + 1);
			bucket = memo!.get(textKey);
			if (!bucket) memo!.set(textKey, (bucket = new Map()));
		}
		const hit = key !== null ? bucket!.get(key) : undefined;
		if (hit) {
			// a recurring paragraph: its facts, moved here
			const d = reg.start - hit.base;
			for (let n = 0; n < hit.infos.length; n++) infos.push(movedInfo(hit.infos[n]!, d, r));
			for (let o = 0; o < hit.quotes.length; o++) {
				const f = hit.quotes[o];
				if (!f) continue;
				const q = quotes[slots[o]!.index]!;
				q.speaker = movedOrNull(f.speaker, d);
				q.addressee = movedOrNull(f.addressee, d);
				q.cue = f.cue;
				q.via = f.via;
				q.cueBelief = f.cueBelief;
				q.kind = f.kind;
				facts.set(q.index, f);
			}
		} else {
			const rf = scanRegion(text, r, reg, slots, quotes);
			if (key !== null) bucket!.set(key, rf);
			for (let n = 0; n < rf.infos.length; n++) infos.push(rf.infos[n]!);
			for (let o = 0; o < rf.quotes.length; o++) {
				const f = rf.quotes[o];
				if (f) facts.set(slots[o]!.index, f);
			}
		}
	}
	// kinds of the quotes that were not tokens (inside another quote)
	for (let n = 0; n < quotes.length; n++) {
		const q = quotes[n]!;
		if (!facts.has(q.index)) q.kind = kindOf(q, undefined, -1);
		if (q.parent >= 0 && raw[q.parent] !== undefined) q.kind = q.kind === 'full' ? 'partial' : q.kind;
	}
	// follow-on quotes
	let prevAttr: LocalQuote | null = null;
	const sorted = sortInPlace(
		quotes.filter((q) => facts.has(q.index)),
		(a, b) => a.start - b.start,
	);
	for (const q of sorted) {
		if (q.speaker || q.via === 'passive') {
			if (q.speaker) prevAttr = q;
			continue;
		}
		const at = facts.get(q.index)!;
		const cont = q.raw.continues >= 0 ? quotes[q.raw.continues] : undefined;
		if (cont && cont.speaker) {
			inherit(q, cont, 'continues');
			prevAttr = q;
			continue;
		}
		if (q.kind !== 'full' || !prevAttr) continue;
		const wholeSentence = at.whole;
		const sameRegion = prevAttr.region === q.region;
		const prevRegion = prevAttr.region === q.region - 1 && at.i === 0 && lastQuoteOfRegion(sorted, prevAttr);
		if ((sameRegion && (wholeSentence || at.i === at.lo)) || prevRegion) {
			// a different speaker named in between breaks the chain
			const between = infos.filter((s) => s.start > prevAttr!.end && s.end < q.start && s.cueSubjects.length > 0);
			if (between.length === 0) {
				inherit(q, prevAttr, 'follow');
				prevAttr = q;
			}
		}
	}
	// the opening paragraphs of a multi-paragraph quote take the speaker named at its end
	for (let k = sorted.length - 1; k >= 0; k--) {
		const q = sorted[k]!;
		const prev = q.raw.continues >= 0 ? quotes[q.raw.continues] : undefined;
		if (prev && q.speaker && !prev.speaker && prev.via !== 'passive') inherit(prev, q, 'continues');
	}
	// terms and titles carry no speaker
	for (let n = 0; n < quotes.length; n++) {
		const q = quotes[n]!;
		if (q.kind === 'term' || q.kind === 'title') {
			q.speaker = null;
			q.addressee = null;
			q.cue = null;
		}
		if (q.parent >= 0 && raw[q.parent] !== undefined) {
			q.speaker = null;
			q.addressee = null;
		}
	}
	return {quotes, sentences: infos, regions};
}

function lastQuoteOfRegion(sorted: readonly LocalQuote[], q: LocalQuote): boolean {
	return !sorted.some((x) => x.region === q.region && x.start > q.start && x.parent < 0);
}

function inherit(q: LocalQuote, from: LocalQuote, via: Via): void {
	q.speaker = from.speaker;
	q.cue = from.cue;
	q.addressee = from.addressee;
	q.via = via;
}

function kindOf(q: LocalQuote, ctx: Ctx | undefined, i: number): LocalQuote['kind'] {
	const t = q.text.trim();
	// (the rules below only compare the count with numbers under 8: titleCase's 11 words serve both)
	const ws = words(t, 11);
	const prev = ctx && i > 0 ? ctx.r.toks[i - 1] : undefined;
	const prev2 = ctx && i > 1 ? ctx.r.toks[i - 2] : undefined;
	const direct = q.via === 'post' || q.via === 'pre' || q.via === 'label' || q.via === 'colon';
	const nameCue = q.cue !== null && CUE_FORMS.get(q.cue.toLowerCase()) === 'name';
	// titles: "Meet the Press", "One Hundred Years of Solitude"; nicknames under a cue are speech
	if (titleCase(t, ws) && ctx && i >= 0) {
		const toks = ctx.r.toks;
		let context = prev !== undefined && prev.k === 'w' && prev.poss;
		for (let k = i - 1; k >= Math.max(0, i - 3) && !context; k--) if (TITLE_CONTEXT.has(toks[k]!.lc)) context = true;
		let cueBefore = false;
		for (let k = i - 1; k >= Math.max(0, i - 9); k--) {
			const x = toks[k]!;
			if (x.k !== 'w') break;
			const c = CUE_FORMS.get(x.lc);
			if (c && c !== 'post' && !BELIEF.has(x.lc)) {
				cueBefore = true;
				break;
			}
		}
		if (prev && prev.k === 'w' && TITLE_PREPS.has(prev.lc)) context = true;
		if (context) return 'title';
		if (!(direct && startsClause(prev, q.text)) && !cueBefore) return 'title';
	}
	// scare quotes: Moscow’s “red lines”, so-called “deal”
	if (ws.length <= 4 && prev && prev.k === 'w') {
		const soCalled = prev.lc === 'so-called' || (prev.lc === 'called' && prev2?.lc === 'so');
		if (soCalled) return 'term';
		if (prev.poss && !nameCue && !(prev2 && prev2.k === 'w' && NAMING_CUE.test(prev2.lc))) return 'term';
	}
	if (q.cueBelief && ws.length <= 3) return 'term';
	if (!q.speaker && q.via !== 'passive' && ws.length <= 3 && !ENDS_STOP.test(t)) return 'term';
	if (ctx && i >= 0 && (startsClause(prev, q.text) || SENTENCE_THEN_CAP.test(t))) return 'full';
	if (prev && prev.lc === 'that' && ws.length >= 6 && CLAUSE_PRONOUN.test(ws[0] ?? '')) return 'full';
	return 'partial';
}

/** Capitalised name runs in tokens [a, b) (outside quotes), each with its descriptor words. */
function nameRuns(toks: readonly Tok[], a: number, b: number, text: string): Mention[] {
	const out: Mention[] = [];
	let k = a;
	while (k < b) {
		const t = toks[k]!;
		if (t.k === 'w' && t.cap && !(STOP.has(t.lc) && !TITLES.has(t.lc)) && !TIME_WORDS.has(t.lc)) {
			let e = k + 1;
			while (e < b) {
				const x = toks[e]!;
				if (x.k === 'w' && x.cap && !TIME_WORDS.has(x.lc) && !(STOP.has(x.lc) && !TITLES.has(x.lc))) {
					e++;
					if (x.poss) break;
					continue;
				}
				if (x.k === 'w' && PARTICLES.has(x.lc) && toks[e + 1]?.cap) {
					e++;
					continue;
				}
				if (x.k === 'w' && x.lc === 'of' && TITLES.has(toks[e - 1]!.lc) && toks[e + 1]?.cap) {
					e++;
					continue;
				}
				break;
			}
			// descriptor: lower-case words right before (e.g. "spokeswoman", "counterpart")
			let d = k;
			while (d - 1 >= a && npWord(toks[d - 1]) && (!toks[d - 1]!.cap || TITLES.has(toks[d - 1]!.lc) || isNationality(toks[d - 1]!.lc)) && !DETERMINERS.has(toks[d - 1]!.lc) && k - d < 5) d--;
			if (d < k && d - 1 >= a && toks[d - 1]!.k === 'w' && NAME_DETERMINERS.has(toks[d - 1]!.lc)) d--;
			const m = mention(toks, d, e, text, 'name');
			if (m) out.push(m);
			k = e;
			continue;
		}
		k++;
	}
	return out;
}

