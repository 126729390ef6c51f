/**
 * Content-hash ids for the progress store.
 *
 * Stories, articles and passages are keyed by a hash of their text rather than by a URL,
 * a title or a position: hashes contain no dots (conf would read a dotted key as a path)
 * and stay the same when text moves, so a passage that survives an edit keeps its id.
 */
import {createHash} from 'node:crypto';

/** Default id length in hex digits: 16 hex digits = 64 bits, ample for one reader's library. */
export const CONTENT_ID_LENGTH = 16;

/**
 * Normalises text before hashing, so cosmetic differences do not change an id: Unicode
 * compatibility forms (NFKC), curly quotes and apostrophes, dashes, non-breaking and
 * zero-width spaces, and runs of whitespace (including line breaks) all collapse.
 */
export function normaliseForId(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
		.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
		.replace(/[\u2010-\u2015\u2212]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Returns a stable id for a piece of text: the first `length` hex digits of the SHA-256 of
 * its normalised form (see `normaliseForId`). Use it for passage ids (one sentence or
 * paragraph), article ids (the article body) and story ids (e.g. the sorted article ids).
 */
export function contentId(text: string, length: number = CONTENT_ID_LENGTH): string {
	return createHash('sha256').update(normaliseForId(text), 'utf8').digest('hex').slice(0, length);
}
