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
import {groupFacts} from './cluster.js';
import {
	countUses,
	featureSpace,
	sentenceFeatures,
	termKinds,
	TermKind,
	type FeatureSpace,
	type SentenceFeatures,
} from './features.js';
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

/*
 * Implementation notes. A 500-article story has about 6,000 sentences and 400,000 links, and
 * most of its sentences are wire copy repeated verbatim by dozens of outlets. So:
 * - features and scores are computed once per sentence *type* (a distinct sentence text under
 *   one article date): a passage's candidates, their scores and its choices depend only on its
 *   text, except that it never links within its own article;
 * - units, links and neighbour lists live in typed arrays (CSR layouts), sorted with counting
 *   sorts; Link and Parallel objects are made only when asked for;
 * - when most sentences are distinct near-copies (hundreds of thousands of candidate pairs),
 *   a pair of types is scored once, from its earlier type, which walks only the rest of each
 *   postings list (they are in type order) and counts the shared rare shingles on the way; only
 *   the pairs that count are handed on to the later type, in typed arrays;
 * - each heavy loop sits in a small function of its own: alignStory runs once per story, and
 *   V8 optimises a small function's loop sooner, without the deoptimisations a long function
 *   suffers when its later loops have not run yet.
 */

/**
 * Stable counting sort of the indices 0 … n-1 by key[index] (keys in 0 … range-1): the indices
 * in key order, and where each key's run starts (start[range] = n): CSR buckets.
 */
function bucketSort(key: Int32Array, n: number, range: number): {start: Int32Array; items: Int32Array} {
	const start = new Int32Array(range + 1);
	for (let e = 0; e < n; e++) start[key[e]! + 1]!++;
	for (let v = 0; v < range; v++) start[v + 1]! += start[v]!;
	const fill = start.slice(0, range);
	const items = new Int32Array(n);
	for (let e = 0; e < n; e++) items[fill[key[e]!]!++] = e;
	return {start, items};
}

/** The sentences of a story as the aligner sees them. */
interface Units {
	/** Number of units: sentences, numbered in story order (an article's are contiguous). */
	readonly S: number;
	/** Article → its first unit (firstUnit[articles.length] = S). */
	readonly firstUnit: Int32Array;
	readonly articleOf: Int32Array;
	readonly sentenceOf: Int32Array;
	/** Unit → its type: a distinct sentence text under one article date. */
	readonly typeOf: Int32Array;
	/** Features of each type. */
	readonly types: readonly SentenceFeatures[];
	/** The units of each type, ascending: typeUnits[typeStart[t] .. typeStart[t+1]). */
	readonly typeStart: Int32Array;
	readonly typeUnits: Int32Array;
}

/**
 * Units and types of a story's sentences: a sentence text met again under the same article
 * date reuses its features (the weekday of "on Tuesday" depends on the date), its words still
 * counted in the space once per occurrence.
 */
function storyUnits(articles: readonly Article[], space: FeatureSpace): Units {
	const nArt = articles.length;
	const firstUnit = new Int32Array(nArt + 1);
	for (let ai = 0; ai < nArt; ai++) firstUnit[ai + 1] = firstUnit[ai]! + articles[ai]!.sentences.length;
	const S = firstUnit[nArt]!;
	const articleOf = new Int32Array(S);
	const sentenceOf = new Int32Array(S);
	const typeOf = new Int32Array(S);
	const types: SentenceFeatures[] = [];
	const typeByDate = new Map<string | undefined, Map<string, number>>(); // date → text → type
	for (let ai = 0; ai < nArt; ai++) {
		const art = articles[ai]!;
		const date = art.meta.date;
		let typeByText = typeByDate.get(date);
		if (!typeByText) typeByDate.set(date, (typeByText = new Map()));
		for (let si = 0; si < art.sentences.length; si++) {
			const s = art.sentences[si]!;
			const text = art.text.slice(s.start, s.end);
			let t = typeByText.get(text);
			if (t === undefined) {
				t = types.length;
				types.push(sentenceFeatures(text, space, date));
				typeByText.set(text, t);
			} else countUses(types[t]!, space);
			const ui = firstUnit[ai]! + si;
			articleOf[ui] = ai;
			sentenceOf[ui] = si;
			typeOf[ui] = t;
		}
	}
	const {start: typeStart, items: typeUnits} = bucketSort(typeOf, S, types.length);
	return {S, firstUnit, articleOf, sentenceOf, typeOf, types, typeStart, typeUnits};
}

/**
 * Postings in CSR layout: for id x, the items (indices in `lists`) holding it,
 * items[offsets[x] .. offsets[x+1]); only ids of document frequency 2 … cap.
 */
function postings(lists: readonly Int32Array[], df: Int32Array, cap: number) {
	const offsets = new Int32Array(df.length + 1);
	for (let k = 0; k < lists.length; k++) {
		const ids = lists[k]!;
		for (let p = 0; p < ids.length; p++) {
			const d = df[ids[p]!]!;
			if (d >= 2 && d <= cap) offsets[ids[p]! + 1]!++;
		}
	}
	for (let x = 0; x < df.length; x++) offsets[x + 1]! += offsets[x]!;
	const fill = offsets.slice(0, df.length);
	const items = new Int32Array(offsets[df.length]!);
	for (let k = 0; k < lists.length; k++) {
		const ids = lists[k]!;
		for (let p = 0; p < ids.length; p++) {
			const d = df[ids[p]!]!;
			if (d >= 2 && d <= cap) items[fill[ids[p]!]!++] = k;
		}
	}
	return {offsets, items};
}

/** Term weights and the story's index (steps 2 and 3 of the pipeline). */
interface StoryIndex {
	/** Squared weight of each term id. */
	readonly w2: Float64Array;
	/** L2 norm of each type's weighted term vector. */
	readonly norm: Float64Array;
	readonly kinds: Uint8Array;
	/** Postings (of types) of the terms and shingles under the caps. */
	readonly terms: {readonly offsets: Int32Array; readonly items: Int32Array};
	readonly shingles: {readonly offsets: Int32Array; readonly items: Int32Array};
}

function storyIndex(units: Units, space: FeatureSpace): StoryIndex {
	const {S, types, typeStart} = units;
	const nTerms = space.terms.size;
	const nShingles = space.shingles.size;
	// document frequencies (sentence = document: a type counts once per unit)
	const termDf = new Int32Array(nTerms);
	const shingleDf = new Int32Array(nShingles);
	for (let t = 0; t < types.length; t++) {
		const {terms, shingles} = types[t]!;
		const count = typeStart[t + 1]! - typeStart[t]!;
		for (let k = 0; k < terms.length; k++) termDf[terms[k]!]! += count;
		for (let k = 0; k < shingles.length; k++) shingleDf[shingles[k]!]! += count;
	}
	const w2 = new Float64Array(nTerms);
	for (let t = 0; t < nTerms; t++) {
		const uses = space.uses[t] ?? 0;
		const name = uses > 0 && (space.capitals[t] ?? 0) * 2 > uses ? NAME_WEIGHT : 1;
		const idf = Math.log(1 + S / termDf[t]!) * name;
		w2[t] = idf * idf;
	}
	const norm = new Float64Array(types.length);
	for (let t = 0; t < types.length; t++) {
		const {terms} = types[t]!;
		let n = 0;
		for (let k = 0; k < terms.length; k++) n += w2[terms[k]!]!;
		norm[t] = Math.sqrt(n);
	}
	const dfCap = Math.max(MIN_DF_CAP, Math.floor(MAX_DF_FRACTION * S));
	const shingleCap = Math.max(MIN_SHINGLE_CAP, Math.ceil(SHINGLE_DF_FRACTION * S));
	return {
		w2,
		norm,
		kinds: termKinds(space),
		terms: postings(
			types.map((f) => f.terms),
			termDf,
			dfCap,
		),
		shingles: postings(
			types.map((f) => f.shingles),
			shingleDf,
			shingleCap,
		),
	};
}

/**
 * What each type chooses (step 4 of the pipeline): its best counterpart units, at most
 * `keep` (one per article), best first, in topUnit/topScore[topStart[t] .. topStart[t+1]);
 * the articles where it has a copy, in copyArts[copyStart[t] .. copyStart[t+1]).
 */
interface TypeChoices {
	readonly topStart: Int32Array;
	readonly topUnit: Int32Array;
	readonly topScore: Float64Array;
	readonly copyStart: Int32Array;
	readonly copyArts: Int32Array;
}

/**
 * For each type: the types that share a rare term or shingle with it, scored; then, for each
 * article, the best counterpart unit there (ties: the earlier unit) if it reaches the
 * threshold, and whether a copy is there (for duplicate detection). The default score is
 * symmetric, so each unordered pair of types is scored once, when the first of the two is
 * processed; only the pairs that count are handed on to the second (a custom score is asked
 * both ways).
 */
function chooseByType(
	units: Units,
	index: StoryIndex,
	nArt: number,
	threshold: number,
	keep: number,
	custom: ((f: PairFeatures) => number) | undefined,
): TypeChoices {
	const {articleOf, types, typeStart, typeUnits} = units;
	const T = types.length;
	const topStart = new Int32Array(T + 1);
	// grown by doubling: hundreds of thousands of choices in a large story
	let topUnit = new Int32Array(1024);
	let topScore = new Float64Array(1024);
	let nTop = 0;
	const copyStart = new Int32Array(T + 1);
	const copyArts: number[] = [];
	const seenType = new Int32Array(T).fill(-1);
	const bestJ = new Int32Array(nArt).fill(-1);
	const bestS = new Float64Array(nArt);
	const hasCopy = new Uint8Array(nArt);
	const touchedArts: number[] = [];
	const choices = new Choices(nArt);
	const scorer = new PairScorer(types, index, custom);
	// the default score is symmetric: a pair is scored when the earlier of its types is
	// processed, and handed on to the later one if it counts (reaches the threshold or is a copy)
	const symmetric = custom === undefined;
	const handed = new Handed(T);
	// how many of the types holding each indexed term or shingle were processed: in the
	// postings (in type order) of an id of type t, t is at offsets[x] + done[x]
	const termDone = new Int32Array(symmetric ? index.terms.offsets.length : 0);
	const shingleDone = new Int32Array(symmetric ? index.shingles.offsets.length : 0);
	// each candidate's number of shared rare shingles, counted through the shingle postings
	// (those of the rare shingles: a type's shingles are distinct)
	const rareQ = new Int32Array(T);
	const candidates = new Int32Array(T);
	let nCandidates = 0;
	/**
	 * The types sharing an indexed term or shingle with type t (t itself included); with the
	 * symmetric score, only t and the later ones (the earlier ones handed on their scores).
	 */
	const gatherCandidates = (t: number): void => {
		const {terms, shingles} = types[t]!;
		let n = 0;
		{
			const {offsets, items} = index.terms;
			for (let p = 0; p < terms.length; p++) {
				const x = terms[p]!;
				let k = offsets[x]!;
				const end = offsets[x + 1]!;
				if (k === end) continue;
				if (symmetric) k += termDone[x]!++;
				for (; k < end; k++) {
					const v = items[k]!;
					if (seenType[v] === t) continue;
					seenType[v] = t;
					candidates[n++] = v;
					rareQ[v] = 0;
				}
			}
		}
		{
			const {offsets, items} = index.shingles;
			for (let p = 0; p < shingles.length; p++) {
				const x = shingles[p]!;
				let k = offsets[x]!;
				const end = offsets[x + 1]!;
				if (k === end) continue;
				if (symmetric) k += shingleDone[x]!++;
				for (; k < end; k++) {
					const v = items[k]!;
					if (seenType[v] !== t) {
						seenType[v] = t;
						candidates[n++] = v;
						rareQ[v] = 1;
					} else rareQ[v]!++;
				}
			}
		}
		nCandidates = n;
	};
	/** Type t's pair with type v counts with score s (a copy or not): per article, the best unit and whether a copy is there. */
	const consider = (v: number, s: number, copy: boolean): void => {
		for (let k = typeStart[v]!, end = typeStart[v + 1]!; k < end; k++) {
			const j = typeUnits[k]!;
			const b = articleOf[j]!;
			if (copy && !hasCopy[b]) {
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
	};
	/** Score type t's candidates (and take the pairs handed on to it). */
	const scoreCandidates = (t: number): void => {
		touchedArts.length = 0;
		for (let h = handed.head[t]!; h !== -1; h = handed.next(h)) {
			const from = handed.from(h);
			consider(from < 0 ? ~from : from, handed.score(h), from < 0);
		}
		scorer.setRow(t);
		for (let c = 0; c < nCandidates; c++) {
			const v = candidates[c]!;
			const s = scorer.score(v, rareQ[v]!);
			if (s <= 0) continue;
			const copy = scorer.cos >= COPY_SCORE;
			if (!copy && s < threshold) continue;
			if (symmetric && v > t) handed.add(v, t, s, copy);
			consider(v, s, copy);
		}
	};
	/** Record type t's copies and best choices; reset the per-article scratch. */
	const record = (t: number): void => {
		choices.n = 0;
		for (let k = 0; k < touchedArts.length; k++) {
			const b = touchedArts[k]!;
			if (hasCopy[b]) copyArts.push(b);
			if (bestJ[b]! >= 0) choices.add(bestJ[b]!, bestS[b]!);
			bestJ[b] = -1;
			hasCopy[b] = 0;
		}
		copyStart[t + 1] = copyArts.length;
		const kept = choices.best(keep);
		if (nTop + kept > topUnit.length) {
			const capacity = 2 * (nTop + kept);
			const units = new Int32Array(capacity);
			const scores = new Float64Array(capacity);
			units.set(topUnit.subarray(0, nTop));
			scores.set(topScore.subarray(0, nTop));
			topUnit = units;
			topScore = scores;
		}
		for (let k = 0; k < kept; k++) {
			topUnit[nTop] = choices.j[k]!;
			topScore[nTop++] = choices.s[k]!;
		}
		topStart[t + 1] = nTop;
	};
	for (let t = 0; t < T; t++) {
		gatherCandidates(t);
		scoreCandidates(t);
		record(t);
	}
	return {
		topStart,
		topUnit: topUnit.slice(0, nTop),
		topScore: topScore.slice(0, nTop),
		copyStart,
		copyArts: Int32Array.from(copyArts),
	};
}

/**
 * Scores handed on from one type to a later one, as linked lists: for type u, entries head[u],
 * next(head[u]), … of (from type, or ~from type for a copy; score). An entry's three fields
 * share one 16-byte record in one growable buffer (int32 slots 4h, 4h + 1: next, from; float64
 * slot 2h + 1: score): a type's entries were added at scattered times, so walking its list
 * jumps about a buffer of megabytes, and one record costs one cache miss rather than three.
 */
class Handed {
	readonly head: Int32Array;
	private ints = new Int32Array(4 * 1024);
	private floats = new Float64Array(this.ints.buffer);
	n = 0;
	constructor(types: number) {
		this.head = new Int32Array(types).fill(-1);
	}
	add(to: number, from: number, score: number, copy: boolean): void {
		if (4 * this.n === this.ints.length) this.grow();
		const h = this.n++;
		this.ints[4 * h] = this.head[to]!;
		this.ints[4 * h + 1] = copy ? ~from : from;
		this.floats[2 * h + 1] = score;
		this.head[to] = h;
	}
	next(h: number): number {
		return this.ints[4 * h]!;
	}
	from(h: number): number {
		return this.ints[4 * h + 1]!;
	}
	score(h: number): number {
		return this.floats[2 * h + 1]!;
	}
	private grow(): void {
		const ints = new Int32Array(2 * this.ints.length);
		ints.set(this.ints);
		this.ints = ints;
		this.floats = new Float64Array(ints.buffer);
	}
}

/** A type's choices (at most one per article): units j[c] with scores s[c], c < n. */
class Choices {
	readonly j: Int32Array;
	readonly s: Float64Array;
	n = 0;
	private readonly scratch: Float64Array;
	private readonly ties: Int32Array;
	constructor(capacity: number) {
		this.j = new Int32Array(capacity);
		this.s = new Float64Array(capacity);
		this.scratch = new Float64Array(capacity);
		this.ties = new Int32Array(capacity);
	}
	add(j: number, s: number): void {
		this.j[this.n] = j;
		this.s[this.n] = s;
		this.n++;
	}
	/**
	 * Keep the best `keep` choices, best first (score descending, then unit ascending; units are
	 * distinct), in j/s[0 .. the count returned). A selection, a typed-array sort of the ties and
	 * an insertion sort of the few kept: a story's verbatim copies give hundreds of equal scores.
	 */
	best(keep: number): number {
		const {j, s, n} = this;
		let m = 0;
		if (n <= keep) m = n;
		else {
			// the keep-th best score: everything above it is in, and of the ties the earliest units
			this.scratch.set(s.subarray(0, n));
			const cutoff = select(this.scratch, n, n - keep);
			let nTies = 0;
			for (let c = 0; c < n; c++) {
				if (s[c]! > cutoff) {
					j[m] = j[c]!;
					s[m++] = s[c]!;
				} else if (s[c] === cutoff) this.ties[nTies++] = j[c]!;
			}
			const ties = this.ties.subarray(0, nTies).sort();
			for (let k = 0; m < keep && k < nTies; k++) {
				j[m] = ties[k]!;
				s[m++] = cutoff;
			}
		}
		if (m > 128) {
			// many kept (a large maxParallels): a comparison sort
			const order = Array.from({length: m}, (_, c) => c).sort((x, y) => s[y]! - s[x]! || j[x]! - j[y]!);
			const oj = order.map((c) => j[c]!);
			const os = order.map((c) => s[c]!);
			j.set(oj);
			s.set(os);
			return m;
		}
		// Shell sort, best first: insertion sorts over shrinking gaps, the last (gap 1) a plain
		// insertion sort of a nearly sorted list (a type keeps up to 65, in no useful order: a
		// plain insertion sort moves about m² / 4 of them). Units are distinct, so the order is
		// total and any sort gives the same result
		for (let g = 0; g < SHELL_GAPS.length; g++) {
			const gap = SHELL_GAPS[g]!;
			for (let x = gap; x < m; x++) {
				const jx = j[x]!;
				const sx = s[x]!;
				let y = x - gap;
				for (; y >= 0 && (s[y]! < sx || (s[y] === sx && j[y]! > jx)); y -= gap) {
					j[y + gap] = j[y]!;
					s[y + gap] = s[y]!;
				}
				j[y + gap] = jx;
				s[y + gap] = sx;
			}
		}
		return m;
	}
}

/** Gaps of the Shell sort in {@link Choices.best} (Ciura's, for lists of up to 128), the last 1. */
const SHELL_GAPS = [23, 10, 4, 1];

/** The k-th smallest (from 0) of a[0 .. n), reordering a: Hoare's selection. */
function select(a: Float64Array, n: number, k: number): number {
	let lo = 0;
	let hi = n - 1;
	while (lo < hi) {
		const pivot = a[(lo + hi) >> 1]!;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (a[i]! < pivot) i++;
			while (a[j]! > pivot) j--;
			if (i <= j) {
				const x = a[i]!;
				a[i++] = a[j]!;
				a[j--] = x;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else break;
	}
	return a[k]!;
}

/**
 * Calls visit(a, b, count) once per ordered article pair where `count` (not zero) sentences of
 * article a have a copy in article b.
 */
function countCopies(
	units: Units,
	choices: TypeChoices,
	nArt: number,
	visit: (a: number, b: number, count: number) => void,
): void {
	const {firstUnit, typeOf} = units;
	const {copyStart, copyArts} = choices;
	const count = new Int32Array(nArt); // article b → sentences of the current article with a copy in b
	const inB: number[] = [];
	for (let a = 0; a < nArt; a++) {
		for (let ui = firstUnit[a]!, end = firstUnit[a + 1]!; ui < end; ui++) {
			const t = typeOf[ui]!;
			for (let k = copyStart[t]!, kEnd = copyStart[t + 1]!; k < kEnd; k++) {
				const b = copyArts[k]!;
				if (b !== a && count[b]!++ === 0) inB.push(b);
			}
		}
		for (let k = 0; k < inB.length; k++) {
			visit(a, inB[k]!, count[inB[k]!]!);
			count[inB[k]!] = 0;
		}
		inB.length = 0;
	}
}

/** Score marker of a quote-engine pair among link candidates (real scores are positive). */
const QUOTE = -1;

/** Link candidates: pairs of units (lower a[k], higher b[k]) with a score s[k] (or QUOTE), k < n. */
interface Candidates {
	readonly a: Int32Array;
	readonly b: Int32Array;
	readonly s: Float64Array;
	n: number;
}

/** For each quote group, the units of the passages its spans fall in (a collapsed span: the one holding it). */
function quoteMembers(
	articles: readonly Article[],
	units: Units,
	artIndex: ReadonlyMap<string, number>,
	groups: readonly QuoteGroup[],
): number[][] {
	return groups.map((g) => {
		const members: number[] = [];
		for (const span of g.spans) {
			const a = artIndex.get(span.article);
			if (a === undefined) continue;
			articles[a]!.sentences.forEach((s, si) => {
				const inside = span.start === span.end ? s.start <= span.start && span.start < s.end : Math.min(s.end, span.end) > Math.max(s.start, span.start);
				if (inside) members.push(units.firstUnit[a]! + si);
			});
		}
		return members;
	});
}

/**
 * The link candidates: each passage's choices, then the pairs of passages the quote engine
 * grouped (`quoteGroups`: their units). Pairs across duplicate articles (`dupPair`: a * nArt + b,
 * a < b) are left out.
 */
function linkCandidates(
	units: Units,
	choices: TypeChoices,
	maxParallels: number,
	quoteGroups: readonly (readonly number[])[],
	dupPair: ReadonlySet<number>,
	nArt: number,
): Candidates {
	const {S, typeOf} = units;
	const {topStart} = choices;
	let capacity = 0;
	for (let i = 0; i < S; i++) capacity += Math.min(maxParallels, topStart[typeOf[i]! + 1]! - topStart[typeOf[i]!]!);
	for (const m of quoteGroups) capacity += (m.length * (m.length - 1)) / 2;
	const out: Candidates = {
		a: new Int32Array(capacity),
		b: new Int32Array(capacity),
		s: new Float64Array(capacity),
		n: 0,
	};
	chosenPairs(units, choices, maxParallels, dupPair, nArt, out);
	quotePairs(units, quoteGroups, dupPair, nArt, out);
	return out;
}

/**
 * Each passage's choices: its type's best counterparts outside its own article, at most
 * maxParallels (one across duplicate articles is left out, but counts).
 */
function chosenPairs(
	units: Units,
	choices: TypeChoices,
	maxParallels: number,
	dupPair: ReadonlySet<number>,
	nArt: number,
	out: Candidates,
): void {
	const {S, articleOf, typeOf} = units;
	const {topStart, topUnit, topScore} = choices;
	const {a, b, s} = out;
	const dups = dupPair.size > 0;
	let n = out.n;
	for (let i = 0; i < S; i++) {
		const ai = articleOf[i]!;
		const t = typeOf[i]!;
		let taken = 0;
		for (let k = topStart[t]!, end = topStart[t + 1]!; k < end && taken < maxParallels; k++) {
			const j = topUnit[k]!;
			const aj = articleOf[j]!;
			if (aj === ai) continue;
			taken++;
			if (dups && dupPair.has(ai < aj ? ai * nArt + aj : aj * nArt + ai)) continue;
			a[n] = i < j ? i : j;
			b[n] = i < j ? j : i;
			s[n++] = topScore[k]!;
		}
	}
	out.n = n;
}

/** The pairs of units of each quote group, scored QUOTE (none within an article). */
function quotePairs(
	units: Units,
	groups: readonly (readonly number[])[],
	dupPair: ReadonlySet<number>,
	nArt: number,
	out: Candidates,
): void {
	const {articleOf} = units;
	const {a, b, s} = out;
	const dups = dupPair.size > 0;
	let n = out.n;
	for (let g = 0; g < groups.length; g++) {
		const members = groups[g]!;
		for (let x = 0; x < members.length; x++) {
			for (let y = x + 1; y < members.length; y++) {
				const i = members[x]!;
				const j = members[y]!;
				const ai = articleOf[i]!;
				const aj = articleOf[j]!;
				if (ai === aj || (dups && dupPair.has(ai < aj ? ai * nArt + aj : aj * nArt + ai))) continue;
				a[n] = i < j ? i : j;
				b[n] = i < j ? j : i;
				s[n++] = QUOTE;
			}
		}
	}
	out.n = n;
}

/** Links as parallel arrays, in pair order (i < j): link e joins units i[e] and j[e] with score s[e]. */
interface Links {
	readonly n: number;
	readonly i: Int32Array;
	readonly j: Int32Array;
	readonly s: Float64Array;
}

/**
 * The links of the candidates: one per distinct pair, in pair order. Candidates of one pair are
 * taken in the order given: a choice sets the score (so of a pair chosen from both sides, the
 * later chooser's), a quote-engine pair raises it to QUOTE_LINK_SCORE at least. Candidates are
 * bucketed by lower unit (stably); in a bucket, pairs are told apart by a stamp per higher unit.
 */
function mergeCandidates(c: Candidates, S: number): Links {
	const {start, b, s} = bucketByLower(c, S);
	const li = new Int32Array(c.n);
	const lj = new Int32Array(c.n);
	const ls = new Float64Array(c.n);
	const stamp = new Int32Array(S).fill(-1); // higher unit → the last lower unit it was met with
	const score = new Float64Array(S); // higher unit → the score of its pair with the current lower unit
	let n = 0;
	for (let lo = 0; lo < S; lo++) {
		const first = n;
		for (let k = start[lo]!, end = start[lo + 1]!; k < end; k++) {
			const hi = b[k]!;
			if (stamp[hi] !== lo) {
				stamp[hi] = lo;
				score[hi] = 0;
				lj[n++] = hi;
			}
			const x = s[k]!;
			score[hi] = x === QUOTE ? Math.max(score[hi]!, QUOTE_LINK_SCORE) : x;
		}
		if (n - first > 1) lj.subarray(first, n).sort();
		for (let k = first; k < n; k++) {
			li[k] = lo;
			ls[k] = score[lj[k]!]!;
		}
	}
	return {n, i: li.slice(0, n), j: lj.slice(0, n), s: ls.slice(0, n)};
}

/**
 * The candidates bucketed by lower unit, stably (CSR: bucket lo is [start[lo] .. start[lo+1])),
 * with their higher units b and scores s moved along: the merge then reads them in
 * order, where a sort of indices would have it read hundreds of thousands of them at random.
 */
function bucketByLower(c: Candidates, S: number): {start: Int32Array; b: Int32Array; s: Float64Array} {
	const {a, b, s, n} = c;
	const start = new Int32Array(S + 1);
	for (let e = 0; e < n; e++) start[a[e]! + 1]!++;
	for (let v = 0; v < S; v++) start[v + 1]! += start[v]!;
	const fill = start.slice(0, S);
	const ib = new Int32Array(n);
	const is = new Float64Array(n);
	for (let e = 0; e < n; e++) {
		const p = fill[a[e]!]!++;
		ib[p] = b[e]!;
		is[p] = s[e]!;
	}
	return {start, b: ib, s: is};
}

/** Each unit's neighbours along the links (CSR, in link order): unit[start[u] .. start[u+1]), with their scores. */
function neighbourLists(S: number, links: Links): {start: Int32Array; unit: Int32Array; score: Float64Array} {
	const start = new Int32Array(S + 1);
	for (let e = 0; e < links.n; e++) {
		start[links.i[e]! + 1]!++;
		start[links.j[e]! + 1]!++;
	}
	for (let u = 0; u < S; u++) start[u + 1]! += start[u]!;
	const unit = new Int32Array(2 * links.n);
	const score = new Float64Array(2 * links.n);
	const fill = start.slice(0, S);
	for (let e = 0; e < links.n; e++) {
		const i = links.i[e]!;
		const j = links.j[e]!;
		unit[fill[i]!] = j;
		score[fill[i]!++] = links.s[e]!;
		unit[fill[j]!] = i;
		score[fill[j]!++] = links.s[e]!;
	}
	return {start, unit, score};
}

/**
 * Align the sentences of a story's articles: links between passages of different articles that
 * report the same fact or quote, facts (groups of parallel passages), what each article alone
 * reports, and which articles are copies of each other.
 */
export function alignStory(articles: readonly Article[], options: AlignOptions = {}): Alignment {
	return alignmentFromParts(alignStoryParts(articles, options));
}

/**
 * An alignment as plain data and typed arrays (what {@link alignStoryParts} computes and
 * {@link alignmentFromParts} wraps): it can be posted between threads (the reader's analysis worker).
 */
export interface AlignmentParts {
	readonly ids: readonly string[];
	/** Per article: its first unit (sentence of the story) and its number of sentences. */
	readonly firstUnit: Int32Array;
	readonly sentenceCount: Int32Array;
	/** Per unit: its article and sentence. */
	readonly articleOf: Int32Array;
	readonly sentenceOf: Int32Array;
	/** The links: units i[e] and j[e] (i the earlier), score s[e]. */
	readonly linkI: Int32Array;
	readonly linkJ: Int32Array;
	readonly linkS: Float64Array;
	/** Each unit's neighbours along the links (CSR, in link order) with their scores. */
	readonly neighbourStart: Int32Array;
	readonly neighbourUnit: Int32Array;
	readonly neighbourScore: Float64Array;
	readonly facts: readonly Fact[];
	/** Per unit: index of its fact, or -1. */
	readonly factOfUnit: Int32Array;
	readonly unique: Readonly<Record<string, readonly number[]>>;
	readonly duplicates: readonly (readonly [string, string])[];
}

/** {@link alignStory}'s work, as {@link AlignmentParts}. */
export function alignStoryParts(articles: readonly Article[], options: AlignOptions = {}): AlignmentParts {
	const threshold = options.threshold ?? DEFAULT_THRESHOLD;
	const maxParallels = Math.max(1, options.maxParallels ?? 64);
	const nArt = articles.length;
	const ids = articles.map((a) => a.meta.id);
	const artIndex = new Map<string, number>();
	ids.forEach((id, i) => {
		if (!artIndex.has(id)) artIndex.set(id, i);
	});

	// 1. Units (sentences) and their types (distinct sentences), with features.
	const space = featureSpace();
	const units = storyUnits(articles, space);
	const {S, firstUnit, articleOf, sentenceOf} = units;

	// 2-3. Weights and index.
	const index = storyIndex(units, space);

	// 4. Candidates and choices, once per type. A passage chooses its type's best counterparts
	// outside its own article, at most maxParallels (best first; ties: the earlier unit), so
	// each type keeps its maxParallels + 1 best (one per article: at most one of them is in
	// the passage's own).
	const choices = chooseByType(units, index, nArt, threshold, maxParallels + 1, options.score);

	// 5. Duplicate articles: most of the shorter one's sentences have a copy in the other.
	const duplicates = findDuplicates(articles, units, choices);
	const dupPair = options.linkDuplicates ? new Set<number>() : new Set(duplicates.map(([a, b]) => a * nArt + b));

	// 6. Shown links: a pair stays when either passage chose the other, or when the quote engine
	// grouped them.
	const quoteGroups = quoteMembers(articles, units, artIndex, options.quoteGroups ?? []);
	const linked = mergeCandidates(linkCandidates(units, choices, maxParallels, quoteGroups, dupPair, nArt), S);
	const neighbours = neighbourLists(S, linked);

	// one PassageRef per unit of a fact, shared by its facts
	const refs: (PassageRef | undefined)[] = [];
	const refOf = (ui: number): PassageRef => (refs[ui] ??= {article: ids[articleOf[ui]!]!, sentence: sentenceOf[ui]!});
	// 7. Facts.
	const groups = groupFacts(S, articleOf, {
		i: linked.i,
		j: linked.j,
		s: linked.s,
		adjacency: {start: neighbours.start, nodes: neighbours.unit},
	});
	const facts: Fact[] = groups.map((g, fi) => {
		const arts = [...new Set(g.map((ui) => articleOf[ui]!))].sort((x, y) => x - y);
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
		for (let si = 0; si < art.sentences.length; si++) {
			const ui = firstUnit[ai]! + si;
			if (neighbours.start[ui] === neighbours.start[ui + 1]) list.push(si);
		}
		unique[ids[ai]!] ??= list;
	});

	return {
		ids,
		firstUnit: Int32Array.from(firstUnit),
		sentenceCount: Int32Array.from(articles, (a) => a.sentences.length),
		articleOf: Int32Array.from(articleOf),
		sentenceOf: Int32Array.from(sentenceOf),
		linkI: linked.i,
		linkJ: linked.j,
		linkS: linked.s,
		neighbourStart: neighbours.start,
		neighbourUnit: neighbours.unit,
		neighbourScore: neighbours.score,
		facts,
		factOfUnit,
		unique,
		duplicates: duplicates.map(([a, b]) => [ids[a]!, ids[b]!] as const),
	};
}

/** The {@link Alignment} of {@link AlignmentParts} (links and parallels made on first use). */
export function alignmentFromParts(p: AlignmentParts): Alignment {
	const {ids, firstUnit, sentenceCount, articleOf, sentenceOf, facts, factOfUnit} = p;
	const artIndex = new Map<string, number>();
	ids.forEach((id, i) => {
		if (!artIndex.has(id)) artIndex.set(id, i);
	});
	// one PassageRef per unit, made on first use and shared
	const refs: (PassageRef | undefined)[] = [];
	const refOf = (ui: number): PassageRef => (refs[ui] ??= {article: ids[articleOf[ui]!]!, sentence: sentenceOf[ui]!});
	const unitAt = (articleId: string, sentence: number): number | undefined => {
		const ai = artIndex.get(articleId);
		if (ai === undefined || !Number.isInteger(sentence) || sentence < 0 || sentence >= sentenceCount[ai]!) return undefined;
		return firstUnit[ai]! + sentence;
	};
	const L = p.linkI.length;
	const cache = new Map<number, readonly Parallel[]>();
	let links: Link[] | undefined;
	return {
		// built on first use: a 500-article story can have hundreds of thousands
		get links() {
			if (!links) {
				links = new Array<Link>(L);
				for (let e = 0; e < L; e++) links[e] = {from: refOf(p.linkI[e]!), to: refOf(p.linkJ[e]!), score: round(p.linkS[e]!)};
			}
			return links;
		},
		facts,
		unique: p.unique,
		duplicates: p.duplicates,
		parallelsOf(articleId, sentenceIndex) {
			const ui = unitAt(articleId, sentenceIndex);
			if (ui === undefined) return [];
			let r = cache.get(ui);
			if (!r) {
				const start = p.neighbourStart;
				const unit = p.neighbourUnit;
				const score = p.neighbourScore;
				const at = Array.from({length: start[ui + 1]! - start[ui]!}, (_, k) => start[ui]! + k);
				at.sort((x, y) => score[y]! - score[x]! || unit[x]! - unit[y]!);
				r = at.map((k) => ({...refOf(unit[k]!), score: round(score[k]!)}));
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
 * Scores of candidate pairs of types: IDF-weighted cosine of content keys plus a small bonus
 * per shared rare word 3-gram. Pairs sharing fewer than two distinct words and no rare 3-gram
 * score 0: one shared word, however rare, is not a fact (a word and its synonym concept count
 * once, as in features.ts's sharedWeight). The row type's terms are marked in dense arrays, so
 * scoring a pair is one pass over the other type's ids (shared ids are met in ascending order,
 * as in a merge of the two sorted lists).
 */
class PairScorer {
	/** The cosine of the last pair scored (0 when a side has no weight). */
	cos = 0;
	private row = -1;
	/**
	 * For each term id: its squared weight if the row type has it, else 0; and 1 if the row type
	 * has it, else 0. The pass over the other type's ids adds both up without a branch (about
	 * half of a candidate's ids are shared, a branch on it is mispredicted all the time); adding
	 * 0 leaves the dot product exactly what the shared ids alone sum to, in the same order.
	 */
	private readonly rowW2: Float64Array;
	private readonly inRow: Uint8Array;
	/**
	 * Each type's terms in one flat CSR array: one contiguous block for the hundreds of
	 * thousands of pairs a large story scores.
	 */
	private readonly termStart: Int32Array;
	private readonly termIds: Int32Array;
	constructor(
		private readonly types: readonly SentenceFeatures[],
		private readonly index: StoryIndex,
		private readonly custom: ((f: PairFeatures) => number) | undefined,
	) {
		this.rowW2 = new Float64Array(index.w2.length);
		this.inRow = new Uint8Array(index.w2.length);
		const T = types.length;
		this.termStart = new Int32Array(T + 1);
		for (let t = 0; t < T; t++) this.termStart[t + 1] = this.termStart[t]! + types[t]!.terms.length;
		this.termIds = new Int32Array(this.termStart[T]!);
		for (let t = 0; t < T; t++) this.termIds.set(types[t]!.terms, this.termStart[t]!);
	}
	/** Score the pairs of type t from now on. */
	setRow(t: number): void {
		const {rowW2, inRow} = this;
		if (this.row >= 0) {
			const {terms} = this.types[this.row]!;
			for (let k = 0; k < terms.length; k++) {
				rowW2[terms[k]!] = 0;
				inRow[terms[k]!] = 0;
			}
		}
		this.row = t;
		const {w2} = this.index;
		const {terms} = this.types[t]!;
		for (let k = 0; k < terms.length; k++) {
			rowW2[terms[k]!] = w2[terms[k]!]!;
			inRow[terms[k]!] = 1;
		}
	}
	/** Score of the row type and type v, which share q rare shingles. */
	score(v: number, q: number): number {
		const {row: t, index} = this;
		const {norm} = index;
		this.cos = 0;
		const normU = norm[t]!;
		const normV = norm[v]!;
		if (normU === 0 || normV === 0) return 0;
		const {rowW2, inRow, termIds} = this;
		let dot = 0;
		let n = 0;
		for (let k = this.termStart[v]!, end = this.termStart[v + 1]!; k < end; k++) {
			const x = termIds[k]!;
			dot += rowW2[x]!;
			n += inRow[x]!;
		}
		const cos = dot / (normU * normV);
		this.cos = cos;
		if (this.custom) return this.custom({cos, dot, weightA: normU * normU, weightB: normV * normV, shared: this.sharedWords(v), shingles: q});
		// n shared ids are at least n / 2 shared words (a word and its concept count once), so
		// the words need counting only below 4 ids
		if (q === 0 && n < 4 && this.sharedWords(v) < 2) return 0;
		return cos + SHINGLE_BONUS * Math.min(q, SHINGLE_SATURATION);
	}
	/** How many distinct words the row type and type v share: plain keys + max(grouped keys, concepts). */
	private sharedWords(v: number): number {
		const {inRow, termIds} = this;
		const {kinds} = this.index;
		let plain = 0;
		let grouped = 0;
		let concepts = 0;
		for (let k = this.termStart[v]!, end = this.termStart[v + 1]!; k < end; k++) {
			const x = termIds[k]!;
			if (inRow[x] === 0) continue;
			const kind = kinds[x]!;
			if (kind === TermKind.Plain) plain++;
			else if (kind === TermKind.InGroup) grouped++;
			else concepts++;
		}
		return plain + Math.max(grouped, concepts);
	}
}

/**
 * Article pairs (indices, a < b) where at least {@link DUPLICATE_SHARE} of the shorter
 * article's sentences have a copy in the other.
 */
function findDuplicates(articles: readonly Article[], units: Units, choices: TypeChoices): [number, number][] {
	const out: [number, number][] = [];
	countCopies(units, choices, articles.length, (a, b, count) => {
		const na = articles[a]!.sentences.length;
		const nb = articles[b]!.sentences.length;
		// judge from the shorter side (ties: from a < b's side once); a short piece quoted
		// whole inside a long one is not a copy of it
		const shorter = na < nb || (na === nb && a < b);
		if (shorter && count >= DUPLICATE_SHARE * na && na >= DUPLICATE_SHARE * nb) out.push(a < b ? [a, b] : [b, a]);
	});
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
