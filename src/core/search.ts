/**
 * Fuzzy search across every outlet of a story: passages, quotes and speakers.
 *
 * fuse.js ranks and marks matches, but its Bitap scan over every passage of a large story takes
 * hundreds of milliseconds per keystroke. So a character-trigram inverted index (built once per
 * story) picks the few hundred candidates that share most of the query's trigrams, and Fuse runs
 * on those alone. Trigrams keep the search tolerant of typos, like Fuse itself.
 * The query is never compiled as a regular expression: any characters are safe.
 */
import Fuse, {type FuseResultMatch} from 'fuse.js';
import {fold} from './fold.js';
import type {Span} from './types.js';

export {fold} from './fold.js';

/** Something to search: a passage, a quote or a speaker, pointing at a place in the story. */
export interface SearchItem {
	readonly kind: 'passage' | 'quote' | 'speaker';
	/** Article index in the story, and sentence index in the article (where Enter goes). */
	readonly article: number;
	readonly sentence: number;
	/** The searchable text (a passage, a quote's words, a speaker's name). */
	readonly text: string;
	/** Extra words shown with the result (a quote's speaker, a speaker's quote count). */
	readonly label?: string;
}

/** A result: the item, a score (0 best) and the matched spans of its text. */
export interface SearchHit {
	readonly item: SearchItem;
	readonly score: number;
	readonly matches: readonly Span[];
}

/** The search index of one story. */
export interface SearchIndex {
	readonly items: readonly SearchItem[];
	/** trigram code → ids of items containing it (ascending). */
	readonly postings: Postings;
	/** Lower-cased, accent-folded texts, for short queries. */
	readonly folded: readonly string[];
}

/** Longest query searched fuzzily; longer ones are cut (Fuse's Bitap works on 32-char chunks). */
export const MAX_QUERY = 64;
/** Candidates handed to Fuse at most. */
const MAX_CANDIDATES = 200;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Writes the trigram code of every trigram of the words of a folded string (each word padded
 * with a space each side) into `out` from `at`, and returns where they end: at most s.length + 1
 * codes. Codes pack three 10-bit characters into one small integer; characters beyond U+03FF may
 * collide, which only widens the candidate set (Fuse checks every candidate).
 */
function trigramCodes(s: string, out: Int32Array, at: number): number {
	let a = 32;
	let b = 32;
	let inWord = false;
	for (let i = 0; i <= s.length; i++) {
		const c = i < s.length ? s.charCodeAt(i) : 32;
		const word = i < s.length && (c < 128 ? (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : WORD_CHAR.test(s[i]!));
		if (word) {
			if (!inWord) {
				a = 32;
				b = 32;
				inWord = true;
			}
			out[at++] = ((a & 0x3ff) << 20) | ((b & 0x3ff) << 10) | (c & 0x3ff);
			a = b;
			b = c;
		} else if (inWord) {
			out[at++] = ((a & 0x3ff) << 20) | ((b & 0x3ff) << 10) | 32;
			inWord = false;
		}
	}
	return at;
}

function trigrams(s: string): Set<number> {
	const codes = new Int32Array(s.length + 1);
	return new Set(codes.subarray(0, trigramCodes(s, codes, 0)));
}

/**
 * Posting lists of every trigram, flat: an open-addressing hash table (linear probing) maps a
 * trigram code to its number g, and g's item ids are ids[starts[g]] … ids[starts[g + 1] - 1].
 * Built with typed arrays in two passes, because a Map of growing arrays (a lookup and a push
 * per trigram occurrence, a million of them in 500 articles) made most of the build time.
 */
export interface Postings {
	/** Hash slot → g + 1 (0: empty). Its length is a power of two, at most half full. */
	readonly table: Int32Array;
	/** g → trigram code. */
	readonly codes: Int32Array;
	readonly starts: Uint32Array;
	readonly ids: Uint32Array;
}

const slotOf = (code: number, mask: number) => (Math.imul(code, 0x9e3779b1) >>> 12) & mask;

/** The trigram number of a code, or -1 if no item has it. */
function gramOf(table: Int32Array, codes: Int32Array, code: number): number {
	const mask = table.length - 1;
	for (let h = slotOf(code, mask); ; h = (h + 1) & mask) {
		const g = table[h]! - 1;
		if (g < 0 || codes[g] === code) return g;
	}
}

/**
 * Numbers trigram codes in order of first occurrence and counts the items holding each. The
 * loop over an item's trigrams is a method of its own, called once per item: the build runs
 * once in a fresh process, and a small function that V8 optimizes after a few items runs the
 * rest of the million trigrams fast, where one big loop would wait long for its optimization.
 */
class GramCounter {
	/** Hash slot → trigram number + 1 (0: empty), at most half full. */
	table = new Int32Array(1 << 12);
	codes = new Int32Array(this.table.length / 2);
	/** Trigram number → items holding it so far, and the last of them. */
	counts = new Uint32Array(this.codes.length);
	last = new Int32Array(this.codes.length);
	grams = 0;

	/**
	 * Replaces item `id`'s trigram codes seq[from … end - 1] by the numbers of its distinct
	 * trigrams, packed from `from`; returns where they end.
	 */
	addItem(seq: Int32Array, from: number, end: number, id: number): number {
		let out = from;
		for (let k = from; k < end; k++) {
			const code = seq[k]!;
			let g = gramOf(this.table, this.codes, code);
			if (g < 0) g = this.added(code);
			if (this.last[g] === id) continue;
			this.last[g] = id;
			this.counts[g]!++;
			seq[out++] = g;
		}
		return out;
	}

	private added(code: number): number {
		if (this.grams === this.codes.length) {
			// Full: double everything, so the table stays at most half full.
			this.table = new Int32Array(this.table.length * 2);
			for (let g = 0; g < this.grams; g++) insert(this.table, this.codes[g]!, g);
			this.codes = grown(this.codes);
			this.counts = grown(this.counts);
			this.last = grown(this.last);
		}
		const g = this.grams++;
		this.codes[g] = code;
		this.last[g] = -1;
		insert(this.table, code, g);
		return g;
	}
}

/** Puts trigram number g into a table with room. */
function insert(table: Int32Array, code: number, g: number): void {
	const mask = table.length - 1;
	let h = slotOf(code, mask);
	while (table[h] !== 0) h = (h + 1) & mask;
	table[h] = g + 1;
}

/** A copy of a typed array twice as long. */
function grown<T extends Int32Array | Uint32Array>(a: T): T {
	const b = new (a.constructor as new (n: number) => T)(a.length * 2);
	b.set(a);
	return b;
}

/** Build the index of a story's search items (once per story). */
export function buildSearchIndex(items: readonly SearchItem[]): SearchIndex {
	const folded = items.map((it) => fold(it.text));
	// Pass 1: `seq` gets each item's trigram codes, then in their place the numbers of its
	// distinct trigrams: item id's are seq[itemEnd[id - 1] … itemEnd[id] - 1].
	let room = 0;
	for (const f of folded) room += f.length + 1;
	const seq = new Int32Array(room);
	const itemEnd = new Uint32Array(items.length);
	const counter = new GramCounter();
	let used = 0;
	for (let id = 0; id < items.length; id++) {
		used = counter.addItem(seq, used, trigramCodes(folded[id]!, seq, used), id);
		itemEnd[id] = used;
	}
	const {table, codes, counts, grams} = counter;
	return {items, postings: {table, codes: codes.slice(0, grams), ...layOut(seq, itemEnd, counts.subarray(0, grams))}, folded};
}

/** Pass 2: the posting lists one after another; items come in order, so each list ascends. */
function layOut(seq: Int32Array, itemEnd: Uint32Array, counts: Uint32Array): {starts: Uint32Array; ids: Uint32Array} {
	const starts = new Uint32Array(counts.length + 1);
	for (let g = 0; g < counts.length; g++) starts[g + 1] = starts[g]! + counts[g]!;
	const fill = starts.slice(0, counts.length);
	const ids = new Uint32Array(starts[counts.length]!);
	for (let id = 0, k = 0; id < itemEnd.length; id++) for (; k < itemEnd[id]!; k++) ids[fill[seq[k]!]!++] = id;
	return {starts, ids};
}

/** Candidate item ids for a query: most shared trigrams first (or substring hits for short queries). */
function candidates(index: SearchIndex, q: string, within?: (item: SearchItem) => boolean): number[] {
	const n = index.items.length;
	const ok = (id: number) => !within || within(index.items[id]!);
	const grams = [...trigrams(q)];
	if (grams.length === 0 || q.replace(/[^\p{L}\p{N}]/gu, '').length < 3) {
		const out: number[] = [];
		for (let id = 0; id < n && out.length < MAX_CANDIDATES; id++) if (index.folded[id]!.includes(q) && ok(id)) out.push(id);
		return out;
	}
	const counts = new Uint16Array(n);
	const touched: number[] = [];
	const {table, codes, starts, ids} = index.postings;
	for (const code of grams) {
		const g = gramOf(table, codes, code);
		if (g < 0) continue;
		for (let k = starts[g]!; k < starts[g + 1]!; k++) {
			const id = ids[k]!;
			if (counts[id] === 0) touched.push(id);
			counts[id] = counts[id]! + 1;
		}
	}
	// Require a fair share of the query's trigrams (typos cost about three).
	const need = Math.max(1, Math.ceil(grams.length * 0.3));
	const kept = touched.filter((id) => counts[id]! >= need && ok(id));
	kept.sort((a, b) => counts[b]! - counts[a]! || a - b);
	return kept.slice(0, MAX_CANDIDATES);
}

function spans(matches: readonly FuseResultMatch[] | undefined, minLength: number): Span[] {
	const out: Span[] = [];
	for (const m of matches ?? []) for (const [a, b] of m.indices) if (b - a + 1 >= minLength) out.push({start: a, end: b + 1});
	return out.sort((x, y) => x.start - y.start);
}

/**
 * Search the index. Empty or blank queries give no results. Results are best first; ties keep
 * story order. `within` restricts the search (e.g. to one article, for n/N).
 */
export function search(index: SearchIndex, query: string, options: {limit?: number; within?: (item: SearchItem) => boolean} = {}): SearchHit[] {
	const q = fold(query.trim()).slice(0, MAX_QUERY);
	if (!q) return [];
	const ids = candidates(index, q, options.within);
	if (ids.length === 0) return [];
	const pool = ids.map((id) => ({id, text: index.items[id]!.text}));
	const fuse = new Fuse(pool, {
		keys: ['text'],
		includeMatches: true,
		includeScore: true,
		ignoreLocation: true,
		ignoreDiacritics: true,
		threshold: 0.34,
		minMatchCharLength: Math.min(2, q.length),
	});
	const minSpan = Math.min(q.length, Math.max(2, Math.ceil(q.length / 3)));
	const hits = fuse.search(q, {limit: options.limit ?? 50}).map((r) => ({
		item: index.items[r.item.id]!,
		score: r.score ?? 0,
		matches: literalOr(index.folded[r.item.id]!, q, spans(r.matches, minSpan)),
		id: r.item.id,
	}));
	hits.sort((a, b) => a.score - b.score || a.id - b.id);
	return hits.map(({item, score, matches}) => ({item, score, matches}));
}

/** Prefer exact occurrences of the query for the marks; fall back to Fuse's fuzzy spans. */
function literalOr(folded: string, q: string, fuzzy: Span[]): Span[] {
	const out: Span[] = [];
	let i = folded.indexOf(q);
	while (i >= 0 && out.length < 20) {
		out.push({start: i, end: i + q.length});
		i = folded.indexOf(q, i + q.length);
	}
	return out.length ? out : fuzzy;
}
