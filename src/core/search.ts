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
	readonly postings: ReadonlyMap<number, Uint32Array>;
	/** Lower-cased, accent-folded texts, for short queries. */
	readonly folded: readonly string[];
}

/** Longest query searched fuzzily; longer ones are cut (Fuse's Bitap works on 32-char chunks). */
export const MAX_QUERY = 64;
/** Candidates handed to Fuse at most. */
const MAX_CANDIDATES = 200;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Calls `emit` with the trigram code of every trigram of the words of a folded string (each
 * word padded with a space each side). Codes pack three 10-bit characters into one small
 * integer; characters beyond U+03FF may collide, which only widens the candidate set (Fuse
 * checks every candidate).
 */
function eachTrigram(s: string, emit: (code: number) => void): void {
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
			emit(((a & 0x3ff) << 20) | ((b & 0x3ff) << 10) | (c & 0x3ff));
			a = b;
			b = c;
		} else if (inWord) {
			emit(((a & 0x3ff) << 20) | ((b & 0x3ff) << 10) | 32);
			inWord = false;
		}
	}
}

function trigrams(s: string): Set<number> {
	const t = new Set<number>();
	eachTrigram(s, (g) => t.add(g));
	return t;
}

/** Build the index of a story's search items (once per story). */
export function buildSearchIndex(items: readonly SearchItem[]): SearchIndex {
	const folded = items.map((it) => fold(it.text));
	const lists = new Map<number, number[]>();
	folded.forEach((f, id) => {
		eachTrigram(f, (g) => {
			let l = lists.get(g);
			if (!l) lists.set(g, (l = []));
			if (l[l.length - 1] !== id) l.push(id);
		});
	});
	const postings = new Map<number, Uint32Array>();
	for (const [g, l] of lists) postings.set(g, Uint32Array.from(l));
	return {items, postings, folded};
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
	for (const g of grams) {
		const p = index.postings.get(g);
		if (!p) continue;
		for (let k = 0; k < p.length; k++) {
			const id = p[k]!;
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
