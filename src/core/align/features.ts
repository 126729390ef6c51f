/**
 * Sentence features for alignment: content keys (stems, numbers, synonym concepts, calendar
 * days) and word 3-gram shingles, interned to dense integer ids.
 */
import {conceptOf, dateKeys, newTokenRun, tokenRun, type TokenRun} from './text.js';

/** Interning of strings to dense ids. */
export class Interner {
	readonly ids = new Map<string, number>();
	/** The id of a string, new strings getting the next free id. */
	id(s: string): number {
		let i = this.ids.get(s);
		if (i === undefined) {
			i = this.ids.size;
			this.ids.set(s, i);
		}
		return i;
	}
	get size(): number {
		return this.ids.size;
	}
}

/**
 * Interning of triples of ids (word 3-grams as word ids) to dense ids: an open-addressing hash
 * table in typed arrays, much cheaper than a Map of the 3-grams' strings.
 */
export class TripleInterner {
	/** The triple of each id: keys[3 * id .. 3 * id + 3). */
	private keys = new Int32Array(3 * 1024);
	/** Slot → id, or -1. */
	private table = new Int32Array(2048).fill(-1);
	size = 0;
	/** The id of a triple, new triples getting the next free id. */
	id(a: number, b: number, c: number): number {
		const mask = this.table.length - 1;
		let h = TripleInterner.hash(a, b, c) & mask;
		for (;;) {
			const v = this.table[h]!;
			if (v === -1) break;
			if (this.keys[3 * v] === a && this.keys[3 * v + 1] === b && this.keys[3 * v + 2] === c) return v;
			h = (h + 1) & mask;
		}
		const v = this.size++;
		if (3 * this.size > this.keys.length) {
			const keys = new Int32Array(2 * this.keys.length);
			keys.set(this.keys);
			this.keys = keys;
		}
		this.keys[3 * v] = a;
		this.keys[3 * v + 1] = b;
		this.keys[3 * v + 2] = c;
		this.table[h] = v;
		if (2 * this.size > mask) this.rehash(2 * this.table.length);
		return v;
	}
	private static hash(a: number, b: number, c: number): number {
		return Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35), 0x27d4eb2f) >>> 7;
	}
	private rehash(slots: number): void {
		const mask = slots - 1;
		this.table = new Int32Array(slots).fill(-1);
		for (let v = 0; v < this.size; v++) {
			let h = TripleInterner.hash(this.keys[3 * v]!, this.keys[3 * v + 1]!, this.keys[3 * v + 2]!) & mask;
			while (this.table[h] !== -1) h = (h + 1) & mask;
			this.table[h] = v;
		}
	}
}

/** What the feature extractor records across a story: term ids and how terms are written. */
export interface FeatureSpace {
	readonly terms: Interner;
	/** Lowercased words (for shingles) and word 3-grams of their ids. */
	readonly words: Interner;
	readonly shingles: TripleInterner;
	/** Per term id: occurrences away from the sentence start, and how many of them capitalised. */
	readonly uses: number[];
	readonly capitals: number[];
	/**
	 * Per term id used as a content key: the term id of its synonym concept, or -1 (a memo: a
	 * story repeats its words, and the concept is looked up and interned on the first use).
	 */
	readonly conceptTerms: number[];
}

/** A new, empty feature space. */
export function featureSpace(): FeatureSpace {
	return {terms: new Interner(), words: new Interner(), shingles: new TripleInterner(), uses: [], capitals: [], conceptTerms: []};
}

/** Sorted distinct term and shingle ids of one sentence. */
export interface SentenceFeatures {
	readonly terms: Int32Array;
	readonly shingles: Int32Array;
	/**
	 * Term ids of the words away from the sentence start (one per occurrence), and those of
	 * them written capitalised: what the sentence adds to the space's `uses` and `capitals`
	 * (see {@link countUses}).
	 */
	readonly uses: Int32Array;
	readonly capitals: Int32Array;
}

/**
 * Add a sentence's word uses to the space's counts. {@link sentenceFeatures} does it; call it
 * again for each further occurrence of a sentence whose features are reused rather than
 * extracted again (a story's republished wire copy).
 */
export function countUses(f: SentenceFeatures, space: FeatureSpace): void {
	for (const id of f.uses) space.uses[id] = (space.uses[id] ?? 0) + 1;
	for (const id of f.capitals) space.capitals[id] = (space.capitals[id] ?? 0) + 1;
}

/**
 * Features of one sentence. Content keys: stems of content words, numbers, the concept of each
 * word in a synonym group ("~talk"), hyphenated compounds joined ("build-up" → "buildup"), and
 * calendar days ("@12-07"; a weekday resolved against the article's date).
 * Shingles: word 3-grams (stop words included, all-stop-word 3-grams left out), of lowercased words.
 */
export function sentenceFeatures(text: string, space: FeatureSpace, articleDate?: string): SentenceFeatures {
	// the tokens as shapes and offsets in a reused run: no Token object per word
	const run = TOKENS;
	tokenRun(text, run);
	const {shapes: toks, n} = run;
	const terms: number[] = [];
	const uses: number[] = [];
	const capitals: number[] = [];
	// at most one day per token, in token order
	const days = dateKeys(toks, articleDate, n);
	let nextDay = 0;
	for (let i = 0; i < n; i++) {
		const tok = toks[i]!;
		const next = i + 1 < n ? toks[i + 1] : undefined;
		if (nextDay < days.length && days[nextDay]!.index === i) terms.push(space.terms.id(days[nextDay++]!.key));
		if (!tok.stop && (tok.number || tok.key.length > 1)) {
			const id = addKey(tok.key, space, terms);
			if (!tok.number && i > 0) {
				uses.push(id);
				if (tok.capital) capitals.push(id);
			}
		}
		// a hyphenated compound ("build-up", "face-to-face") also gives one key for the whole chain
		if (!(i > 0 && joined(text, run, i - 1)) && joined(text, run, i)) {
			let k = i;
			let word = tok.lower;
			while (joined(text, run, k)) word += toks[++k]!.lower;
			addKey(word, space, terms);
		}
		if (tok.lower === 'united' && next?.lower === 'states') addKey('usa', space, terms);
	}
	const sh: number[] = [];
	const word = WORD_IDS;
	for (let i = 0; i < n; i++) word[i] = space.words.id(toks[i]!.lower);
	for (let i = 0; i + 2 < n; i++) {
		if (toks[i]!.stop && toks[i + 1]!.stop && toks[i + 2]!.stop) continue;
		sh.push(space.shingles.id(word[i]!, word[i + 1]!, word[i + 2]!));
	}
	const f: SentenceFeatures = {
		terms: sortedDistinct(terms),
		shingles: sortedDistinct(sh),
		uses: Int32Array.from(uses),
		capitals: Int32Array.from(capitals),
	};
	countUses(f, space);
	return f;
}

/** Scratch of {@link sentenceFeatures}: its tokens, and their words' ids. */
const TOKENS: TokenRun = newTokenRun();
const WORD_IDS: number[] = [];

/** Add a content key's term id to `terms`, then its synonym concept's if it has one; returns the key's id. */
function addKey(key: string, space: FeatureSpace, terms: number[]): number {
	const id = space.terms.id(key);
	terms.push(id);
	let concept = space.conceptTerms[id];
	if (concept === undefined) {
		const c = conceptOf(key);
		concept = c === undefined ? -1 : space.terms.id(c);
		space.conceptTerms[id] = concept;
	}
	if (concept >= 0) terms.push(concept);
	return id;
}

/** Whether token k of a text is joined by a hyphen to the next. */
function joined(text: string, run: TokenRun, k: number): boolean {
	if (k + 1 >= run.n) return false;
	const end = run.end[k]!;
	return run.start[k + 1] === end + 1 && text[end] === '-' && !run.shapes[k]!.number && !run.shapes[k + 1]!.number;
}

/** Scratch for {@link sortedDistinct}, grown as needed. */
let sortScratch = new Int32Array(256);

/**
 * The distinct values of a list of ids, ascending. A sentence has a few dozen ids: an insertion
 * sort that drops repeats as it goes, in a shared scratch array, then one copy out (cheaper than
 * a typed array made from the list and sorted natively, and than its garbage, for thousands of
 * sentences).
 */
function sortedDistinct(ids: readonly number[]): Int32Array {
	if (ids.length > sortScratch.length) sortScratch = new Int32Array(2 * ids.length);
	const a = sortScratch;
	let n = 0;
	for (let k = 0; k < ids.length; k++) {
		const x = ids[k]!;
		let y = n - 1;
		while (y >= 0 && a[y]! > x) y--;
		if (y >= 0 && a[y] === x) continue; // a repeat
		for (let z = n - 1; z > y; z--) a[z + 1] = a[z]!;
		a[y + 1] = x;
		n++;
	}
	return a.slice(0, n);
}

/** Kind of a term id for counting shared words: a plain key, a plain key in a synonym group, or a concept key. */
export const TermKind = {Plain: 0, InGroup: 1, Concept: 2} as const;

/** The {@link TermKind} of every term id of a feature space. */
export function termKinds(space: FeatureSpace): Uint8Array {
	const kinds = new Uint8Array(space.terms.size);
	for (const [key, id] of space.terms.ids) {
		kinds[id] = key.startsWith('~') ? TermKind.Concept : conceptOf(key) !== undefined ? TermKind.InGroup : TermKind.Plain;
	}
	return kinds;
}

/**
 * Sum of `w2` over the ids two sorted arrays share, and about how many distinct words they
 * share (written to `out` when given): a word shared exactly also shares its synonym concept,
 * which must not count as a second word, so `shared` = plain keys + max(grouped keys, concepts).
 * Without `kinds` every shared id counts.
 */
export function sharedWeight(
	x: Int32Array,
	y: Int32Array,
	w2: Float64Array,
	out: {dot: number; shared: number} = {dot: 0, shared: 0},
	kinds?: Uint8Array,
): {dot: number; shared: number} {
	let i = 0;
	let j = 0;
	let dot = 0;
	let plain = 0;
	let grouped = 0;
	let concepts = 0;
	while (i < x.length && j < y.length) {
		const a = x[i]!;
		const b = y[j]!;
		if (a === b) {
			dot += w2[a]!;
			const k = kinds ? kinds[a]! : TermKind.Plain;
			if (k === TermKind.Plain) plain++;
			else if (k === TermKind.InGroup) grouped++;
			else concepts++;
			i++;
			j++;
		} else if (a < b) i++;
		else j++;
	}
	out.dot = dot;
	out.shared = plain + Math.max(grouped, concepts);
	return out;
}
