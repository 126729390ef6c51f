/**
 * Characters that are each a grapheme of their own and one column wide: printable ASCII and
 * Latin-1, Latin Extended-A/B, general punctuation, currency signs, the four plain arrows, box
 * drawing, block elements, ■ ✓ ✗ ❝, braille (spinners). Soft hyphen, ©, ®, ‼ and ⁉ are left out.
 * A string made only of them can be measured by its length and split by code unit, without
 * string-width's emoji expressions or Intl.Segmenter (loading ICU's break rules costs ~15 ms, on
 * the first frame if a title has a curly quote). Shared with scripts/fast-text.mjs, and checked
 * character by character against the libraries in test/build/fastText.test.ts.
 */
export const SIMPLE_RANGES =
	'\\u0020-\\u007E\\u00A0-\\u00A8\\u00AA-\\u00AC\\u00AF-\\u024F\\u2010-\\u2027\\u2030-\\u203B\\u203D-\\u2048\\u204A-\\u205E\\u20A0-\\u20C0\\u2190-\\u2193\\u2500-\\u25A9\\u2713\\u2717\\u275D\\u2800-\\u28FF';

/** Strings whose width is their length and whose every UTF-16 unit is a grapheme. */
export const SIMPLE_TEXT = new RegExp(`^[${SIMPLE_RANGES}]*$`);
