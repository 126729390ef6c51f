/**
 * Sentence features for alignment: content keys (stems, numbers, synonym concepts, calendar
 * days) and word 3-gram shingles, interned to dense integer ids.
 */
import {conceptOf, dateKeys, tokenize} from './text.js';

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

/** What the feature extractor records across a story: term ids and how terms are written. */
export interface FeatureSpace {
	readonly terms: Interner;
	readonly shingles: Interner;
	/** Per term id: occurrences away from the sentence start, and how many of them capitalised. */
	readonly uses: number[];
	readonly capitals: number[];
}

/** A new, empty feature space. */
export function featureSpace(): FeatureSpace {
	return {terms: new Interner(), shingles: new Interner(), uses: [], capitals: []};
}

/** Sorted distinct term and shingle ids of one sentence. */
export interface SentenceFeatures {
	readonly terms: Int32Array;
	readonly shingles: Int32Array;
}

/**
 * Features of one sentence. Content keys: stems of content words, numbers, the concept of each
 * word in a synonym group ("~talk"), hyphenated compounds joined ("build-up" → "buildup"), and
 * calendar days ("@12-07"; a weekday resolved against the article's date).
 * Shingles: word 3-grams (stop words included, all-stop-word 3-grams left out).
 */
export function sentenceFeatures(text: string, space: FeatureSpace, articleDate?: string): SentenceFeatures {
	const toks = tokenize(text);
	const terms = new Set<number>();
	const add = (key: string) => {
		terms.add(space.terms.id(key));
		const c = conceptOf(key);
		if (c !== undefined) terms.add(space.terms.id(c));
	};
	const dayAt = new Map(dateKeys(toks, articleDate).map((d) => [d.index, d.key] as const));
	for (let i = 0; i < toks.length; i++) {
		const tok = toks[i]!;
		const next = toks[i + 1];
		const day = dayAt.get(i);
		if (day !== undefined) terms.add(space.terms.id(day));
		if (!tok.stop && (tok.number || tok.key.length > 1)) {
			add(tok.key);
			if (!tok.number && i > 0) {
				const id = space.terms.id(tok.key);
				space.uses[id] = (space.uses[id] ?? 0) + 1;
				if (tok.capital) space.capitals[id] = (space.capitals[id] ?? 0) + 1;
			}
		}
		// a hyphenated compound ("build-up", "face-to-face") also gives one key for the whole chain
		const joined = (k: number) => {
			const a = toks[k]!;
			const b = toks[k + 1];
			return b !== undefined && b.start === a.end + 1 && text[a.end] === '-' && !a.number && !b.number;
		};
		if (!(i > 0 && joined(i - 1)) && joined(i)) {
			let k = i;
			let word = tok.lower;
			while (joined(k)) word += toks[++k]!.lower;
			add(word);
		}
		if (tok.lower === 'united' && next?.lower === 'states') add('usa');
	}
	const sh = new Set<number>();
	for (let i = 0; i + 2 < toks.length; i++) {
		const a = toks[i]!;
		const b = toks[i + 1]!;
		const c = toks[i + 2]!;
		if (a.stop && b.stop && c.stop) continue;
		sh.add(space.shingles.id(`${a.lower} ${b.lower} ${c.lower}`));
	}
	return {terms: Int32Array.from(terms).sort(), shingles: Int32Array.from(sh).sort()};
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

/** Number of ids two sorted arrays share among those flagged in `keep`. */
export function sharedFlagged(x: Int32Array, y: Int32Array, keep: Uint8Array): number {
	let i = 0;
	let j = 0;
	let n = 0;
	while (i < x.length && j < y.length) {
		const a = x[i]!;
		const b = y[j]!;
		if (a === b) {
			n += keep[a]!;
			i++;
			j++;
		} else if (a < b) i++;
		else j++;
	}
	return n;
}
