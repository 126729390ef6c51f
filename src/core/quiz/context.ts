/**
 * What the quiz generator and verifier know about a story, indexed once: outlets and their
 * articles, quotes by span and by utterance, the people of the story, and the "same words
 * anywhere in the story" look-ups every single-answer check relies on.
 */
import type {StoryAnalysis} from '../analysis.js';
import {sameUtterance, type Quote} from '../quotes/index.js';
import type {Article, Story} from '../types.js';
import {contentStems, hasWord, normText, stemWord, wordCount, wordTokens} from './text.js';

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
export function isPersonName(name: string): boolean {
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

/** Whether a text names a person or body (any identifying word of the name, as a whole word). */
export function mentionsName(text: string, name: string): boolean {
	return nameTokens(name).some((t) => hasWord(text, t));
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

/** Words never used to propose `sameUtterance` candidates (all stop words there too); others propose by their first 3 letters (stemming keeps them). */
const PREFILTER_STOP = new Set(['the', 'and', 'for', 'are', 'was', 'were', 'that', 'this', 'will', 'would', 'not', 'you', 'they', 'she', 'with', 'have', 'has', 'had', 'its', 'his', 'her', 'our', 'from', 'but', 'been', 'being', 'there', 'here', 'what', 'which', 'who', 'when', 'all', 'any', 'can', 'could', 'should', 'may', 'might', 'must', 'than', 'then', 'too', 'very', 'just', 'also', 'into', 'over', 'about', 'their', 'them', 'him', 'these', 'those', 'does', 'did', 'shall', 'some', 'such', 'how', 'why', 'where', 'whose', 'whom']);

function prefixKeys(s: string): Set<string> {
	const out = new Set<string>();
	for (const w of wordTokens(s)) if (w.length >= 2 && !PREFILTER_STOP.has(w)) out.add(w.slice(0, 3));
	return out;
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
	const normOf = new Map<string, string>();
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
		normOf.set(a.meta.id, normText(a.text));
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

	// sentence windows (one and two sentences) with content words
	const windows = new Map<string, SentenceInfo[]>();
	for (const a of story.articles) {
		const l: SentenceInfo[] = [];
		const ss = a.sentences;
		ss.forEach((s, i) => {
			l.push({article: a.meta.id, index: i, start: s.start, end: s.end, stems: contentStems(a.text.slice(s.start, s.end))});
			const next = ss[i + 1];
			if (next) l.push({article: a.meta.id, index: i, start: s.start, end: next.end, stems: contentStems(a.text.slice(s.start, next.end))});
		});
		if (ss.length === 0 && a.text.trim()) l.push({article: a.meta.id, index: 0, start: 0, end: a.text.length, stems: contentStems(a.text)});
		windows.set(a.meta.id, l);
	}

	// same-words index over speech quotes
	const speech = quotes.filter(isSpeech);
	const inv = new Map<string, number[]>();
	const keys = speech.map((q) => prefixKeys(q.text));
	keys.forEach((ks, i) => {
		for (const k of ks) {
			const l = inv.get(k) ?? [];
			l.push(i);
			inv.set(k, l);
		}
	});
	const order = new Map(quotes.map((q, i) => [q.id, i]));
	const sameMemo = new Map<string, Quote[]>();
	const sameWords = (text: string): readonly Quote[] => {
		const memo = sameMemo.get(text);
		if (memo) return memo;
		const cand = new Set<number>();
		for (const k of prefixKeys(text)) for (const i of inv.get(k) ?? []) cand.add(i);
		const out = [...cand].sort((x, y) => x - y).map((i) => speech[i]!).filter((o) => sameUtterance(o.text, text));
		sameMemo.set(text, out);
		return out;
	};
	const versionsMemo = new Map<string, Quote[]>();
	const versionsOf = (q: Quote): readonly Quote[] => {
		const memo = versionsMemo.get(q.id);
		if (memo) return memo;
		const found = new Map<string, Quote>();
		found.set(q.id, q);
		if (q.group) for (const m of groupMembers.get(q.group) ?? []) found.set(m.id, m);
		for (const o of sameWords(q.text)) found.set(o.id, o);
		const out = [...found.values()].sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
		versionsMemo.set(q.id, out);
		return out;
	};
	// content-word index over sentence windows
	const allWindows: SentenceInfo[] = [];
	for (const a of story.articles) allWindows.push(...(windows.get(a.meta.id) ?? []));
	const winInv = new Map<string, number[]>();
	allWindows.forEach((w, i) => {
		for (const st of w.stems) {
			const l = winInv.get(st) ?? [];
			l.push(i);
			winInv.set(st, l);
		}
	});
	const carryMemo = new Map<string, Set<string>>();
	const carriers = (text: string, share: number): ReadonlySet<string> => {
		const memoKey = `${share}|${text}`;
		const memo = carryMemo.get(memoKey);
		if (memo) return memo;
		const out = new Set<string>();
		const n = normText(text);
		if (n) for (const a of story.articles) if ((normOf.get(a.meta.id) ?? '').includes(n)) out.add(outletOf.get(a.meta.id)!);
		for (const o of sameWords(text)) out.add(outletOf.get(o.article)!);
		const stems = contentStems(text);
		if (stems.size >= 2) {
			const hits = new Map<number, number>();
			for (const st of stems) for (const i of winInv.get(st) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
			for (const [i, h] of hits) if (h / stems.size >= share) out.add(outletOf.get(allWindows[i]!.article)!);
		}
		carryMemo.set(memoKey, out);
		return out;
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
		normOf,
		quotes,
		quoteById,
		groupMembers,
		people,
		speakerQuoteCount,
		windows,
		versionsOf,
		sameWords,
		carriers,
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
