/**
 * What the quiz generator and verifier know about a story, indexed once: outlets and their
 * articles, quotes by span and by utterance, the people of the story, and the "same words
 * anywhere in the story" look-ups every single-answer check relies on.
 */
import type {StoryAnalysis} from '../analysis.js';
import {bag, similar, type Bag} from '../quotes/group.js';
import type {Quote} from '../quotes/index.js';
import type {Article, Story} from '../types.js';
import {contentStems, excerpt, hasWord, memoString, normText, stemWord, wordCount, wordTokens} from './text.js';

/** Words that mark a name as an organisation, place or other body rather than a person. */
const BODY_WORDS = new Set(
	`house kremlin ministry department office government council committee commission agency service police army navy force forces
	court parliament senate congress assembly bank union party group company corporation inc ltd llc association authority board
	bureau institute university college school hospital embassy administration cabinet pentagon organization organisation
	foundation times news post reuters network channel radio television tv guard command officials nations federation republic
	kingdom states state city county spokesperson spokesman spokeswoman readout statement report media press club team fund
	centre center church palace hall street downing white americans democrats republicans europeans russians officials voters
	supporters leaders members people residents citizens protesters reporters journalists lawmakers senators workers
	staff campaign family allies critics sources`.split(/\s+/),
);

/** Name particles that may be written in lower case inside a person's name. */
const PARTICLES = new Set(['de', 'da', 'del', 'der', 'den', 'di', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter']);

/**
 * Whether a canonical name looks like a person's full name ("Dmitry Peskov"): at least two
 * words, capitalised (particles aside), no organisation word, no acronym, no digit.
 */
export const isPersonName: (name: string) => boolean = memoString(isPersonNameOnce);

function isPersonNameOnce(name: string): boolean {
	const toks = name.trim().split(/\s+/);
	if (toks.length < 2 || toks.length > 5) return false;
	for (const t of toks) {
		if (/\d/.test(t)) return false;
		const bare = t.replace(/[.,'’-]/g, '');
		if (!bare) return false;
		if (BODY_WORDS.has(bare.toLowerCase())) return false;
		if (PARTICLES.has(t.toLowerCase())) continue;
		if (!/^\p{Lu}/u.test(t)) return false;
		if (bare.length >= 2 && bare === bare.toUpperCase() && !/^\p{Lu}\.$/u.test(t)) return false;
	}
	return true;
}

/** The words of a name that identify it in a text (surname, first name; 3+ letters, no particles). */
export function nameTokens(name: string): string[] {
	return name
		.split(/\s+/)
		.map((t) => t.replace(/[.,]/g, ''))
		.filter((t) => t.length >= 3 && !PARTICLES.has(t.toLowerCase()));
}

/** Last word of a name, lower case. */
export function surname(name: string): string {
	const toks = name.trim().split(/\s+/);
	return (toks[toks.length - 1] ?? '').toLowerCase();
}

/** {@link nameTokens}, read once per name (shared: do not modify). */
const identifyingWords: (name: string) => readonly string[] = memoString(nameTokens);

/** Whether a text names a person or body (any identifying word of the name, as a whole word). */
export function mentionsName(text: string, name: string): boolean {
	return identifyingWords(name).some((t) => hasWord(text, t));
}

const GENERIC_OUTLET_WORDS = new Set(['the', 'news', 'times', 'post', 'daily', 'radio', 'tv', 'network', 'channel', 'press', 'online', 'today', 'herald', 'world', 'international', 'global', 'media', 'group', 'new', 'evening', 'morning', 'weekly', 'star', 'sun', 'mail', 'journal', 'live', 'wire', 'hill']);

/** Whether a text names an outlet (its full name, or a distinctive word of it such as "CNN"). */
export function mentionsOutlet(text: string, outlet: string): boolean {
	if (!outlet.trim()) return false;
	if (hasWord(text, outlet.trim())) return true;
	return outlet
		.split(/\s+/)
		.map((t) => t.replace(/[^\p{L}\p{N}]/gu, ''))
		.filter((t) => t.length >= 3 && !GENERIC_OUTLET_WORDS.has(t.toLowerCase()))
		.some((t) => hasWord(text, t));
}

const PRONOUN = /^(?:he|she|they|him|her|them|it|his|hers|its|their|theirs|i|we|you)$/i;

/** Offices a role mention ("the Russian leader", "the mayor") may name. */
const OFFICES =
	'president|leader|minister|secretary|spokesman|spokeswoman|spokesperson|chancellor|premier|senator|governor|mayor|king|queen|prince|princess|pope|general|commander|chief|director|ambassador|envoy|chairman|chairwoman|chair|ceo|head|prosecutor|judge|attorney general|coach|captain|manager|founder|diplomat|negotiator|congressman|congresswoman|lawmaker|mp|candidate|nominee|counterpart';
const OFFICE_SET = new Set(OFFICES.split('|'));
const OFFICE_PREFIX = new Set(['vice', 'deputy', 'prime', 'foreign', 'defence', 'defense', 'state', 'attorney', 'chief', 'press', 'white']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

/** Whether a mention is an office with capitalised modifiers only: "the Russian leader", "the mayor", "U.S. President". */
function isRole(mention: string): boolean {
	const toks = mention.split(/\s+/).filter((t) => t.length > 0);
	if (toks.length > 0 && DETERMINERS.has(toks[0]!.toLowerCase())) toks.shift();
	if (toks.length === 0 || toks.length > 6) return false;
	const last = toks.pop()!.toLowerCase().replace(/[^\p{L}]/gu, '');
	const two = toks.length > 0 ? `${toks[toks.length - 1]!.toLowerCase()} ${last}` : '';
	if (OFFICE_SET.has(two)) toks.pop();
	else if (!OFFICE_SET.has(last)) return false;
	while (toks.length > 0 && OFFICE_PREFIX.has(toks[toks.length - 1]!.toLowerCase().replace(/-$/, ''))) toks.pop();
	return toks.every((t) => /^\p{Lu}/u.test(t));
}
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|sen|rep|gov|gen|prof|sir|dame|lord|lady)\.?$/i;

/** How firmly a quote is tied to its speaker by the words it was read from. */
export type AttributionStrength = 'named' | 'role' | 'pronoun' | 'weak' | 'inconsistent';

/**
 * How a quote's speaker mention supports its speaker: `named` (the mention holds a word of the
 * name: "Peskov", "President Biden"), `role` (an office: "the Russian leader", "the mayor"),
 * `pronoun`, `inconsistent` (the mention is another name: "Mr. King" read as Donald Trump), or
 * `weak` (anything else, or no mention).
 */
export function attributionStrength(q: Quote): AttributionStrength {
	let s = strengthMemo.get(q);
	if (s === undefined) {
		s = attributionStrengthOnce(q);
		strengthMemo.set(q, s);
	}
	return s;
}

const strengthMemo = new WeakMap<Quote, AttributionStrength>();

function attributionStrengthOnce(q: Quote): AttributionStrength {
	if (!q.speaker || !q.speakerMention) return 'weak';
	const m = q.speakerMention.text.replace(/\s+/g, ' ').trim().replace(/[,;:]+$/, '');
	if (isPronoun(m)) return 'pronoun';
	const nameToks = new Set(nameTokens(q.speaker).map((t) => t.toLowerCase()));
	const toks = m.split(' ').map((t) => t.replace(/[^\p{L}\p{N}.'’-]/gu, ''));
	const lower = toks.map((t) => t.toLowerCase().replace(/['’]s$/, ''));
	const named = lower.some((t) => nameToks.has(t));
	// an honorific followed by another surname, or a capitalised last word that is neither the name nor an office
	for (let i = 0; i + 1 < toks.length; i++) if (HONORIFIC.test(toks[i]!) && !nameToks.has(lower[i + 1]!)) return 'inconsistent';
	if (named) return 'named';
	if (isRole(m) || isRole(m.split(/\s+of\s+/)[0] ?? '')) return 'role';
	// a proper name that is not the speaker's ("Yahoo News" read as a spokesman)
	const words = toks.filter((t, i) => !(i === 0 && DETERMINERS.has(t.toLowerCase())) && t.length > 0);
	if (words.length > 0 && words.every((t) => /^\p{Lu}/u.test(t))) return 'inconsistent';
	return 'weak';
}

/** Whether a speaker mention is a bare pronoun ("he said"). */
export function isPronoun(mention: string): boolean {
	return PRONOUN.test(mention.replace(/\s+/g, ' ').trim());
}

/** Quote kinds that are speech (terms and titles are not). */
export function isSpeech(q: Quote): boolean {
	return q.kind === 'full' || q.kind === 'partial';
}

/** Words never used to propose `sameUtterance` candidates (all stop words there too, which `sameWords` relies on); others propose by their first 3 letters (stemming keeps them). */
const PREFILTER_STOP = new Set(['the', 'and', 'for', 'are', 'was', 'were', 'that', 'this', 'will', 'would', 'not', 'you', 'they', 'she', 'with', 'have', 'has', 'had', 'its', 'his', 'her', 'our', 'from', 'but', 'been', 'being', 'there', 'here', 'what', 'which', 'who', 'when', 'all', 'any', 'can', 'could', 'should', 'may', 'might', 'must', 'than', 'then', 'too', 'very', 'just', 'also', 'into', 'over', 'about', 'their', 'them', 'him', 'these', 'those', 'does', 'did', 'shall', 'some', 'such', 'how', 'why', 'where', 'whose', 'whom']);

function prefixKeys(s: string): Set<string> {
	const out = new Set<string>();
	for (const w of wordTokens(s)) if (w.length >= 2 && !PREFILTER_STOP.has(w)) out.add(w.slice(0, 3));
	return out;
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
	const [x, y] = a.size <= b.size ? [a, b] : [b, a];
	for (const v of x) if (y.has(v)) return true;
	return false;
}

/** A value computed on first use. */
function lazy<T>(f: () => T): () => T {
	let done = false;
	let v: T | undefined;
	return () => {
		if (!done) {
			v = f();
			done = true;
		}
		return v as T;
	};
}

function union<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
	const out = new Set(a);
	for (const x of b) out.add(x);
	return out;
}

/**
 * {@link normText} of a long text, line by line: white space separates words in it, and no
 * step of it (NFKC, lower case, punctuation to spaces) reaches across a line break, so this is
 * the same string, while lines repeated across articles (wire copy) are normalised once.
 */
export function normLines(text: string, memo: Map<string, string> = new Map()): string {
	const out: string[] = [];
	for (const line of text.split('\n')) {
		let n = memo.get(line);
		if (n === undefined) {
			n = normText(line);
			memo.set(line, n);
		}
		if (n.length > 0) out.push(n);
	}
	return out.join(' ');
}

/** One sentence of an article, with its content words. */
export interface SentenceInfo {
	readonly article: string;
	readonly index: number;
	readonly start: number;
	readonly end: number;
	readonly stems: ReadonlySet<string>;
}

/** The indexed story. */
export interface QuizContext {
	readonly story: Story;
	readonly analysis: StoryAnalysis;
	/** Distinct outlet names, in story order. */
	readonly outlets: readonly string[];
	readonly articleById: ReadonlyMap<string, Article>;
	readonly outletOf: ReadonlyMap<string, string>;
	readonly articlesOf: ReadonlyMap<string, readonly Article[]>;
	/** Normalised article texts (score.py `norm`). */
	readonly normOf: ReadonlyMap<string, string>;
	readonly quotes: readonly Quote[];
	readonly quoteById: ReadonlyMap<string, Quote>;
	/** Members of each utterance group, in story order. */
	readonly groupMembers: ReadonlyMap<string, readonly Quote[]>;
	/** Person names of the story (speakers and addressees that look like people), most quoted first. */
	readonly people: readonly string[];
	/** Quotes per canonical speaker. */
	readonly speakerQuoteCount: ReadonlyMap<string, number>;
	/** Sentences of each article with content words, in text order (windows of two sentences included). */
	readonly windows: ReadonlyMap<string, readonly SentenceInfo[]>;
	/** Speech quotes saying the same thing as `q` anywhere in the story (its group, and any speaker's same words), `q` included. */
	versionsOf(q: Quote): readonly Quote[];
	/** Speech quotes anywhere in the story that are the same utterance as these words (any speaker). */
	sameWords(text: string): readonly Quote[];
	/**
	 * Outlets whose articles carry these words: verbatim (normalised), as a quote of the same
	 * utterance, or in a sentence (or two) holding at least `share` of their content words.
	 */
	carriers(text: string, share: number): ReadonlySet<string>;
	/** The quotes (any kind) at exactly this span, in story order. */
	quotesAtSpan(article: string, start: number, end: number): readonly Quote[];
	/** The first speech quote (in story order) whose {@link excerpt} is these words. */
	speechWithExcerpt(text: string): Quote | undefined;
	/** The speech quote at exactly this span, else the speech quote overlapping it most. */
	quoteAt(article: string, start: number, end: number): Quote | undefined;
	/** How to name a speaker in a stem ("the White House" where the texts say so). */
	displayName(name: string): string;
}

const cache = new WeakMap<StoryAnalysis, WeakMap<Story, QuizContext>>();

/** Build (or reuse) the context of a story and its analysis. */
export function quizContext(story: Story, analysis: StoryAnalysis): QuizContext {
	let byStory = cache.get(analysis);
	if (!byStory) {
		byStory = new WeakMap();
		cache.set(analysis, byStory);
	}
	const hit = byStory.get(story);
	if (hit) return hit;
	const ctx = buildContext(story, analysis);
	byStory.set(story, ctx);
	return ctx;
}

function buildContext(story: Story, analysis: StoryAnalysis): QuizContext {
	const articleById = new Map<string, Article>();
	const outletOf = new Map<string, string>();
	const articlesOf = new Map<string, Article[]>();
	const outlets: string[] = [];
	for (const a of story.articles) {
		articleById.set(a.meta.id, a);
		const outlet = (a.meta.outlet || a.meta.id).trim();
		outletOf.set(a.meta.id, outlet);
		const l = articlesOf.get(outlet);
		if (l) l.push(a);
		else {
			articlesOf.set(outlet, [a]);
			outlets.push(outlet);
		}
	}
	const quotes = analysis.quotes.quotes.filter((q) => articleById.has(q.article));
	const quoteById = new Map(quotes.map((q) => [q.id, q]));
	const groupMembers = new Map<string, Quote[]>();
	for (const q of quotes) {
		if (!q.group) continue;
		const l = groupMembers.get(q.group) ?? [];
		l.push(q);
		groupMembers.set(q.group, l);
	}
	const speakerQuoteCount = new Map<string, number>();
	for (const q of quotes) if (q.speaker && isSpeech(q)) speakerQuoteCount.set(q.speaker, (speakerQuoteCount.get(q.speaker) ?? 0) + 1);
	const peopleSet = new Set<string>();
	for (const s of analysis.quotes.speakers) if (isPersonName(s.name)) peopleSet.add(s.name);
	for (const q of quotes) if (q.addressee && isPersonName(q.addressee)) peopleSet.add(q.addressee);
	const people = [...peopleSet].sort((a, b) => (speakerQuoteCount.get(b) ?? 0) - (speakerQuoteCount.get(a) ?? 0) || a.localeCompare(b));

	// the indexes below serve the outlet checks only (`carriers`, `outletHasVerbatim`): built on first use
	const normOf = lazy(() => {
		const lines = new Map<string, string>(); // lines repeated across articles, normalised once
		return new Map(story.articles.map((a) => [a.meta.id, normLines(a.text, lines)]));
	});
	// sentence windows (one and two sentences) with content words
	const windows = lazy(() => {
		const out = new Map<string, SentenceInfo[]>();
		const memo = new Map<string, ReadonlySet<string>>(); // sentences repeated across articles (wire copy)
		const stemsOf = (text: string): ReadonlySet<string> => {
			let st = memo.get(text);
			if (!st) {
				st = contentStems(text);
				memo.set(text, st);
			}
			return st;
		};
		for (const a of story.articles) {
			const l: SentenceInfo[] = [];
			const ss = a.sentences;
			const stems = ss.map((s) => stemsOf(a.text.slice(s.start, s.end)));
			ss.forEach((s, i) => {
				l.push({article: a.meta.id, index: i, start: s.start, end: s.end, stems: stems[i]!});
				const next = ss[i + 1];
				if (!next) return;
				// two sentences apart by white space only: no word spans the gap, so their words are the two sentences' words
				const apart = next.start > s.end && s.end >= s.start && /^\s+$/.test(a.text.slice(s.end, next.start));
				const both = apart ? union(stems[i]!, stems[i + 1]!) : contentStems(a.text.slice(s.start, next.end));
				l.push({article: a.meta.id, index: i, start: s.start, end: next.end, stems: both});
			});
			if (ss.length === 0 && a.text.trim()) l.push({article: a.meta.id, index: 0, start: 0, end: a.text.length, stems: contentStems(a.text)});
			out.set(a.meta.id, l);
		}
		return out;
	});

	// same-words index over the distinct texts of speech quotes: a large story repeats the same
	// wordings many times over (wire copy), and whether two quotes are the same utterance depends
	// on their texts only, so each pair of distinct texts is compared once
	const speech = quotes.filter(isSpeech);
	const textIndex = new Map<string, number>();
	const texts: string[] = [];
	/** Indices in `speech` of the quotes with each distinct text, ascending. */
	const holders: number[][] = [];
	speech.forEach((q, i) => {
		let t = textIndex.get(q.text);
		if (t === undefined) {
			t = texts.length;
			textIndex.set(q.text, t);
			texts.push(q.text);
			holders.push([]);
		}
		holders[t]!.push(i);
	});
	// each wording read once
	const bags = new Map<string, Bag>();
	const bagOf = (text: string): Bag => {
		let b = bags.get(text);
		if (!b) {
			b = bag(text);
			bags.set(text, b);
		}
		return b;
	};
	// texts by content stem: `similar` holds only for wordings sharing two content stems (or one,
	// between one-word wordings), so counting the shared stems rules out nearly every other text
	// without comparing it
	const byStem = new Map<string, number[]>();
	texts.forEach((text, t) => {
		for (const st of bagOf(text).content) {
			const l = byStem.get(st);
			if (l) l.push(t);
			else byStem.set(st, [t]);
		}
	});
	// during one `sameWords` (zero between calls): per text, the content stems it shares, and
	// whether one of them has two letters or more
	const sharedCount = new Int32Array(texts.length);
	const sharesLong = new Uint8Array(texts.length);
	// the candidates must also share a prefix key (the candidates these look-ups have always had).
	// A shared content stem of two letters or more is such a key's source in both texts (a stem
	// keeps its word's first three letters, and no content word is a prefilter stop word), so
	// only candidates sharing one-letter stems alone need the test.
	const prefixOf: (Set<string> | undefined)[] = [];
	const prefixesOf = (t: number): Set<string> => (prefixOf[t] ??= prefixKeys(texts[t]!));
	const pairMemo = new Map<number, boolean>();
	const sameTexts = (t: number, text: string): boolean => {
		const u = textIndex.get(text);
		if (u === undefined) return similar(bagOf(texts[t]!), bagOf(text));
		const key = Math.min(t, u) * texts.length + Math.max(t, u); // sameUtterance is symmetric
		let v = pairMemo.get(key);
		if (v === undefined) {
			v = similar(bagOf(texts[t]!), bagOf(text));
			pairMemo.set(key, v);
		}
		return v;
	};
	const order = new Map(quotes.map((q, i) => [q.id, i]));
	const sameMemo = new Map<string, Quote[]>();
	const sameWords = (text: string): readonly Quote[] => {
		const memo = sameMemo.get(text);
		if (memo) return memo;
		const content = bagOf(text).content;
		const touched: number[] = [];
		for (const st of content) {
			for (const t of byStem.get(st) ?? []) {
				if (sharedCount[t] === 0) touched.push(t);
				sharedCount[t] = sharedCount[t]! + 1;
				if (st.length >= 2) sharesLong[t] = 1;
			}
		}
		let prefixes: Set<string> | undefined;
		const hits: number[] = [];
		for (const t of touched) {
			const sc = sharedCount[t]!;
			const long = sharesLong[t] === 1;
			sharedCount[t] = 0;
			sharesLong[t] = 0;
			if (sc < 2 && !(content.size === 1 && bagOf(texts[t]!).content.size === 1)) continue;
			if (!long && !intersects(prefixesOf(t), (prefixes ??= prefixKeys(text)))) continue;
			if (sameTexts(t, text)) hits.push(...holders[t]!);
		}
		const out = hits.sort((x, y) => x - y).map((i) => speech[i]!);
		sameMemo.set(text, out);
		return out;
	};
	const byOrder = (x: Quote, y: Quote): number => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0);
	// versions of a quote: its group and the same words; quotes of the same group and text share
	// one array (so look-ups keyed on it are shared too)
	const baseMemo = new Map<string, {readonly list: Quote[]; readonly ids: ReadonlySet<string>}>();
	const versionsMemo = new Map<string, Quote[]>();
	const versionsOf = (q: Quote): readonly Quote[] => {
		const memo = versionsMemo.get(q.id);
		if (memo) return memo;
		const key = `${q.group ?? ''}\u0000${q.text}`;
		let base = baseMemo.get(key);
		if (!base) {
			const found = new Map<string, Quote>();
			if (q.group) for (const m of groupMembers.get(q.group) ?? []) found.set(m.id, m);
			for (const o of sameWords(q.text)) found.set(o.id, o);
			base = {list: [...found.values()].sort(byOrder), ids: new Set(found.keys())};
			baseMemo.set(key, base);
		}
		const out = base.ids.has(q.id) ? base.list : [q, ...base.list].sort(byOrder);
		versionsMemo.set(q.id, out);
		return out;
	};
	// content-word index over sentence windows
	const windowIndex = lazy(() => {
		const all: SentenceInfo[] = [];
		for (const a of story.articles) all.push(...(windows().get(a.meta.id) ?? []));
		const inv = new Map<string, number[]>();
		all.forEach((w, i) => {
			for (const st of w.stems) {
				const l = inv.get(st);
				if (l) l.push(i);
				else inv.set(st, [i]);
			}
		});
		return {all, inv};
	});
	/** Outlets with a sentence window holding at least `share` of these content words. */
	const windowCarriers = (stems: ReadonlySet<string>, share: number, out: Set<string>): void => {
		const {all, inv} = windowIndex();
		// fewest shared words (one at least) that reach the share, as the test `shared / size >= share` counts
		let need = 1;
		while (need <= stems.size && need / stems.size < share) need++;
		if (need > stems.size) return;
		// a window with `need` of the words has one of the rarest `size - need + 1` of them: only
		// those words' windows are candidates, each then counted in full
		const rare = [...stems].sort((x, y) => (inv.get(x)?.length ?? 0) - (inv.get(y)?.length ?? 0)).slice(0, stems.size - need + 1);
		const tried = new Set<number>();
		for (const st of rare) {
			for (const i of inv.get(st) ?? []) {
				if (tried.has(i)) continue;
				tried.add(i);
				const w = all[i]!;
				const outlet = outletOf.get(w.article)!;
				if (out.has(outlet)) continue;
				let h = 0;
				for (const x of stems) if (w.stems.has(x)) h++;
				if (h >= need) out.add(outlet);
			}
		}
	};
	const carryMemo = new Map<string, Set<string>>();
	const carriers = (text: string, share: number): ReadonlySet<string> => {
		const memoKey = `${share}|${text}`;
		const memo = carryMemo.get(memoKey);
		if (memo) return memo;
		const out = new Set<string>();
		const n = normText(text);
		if (n) {
			const norms = normOf();
			for (const a of story.articles) if ((norms.get(a.meta.id) ?? '').includes(n)) out.add(outletOf.get(a.meta.id)!);
		}
		for (const o of sameWords(text)) out.add(outletOf.get(o.article)!);
		const stems = contentStems(text);
		if (stems.size >= 2) windowCarriers(stems, share, out);
		carryMemo.set(memoKey, out);
		return out;
	};
	const spanKey = (article: string, start: number, end: number): string => `${start}:${end}:${article}`;
	const bySpan = new Map<string, Quote[]>();
	for (const q of quotes) {
		const k = spanKey(q.article, q.start, q.end);
		const l = bySpan.get(k);
		if (l) l.push(q);
		else bySpan.set(k, [q]);
	}
	const quotesAtSpan = (article: string, start: number, end: number): readonly Quote[] => bySpan.get(spanKey(article, start, end)) ?? [];
	let byExcerpt: Map<string, Quote> | undefined;
	const speechWithExcerpt = (text: string): Quote | undefined => {
		if (!byExcerpt) {
			byExcerpt = new Map();
			for (const q of speech) {
				const e = excerpt(q.text);
				if (!byExcerpt.has(e)) byExcerpt.set(e, q);
			}
		}
		return byExcerpt.get(text);
	};
	const quoteAt = (article: string, start: number, end: number): Quote | undefined => {
		let best: Quote | undefined;
		let bestOv = 0;
		for (const q of quotes) {
			if (q.article !== article || !isSpeech(q)) continue;
			if (q.start === start && q.end === end) return q;
			const ov = Math.min(q.end, end) - Math.max(q.start, start);
			if (ov > bestOv) {
				bestOv = ov;
				best = q;
			}
		}
		return best;
	};
	const displayNames = new Map<string, string>();
	for (const s of analysis.quotes.speakers) {
		if (isPersonName(s.name)) continue;
		const the = s.aliases.find((al) => al.toLowerCase() === `the ${s.name.toLowerCase()}`);
		if (the) displayNames.set(s.name, `the ${s.name}`);
	}
	return {
		story,
		analysis,
		outlets,
		articleById,
		outletOf,
		articlesOf,
		get normOf() {
			return normOf();
		},
		quotes,
		quoteById,
		groupMembers,
		people,
		speakerQuoteCount,
		get windows() {
			return windows();
		},
		versionsOf,
		sameWords,
		carriers,
		quotesAtSpan,
		speechWithExcerpt,
		quoteAt,
		displayName: (name) => displayNames.get(name) ?? name,
	};
}

/**
 * Whether an outlet's articles carry these words: verbatim (normalised), as a quote of the same
 * utterance, or as a sentence (or two) holding at least `share` of their content words.
 */
export function outletCarries(ctx: QuizContext, outlet: string, text: string, share: number): boolean {
	return ctx.carriers(text, share).has(outlet);
}

/** Whether the normalised text of an outlet's articles contains these words verbatim. */
export function outletHasVerbatim(ctx: QuizContext, outlet: string, text: string): boolean {
	const n = normText(text);
	if (!n) return false;
	return (ctx.articlesOf.get(outlet) ?? []).some((a) => (ctx.normOf.get(a.meta.id) ?? '').includes(n));
}

/** Stemmed word sequence of a wording (contractions expanded), for telling renderings apart. */
export function wordingKey(text: string): string {
	return wordTokens(text).map(stemWord).join(' ');
}

export {wordCount};
