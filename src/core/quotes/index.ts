/**
 * "Who said what": quote finding, classification and speaker/addressee attribution over a
 * story's articles, canonical speaker names across outlets, and groups of the same utterance
 * in different outlets' wording. Pure and rule-based; hostile text never throws.
 */
import type {Article} from '../types.js';
import {attributeArticle, type ArticleAttribution, type LocalQuote, type RegionMemo} from './attribute.js';
import {groupItems} from './group.js';
import {sortInPlace} from './sort.js';
import {ArticleResolver, StoryNames} from './resolve.js';

export {sameUtterance} from './group.js';

/** What kind of quoted span it is. */
export type QuoteKind = 'full' | 'partial' | 'term' | 'title';

/** Words of the text a speaker or addressee was read from. */
export interface MentionSpan {
	readonly text: string;
	readonly start: number;
	readonly end: number;
}

/** One quoted span of one article, attributed. */
export interface Quote {
	/** `<article id>:q<n>`, n in text order. */
	readonly id: string;
	/** Article id. */
	readonly article: string;
	/** The quoted words (between the marks). */
	readonly text: string;
	/** Offsets of the quoted words in `Article.text` (marks excluded). */
	readonly start: number;
	readonly end: number;
	readonly kind: QuoteKind;
	/** Canonical speaker name, null for terms, titles and unattributed quotes. */
	readonly speaker: string | null;
	/** The words the speaker was read from ("he", "the Russian leader", "Peskov"). */
	readonly speakerMention: MentionSpan | null;
	/** Canonical name of whom the words were said to, when the text says so. */
	readonly addressee: string | null;
	/** The cue that attributes it ("said", "told", "according to", ":"). */
	readonly cue: string | null;
	/** Index in `Article.sentences` of the sentence it starts in. */
	readonly sentence?: number;
	/** Id of its utterance group (attributed quotes only). */
	readonly group?: string;
	/** Id of the quote it sits inside (a quote within a quote). */
	readonly parent?: string;
	/** Id of the quote it continues (a multi-paragraph quote). */
	readonly continues?: string;
}

/** A speaker of the story with the names it appears under and its number of quotes. */
export interface SpeakerSummary {
	readonly name: string;
	readonly aliases: readonly string[];
	readonly count: number;
}

/** The same utterance across outlets (or repeated in one). */
export interface UtteranceGroup {
	readonly id: string;
	readonly speaker: string;
	/** Quote ids, in story order. */
	readonly quotes: readonly string[];
}

/** Attribution of a whole story. */
export interface StoryQuotes {
	/** All quotes of all articles, article by article, in text order. */
	readonly quotes: readonly Quote[];
	/** Speakers, most quoted first. */
	readonly speakers: readonly SpeakerSummary[];
	/** Utterance groups, in order of first appearance. */
	readonly groups: readonly UtteranceGroup[];
}

const SPACE_RUNS = /\s+/g;
const PRONOUN_ALIAS = /^(?:he|she|it|they|him|her|them|his|its|their)$/i;

const EMPTY: ArticleAttribution = {quotes: [], sentences: [], regions: []};

function safeAttribute(a: Article, memo: RegionMemo): ArticleAttribution {
	try {
		return attributeArticle(a, memo);
	} catch {
		return EMPTY;
	}
}

function sentenceIndex(a: Article, pos: number): number | undefined {
	const ss = a.sentences;
	let lo = 0;
	let hi = ss.length - 1;
	let found: number | undefined;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (ss[mid]!.start <= pos) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	if (found !== undefined && ss[found]!.end < pos) return found;
	return found;
}

/**
 * Find, classify and attribute every quote of a story's articles. Speaker names are canonical
 * across the articles (the longest full name the texts give); same utterances are grouped.
 */
export function attributeStory(articles: readonly Article[]): StoryQuotes {
	const memo: RegionMemo = new Map();
	const atts = articles.map((a) => safeAttribute(a, memo));
	let names: StoryNames;
	try {
		names = new StoryNames(atts);
	} catch {
		names = new StoryNames([]);
	}
	const quotes: Quote[] = [];
	articles.forEach((a, ai) => {
		const att = atts[ai]!;
		const resolver = new ArticleResolver(names, att, ai);
		const local = sortInPlace(att.quotes.slice(), (x, y) => x.start - y.start || y.end - x.end);
		const ids = new Map<LocalQuote, string>();
		local.forEach((q, n) => ids.set(q, `${a.meta.id}:q${n + 1}`));
		const byIndex = new Map<number, LocalQuote>();
		for (const q of att.quotes) byIndex.set(q.index, q);
		for (const q of local) {
			let speaker: string | null = null;
			let addressee: string | null = null;
			try {
				speaker = q.speaker ? (resolver.resolve(q.speaker)?.name ?? null) : null;
				addressee = q.addressee ? (resolver.resolve(q.addressee, speaker)?.name ?? null) : null;
			} catch {
				// never throw on odd text: leave it unresolved
			}
			if (addressee !== null && addressee === speaker) addressee = null;
			const parent = q.parent >= 0 ? byIndex.get(q.parent) : undefined;
			const cont = q.raw.continues >= 0 ? byIndex.get(q.raw.continues) : undefined;
			const sentence = sentenceIndex(a, q.start);
			quotes.push({
				id: ids.get(q)!,
				article: a.meta.id,
				text: q.text,
				start: q.start,
				end: q.end,
				kind: q.kind,
				speaker,
				speakerMention: q.speaker ? {text: q.speaker.text, start: q.speaker.start, end: q.speaker.end} : null,
				addressee,
				cue: q.cue,
				...(sentence !== undefined && {sentence}),
				...(parent && ids.has(parent) && {parent: ids.get(parent)!}),
				...(cont && ids.has(cont) && {continues: ids.get(cont)!}),
			});
		}
	});
	// utterance groups
	const attributed = quotes.filter((q) => q.speaker !== null && (q.kind === 'full' || q.kind === 'partial'));
	const grouped = groupItems(attributed.map((q) => ({id: q.id, speaker: q.speaker!, text: q.text})));
	const groups: UtteranceGroup[] = grouped.map((g, i) => ({id: `g${i + 1}`, speaker: g.speaker, quotes: g.ids}));
	const groupOf = new Map<string, string>();
	for (const g of groups) for (const id of g.quotes) groupOf.set(id, g.id);
	// Within one article, the same utterance keeps the addressee the text gives for it elsewhere
	// (a headline's "Putin says he 'would really like' to meet" is the words the body says he told Biden).
	const addressOf = new Map<string, string>();
	const byId = new Map(quotes.map((q) => [q.id, q]));
	for (const g of groups) {
		const byArticle = new Map<string, Set<string>>();
		for (const id of g.quotes) {
			const q = byId.get(id);
			if (q?.addressee) byArticle.set(q.article, (byArticle.get(q.article) ?? new Set()).add(q.addressee));
		}
		for (const id of g.quotes) {
			const q = byId.get(id);
			const set = q ? byArticle.get(q.article) : undefined;
			if (q && !q.addressee && set && set.size === 1) addressOf.set(id, [...set][0]!);
		}
	}
	const withGroups = quotes.map((q) => {
		const group = groupOf.get(q.id);
		const addressee = q.addressee ?? addressOf.get(q.id) ?? null;
		return group || addressee !== q.addressee ? {...q, addressee, ...(group && {group})} : q;
	});
	// speakers
	const sp = new Map<string, {aliases: Set<string>; count: number; first: number}>();
	withGroups.forEach((q, i) => {
		if (!q.speaker) return;
		const s = sp.get(q.speaker) ?? {aliases: new Set<string>(), count: 0, first: i};
		s.count++;
		const m = q.speakerMention?.text.replace(SPACE_RUNS, ' ').trim();
		if (m && !PRONOUN_ALIAS.test(m)) s.aliases.add(m);
		sp.set(q.speaker, s);
	});
	const speakers: SpeakerSummary[] = [...sp.entries()]
		.sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
		.map(([name, s]) => ({name, aliases: [...s.aliases].filter((x) => x !== name), count: s.count}));
	return {quotes: withGroups, speakers, groups};
}

/** One quote as `newsreader quotes --json` prints it. */
export interface QuoteJson {
	readonly id: string;
	readonly text: string;
	readonly start: number;
	readonly end: number;
	readonly speaker: string | null;
	readonly speakerMention: MentionSpan | null;
	readonly addressee: string | null;
	readonly cue: string | null;
	readonly kind: QuoteKind;
	readonly sentence?: number;
	readonly group?: string;
}

/** The `newsreader quotes --json` document. */
export interface QuotesJson {
	readonly articles: readonly {readonly id: string; readonly outlet: string; readonly quotes: readonly QuoteJson[]}[];
}

/** The `newsreader quotes --json` object (see the eval README): articles with their quotes and mention offsets. */
export function toQuotesJson(articles: readonly Article[], result: StoryQuotes): QuotesJson {
	const by = new Map<string, QuoteJson[]>();
	for (const q of result.quotes) {
		const l = by.get(q.article) ?? [];
		l.push({
			id: q.id,
			text: q.text,
			start: q.start,
			end: q.end,
			speaker: q.speaker,
			speakerMention: q.speakerMention,
			addressee: q.addressee,
			cue: q.cue,
			kind: q.kind,
			...(q.sentence !== undefined && {sentence: q.sentence}),
			...(q.group !== undefined && {group: q.group}),
		});
		by.set(q.article, l);
	}
	return {articles: articles.map((a) => ({id: a.meta.id, outlet: a.meta.outlet, quotes: by.get(a.meta.id) ?? []}))};
}
