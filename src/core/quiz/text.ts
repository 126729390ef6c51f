/**
 * Small text and randomness helpers of the quiz engine: the scorer's normalisation, content
 * words for overlap checks, a content hash for stable ids and a seeded PRNG. Pure.
 */
import {mulberry32} from '../rng.js';
import {stem, wordsOf} from '../quotes/group.js';

/** Strings longer than this are not memoised (article texts: computed once by their callers). */
const MEMO_MAX_LENGTH = 2000;
/** Entries a memo holds before it is emptied (bounds memory in a long-running session). */
const MEMO_MAX_ENTRIES = 10000;

/**
 * Memoise a pure function of a (short) string. Large stories repeat the same quotes many times
 * over (every outlet's copy of a wire story), and the quiz asks the same things of each copy.
 */
export function memoString<T>(f: (s: string) => T): (s: string) => T {
	const memo = new Map<string, T>();
	return (s) => {
		if (s.length > MEMO_MAX_LENGTH) return f(s);
		const hit = memo.get(s);
		if (hit !== undefined) return hit;
		const v = f(s);
		if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
		memo.set(s, v);
		return v;
	};
}

/**
 * Normalise text the way the eval scorer does (score.py `norm`): NFKC, lower case, curly
 * quotes straightened, every non-word character a space, spaces collapsed.
 */
export const normText: (s: string) => string = memoString(normTextOnce);

function normTextOnce(s: string): string {
	return s
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/[^\p{L}\p{N}\p{M}_\s]/gu, ' ')
		.split(/\s+/)
		.filter((w) => w.length > 0)
		.join(' ');
}

const STOPWORDS = new Set(
	`a an the and or but of to in on at by for from with as is are was were be been being it its this that these those i we you he
	she they me us him her them my our your his their not no so do does did have has had will would can could shall should may might
	must there here what which who whom whose when where why how all any some such than then too very just also into over about
	am if up out said says say told tell one cannot while ca wo sha ai`.split(/\s+/),
);

/** Light stemmer (the utterance grouper's): -ing, -ed, plural -s. */
export const stemWord: (w: string) => string = stem;

/** Word tokens of a text, lower case, contractions expanded ("we'll" → "we will"). */
export function wordTokens(s: string): string[] {
	return wordsOf(s);
}

/** Number of words in a text. */
export const wordCount: (s: string) => number = memoString((s) => wordsOf(s).length);

/** Stemmed content words (no stop words) of a text, as a set. */
export function contentStems(s: string): Set<string> {
	const out = new Set<string>();
	for (const w of wordsOf(s)) if (!STOPWORDS.has(w)) out.add(stemWord(w));
	return out;
}

/** Whether a word is a stop word of the quiz engine's list. */
export function isStopWord(w: string): boolean {
	return STOPWORDS.has(w.toLowerCase());
}

/** Share of `needle`'s words found in `hay` (0 when `needle` is empty). */
export function coverage(needle: ReadonlySet<string>, hay: ReadonlySet<string>): number {
	if (needle.size === 0) return 0;
	let n = 0;
	for (const w of needle) if (hay.has(w)) n++;
	return n / needle.size;
}

/** cyrb53: a fast, well-mixed 53-bit string hash, as 11 base-36 characters. */
export function hashString(s: string, seed = 0): string {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < s.length; i++) {
		const ch = s.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
	return n.toString(36).padStart(11, '0');
}

/** A random number generator: each call returns a float in [0, 1). */
export type Rng = () => number;

/** The quiz's seeded PRNG: mulberry32 on a scrambled seed (same seed, same sequence). */
export function createRng(seed: number): Rng {
	return mulberry32(Math.trunc(seed) ^ 0x9e3779b9);
}

/** A PRNG derived from a seed and a string (so each question's draws do not depend on the others). */
export function rngFor(seed: number, key: string): Rng {
	const h = hashString(key, seed);
	return createRng(parseInt(h.slice(-7), 36) ^ Math.trunc(seed));
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
	const a = [...items];
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[a[i], a[j]] = [a[j]!, a[i]!];
	}
	return a;
}

/** Whole-word, case-insensitive pattern of a word (compiled once per word). */
const wordPattern = memoString((word: string): RegExp => {
	const esc = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'iu');
});

const lowerCase = memoString((s: string) => s.toLowerCase());
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** Whether `word` occurs in `text` as a whole word (case-insensitive). */
export function hasWord(text: string, word: string): boolean {
	if (!word) return false;
	// Cheap sound pre-check for ASCII words: under the pattern's Unicode case folding the only
	// non-ASCII characters equal to an ASCII one are U+017F (ſ, s) and U+212A (Kelvin sign, k,
	// which lower-cases to k), so a text that matches holds the word in lower case.
	if (PRINTABLE_ASCII.test(word) && !lowerCase(text).includes(lowerCase(word)) && !text.includes('\u017f')) return false;
	return wordPattern(word).test(text); // no g or y flag: test() keeps no state
}

/** Quote text as shown: whitespace collapsed, a trailing comma, colon or semicolon dropped. */
export const cleanQuote: (s: string) => string = memoString((s) => s.replace(/\s+/g, ' ').trim().replace(/[,;:]+$/, '').trim());

/** Quotes longer than this many words are shown as an excerpt. */
export const EXCERPT_OVER_WORDS = 30;

/**
 * A long quote's opening, verbatim: its first sentence when that is 5–30 words, else its words
 * up to a comma (or 20 words) followed by "…". Short quotes are returned cleaned, whole.
 */
export const excerpt: (s: string) => string = memoString(excerptOnce);

function excerptOnce(s: string): string {
	const text = cleanQuote(s);
	if (wordCount(text) <= EXCERPT_OVER_WORDS) return text;
	const first = text.split(/(?<=[.!?])\s+/)[0] ?? '';
	const n = wordCount(first);
	if (n >= 5 && n <= EXCERPT_OVER_WORDS) return first;
	const words = text.split(' ');
	let cut = Math.min(20, words.length);
	for (let i = Math.min(25, words.length) - 1; i >= 8; i--) {
		if (/,$/.test(words[i] ?? '')) {
			cut = i + 1;
			break;
		}
	}
	return `${words.slice(0, cut).join(' ').replace(/[,;:]+$/, '')}…`;
}
