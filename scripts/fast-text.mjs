// Faster text measuring for the bundle, wired in by scripts/build.mjs. Terminal text is measured
// and split into graphemes several times per character per frame (Ink, wrap-ansi, cli-truncate,
// slice-ansi, @alcalzone/ansi-tokenize and our layout), and the libraries do it with
// Intl.Segmenter and Unicode-property regular expressions for any string that is not pure ASCII
// (a curly quote, "·", "…", "▌" is enough): ~70 µs for an 80-column line.
//
// - `fastStringWidth` replaces every `string-width` import: a string made only of characters that
//   are each a grapheme of their own and one column wide (SIMPLE_WIDTH: printable ASCII and
//   Latin-1, Latin Extended-A/B, general punctuation, currency signs, the four plain arrows, box
//   drawing, block elements, ■ ✓ ✗ ❝, braille (spinners)) has width = length once ANSI codes are
//   stripped, as string-width
//   strips them; anything else goes to string-width itself.
// - `lazySegmenter` replaces the libraries' module-level `new Intl.Segmenter()` (loading ICU's
//   break rules costs ~12 ms) and splits simple strings itself: for such strings (plus the ESC
//   and BEL of ANSI codes, graphemes of their own too) each UTF-16 unit is a grapheme (iteration,
//   as ansi-tokenize reads them, and `containing()`, which slice-ansi calls per character), and `lazyRegExp` string-width's `/^\p{RGI_Emoji}$/v` (~20 ms to
//   create): paid only if a string ever needs them.
// test/build/fastText.test.ts checks every character of these ranges against the libraries.
import stringWidth from 'string-width';
import {ansiCodesToString, diffAnsiCodes} from '@alcalzone/ansi-tokenize';
import stripAnsi from 'strip-ansi';
import {SIMPLE_RANGES} from '../src/ui/simple-text.ts';

const RANGES = SIMPLE_RANGES; // src/ui/simple-text.ts

/** Strings whose width is their length (see above; soft hyphen, ©, ®, ‼ and ⁉ are left out). */
export const SIMPLE_WIDTH = new RegExp(`^[${RANGES}]*$`);
/** Strings whose every UTF-16 unit is a grapheme: SIMPLE_WIDTH's characters, ESC and BEL. */
export const SIMPLE_GRAPHEMES = new RegExp(`^[\\u0007\\u001B${RANGES}]*$`);

/** Same result as string-width, faster for common text. */
export default function fastStringWidth(input, options) {
	if (typeof input === 'string' && (options === undefined || (options.ambiguousIsNarrow !== false && !options.countAnsiEscapeCodes))) {
		// As string-width does: escape codes have no width.
		const text = input.includes('\u001B') || input.includes('\u009B') ? stripAnsi(input) : input;
		if (SIMPLE_WIDTH.test(text)) return text.length;
	}
	return stringWidth(input, options);
}

/** An object with `test()` that compiles the regular expression on first use (`\p{RGI_Emoji}` costs ~20 ms). */
export function lazyRegExp(make) {
	let real;
	return {
		test(text) {
			real ??= make();
			return real.test(text);
		},
	};
}

/**
 * The graphemes of a simple string (each UTF-16 unit one), shaped like Intl.Segmenter's result:
 * iterable, with `containing(index)`; slice-ansi calls `containing` for every character it slices.
 */
class SimpleSegments {
	constructor(text) {
		this.text = text;
	}
	containing(index = 0) {
		const i = Math.trunc(Number(index));
		if (!(i >= 0 && i < this.text.length)) return undefined;
		return {segment: this.text[i], index: i, input: this.text};
	}
	*[Symbol.iterator]() {
		for (let i = 0; i < this.text.length; i++) yield {segment: this.text[i], index: i, input: this.text};
	}
}

/**
 * An object with `segment()` that creates the Intl.Segmenter on first use, and (grapheme
 * granularity) never for simple strings, which it splits itself (see {@link SimpleSegments}).
 */
export function lazySegmenter(locales, options) {
	let real;
	const graphemes = options === undefined || options.granularity === undefined || options.granularity === 'grapheme';
	return {
		segment(text) {
			if (graphemes && typeof text === 'string' && SIMPLE_GRAPHEMES.test(text)) return new SimpleSegments(text);
			real ??= new Intl.Segmenter(locales, options);
			return real.segment(text);
		},
	};
}

/** The same reduced style codes (same objects, in order): the style diff between them is empty. */
function sameCodes(a, b) {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
	return true;
}

/**
 * ansi-tokenize's styledCharsToString, without the style diff (three Sets per character) between
 * neighbours whose styles are the same codes, and without the opening and closing codes of a
 * row without styles: those diffs are empty, so the string is the same.
 */
export function fastStyledCharsToString(chars) {
	let ret = '';
	const n = chars.length;
	for (let i = 0; i < n; i++) {
		const styles = chars[i].styles;
		if (i === 0) {
			if (styles.length !== 0) ret += ansiCodesToString(styles);
		} else {
			const prev = chars[i - 1].styles;
			if (!sameCodes(prev, styles)) ret += ansiCodesToString(diffAnsiCodes(prev, styles));
		}
		ret += chars[i].value;
		if (i === n - 1 && styles.length !== 0) ret += ansiCodesToString(diffAnsiCodes(styles, []));
	}
	return ret;
}

/**
 * Ink's Output.get() turns each screen row into a string with
 * `styledCharsToString(cells).trimEnd()`, diffing styles cell by cell across the whole width:
 * on a full-screen frame most cells are trailing blanks. This drops the trailing unstyled
 * blank cells first, with the same result: styledCharsToString closes the last cell's styles at
 * the end of the string exactly as it would have at the first blank, and trimEnd() removed the
 * blanks. (test/build/fastText.test.ts compares the two on random rows.)
 */
export function rowToString(cells) {
	let end = cells.length;
	while (end > 0) {
		const c = cells[end - 1];
		if (c.value !== ' ' || c.styles.length !== 0) break;
		end--;
	}
	return fastStyledCharsToString(end === cells.length ? cells : cells.slice(0, end)).trimEnd();
}

/**
 * Ink's per-line styled characters (tokenize, then styledCharsFromTokens): a line of simple text
 * without escape codes is one unstyled, narrow character per code unit.
 */
export function styledChars(line, tokenize, styledCharsFromTokens) {
	if (!SIMPLE_WIDTH.test(line)) return styledCharsFromTokens(tokenize(line));
	const out = new Array(line.length);
	for (let i = 0; i < line.length; i++) out[i] = {type: 'char', value: line[i], fullWidth: false, styles: []};
	return out;
}

let shared;
/**
 * Ink gives every frame new measuring caches (widths, styled characters per line), so a frame
 * re-tokenizes lines the previous frame already had. The caches hold pure results and nothing
 * changes what they return, so frames can share one set: this one, renewed once it holds 1,000
 * lines (about 8 MB at most).
 */
export function sharedCaches(OutputCaches) {
	if (shared === undefined || shared.styledChars.size > 1000 || shared.widths.size > 20000) shared = new OutputCaches();
	return shared;
}

/**
 * Ink clips every line written inside an `overflow="hidden"` box with slice-ansi, which
 * tokenizes it and measures each grapheme (an emoji-property regular expression per character),
 * even when the line fits. A line of simple text (no escape codes, each character one column
 * and one grapheme: SIMPLE_WIDTH) slices by code unit to the same string. Else: slice-ansi.
 */
export function clipLine(line, from, to, sliceAnsi) {
	if (SIMPLE_WIDTH.test(line)) return to <= from ? '' : line.slice(from, to);
	return sliceAnsi(line, from, to);
}

/** slice-ansi's grapheme width, answered first for one simple character (one column). */
export function isSimpleCharacter(grapheme) {
	return grapheme.length === 1 && SIMPLE_WIDTH.test(grapheme);
}
