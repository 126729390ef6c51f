/**
 * Cross-outlet passage alignment: which sentences of a story's articles report the same fact
 * or quote, grouped into facts, with what each outlet alone reports.
 *
 * The pipeline is the one text-reuse tools share (passim, TextPAIR, PAN aligners):
 * 1. normalise each sentence into content-word stems and numbers, plus word 3-gram shingles;
 * 2. index them (inverted index, IDF per story, postings longer than a document-frequency cap
 *    are not used to find candidates: they are the story's topic words);
 * 3. score only the candidate pairs a rare term or shingle brings together: IDF-weighted
 *    cosine of content words plus a bonus for shared rare word 3-grams (verbatim quotes);
 * 4. keep pairs above a threshold (the links shown), at most a few per sentence and outlet;
 * 5. group linked passages into facts with a strict average-link rule (a passage joins a group
 *    only when it is linked to more than half of it) and at most one passage per article.
 * Pure: no I/O, deterministic for a given input.
 */
import type {Article, Span} from '../types.js';
import {conceptOf, tokenize} from './text.js';

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
	/** Similarity, higher is closer; links below the threshold are not kept. */
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

/** Tuning knobs of {@link alignStory}; the defaults are meant for news stories of 2–500 articles. */
export interface AlignOptions {
	/** Minimum score of a link that is shown. */
	readonly threshold?: number;
	/** Quote groups from the attribution engine: extra link evidence. */
	readonly quoteGroups?: readonly QuoteGroup[];
	/** At most this many parallels of a passage in one other article. */
	readonly perArticle?: number;
	/** A second parallel in the same article must score at least this fraction of the best one. */
	readonly secondRatio?: number;
	/** Replace the pair scoring function (for experiments and tuning). */
	readonly score?: (f: PairFeatures) => number;
	/** Link (near-)duplicate articles with each other too (default false: they are only reported). */
	readonly linkDuplicates?: boolean;
}

/** What the scorer knows about a candidate pair of sentences. */
export interface PairFeatures {
	/** IDF-weighted cosine of content keys. */
	readonly cos: number;
	/** Shared weight (sum of squared IDF of shared keys) and each side's total weight. */
	readonly dot: number;
	readonly weightA: number;
	readonly weightB: number;
	/** Number of shared content keys (words, numbers and concepts). */
	readonly shared: number;
	/** Number of shared rare word 3-grams. */
	readonly shingles: number;
	/** Best IDF-weighted cosine between a clause of one sentence and a clause of the other (two shared keys at least). */
	readonly clause: number;
}

/** Default link threshold on the combined score. */
export const DEFAULT_THRESHOLD = 0.3;
/** Weight of the shared-rare-3-gram bonus (reached at 3 shared 3-grams). */
const SHINGLE_BONUS = 0.25;
const SHINGLE_SATURATION = 3;
/** Score given to a pair of sentences the quote engine says carry the same utterance. */
const QUOTE_LINK_SCORE = 0.8;
/** Fraction of a story's sentences above which a term or shingle does not propose candidates. */
const MAX_DF_FRACTION = 0.1;
const MIN_DF_CAP = Number(process.env.MINCAP ?? 12);
/** A second parallel in the same article must score at least this fraction of the best one. */
const SECOND_RATIO = 0.75;
/** Pairs at or above this cosine count as copies when detecting duplicate articles. */
const COPY_SCORE = 0.9;
/** Share of the shorter article's sentences that must be copies for the articles to be duplicates. */
const DUPLICATE_SHARE = 0.8;

/** One sentence, as the aligner sees it. */
interface Unit {
	readonly article: number;
	readonly sentence: number;
	/** Sorted distinct term ids. */
	readonly terms: Int32Array;
	/** Sorted distinct shingle ids. */
	readonly shingles: Int32Array;
	/** Terms of each clause (sorted distinct ids). */
	readonly clauses: Int32Array[];
	/** L2 norm of the IDF-weighted term vector. */
	norm: number;
	clauseNorms: Float64Array;
}

/** A growable list of weighted undirected edges between units. */
class EdgeList {
	a: Int32Array = new Int32Array(1024);
	b: Int32Array = new Int32Array(1024);
	s: Float64Array = new Float64Array(1024);
	n = 0;
	push(a: number, b: number, s: number): void {
		if (this.n === this.a.length) {
			const grow = <T extends Int32Array | Float64Array>(x: T, make: (n: number) => T): T => {
				const y = make(x.length * 2);
				y.set(x);
				return y;
			};
			this.a = grow(this.a, (n) => new Int32Array(n));
			this.b = grow(this.b, (n) => new Int32Array(n));
			this.s = grow(this.s, (n) => new Float64Array(n));
		}
		this.a[this.n] = a;
		this.b[this.n] = b;
		this.s[this.n] = s;
		this.n++;
	}
}

/** Interning of strings to dense ids. */
class Interner {
	readonly ids = new Map<string, number>();
	id(s: string): number {
		let i = this.ids.get(s);
		if (i === undefined) {
			i = this.ids.size;
			this.ids.set(s, i);
		}
		return i;
	}
}

/** Content keys and 3-gram shingles of one sentence text. */
function features(
	text: string,
	terms: Interner,
	shingles: Interner,
	capitals: number[],
	uses: number[],
): {terms: Int32Array; shingles: Int32Array; clauses: Int32Array[]} {
	const toks = tokenize(text);
	const clauses: Set<number>[] = [new Set()];
	let prevEnd = 0;
	// how often each key is written capitalised, away from the sentence start (names, titles)
	toks.forEach((tok, i) => {
		if (tok.stop || tok.number || i === 0) return;
		const id = terms.id(tok.key);
		uses[id] = (uses[id] ?? 0) + 1;
		if (tok.capital) capitals[id] = (capitals[id] ?? 0) + 1;
	});
	const t = new Set<number>();
	for (let i = 0; i < toks.length; i++) {
		const tok = toks[i]!;
		if (i > 0 && (CLAUSE_PUNCT.test(text.slice(prevEnd, tok.start)) || CLAUSE_WORDS.has(tok.lower)) && clauses.at(-1)!.size > 0) {
			clauses.push(new Set());
		}
		prevEnd = tok.end;
		const cl = clauses.at(-1)!;
		if (!tok.stop && (tok.number || tok.key.length > 1)) {
			t.add(terms.id(tok.key));
			cl.add(terms.id(tok.key));
			const c = conceptOf(tok.key);
			if (c !== undefined) {
				t.add(terms.id(c));
				cl.add(terms.id(c));
			}
		}
		// "build-up" also matches "buildup"
		const next = toks[i + 1];
		if (next && next.start === tok.end + 1 && text[tok.end] === '-' && !tok.number && !next.number) {
			const joined = tok.lower + next.lower;
			t.add(terms.id(joined));
			const c = conceptOf(joined);
			if (c !== undefined) t.add(terms.id(c));
		}
		if (tok.lower === 'united' && next?.lower === 'states') {
			t.add(terms.id('usa'));
			t.add(terms.id(conceptOf('usa') ?? 'usa'));
		}
	}
	const sh = new Set<number>();
	for (let i = 0; i + 2 < toks.length; i++) {
		const a = toks[i]!;
		const b = toks[i + 1]!;
		const c = toks[i + 2]!;
		if (a.stop && b.stop && c.stop) continue;
		sh.add(shingles.id(`${a.lower} ${b.lower} ${c.lower}`));
	}
	return {
		terms: Int32Array.from(t).sort(),
		shingles: Int32Array.from(sh).sort(),
		clauses: clauses.filter((c) => c.size > 0).map((c) => Int32Array.from(c).sort()),
	};
}

const CLAUSE_PUNCT = /[,;:()\[\]—–"“”?!]|\s-\s/;
const CLAUSE_WORDS = new Set(['and', 'but', 'while', 'which', 'because', 'though', 'although', 'whereas', 'after', 'before', 'when', 'if', 'that', 'as', 'since', 'amid']);

/** Dot product of two sorted id arrays under per-id weights (squared IDF), and the number of shared ids. */
function sharedWeight(x: Int32Array, y: Int32Array, w2: Float64Array): {dot: number; shared: number} {
	let i = 0;
	let j = 0;
	let dot = 0;
	let shared = 0;
	while (i < x.length && j < y.length) {
		const a = x[i]!;
		const b = y[j]!;
		if (a === b) {
			dot += w2[a]!;
			shared++;
			i++;
			j++;
		} else if (a < b) i++;
		else j++;
	}
	return {dot, shared};
}

function sharedCount(x: Int32Array, y: Int32Array, rare: Uint8Array): number {
	let i = 0;
	let j = 0;
	let n = 0;
	while (i < x.length && j < y.length) {
		const a = x[i]!;
		const b = y[j]!;
		if (a === b) {
			if (rare[a]) n++;
			i++;
			j++;
		} else if (a < b) i++;
		else j++;
	}
	return n;
}

/** Build postings (CSR layout) of ids over units, for ids whose document frequency passes `keep`. */
function postings(
	units: readonly Unit[],
	pick: (u: Unit) => Int32Array,
	df: Int32Array,
	keep: (df: number) => boolean,
): {offsets: Int32Array; items: Int32Array} {
	const offsets = new Int32Array(df.length + 1);
	for (let t = 0; t < df.length; t++) offsets[t + 1] = offsets[t]! + (keep(df[t]!) ? df[t]! : 0);
	const items = new Int32Array(offsets[df.length]!);
	const fill = offsets.slice(0, df.length);
	units.forEach((u, ui) => {
		for (const t of pick(u)) if (keep(df[t]!)) items[fill[t]!++] = ui;
	});
	return {offsets, items};
}

/**
 * Align the sentences of a story's articles: links between passages of different articles that
 * report the same fact or quote, facts (groups of parallel passages), what each article alone
 * reports, and which articles are copies of each other.
 */
export function alignStory(articles: readonly Article[], options: AlignOptions = {}): Alignment {
	const threshold = options.threshold ?? DEFAULT_THRESHOLD;
	const perArticle = Math.max(1, options.perArticle ?? 2);
	const secondRatio = options.secondRatio ?? SECOND_RATIO;
	const nArt = articles.length;
	const ids = articles.map((a) => a.meta.id);
	const artIndex = new Map<string, number>();
	ids.forEach((id, i) => {
		if (!artIndex.has(id)) artIndex.set(id, i);
	});

	// 1. Units and their features.
	const termIds = new Interner();
	const shingleIds = new Interner();
	const units: Unit[] = [];
	const capitals: number[] = [];
	const uses: number[] = [];
	const unitOf: Int32Array[] = []; // article → sentence → unit index
	articles.forEach((art, ai) => {
		const map = new Int32Array(art.sentences.length);
		art.sentences.forEach((s, si) => {
			const f = features(art.text.slice(s.start, s.end), termIds, shingleIds, capitals, uses);
			map[si] = units.length;
			units.push({article: ai, sentence: si, terms: f.terms, shingles: f.shingles, clauses: f.clauses, norm: 0, clauseNorms: new Float64Array(0)});
		});
		unitOf.push(map);
	});
	const S = units.length;
	const nTerms = termIds.ids.size;
	const nShingles = shingleIds.ids.size;

	// 2. Document frequencies (sentence = document), IDF, norms.
	const termDf = new Int32Array(nTerms);
	const shingleDf = new Int32Array(nShingles);
	for (const u of units) {
		for (const t of u.terms) termDf[t]!++;
		for (const g of u.shingles) shingleDf[g]!++;
	}
	// Articles mentioning each term: a term repeated in many sentences of the same articles
	// (an actor's name, the story's subject) is about the story, not about one fact.
	const termArts = new Int32Array(nTerms);
	const lastArt = new Int32Array(nTerms).fill(-1);
	for (const u of units) {
		for (const t of u.terms) {
			if (lastArt[t] !== u.article) {
				lastArt[t] = u.article;
				termArts[t]!++;
			}
		}
	}
	const burst = Number(process.env.BURST ?? 0);
	const COMPLETE = process.env.COMPLETE === '1';
	const IMPLIED = Number(process.env.IMPLIED ?? 0.5);
	const NAMEW = Number(process.env.NAMEW ?? 1);
	const w2 = new Float64Array(nTerms);
	for (let t = 0; t < nTerms; t++) {
		const idf = Math.log(1 + S / termDf[t]!);
		const perArticle = termDf[t]! / termArts[t]!;
		const name = (uses[t] ?? 0) > 0 && (capitals[t] ?? 0) / uses[t]! > 0.5 ? NAMEW : 1;
		w2[t] = (idf * idf * name * name) / Math.pow(perArticle, burst);
	}
	for (const u of units) {
		let n = 0;
		for (const t of u.terms) n += w2[t]!;
		u.norm = Math.sqrt(n);
		u.clauseNorms = Float64Array.from(u.clauses, (c) => Math.sqrt(c.reduce((acc, t) => acc + w2[t]!, 0)));
	}
	const dfCap = Math.max(MIN_DF_CAP, Math.floor(MAX_DF_FRACTION * S));
	const SHCAP = Math.max(Number(process.env.SHMIN ?? 3), Math.ceil(Number(process.env.SHFRAC ?? 0.05) * S));
	const rareShingle = new Uint8Array(nShingles);
	for (let g = 0; g < nShingles; g++) rareShingle[g] = shingleDf[g]! >= 2 && shingleDf[g]! <= SHCAP ? 1 : 0;

	// 3. Index: postings of the terms and shingles under the df cap.
	const keep = (df: number) => df >= 2 && df <= dfCap;
	const tp = postings(units, (u) => u.terms, termDf, keep);
	const sp = postings(units, (u) => u.shingles, shingleDf, keep);

	// 4. Candidates and scores: for each unit, the later units of other articles that share a
	// rare term or shingle; exact cosine on those only.
	const cand = new EdgeList();
	const seen = new Int32Array(S).fill(-1);
	const touched: number[] = [];
	for (let i = 0; i < S; i++) {
		const u = units[i]!;
		touched.length = 0;
		const visit = (offsets: Int32Array, items: Int32Array, t: number) => {
			for (let k = offsets[t]!, end = offsets[t + 1]!; k < end; k++) {
				const j = items[k]!;
				if (j <= i || seen[j] === i) continue;
				if (units[j]!.article === u.article) continue;
				seen[j] = i;
				touched.push(j);
			}
		};
		for (const t of u.terms) visit(tp.offsets, tp.items, t);
		for (const g of u.shingles) visit(sp.offsets, sp.items, g);
		for (const j of touched) {
			const v = units[j]!;
			const s = pairScore(u, v, w2, rareShingle, options.score);
			if (s > 0) cand.push(i, j, s);
		}
	}

	// 5. Duplicate articles: most of the shorter one's sentences are copies in the other.
	const duplicates = findDuplicates(articles, units, cand);
	const dupPair = new Set(duplicates.map(([a, b]) => a * nArt + b));
	const isDup = (a: number, b: number) => dupPair.has(Math.min(a, b) * nArt + Math.max(a, b));

	// Edge scores above the threshold, plus quote-group evidence.
	const edgeScore = new Map<number, number>(); // key i*S+j (i<j) → score
	const key = (i: number, j: number) => (i < j ? i * S + j : j * S + i);
	for (let e = 0; e < cand.n; e++) {
		const s = cand.s[e]!;
		if (s < threshold) continue;
		const i = cand.a[e]!;
		const j = cand.b[e]!;
		if (!options.linkDuplicates && isDup(units[i]!.article, units[j]!.article)) continue;
		edgeScore.set(key(i, j), s);
	}
	for (const g of options.quoteGroups ?? []) {
		const members: number[] = [];
		for (const sp2 of g.spans) {
			const ai = artIndex.get(sp2.article);
			if (ai === undefined) continue;
			articles[ai]!.sentences.forEach((s, si) => {
				if (Math.min(s.end, sp2.end) > Math.max(s.start, sp2.start)) members.push(unitOf[ai]![si]!);
			});
		}
		for (let x = 0; x < members.length; x++) {
			for (let y = x + 1; y < members.length; y++) {
				const i = members[x]!;
				const j = members[y]!;
				const ua = units[i]!.article;
				const ub = units[j]!.article;
				if (ua === ub || (!options.linkDuplicates && isDup(ua, ub))) continue;
				const k = key(i, j);
				edgeScore.set(k, Math.max(edgeScore.get(k) ?? 0, QUOTE_LINK_SCORE));
			}
		}
	}

	// 6. Keep, for each unit and other article, its best parallels (a second one only when close
	// to the best); a link stays when either end keeps it.
	const adj: {j: number; s: number}[][] = Array.from({length: S}, () => []);
	for (const [k, s] of edgeScore) {
		const i = Math.floor(k / S);
		const j = k - i * S;
		adj[i]!.push({j, s});
		adj[j]!.push({j: i, s});
	}
	const kept = new Set<number>();
	for (let i = 0; i < S; i++) {
		const list = adj[i]!;
		list.sort((x, y) => y.s - x.s || x.j - y.j);
		const perArt = new Map<number, {n: number; best: number}>();
		for (const {j, s} of list) {
			const a = units[j]!.article;
			const c = perArt.get(a);
			if (!c) {
				perArt.set(a, {n: 1, best: s});
				kept.add(key(i, j));
			} else if (c.n < perArticle && s >= secondRatio * c.best) {
				c.n++;
				kept.add(key(i, j));
			}
		}
	}
	const buildNeighbours = () => {
		const nb: {j: number; s: number}[][] = Array.from({length: S}, () => []);
		for (const k of kept) {
			const i = Math.floor(k / S);
			const j = k - i * S;
			const s = edgeScore.get(k)!;
			nb[i]!.push({j, s});
			nb[j]!.push({j: i, s});
		}
		for (const list of nb) list.sort((x, y) => y.s - x.s || x.j - y.j);
		return nb;
	};
	let neighbours = buildNeighbours();

	// 7. Facts; passages of one fact are parallels of each other even when their own words
	// differ too much for a direct link (scored below the weaker of their links to the fact).
	const groups = groupFacts(units, neighbours, nArt);
	if (COMPLETE) {
		let added = false;
		for (const g of groups) {
			for (let x = 0; x < g.length; x++) {
				for (let y = x + 1; y < g.length; y++) {
					const i = g[x]!;
					const j = g[y]!;
					if (units[i]!.article === units[j]!.article) continue;
					const k = key(i, j);
					if (kept.has(k)) continue;
					const si = neighbours[i]![0]?.s ?? 0;
					const sj = neighbours[j]![0]?.s ?? 0;
					edgeScore.set(k, Math.max(edgeScore.get(k) ?? 0, IMPLIED * Math.min(si, sj)));
					kept.add(k);
					added = true;
				}
			}
		}
		if (added) neighbours = buildNeighbours();
	}
	const linkKeys = [...kept].sort((x, y) => x - y);
	const refOf = (ui: number): PassageRef => ({article: ids[units[ui]!.article]!, sentence: units[ui]!.sentence});
	const links: Link[] = linkKeys.map((k) => {
		const i = Math.floor(k / S);
		const j = k - i * S;
		return {from: refOf(i), to: refOf(j), score: round(edgeScore.get(k)!)};
	});

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
		for (const ui of g) if (factOfUnit[ui] === -1) factOfUnit[ui] = fi;
	});

	const unique: Record<string, number[]> = {};
	articles.forEach((art, ai) => {
		const list: number[] = [];
		art.sentences.forEach((_, si) => {
			if (neighbours[unitOf[ai]![si]!]!.length === 0) list.push(si);
		});
		unique[ids[ai]!] ??= list;
	});

	const cache = new Map<number, readonly Parallel[]>();
	const unitAt = (articleId: string, sentence: number): number | undefined => {
		const ai = artIndex.get(articleId);
		if (ai === undefined || !Number.isInteger(sentence)) return undefined;
		return unitOf[ai]![sentence];
	};
	return {
		links,
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
 * Score of a candidate pair: IDF-weighted cosine of content keys plus a bonus for shared rare
 * word 3-grams. Pairs sharing fewer than two content keys and no rare 3-gram score 0 (one
 * shared word, however rare, is not a fact).
 */
function pairScore(u: Unit, v: Unit, w2: Float64Array, rareShingle: Uint8Array, custom?: (f: PairFeatures) => number): number {
	if (u.norm === 0 || v.norm === 0) return 0;
	const {dot, shared} = sharedWeight(u.terms, v.terms, w2);
	const q = sharedCount(u.shingles, v.shingles, rareShingle);
	const cos = dot / (u.norm * v.norm);
	let clause = 0;
	for (let x = 0; x < u.clauses.length; x++) {
		for (let y = 0; y < v.clauses.length; y++) {
			const r = sharedWeight(u.clauses[x]!, v.clauses[y]!, w2);
			if (r.shared < 2) continue;
			const c = r.dot / (u.clauseNorms[x]! * v.clauseNorms[y]!);
			if (c > clause) clause = c;
		}
	}
	if (custom) return custom({cos, dot, weightA: u.norm * u.norm, weightB: v.norm * v.norm, shared, shingles: q, clause});
	if (shared < 2 && q === 0) return 0;
	return cos + (SHINGLE_BONUS * Math.min(q, SHINGLE_SATURATION)) / SHINGLE_SATURATION;
}

/** Article pairs (indices, a < b) where most of the shorter article's sentences are copies in the other. */
function findDuplicates(articles: readonly Article[], units: readonly Unit[], cand: EdgeList): [number, number][] {
	const copies = new Map<number, Set<number>>(); // article pair → units of either side with a copy
	const n = articles.length;
	for (let e = 0; e < cand.n; e++) {
		if (cand.s[e]! < COPY_SCORE) continue;
		const i = cand.a[e]!;
		const j = cand.b[e]!;
		const a = units[i]!.article;
		const b = units[j]!.article;
		const k = Math.min(a, b) * n + Math.max(a, b);
		let set = copies.get(k);
		if (!set) copies.set(k, (set = new Set()));
		set.add(i).add(j);
	}
	const out: [number, number][] = [];
	for (const [k, set] of copies) {
		const a = Math.floor(k / n);
		const b = k - a * n;
		let ca = 0;
		let cb = 0;
		for (const ui of set) {
			if (units[ui]!.article === a) ca++;
			else cb++;
		}
		const na = articles[a]!.sentences.length;
		const nb = articles[b]!.sentences.length;
		const share = na <= nb ? ca / Math.max(1, na) : cb / Math.max(1, nb);
		if (share >= DUPLICATE_SHARE) out.push([a, b]);
	}
	for (let a = 0; a < n; a++) {
		for (let b = a + 1; b < n; b++) {
			// empty or identical texts with no sentences to compare
			const ta = articles[a]!;
			const tb = articles[b]!;
			if (ta.sentences.length === 0 && tb.sentences.length === 0 && ta.text.trim() === tb.text.trim()) out.push([a, b]);
		}
	}
	if (n > 0 && out.length > 1) out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
	return out;
}

/**
 * Group linked units into facts, strictly: links are taken best first; two groups merge only
 * when they share no article and more than half of the cross pairs are linked (average link
 * with missing links counting as zero, so a chain A–B–C never makes A and C one fact unless
 * A–C is linked too). Returns groups of two or more units, each sorted by (article, sentence),
 * ordered by number of articles (descending), then by first unit.
 */
function groupFacts(units: readonly Unit[], neighbours: readonly {j: number; s: number}[][], nArt: number): number[][] {
	const S = units.length;
	const root = new Int32Array(S);
	for (let i = 0; i < S; i++) root[i] = i;
	const members: number[][] = Array.from({length: S}, (_, i) => [i]);
	const artsOf: Set<number>[] = units.map((u) => new Set([u.article]));
	const find = (x: number): number => {
		while (root[x] !== x) {
			root[x] = root[root[x]!]!;
			x = root[x]!;
		}
		return x;
	};
	const edges: {i: number; j: number; s: number}[] = [];
	neighbours.forEach((list, i) => {
		for (const {j, s} of list) if (i < j) edges.push({i, j, s});
	});
	edges.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
	for (const {i, j} of edges) {
		let ra = find(i);
		let rb = find(j);
		if (ra === rb) continue;
		let A = members[ra]!;
		let B = members[rb]!;
		if (A.length > B.length) {
			[ra, rb] = [rb, ra];
			[A, B] = [B, A];
		}
		const artsA = artsOf[ra]!;
		const artsB = artsOf[rb]!;
		let clash = false;
		for (const a of artsA) if (artsB.has(a)) clash = true;
		if (clash) continue;
		let linked = 0;
		for (const x of A) for (const {j: y} of neighbours[x]!) if (find(y) === rb) linked++;
		if (2 * linked <= A.length * B.length) continue;
		root[ra] = rb;
		for (const x of A) B.push(x);
		for (const a of artsA) artsB.add(a);
		members[ra] = [];
	}
	const groups: number[][] = [];
	for (let i = 0; i < S; i++) {
		if (find(i) === i && members[i]!.length >= 2) groups.push([...members[i]!].sort((x, y) => x - y));
	}
	void nArt;
	groups.sort((x, y) => artCount(units, y) - artCount(units, x) || x[0]! - y[0]!);
	return groups;
}

function artCount(units: readonly Unit[], g: readonly number[]): number {
	return new Set(g.map((ui) => units[ui]!.article)).size;
}

/** The `newsreader align --json` passage of a sentence. */
export interface AlignJsonPassage {
	readonly id: string;
	readonly start: number;
	readonly end: number;
	readonly paragraph: number;
}

/** The `newsreader align --json` document (see the eval README). */
export interface AlignJson {
	readonly articles: readonly {readonly id: string; readonly outlet: string; readonly passages: readonly AlignJsonPassage[]}[];
	readonly links: readonly {readonly from: string; readonly to: string; readonly score: number}[];
	readonly facts: readonly {
		readonly id: string;
		readonly passages: readonly string[];
		readonly articles: readonly string[];
		readonly missing: readonly string[];
	}[];
	readonly unique: Readonly<Record<string, readonly string[]>>;
	readonly duplicates: readonly (readonly [string, string])[];
}

/** The object `newsreader align --json` prints for these articles and their alignment. */
export function toAlignJson(articles: readonly Article[], alignment: Alignment): AlignJson {
	const sentenceId = (article: string, sentence: number): string => {
		const art = articles.find((a) => a.meta.id === article);
		return `${article}#${art?.sentences[sentence]?.id ?? `p${sentence}`}`;
	};
	const byId = new Map(articles.map((a) => [a.meta.id, a] as const));
	const pid = (r: PassageRef) => {
		const art = byId.get(r.article);
		return art ? `${r.article}#${art.sentences[r.sentence]?.id ?? `p${r.sentence}`}` : sentenceId(r.article, r.sentence);
	};
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
 * Spans of the content words two passages share (same stem or number), for the compare view's
 * marks. Offsets are relative to the given strings; spans are sorted and do not overlap.
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
