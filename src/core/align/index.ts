/**
 * Cross-outlet passage alignment: which sentences of a story's articles report the same fact
 * or quote, grouped into facts, with what each outlet alone reports.
 *
 * The pipeline is the one text-reuse tools share (passim, TextPAIR, PAN aligners):
 * 1. normalise each sentence into content keys (stems after irregular verb forms are brought to
 *    their base, numbers, synonym concepts, calendar days, whole hyphenated compounds) and word
 *    3-gram shingles (see features.ts, text.ts);
 * 2. index them: inverted index over the story, IDF per story (sentence = document); postings
 *    longer than a document-frequency cap do not propose candidates (they are the story's topic
 *    words: "Putin", "talks");
 * 3. score only the candidate pairs a rare key or shingle brings together: IDF-weighted cosine
 *    (names at half weight) plus a small bonus per shared rare 3-gram (verbatim quotes);
 * 4. show a link when its score reaches the threshold and it is, for at least one of its two
 *    passages, the best counterpart in the other article (scores rank the rest);
 * 5. group linked passages into facts with a strict average-link rule (cluster.ts).
 * Pure and deterministic: no I/O, no randomness, no dependence on Map/Set iteration of
 * unordered data.
 */
import type {Article, Span} from '../types.js';
import {groupFacts, type Edge} from './cluster.js';
import {featureSpace, sentenceFeatures, sharedFlagged, sharedWeight, termKinds} from './features.js';
import {tokenize} from './text.js';

export {tokenize, isStopWord} from './text.js';
export type {Token} from './text.js';

/** A sentence of one article. */
export interface PassageRef {
	/** Article id (`meta.id`). */
	readonly article: string;
	/** Sentence index in `Article.sentences`. */
	readonly sentence: number;
}

/** Two passages of different articles that report the same fact or quote. */
export interface Link {
	readonly from: PassageRef;
	readonly to: PassageRef;
	/** Similarity, higher is closer (about 0.2–1.2; quote-engine links 0.8 at least). */
	readonly score: number;
}

/** A parallel of a passage: a linked passage in another article, with its link score. */
export interface Parallel extends PassageRef {
	readonly score: number;
}

/** A group of parallel passages that carry one fact or quote. */
export interface Fact {
	/** `f1`, `f2`, … in the order of `Alignment.facts`. */
	readonly id: string;
	/** At most one passage per article, in story order. */
	readonly passages: readonly PassageRef[];
	/** Ids of the articles carrying it, in story order. */
	readonly articles: readonly string[];
	/** Ids of the articles not carrying it, in story order. */
	readonly missing: readonly string[];
}

/** The alignment of a story's articles. */
export interface Alignment {
	/** Every link shown, each undirected pair once (`from` is the earlier article in story order). */
	readonly links: readonly Link[];
	/** Facts carried by two or more articles, most widely carried first. */
	readonly facts: readonly Fact[];
	/** For each article id: indices of its sentences no other article reports (no link). */
	readonly unique: Readonly<Record<string, readonly number[]>>;
	/** Pairs of article ids whose texts are (near) copies of each other; copies are not linked. */
	readonly duplicates: readonly (readonly [string, string])[];
	/** The parallels of a passage, best first; empty for an unknown passage. Constant time. */
	parallelsOf(articleId: string, sentenceIndex: number): readonly Parallel[];
	/** The fact a passage belongs to, if any. */
	factOf(articleId: string, sentenceIndex: number): Fact | undefined;
}

/** Cross-outlet spans known to be the same utterance (from the quote attribution engine). */
export interface QuoteGroup {
	readonly spans: readonly {readonly article: string; readonly start: number; readonly end: number}[];
}

/** What the scorer knows about a candidate pair of sentences. */
export interface PairFeatures {
	/** IDF-weighted cosine of content keys. */
	readonly cos: number;
	/** Shared weight (sum of squared weights of shared keys) and each side's total weight. */
	readonly dot: number;
	readonly weightA: number;
	readonly weightB: number;
	/** Number of shared content keys (words, numbers, concepts, days). */
	readonly shared: number;
	/** Number of shared rare word 3-grams. */
	readonly shingles: number;
}

/** Tuning knobs of {@link alignStory}; the defaults are meant for news stories of 2–500 articles. */
export interface AlignOptions {
	/** Minimum score of a link that is shown (default {@link DEFAULT_THRESHOLD}). */
	readonly threshold?: number;
	/** Quote groups from the attribution engine: extra link evidence. */
	readonly quoteGroups?: readonly QuoteGroup[];
	/** Link (near-)duplicate articles with each other too (default false: they are only reported). */
	readonly linkDuplicates?: boolean;
	/** At most this many parallels kept per passage (default 64; matters for very large stories). */
	readonly maxParallels?: number;
	/** Replace the pair score (experiments and tuning); pairs scoring 0 or less are dropped. */
	readonly score?: (f: PairFeatures) => number;
}

/** Default link threshold on the pair score. */
export const DEFAULT_THRESHOLD = 0.25;
/** Bonus per shared rare word 3-gram, counted up to {@link SHINGLE_SATURATION}. */
const SHINGLE_BONUS = 0.05;
const SHINGLE_SATURATION = 3;
/** Weight (on the IDF) of a term mostly written capitalised inside sentences: names and titles. */
const NAME_WEIGHT = 0.5;
/** Score of a pair of sentences the quote engine says carry the same utterance. */
const QUOTE_LINK_SCORE = 0.8;
/** A term in more than this share of a story's sentences proposes no candidates (at least MIN_DF_CAP). */
const MAX_DF_FRACTION = 0.02;
const MIN_DF_CAP = 50;
/** A 3-gram counts as rare in at most this share of sentences (at least MIN_SHINGLE_CAP). */
const SHINGLE_DF_FRACTION = 0.02;
const MIN_SHINGLE_CAP = 3;
/** Pairs at or above this cosine count as copies when detecting duplicate articles (which must also be of similar length). */
const COPY_SCORE = 0.9;
/** Share of the shorter article's sentences that must be copies for the articles to be duplicates. */
const DUPLICATE_SHARE = 0.8;

/** One sentence, as the aligner sees it. */
interface Unit {
	readonly article: number;
	readonly sentence: number;
	readonly terms: Int32Array;
	readonly shingles: Int32Array;
	/** L2 norm of the weighted term vector. */
	norm: number;
}

/** A growable list of scored candidate pairs. */
class PairList {
	a = new Int32Array(1024);
	b = new Int32Array(1024);
	s = new Float64Array(1024);
	n = 0;
	push(a: number, b: number, s: number): void {
		if (this.n === this.a.length) {
			const a2 = new Int32Array(this.n * 2);
			const b2 = new Int32Array(this.n * 2);
			const s2 = new Float64Array(this.n * 2);
			a2.set(this.a);
			b2.set(this.b);
			s2.set(this.s);
			this.a = a2;
			this.b = b2;
			this.s = s2;
		}
		this.a[this.n] = a;
		this.b[this.n] = b;
		this.s[this.n] = s;
		this.n++;
	}
}

/** Postings in CSR layout: for id t, units items[offsets[t] .. offsets[t+1]). */
function postings(units: readonly Unit[], pick: (u: Unit) => Int32Array, df: Int32Array, cap: number) {
	const offsets = new Int32Array(df.length + 1);
	for (let t = 0; t < df.length; t++) {
		const d = df[t]!;
		offsets[t + 1] = offsets[t]! + (d >= 2 && d <= cap ? d : 0);
	}
	const items = new Int32Array(offsets[df.length]!);
	const fill = offsets.slice(0, df.length);
	for (let ui = 0; ui < units.length; ui++) {
		for (const t of pick(units[ui]!)) {
			const d = df[t]!;
			if (d >= 2 && d <= cap) items[fill[t]!++] = ui;
		}
	}
	return {offsets, items};
}

/**
 * Align the sentences of a story's articles: links between passages of different articles that
 * report the same fact or quote, facts (groups of parallel passages), what each article alone
 * reports, and which articles are copies of each other.
 */
export function alignStory(articles: readonly Article[], options: AlignOptions = {}): Alignment {
	const threshold = options.threshold ?? DEFAULT_THRESHOLD;
	const maxParallels = Math.max(1, options.maxParallels ?? 64);
	const nArt = articles.length;
	const ids = articles.map((a) => a.meta.id);
	const artIndex = new Map<string, number>();
	ids.forEach((id, i) => {
		if (!artIndex.has(id)) artIndex.set(id, i);
	});

	// 1. Units and features.
	const space = featureSpace();
	const units: Unit[] = [];
	const unitOf: Int32Array[] = []; // article → sentence → unit
	articles.forEach((art, ai) => {
		const map = new Int32Array(art.sentences.length);
		art.sentences.forEach((s, si) => {
			const f = sentenceFeatures(art.text.slice(s.start, s.end), space, art.meta.date);
			map[si] = units.length;
			units.push({article: ai, sentence: si, terms: f.terms, shingles: f.shingles, norm: 0});
		});
		unitOf.push(map);
	});
	const S = units.length;
	const nTerms = space.terms.size;
	const nShingles = space.shingles.size;

	// 2. Document frequencies (sentence = document), weights, norms.
	const termDf = new Int32Array(nTerms);
	const shingleDf = new Int32Array(nShingles);
	for (const u of units) {
		for (const t of u.terms) termDf[t]!++;
		for (const g of u.shingles) shingleDf[g]!++;
	}
	const w2 = new Float64Array(nTerms);
	for (let t = 0; t < nTerms; t++) {
		const uses = space.uses[t] ?? 0;
		const name = uses > 0 && (space.capitals[t] ?? 0) * 2 > uses ? NAME_WEIGHT : 1;
		const idf = Math.log(1 + S / termDf[t]!) * name;
		w2[t] = idf * idf;
	}
	for (const u of units) {
		let n = 0;
		for (const t of u.terms) n += w2[t]!;
		u.norm = Math.sqrt(n);
	}
	const kinds = termKinds(space);
	const dfCap = Math.max(MIN_DF_CAP, Math.floor(MAX_DF_FRACTION * S));
	const shingleCap = Math.max(MIN_SHINGLE_CAP, Math.ceil(SHINGLE_DF_FRACTION * S));
	const rareShingle = new Uint8Array(nShingles);
	for (let g = 0; g < nShingles; g++) rareShingle[g] = shingleDf[g]! >= 2 && shingleDf[g]! <= shingleCap ? 1 : 0;

	// 3. Index: postings of the terms and shingles under the caps.
	const tp = postings(units, (u) => u.terms, termDf, dfCap);
	const sp = postings(units, (u) => u.shingles, shingleDf, shingleCap);
	const articleOf = Int32Array.from(units, (u) => u.article);

	// 4. Candidates and choices. For each passage: the passages of other articles that share
	// a rare term or shingle with it, scored exactly; its best counterpart in each other
	// article (ties: the earlier passage) if it reaches the threshold; whether it has a copy
	// there (for duplicate detection).
	const chosen = new PairList(); // (i, j, s): i chose j
	const copies = new Map<number, number>(); // article a * nArt + b → passages of a with a copy in b
	const seen = new Int32Array(S).fill(-1);
	const bestJ = new Int32Array(nArt).fill(-1);
	const bestS = new Float64Array(nArt);
	const hasCopy = new Uint8Array(nArt);
	const touched: number[] = [];
	const touchedArts: number[] = [];
	const choice: {j: number; s: number}[] = [];
	const pairOut = {cos: 0};
	for (let i = 0; i < S; i++) {
		const u = units[i]!;
		const ai = u.article;
		touched.length = 0;
		for (let pass = 0; pass < 2; pass++) {
			const index = pass === 0 ? tp : sp;
			for (const t of pass === 0 ? u.terms : u.shingles) {
				for (let k = index.offsets[t]!, end = index.offsets[t + 1]!; k < end; k++) {
					const j = index.items[k]!;
					if (seen[j] === i || articleOf[j] === ai) continue;
					seen[j] = i;
					touched.push(j);
				}
			}
		}
		touchedArts.length = 0;
		for (const j of touched) {
			const s = pairScore(u, units[j]!, w2, kinds, rareShingle, options.score, pairOut);
			if (s <= 0) continue;
			const b = articleOf[j]!;
			if (pairOut.cos >= COPY_SCORE && !hasCopy[b]) {
				hasCopy[b] = 1;
				if (bestJ[b] === -1) touchedArts.push(b);
			}
			if (s < threshold) continue;
			if (bestJ[b] === -1) {
				if (!hasCopy[b]) touchedArts.push(b);
				bestJ[b] = j;
				bestS[b] = s;
			} else if (s > bestS[b]! || (s === bestS[b]! && j < bestJ[b]!)) {
				bestJ[b] = j;
				bestS[b] = s;
			}
		}
		choice.length = 0;
		for (const b of touchedArts) {
			if (hasCopy[b]) {
				const k = ai * nArt + b;
				copies.set(k, (copies.get(k) ?? 0) + 1);
			}
			if (bestJ[b]! >= 0) choice.push({j: bestJ[b]!, s: bestS[b]!});
			bestJ[b] = -1;
			hasCopy[b] = 0;
		}
		if (choice.length > maxParallels) {
			choice.sort((x, y) => y.s - x.s || x.j - y.j);
			choice.length = maxParallels;
		}
		for (const {j, s} of choice) chosen.push(i, j, s);
	}

	// 5. Duplicate articles: most of the shorter one's sentences have a copy in the other.
	const duplicates = findDuplicates(articles, copies);
	const dupPair = new Set(duplicates.map(([a, b]) => a * nArt + b));
	const skipPair = (a: number, b: number) =>
		a === b || (!options.linkDuplicates && dupPair.has(Math.min(a, b) * nArt + Math.max(a, b)));

	// 6. Shown links: a pair stays when either passage chose the other, or when the quote engine
	// grouped them.
	const linkScore = new Map<number, number>(); // i * S + j (i < j) → score
	const pairKey = (i: number, j: number) => (i < j ? i * S + j : j * S + i);
	for (let e = 0; e < chosen.n; e++) {
		const i = chosen.a[e]!;
		const j = chosen.b[e]!;
		if (!skipPair(articleOf[i]!, articleOf[j]!)) linkScore.set(pairKey(i, j), chosen.s[e]!);
	}
	for (const g of options.quoteGroups ?? []) {
		const members: number[] = [];
		for (const span of g.spans) {
			const a = artIndex.get(span.article);
			if (a === undefined) continue;
			articles[a]!.sentences.forEach((s, si) => {
				const inside = span.start === span.end ? s.start <= span.start && span.start < s.end : Math.min(s.end, span.end) > Math.max(s.start, span.start);
				if (inside) members.push(unitOf[a]![si]!);
			});
		}
		for (let x = 0; x < members.length; x++) {
			for (let y = x + 1; y < members.length; y++) {
				const i = members[x]!;
				const j = members[y]!;
				if (skipPair(articleOf[i]!, articleOf[j]!)) continue;
				const k = pairKey(i, j);
				linkScore.set(k, Math.max(linkScore.get(k) ?? 0, QUOTE_LINK_SCORE));
			}
		}
	}
	const linkKeys = Float64Array.from(linkScore.keys()).sort();
	const edges: Edge[] = Array.from(linkKeys, (k) => {
		const i = Math.floor(k / S);
		return {i, j: k - i * S, s: linkScore.get(k)!};
	});
	const neighbours: {j: number; s: number}[][] = Array.from({length: S}, () => []);
	for (const {i, j, s} of edges) {
		neighbours[i]!.push({j, s});
		neighbours[j]!.push({j: i, s});
	}
	for (const list of neighbours) list.sort((x, y) => y.s - x.s || x.j - y.j);

	const refOf = (ui: number): PassageRef => ({article: ids[units[ui]!.article]!, sentence: units[ui]!.sentence});
	// 7. Facts.
	const groups = groupFacts(S, articleOf, edges);
	const facts: Fact[] = groups.map((g, fi) => {
		const arts = [...new Set(g.map((ui) => units[ui]!.article))].sort((x, y) => x - y);
		const has = new Set(arts);
		return {
			id: `f${fi + 1}`,
			passages: g.map(refOf),
			articles: arts.map((a) => ids[a]!),
			missing: ids.filter((_, a) => !has.has(a)),
		};
	});
	const factOfUnit = new Int32Array(S).fill(-1);
	groups.forEach((g, fi) => {
		for (const ui of g) factOfUnit[ui] = fi;
	});

	const unique: Record<string, number[]> = {};
	articles.forEach((art, ai) => {
		const list: number[] = [];
		art.sentences.forEach((_, si) => {
			if (neighbours[unitOf[ai]![si]!]!.length === 0) list.push(si);
		});
		unique[ids[ai]!] ??= list;
	});

	const unitAt = (articleId: string, sentence: number): number | undefined => {
		const ai = artIndex.get(articleId);
		if (ai === undefined || !Number.isInteger(sentence)) return undefined;
		return unitOf[ai]![sentence];
	};
	const cache = new Map<number, readonly Parallel[]>();
	let links: Link[] | undefined;
	return {
		// built on first use: a 500-article story can have hundreds of thousands
		get links() {
			links ??= edges.map(({i, j, s}) => ({from: refOf(i), to: refOf(j), score: round(s)}));
			return links;
		},
		facts,
		unique,
		duplicates: duplicates.map(([a, b]) => [ids[a]!, ids[b]!] as const),
		parallelsOf(articleId, sentenceIndex) {
			const ui = unitAt(articleId, sentenceIndex);
			if (ui === undefined) return [];
			let r = cache.get(ui);
			if (!r) {
				r = neighbours[ui]!.map(({j, s}) => ({...refOf(j), score: round(s)}));
				cache.set(ui, r);
			}
			return r;
		},
		factOf(articleId, sentenceIndex) {
			const ui = unitAt(articleId, sentenceIndex);
			if (ui === undefined) return undefined;
			const f = factOfUnit[ui]!;
			return f >= 0 ? facts[f] : undefined;
		},
	};
}

function round(x: number): number {
	return Math.round(x * 1e4) / 1e4;
}

/**
 * Score of a candidate pair: IDF-weighted cosine of content keys plus a small bonus per shared
 * rare word 3-gram. Pairs sharing fewer than two distinct words and no rare 3-gram score 0: one
 * shared word, however rare, is not a fact (a word and its synonym concept count once).
 */
const SHARED = {dot: 0, shared: 0};

function pairScore(
	u: Unit,
	v: Unit,
	w2: Float64Array,
	kinds: Uint8Array,
	rareShingle: Uint8Array,
	custom: ((f: PairFeatures) => number) | undefined,
	out: {cos: number},
): number {
	out.cos = 0;
	if (u.norm === 0 || v.norm === 0) return 0;
	const {dot, shared} = sharedWeight(u.terms, v.terms, w2, SHARED, kinds);
	const q = sharedFlagged(u.shingles, v.shingles, rareShingle);
	const cos = dot / (u.norm * v.norm);
	out.cos = cos;
	if (custom) return custom({cos, dot, weightA: u.norm * u.norm, weightB: v.norm * v.norm, shared, shingles: q});
	if (shared < 2 && q === 0) return 0;
	return cos + SHINGLE_BONUS * Math.min(q, SHINGLE_SATURATION);
}

/**
 * Article pairs (indices, a < b) where at least {@link DUPLICATE_SHARE} of the shorter
 * article's sentences have a copy in the other; `copies` counts, per ordered article pair
 * (a * n + b), the sentences of a with a copy in b.
 */
function findDuplicates(articles: readonly Article[], copies: ReadonlyMap<number, number>): [number, number][] {
	const n = articles.length;
	const out: [number, number][] = [];
	for (const [k, count] of copies) {
		const a = Math.floor(k / n);
		const b = k - a * n;
		const na = articles[a]!.sentences.length;
		const nb = articles[b]!.sentences.length;
		// judge from the shorter side (ties: from a < b's side once); a short piece quoted
		// whole inside a long one is not a copy of it
		const shorter = na < nb || (na === nb && a < b);
		if (shorter && count >= DUPLICATE_SHARE * na && na >= DUPLICATE_SHARE * nb) out.push(a < b ? [a, b] : [b, a]);
	}
	// two articles with no sentences to compare but the same text
	const empty = articles.map((a, i) => [a, i] as const).filter(([a]) => a.sentences.length === 0);
	for (let x = 0; x < empty.length; x++) {
		for (let y = x + 1; y < empty.length; y++) {
			if (empty[x]![0].text.trim() === empty[y]![0].text.trim()) out.push([empty[x]![1], empty[y]![1]]);
		}
	}
	out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
	return out;
}

/** The `newsreader align --json` passage of a sentence. */
export interface AlignJsonPassage {
	readonly id: string;
	readonly start: number;
	readonly end: number;
	readonly paragraph: number;
}

/** The `newsreader align --json` document (the eval README's fields, plus per-fact coverage, unique passages, duplicates). */
export interface AlignJson {
	readonly articles: readonly {readonly id: string; readonly outlet: string; readonly passages: readonly AlignJsonPassage[]}[];
	readonly links: readonly {readonly from: string; readonly to: string; readonly score: number}[];
	readonly facts: readonly {
		readonly id: string;
		readonly passages: readonly string[];
		readonly articles: readonly string[];
		readonly missing: readonly string[];
	}[];
	/** Per article id: the passages ("<article id>#<passage id>") only it reports. */
	readonly unique: Readonly<Record<string, readonly string[]>>;
	readonly duplicates: readonly (readonly [string, string])[];
}

/** The object `newsreader align --json` prints for these articles and their alignment. */
export function toAlignJson(articles: readonly Article[], alignment: Alignment): AlignJson {
	const byId = new Map<string, Article>();
	for (const a of articles) if (!byId.has(a.meta.id)) byId.set(a.meta.id, a);
	const pid = (r: PassageRef) => `${r.article}#${byId.get(r.article)?.sentences[r.sentence]?.id ?? `p${r.sentence}`}`;
	return {
		articles: articles.map((a) => ({
			id: a.meta.id,
			outlet: a.meta.outlet,
			passages: a.sentences.map((s) => ({id: s.id, start: s.start, end: s.end, paragraph: s.paragraph})),
		})),
		links: alignment.links.map((l) => ({from: pid(l.from), to: pid(l.to), score: l.score})),
		facts: alignment.facts.map((f) => ({id: f.id, passages: f.passages.map(pid), articles: f.articles, missing: f.missing})),
		unique: Object.fromEntries(
			Object.entries(alignment.unique).map(([a, list]) => [a, list.map((s) => pid({article: a, sentence: s}))]),
		),
		duplicates: alignment.duplicates,
	};
}

/**
 * Spans of the content words two passages share (same stem or number; stop words never), for
 * the compare view's marks. Offsets are relative to the given strings; spans are sorted and do
 * not overlap.
 */
export function sharedWords(textA: string, textB: string): {a: Span[]; b: Span[]} {
	const ta = tokenize(textA).filter((t) => !t.stop);
	const tb = tokenize(textB).filter((t) => !t.stop);
	const ka = new Set(ta.map((t) => t.key));
	const kb = new Set(tb.map((t) => t.key));
	return {
		a: ta.filter((t) => kb.has(t.key)).map((t) => ({start: t.start, end: t.end})),
		b: tb.filter((t) => ka.has(t.key)).map((t) => ({start: t.start, end: t.end})),
	};
}
