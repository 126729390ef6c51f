/**
 * Coreference and canonical names across a story's articles.
 *
 * Canonical names come from the texts only: a person's canonical name is the longest full-name
 * mention in the story that ends with the same surname ("Putin" → "Vladimir Putin", taken from
 * "Russian President Vladimir Putin" with the titles stripped). When two full names share a
 * surname, a bare surname goes to the full name mentioned most recently before it in the same
 * article (else the most frequent). Pronouns go to the most recent compatible subject or speaker;
 * descriptions ("the Russian leader", "the US President") go to the person whose titles and roles
 * in the story share the most words with them.
 */
import type {Tok} from './tokens.js';
import {headOf, type ArticleAttribution, type Mention, type SentenceInfo} from './attribute.js';
import {sortInPlace} from './sort.js';
import {DETERMINERS, FEMALE_NAMES, HONORIFICS, FEMALE_WORDS, MALE_NAMES, MALE_WORDS, ORG_WORDS, PERSON_HEADS, PRONOUNS, TITLES, isNationality} from './lexicon.js';

const PLURAL_HEADS = new Set(['men', 'women', 'people', 'police', 'staff', 'crowd', 'public', 'children']);
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'das']);
const PREPS = new Set(['of', 'for', 'with', 'at', 'from', 'in', 'near', 'outside', 'inside', 'on']);
const SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);
/** Words a description may add without changing who it fits ("the former president"). */
const QUALIFIERS = new Set(['former', 'top', 'senior', 'then', 'current', 'new', 'late', 'outgoing', 'incoming', 'longtime', 'long-time', 'veteran', 'acting', 'interim', 'embattled']);

/** A name read off a mention: the words of the name and what kind of bearer it has. */
export interface Core {
	readonly words: readonly string[];
	readonly body: boolean;
	/** Titles and role words that came with it, lower case ("russian", "president"). */
	readonly descriptors: readonly string[];
	/** Preceded by a title or honorific (a person even with one word). */
	readonly titled: boolean;
	readonly gender: 'm' | 'f' | null;
	/** The words joined ("Vladimir Putin"), the last one and the first one lower-cased. */
	readonly name: string;
	readonly surname: string;
	readonly first: string;
}

function core(words: readonly string[], body: boolean, descriptors: readonly string[], titled: boolean, gender: Core['gender']): Core {
	return {words, body, descriptors, titled, gender, name: words.join(' '), surname: words[words.length - 1]!.toLowerCase(), first: words[0]!.toLowerCase()};
}

const POSS_S = /['’]s$/i;
const POSS_S_LOWER = /['’]s$/;
const APOSTROPHE_END = /['’]$/;
const SPACES = /\s+/;
const LETTER = /\p{L}/u;
const CAP_START = /^\p{Lu}/u;

function clean(w: string): string {
	return w.replace(POSS_S, '').replace(APOSTROPHE_END, '');
}

function normDesc(w: string): string {
	const l = w.toLowerCase().replace(POSS_S_LOWER, '');
	if (l === 'u.s.' || l === 'us' || l === 'american' || l === 'u.s' || l === 'america') return 'us';
	if (l === 'u.k.' || l === 'uk' || l === 'british' || l === 'britain') return 'uk';
	return l;
}

const NATIONALITY = new Map<string, boolean>();

function nationality(lc: string): boolean {
	let r = NATIONALITY.get(lc);
	if (r === undefined) {
		r = isNationality(lc);
		if (NATIONALITY.size < 50_000) NATIONALITY.set(lc, r);
	}
	return r;
}

function isTitle(lc: string): boolean {
	return TITLES.has(lc) || (lc.endsWith('.') && TITLES.has(lc.slice(0, -1)));
}

/** A title, a determiner, or a nationality word in front of a title ("Russian President"). */
function titleLike(i: number, list: readonly {lc: string}[]): boolean {
	const w = list[i]!;
	if (isTitle(w.lc) || DETERMINERS.has(w.lc)) return true;
	const next = list[i + 1];
	return next !== undefined && nationality(w.lc) && (isTitle(next.lc) || nationality(next.lc));
}

/**
 * Cores of a story's mentions by what `computeCore` reads of them (the kind, a label's text, the
 * tokens' kinds, text, lower case and capitals), listed under the mention's text: the same names
 * recur across paragraphs and outlets.
 */
type CoreCache = Map<string, {readonly kind: Mention['kind']; readonly toks: readonly Tok[]; readonly core: Core | null}[]>;

function sameWords(a: readonly Tok[], b: readonly Tok[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i]!;
		const y = b[i]!;
		if (x.k !== y.k || x.t !== y.t || x.lc !== y.lc || x.cap !== y.cap) return false;
	}
	return true;
}

/** The name inside a `name` or `label` mention, or null for descriptions and pronouns; `cache` is the story's. */
export function coreOf(m: Mention, cache: CoreCache): Core | null {
	if (m.kind !== 'name' && m.kind !== 'label') return null;
	let c = m.memo.core;
	if (c === undefined) {
		c = coreByWords(m, cache);
		m.memo.core = c;
	}
	return c;
}

function coreByWords(m: Mention, cache: CoreCache): Core | null {
	const list = cache.get(m.text);
	if (list) for (const e of list) if (e.kind === m.kind && sameWords(e.toks, m.toks)) return e.core;
	const core = computeCore(m);
	if (list) list.push({kind: m.kind, toks: m.toks, core});
	else cache.set(m.text, [{kind: m.kind, toks: m.toks, core}]);
	return core;
}

function computeCore(m: Mention): Core | null {
	if (m.kind === 'label') {
		const w = m.text
			.trim()
			.split(SPACES)
			.map((x) => x.charAt(0) + x.slice(1).toLowerCase());
		return core(w, false, [], false, null);
	}
	if (m.kind !== 'name') return null;
	// words outside parentheses and quotes
	const ws: {t: string; lc: string; cap: boolean}[] = [];
	let paren = 0;
	for (const t of m.toks) {
		if (t.k === 'p') {
			if (t.t === '(') paren++;
			else if (t.t === ')') paren = Math.max(0, paren - 1);
			continue;
		}
		if (t.k === 'q' || paren > 0) continue;
		ws.push({t: t.t, lc: t.lc, cap: t.cap});
	}
	if (ws.length === 0) return null;
	// split at the first lower-case "of": "Officer Tusk of the … Department" / "Secretary of State Antony Blinken"
	let part = ws;
	const of = ws.findIndex((w) => !w.cap && PREPS.has(w.lc));
	if (of > 0) {
		const pre = ws.slice(0, of);
		const preName = pre.some((w) => w.cap && !TITLES.has(w.lc) && !DETERMINERS.has(w.lc) && !isNationality(w.lc) && !PERSON_HEADS.has(w.lc));
		// ("US Secretary of State Antony Blinken": a nationality may come with the titles)
		const preTitles = pre.every((w) => TITLES.has(w.lc) || DETERMINERS.has(w.lc) || nationality(w.lc) || normDesc(w.t) === 'us' || normDesc(w.t) === 'uk');
		// "Officer Tusk of the … Department" → the name; "Secretary of State Antony Blinken" → after;
		// "officials in Moscow", "a spokesman for the campaign" → a description
		if (preName) part = pre;
		else if (preTitles && ws[of]!.lc === 'of') part = ws.slice(of + 1);
		else return null;
	}
	const last = part[part.length - 1]!;
	const descriptors = ws.filter((w, i) => !w.cap || titleLike(i, ws)).map((w) => normDesc(w.t)).filter((w) => !DETERMINERS.has(w) && w !== 'of');
	if (!last.cap) return null;
	// trailing capitalised run (particles allowed inside)
	let s = part.length - 1;
	while (s - 1 >= 0 && (part[s - 1]!.cap || (PARTICLES.has(part[s - 1]!.lc) && s - 2 >= 0 && part[s - 2]!.cap))) {
		if (POSS_S_LOWER.test(part[s - 1]!.t) && s - 1 < part.length - 1) break; // "CNN's Jake Tapper"
		s--;
	}
	let run = part.slice(s);
	// strip leading determiners, titles and nationality words: the name is after the last title
	let lastTitle = -1;
	run.forEach((_, i) => {
		if (titleLike(i, run)) lastTitle = i;
	});
	// A title word last is a surname after an honorific ("Mr. King") or a first name ("Larry King")
	if (lastTitle === run.length - 1 && run.length >= 2) {
		const before = run[run.length - 2]!.lc;
		if (HONORIFICS.has(before)) lastTitle = run.length - 2;
		else if (MALE_NAMES.has(before) || FEMALE_NAMES.has(before)) {
			lastTitle = -1;
			for (let i = 0; i < run.length - 2; i++) if (titleLike(i, run)) lastTitle = i;
		}
	}
	const titled = lastTitle >= 0 || s > 0;
	// "Senate Majority Leader Chuck Schumer" is a person: only the words after the last title count
	const orgish = (lastTitle >= 0 && lastTitle < run.length - 1 ? run.slice(lastTitle + 1) : run).some((w) => ORG_WORDS.has(clean(w.lc)));
	if (lastTitle >= 0 && lastTitle < run.length - 1 && !orgish) run = run.slice(lastTitle + 1);
	else if (orgish) {
		while (run.length > 1 && DETERMINERS.has(run[0]!.lc)) run = run.slice(1);
	} else if (lastTitle === run.length - 1) return null; // "the President": a description
	while (run.length > 1 && SUFFIXES.has(run[run.length - 1]!.lc)) run = run.slice(0, -1);
	const words = run.map((w, i) => (i === run.length - 1 ? clean(w.t) : w.t));
	if (words.length === 0 || words.every((w) => !LETTER.test(w))) return null;
	const all = ws.map((w) => w.lc);
	let gender: 'm' | 'f' | null = null;
	if (all.some((w) => FEMALE_WORDS.has(w) && w !== 'her')) gender = 'f';
	else if (all.some((w) => MALE_WORDS.has(w) && w !== 'his')) gender = 'm';
	else if (!orgish && words.length >= 2) {
		const f = words[0]!.toLowerCase();
		if (FEMALE_NAMES.has(f)) gender = 'f';
		else if (MALE_NAMES.has(f)) gender = 'm';
	}
	return core(words, orgish, descriptors, titled, gender);
}

interface Full {
	readonly name: string;
	readonly first: string;
	count: number;
	gender: 'm' | 'f' | null;
	readonly descriptors: Set<string>;
}

interface Seen {
	readonly article: number;
	readonly pos: number;
	readonly full: Full;
}

/** The story's name table: surname → full names, with descriptors and genders. */
export class StoryNames {
	/** Cores of the story's mentions (see `coreOf`). */
	readonly cores: CoreCache = new Map();
	private readonly bySurname = new Map<string, Full[]>();
	private readonly byName = new Map<string, Full>();
	private readonly byFirst = new Map<string, Full[]>();
	/** Every full name, surname by surname (built on first use). */
	private all: Full[] | null = null;
	private readonly seen: Seen[] = [];
	/** Seen entries per article, in text order. */
	private readonly seenBy = new Map<number, Seen[]>();
	private readonly singles = new Map<string, {descriptors: Set<string>; gender: 'm' | 'f' | null; titled: boolean}>();

	constructor(arts: readonly ArticleAttribution[]) {
		arts.forEach((a, ai) => {
			// indexed loops: one call per mention of the story, much of it before the code is optimised
			for (let i = 0; i < a.sentences.length; i++) {
				const s = a.sentences[i]!;
				for (let j = 0; j < s.names.length; j++) this.add(s.names[j]!, ai);
				for (let j = 0; j < s.cueSubjects.length; j++) this.add(s.cueSubjects[j]!, ai);
			}
			for (let i = 0; i < a.quotes.length; i++) {
				const q = a.quotes[i]!;
				if (q.speaker) this.add(q.speaker, ai);
				if (q.addressee) this.add(q.addressee, ai);
			}
		});
		// single-word names absorb descriptors into their full name
		for (const [w, info] of this.singles) {
			const fulls = this.bySurname.get(w);
			if (fulls && fulls.length === 1) {
				for (const d of info.descriptors) fulls[0]!.descriptors.add(d);
				if (!fulls[0]!.gender) fulls[0]!.gender = info.gender;
			}
		}
		// entries come article by article: a stable sort of each article's by position is the
		// stable sort of all by (article, position)
		for (const x of this.seen) {
			const l = this.seenBy.get(x.article) ?? [];
			l.push(x);
			this.seenBy.set(x.article, l);
		}
		for (const l of this.seenBy.values()) sortInPlace(l, (x, y) => x.pos - y.pos);
	}

	private add(m: Mention, article: number): void {
		const c = coreOf(m, this.cores);
		if (!c || c.body) return;
		const key = c.surname;
		if (c.words.length < 2) {
			const s = this.singles.get(key) ?? {descriptors: new Set<string>(), gender: null, titled: false};
			for (let i = 0; i < c.descriptors.length; i++) s.descriptors.add(c.descriptors[i]!);
			s.gender ??= c.gender;
			s.titled ||= c.titled;
			this.singles.set(key, s);
			return;
		}
		if (c.words.length > 4) return;
		const name = c.name;
		// a name's surname is its last word: the one list it can be in
		let f = this.byName.get(name);
		if (!f) {
			f = {name, first: c.first, count: 0, gender: c.gender, descriptors: new Set()};
			const list = this.bySurname.get(key) ?? [];
			list.push(f);
			this.bySurname.set(key, list);
			this.byName.set(name, f);
			const byF = this.byFirst.get(f.first) ?? [];
			byF.push(f);
			this.byFirst.set(f.first, byF);
		}
		f.count++;
		f.gender ??= c.gender;
		for (let i = 0; i < c.descriptors.length; i++) f.descriptors.add(c.descriptors[i]!);
		this.seen.push({article, pos: m.start, full: f});
	}

	/** Canonical name for a core read at (article, pos). */
	canonical(c: Core, article: number, pos: number): string {
		if (c.body) return c.name;
		const key = c.surname;
		const fulls = this.bySurname.get(key) ?? [];
		if (c.words.length >= 2) {
			const first = c.first;
			const lower = c.name.toLowerCase();
			const same = fulls.filter((f) => f.first === first || f.name.toLowerCase().endsWith(lower));
			const best = pickBest(same.length ? same : [], this.seenBy.get(article) ?? [], article, pos);
			return best ? best.name : c.name;
		}
		if (fulls.length === 0) {
			// a given name alone ("Hillary") when it is unique
			const byF = this.byFirst.get(key) ?? [];
			if (byF.length === 1 && CAP_START.test(c.words[0]!)) return byF[0]!.name;
			return c.words[0]!;
		}
		if (fulls.length === 1) return fulls[0]!.name;
		return pickBest(fulls, this.seenBy.get(article) ?? [], article, pos)!.name;
	}

	/** Gender known for a canonical name. */
	gender(name: string, c: Core | null): 'm' | 'f' | null {
		if (c?.gender) return c.gender;
		const key = name.split(' ').pop()!.toLowerCase();
		const f = (this.bySurname.get(key) ?? []).find((x) => x.name === name);
		if (f?.gender) return f.gender;
		return this.singles.get(key)?.gender ?? null;
	}

	/** Person whose titles and roles best match a description ("the Russian leader"). */
	describe(m: Mention, article: number, pos: number, exclude: string | null): string | null {
		const ws = m.toks.filter((t) => t.k === 'w').map((t) => normDesc(t.t)).filter((w) => !DETERMINERS.has(w) && !PRONOUNS.has(w));
		if (ws.length === 0) return null;
		const head = headOf(m);
		if (!PERSON_HEADS.has(head) && !TITLES.has(head)) return null;
		const heads = synonyms(head);
		// The words that say which one ("Russian", "Indiana", "band"): see the check below.
		const which = ws.filter((w) => w !== head && !QUALIFIERS.has(w) && !/\d/.test(w));
		const here = this.seenBy.get(article) ?? [];
		let best: Full | null = null;
		let bestScore = 0;
		let bestRecency = -1;
		this.all ??= [...this.bySurname.values()].flat();
		for (const f of this.all) {
			if (f.name === exclude) continue;
			const headFits = [...heads].some((h) => f.descriptors.has(h));
			let score = headFits ? 2 : 0;
			for (const w of ws) if (w !== head && f.descriptors.has(w)) score++;
			if (score === 0) continue;
			// A person this article never names is a stretch: only when the description fits them
			// word for word ("the Russian leader" for Putin named elsewhere in the story). Otherwise
			// a folder of unrelated news would make "the Indiana governor" someone else's governor.
			if (!here.some((s) => s.full === f) && (!headFits || which.some((w) => !f.descriptors.has(w)))) continue;
			const recency = lastSeen(here, f, article, pos);
			if (score > bestScore || (score === bestScore && recency > bestRecency)) {
				best = f;
				bestScore = score;
				bestRecency = recency;
			}
		}
		return best ? best.name : null;
	}
}

function synonyms(head: string): Set<string> {
	const leader = ['leader', 'president', 'premier', 'prime', 'chancellor', 'king', 'queen', 'head'];
	if (leader.includes(head)) return new Set(leader);
	if (head === 'spokesman' || head === 'spokeswoman' || head === 'spokesperson') return new Set(['spokesman', 'spokeswoman', 'spokesperson']);
	if (head === 'diplomat') return new Set(['diplomat', 'minister', 'secretary', 'ambassador', 'envoy']);
	return new Set([head]);
}

function lastSeen(seen: readonly Seen[], f: Full, article: number, pos: number): number {
	let best = -1;
	for (let i = 0; i < seen.length; i++) {
		const s = seen[i]!;
		if (s.full === f && s.article === article && s.pos <= pos) best = Math.max(best, s.pos);
	}
	return best;
}

function pickBest(fulls: readonly Full[], seen: readonly Seen[], article: number, pos: number): Full | null {
	if (fulls.length === 0) return null;
	if (fulls.length === 1) return fulls[0]!;
	let best: Full | null = null;
	let bestPos = -1;
	for (let i = 0; i < seen.length; i++) {
		const s = seen[i]!;
		if (s.article === article && s.pos <= pos && fulls.includes(s.full) && s.pos >= bestPos) {
			best = s.full;
			bestPos = s.pos;
		}
	}
	if (best) return best;
	return [...fulls].sort((a, b) => b.count - a.count || b.name.length - a.name.length)[0]!;
}

/** What a mention resolves to: a canonical name, or null when it names nobody. */
export interface Resolved {
	readonly name: string;
	/** A person for sure (full name, title, person role). */
	readonly person: boolean;
	/** One capitalised name word that may be a person ("Burton", "Mannery"). */
	readonly maybePerson?: boolean;
	/** A plural description ("officials", "Men"). */
	readonly plural?: boolean;
	readonly gender: 'm' | 'f' | null;
}

type PronounGender = 'm' | 'f' | 'n' | 'p' | 'x';

/** Whether a pronoun of `gender` can refer to `r`. */
function fits(r: Resolved | null, gender: PronounGender, exclude: string | null): r is Resolved {
	if (!r || r.name === exclude) return false;
	if (gender === 'm' || gender === 'f') return (r.person || r.maybePerson === true) && !r.plural && (r.gender === null || r.gender === gender);
	if (gender === 'n') return !r.person && !r.plural;
	return true;
}

/** Resolves mentions of one article against the story's names. */
export class ArticleResolver {
	private readonly memo = new Map<number, Resolved | null>();
	constructor(
		private readonly names: StoryNames,
		private readonly art: ArticleAttribution,
		private readonly index: number,
	) {}

	/** Resolve a mention to a canonical speaker name (null for a pronoun with no antecedent). */
	resolve(m: Mention, exclude: string | null = null): Resolved | null {
		const key = m.start * 4 + (exclude ? 1 : 0);
		if (this.memo.has(key)) return this.memo.get(key)!;
		this.memo.set(key, null); // cycle guard
		const r = this.compute(m, exclude);
		this.memo.set(key, r);
		return r;
	}

	private compute(m: Mention, exclude: string | null): Resolved | null {
		if (m.kind === 'pron') return this.pronoun(m, exclude);
		// coordinated speakers: "Burton and Nick"
		const and = m.toks.findIndex((t, i) => i > 0 && t.k === 'w' && t.lc === 'and');
		if (and > 0 && m.kind === 'name' && m.toks[and - 1]!.cap && m.toks[and + 1]?.cap) {
			// token offsets may be those of the same words elsewhere (see Mention.toks): measure from the mention's start
			const at = m.start - m.toks[0]!.s;
			const left = this.compute({start: m.start, end: m.toks[and - 1]!.e + at, text: m.text, kind: m.kind, toks: m.toks.slice(0, and), memo: {}}, exclude);
			const right = this.compute({start: m.toks[and + 1]!.s + at, end: m.end, text: m.text, kind: m.kind, toks: m.toks.slice(and + 1), memo: {}}, exclude);
			if (left && right) return {name: `${left.name} and ${right.name}`, person: left.person && right.person, plural: true, gender: null};
		}
		const c = coreOf(m, this.names.cores);
		if (c) {
			const name = this.names.canonical(c, this.index, m.start);
			const person = !c.body && (c.words.length >= 2 || c.titled || name.includes(' '));
			return {name, person, maybePerson: !c.body && !person, gender: c.body ? null : this.names.gender(name, c)};
		}
		// a description: a person by their roles, else the words as written
		const d = this.names.describe(m, this.index, m.start, exclude);
		if (d) return {name: d, person: true, gender: this.names.gender(d, null)};
		const head = headOf(m);
		const plural = head.endsWith('s') || PLURAL_HEADS.has(head);
		return {name: m.text, person: PERSON_HEADS.has(head) && !plural, plural, gender: null};
	}

	private pronoun(m: Mention, exclude: string | null): Resolved | null {
		const p = PRONOUNS.get(m.toks[0]?.lc ?? '');
		if (!p || p.person !== 3) return null;
		const sents = this.art.sentences;
		let si = sents.findIndex((s) => s.start <= m.start && m.start < s.end + 1);
		if (si < 0) si = sents.findIndex((s) => s.start > m.start) - 1;
		const g = p.gender;
		const cur = sents[si];
		if (cur) {
			const r = this.antecedent(cur.subject, m, g, exclude);
			if (r) return r;
			for (const c of cur.cueSubjects) {
				const x = this.antecedent(c, m, g, exclude);
				if (x) return x;
			}
		}
		for (let k = si - 1; k >= 0 && k >= si - 8; k--) {
			const s: SentenceInfo = sents[k]!;
			const r = this.antecedent(s.subject, m, g, exclude);
			if (r) return r;
			for (const c of s.cueSubjects) {
				const x = this.antecedent(c, m, g, exclude);
				if (x) return x;
			}
		}
		// any person named before it, nearest first
		for (let k = si; k >= 0 && k >= si - 4; k--) {
			const s = sents[k]!;
			for (let j = s.names.length - 1; j >= 0; j--) {
				const x = this.antecedent(s.names[j]!, m, g, exclude);
				if (x && x.person) return x;
			}
		}
		return null;
	}

	/** `c` resolved, when it comes before the pronoun `m` and can be what it refers to. */
	private antecedent(c: Mention | null, m: Mention, gender: PronounGender, exclude: string | null): Resolved | null {
		if (!c || c.start >= m.start || (c.start <= m.start && c.end > m.start)) return null;
		const r = this.resolve(c);
		return fits(r, gender, exclude) ? r : null;
	}
}
