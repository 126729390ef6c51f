/**
 * Quote-span finding: pairs quotation marks inside text regions (paragraphs) by their context,
 * not by their glyph alone, so a closing mark used as an opener (”bridgehead”), straight quotes,
 * single quotes used as quotes, TeX-style ``…'' marks, unbalanced marks and multi-paragraph
 * quotes (each paragraph opens, only the last one closes) all come out as spans. Apostrophes
 * (don’t, Russia’s, O'Neill) are never quotes. Linear in the text length; never throws.
 */
import type {Span} from '../types.js';
import {sortInPlace} from './sort.js';

/** A quoted span found in the text. Offsets are of the words between the marks. */
export interface RawQuote {
	/** Offset of the opening mark (or of the region start for a quote with no opener). */
	readonly open: number;
	/** Offset just past the closing mark (or the region end for an unclosed quote). */
	readonly close: number;
	/** First character of the quoted words. */
	readonly start: number;
	/** End of the quoted words (exclusive). */
	readonly end: number;
	/** Index of the region (paragraph) it sits in. */
	readonly region: number;
	/** Index (in the returned list) of the quote that contains this one, or -1. */
	parent: number;
	/** Whether a closing mark was found in the region. */
	readonly closed: boolean;
	/** Index of the quote this one continues (multi-paragraph quote), or -1. */
	continues: number;
	/** Whether the marks are single quotes. */
	readonly single: boolean;
}

type Family = 'd' | 's';
type Style = 'straight' | 'curly' | 'guillemet' | 'tex' | 'low';

interface Mark {
	readonly pos: number;
	readonly len: number;
	readonly family: Family;
	readonly style: Style;
	role: 'open' | 'close' | 'weak-close' | 'toggle';
}

const SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
const QUOTE_CHARS = '"\'“”‘’«»„‟‚‹›`';
const MARK_RE = /["'“”‘’«»„‟‚‹›`]/g;
const OPEN_CTX = '([{<—–-/:';
const CLOSE_CTX = '.,;:!?)]}>…—–-/*';
const WORDCH = /[\p{L}\p{N}]/u;
const ELISION = /^(?:\d\d(?:s\b|\b)|em\b|til\b|cause\b|n\b|tis\b|twas\b)/;
const S_OR_Z = /[sSzZ]/;
const SPEECH_END = /[.,!?]/;

function isSpace(c: string): boolean {
	return c === '' || SPACE.test(c);
}

/** Classify the marks of one region in order. */
function scanMarks(text: string, start: number, end: number): Mark[] {
	const marks: Mark[] = [];
	MARK_RE.lastIndex = start;
	for (;;) {
		// `test` rather than `exec`: no match object; the pattern matches one character
		if (!MARK_RE.test(text)) break;
		const i = MARK_RE.lastIndex - 1;
		if (i >= end) break;
		const c = text[i]!;
		MARK_RE.lastIndex = i + 1;
		let len = 1;
		let family: Family;
		let style: Style;
		let glyph: 'open' | 'close' | 'none' = 'none';
		const next1 = i + 1 < end ? text[i + 1]! : '';
		if (c === '`') {
			if (next1 !== '`') continue;
			len = 2;
			family = 'd';
			style = 'tex';
			glyph = 'open';
		} else if ((c === "'" && next1 === "'") || (c === '’' && next1 === '’') || (c === '‘' && next1 === '‘')) {
			len = 2;
			family = 'd';
			style = 'tex';
			glyph = c === '‘' ? 'open' : c === '’' ? 'close' : 'none';
		} else if (c === '"') {
			family = 'd';
			style = 'straight';
		} else if (c === '“' || c === '‟') {
			family = 'd';
			style = 'curly';
			glyph = 'open';
		} else if (c === '”') {
			family = 'd';
			style = 'curly';
			glyph = 'close';
		} else if (c === '„') {
			family = 'd';
			style = 'low';
			glyph = 'open';
		} else if (c === '«' || c === '»') {
			family = 'd';
			style = 'guillemet';
			glyph = c === '«' ? 'open' : 'close';
		} else if (c === '‹' || c === '›') {
			family = 's';
			style = 'guillemet';
			glyph = c === '‹' ? 'open' : 'close';
		} else if (c === '‚') {
			family = 's';
			style = 'low';
			glyph = 'open';
		} else {
			family = 's';
			style = c === "'" ? 'straight' : 'curly';
			glyph = c === '‘' ? 'open' : c === '’' ? 'close' : 'none';
		}
		const p = i > start ? text[i - 1]! : '';
		const n = i + len < end ? text[i + len]! : '';
		const leftFlank = !isSpace(n) && !CLOSE_CTX.includes(n) && (isSpace(p) || OPEN_CTX.includes(p) || QUOTE_CHARS.includes(p));
		const rightFlank = !isSpace(p) && (isSpace(n) || CLOSE_CTX.includes(n) || QUOTE_CHARS.includes(n));
		let role: Mark['role'];
		if (family === 's') {
			if (WORDCH.test(p) && WORDCH.test(n)) {
				MARK_RE.lastIndex = i + len;
				continue; // apostrophe: don’t, Russia’s, O'Neill
			}
			if (leftFlank && !rightFlank) {
				// Elisions: '90s, 'em, 'til, 'cause, 'n'
				const rest = text.slice(i + 1, Math.min(end, i + 8)).toLowerCase();
				if (ELISION.test(rest)) continue;
				role = 'open';
			} else if (rightFlank && !leftFlank) {
				role = S_OR_Z.test(p) && isSpace(n) && n !== '' ? 'weak-close' : 'close';
			} else continue;
		} else if (leftFlank && !rightFlank) role = 'open';
		else if (rightFlank && !leftFlank) role = 'close';
		else role = glyph === 'open' ? 'open' : glyph === 'close' ? 'close' : 'toggle';
		marks.push({pos: i, len, family, style, role});
		MARK_RE.lastIndex = i + len;
	}
	return marks;
}

interface Open {
	readonly mark: Mark;
	readonly id: number;
}

interface Pending {
	id: number;
	open: number;
	close: number;
	start: number;
	end: number;
	closed: boolean;
	single: boolean;
	parentId: number;
	region: number;
	continues: number;
}

/** The first offset from `pos` (before `re`) that is not a space. */
function firstContent(text: string, pos: number, re: number): number {
	let s = pos;
	while (s < re && isSpace(text[s]!)) s++;
	return s;
}

/**
 * Record in `found` the quote of region `r` opened by `o` (at `depthIndex` in `stack`) and closed
 * by `closeMark` (null: it runs to the region end `re`), unless it is empty.
 */
function emit(found: Pending[], stack: readonly Open[], text: string, re: number, r: number, o: Open, closeMark: Mark | null, depthIndex: number): void {
	const parent = depthIndex > 0 ? stack[depthIndex - 1]!.id : -1;
	let end = closeMark ? closeMark.pos : re;
	const start = o.mark.pos + o.mark.len;
	if (!closeMark) while (end > start && isSpace(text[end - 1]!)) end--;
	if (end <= start || text.slice(start, end).trim() === '') return;
	found.push({
		id: o.id,
		open: o.mark.pos,
		close: closeMark ? closeMark.pos + closeMark.len : re,
		start,
		end,
		closed: closeMark !== null,
		single: o.mark.family === 's',
		parentId: parent,
		region: r,
		continues: -1,
	});
}

/**
 * Find the quoted spans of `text` inside `regions` (paragraph spans, in order). Quotes never
 * cross a region; a quote left open at the end of a region that is followed by a region opening
 * with a quote mark is linked to it as a continuation (news style for multi-paragraph quotes).
 */
export function findQuotes(text: string, regions: readonly Span[]): RawQuote[] {
	const all: Pending[] = [];
	let nextId = 0;
	let openAtEnd = -1; // id of an outer double quote left open at the end of the previous region
	for (let r = 0; r < regions.length; r++) {
		const reg = regions[r]!;
		const rs = Math.max(0, reg.start);
		const re = Math.min(text.length, reg.end);
		if (re <= rs) continue;
		const marks = scanMarks(text, rs, re);
		const stack: Open[] = [];
		const found: Pending[] = [];
		for (let k = 0; k < marks.length; k++) {
			const m = marks[k]!;
			if (m.family === 'd') {
				let role = m.role;
				if (role === 'toggle') role = stack.some((o) => o.mark.family === 'd') ? 'close' : 'open';
				if (role === 'open') {
					stack.push({mark: m, id: nextId++});
					continue;
				}
				// close: the innermost open double quote; single openers above it were apostrophes
				let idx = -1;
				for (let j = stack.length - 1; j >= 0; j--)
					if (stack[j]!.mark.family === 'd') {
						idx = j;
						break;
					}
				if (idx < 0) {
					// A closer with no opener: the quote runs from the region start when it ends
					// like speech ("…," he said) and nothing quoted came before.
					const prev = text[m.pos - 1] ?? '';
					if (found.length === 0 && k === 0 && SPEECH_END.test(prev) && m.pos - rs > 3) {
						const s = firstContent(text, rs, re);
						found.push({id: nextId++, open: s, close: m.pos + m.len, start: s, end: m.pos, closed: true, single: false, parentId: -1, region: r, continues: -1});
					}
					continue;
				}
				stack.length = idx + 1;
				emit(found, stack, text, re, r, stack[idx]!, m, idx);
				stack.length = idx;
			} else {
				if (m.role === 'open') {
					stack.push({mark: m, id: nextId++});
					continue;
				}
				const top = stack[stack.length - 1];
				if (!top || top.mark.family !== 's') continue; // an apostrophe (leaders’)
				if (m.role === 'weak-close') {
					// "the leaders’ call": skip when a stronger single closer follows before another opener
					let later = false;
					for (let j = k + 1; j < marks.length; j++) {
						const n = marks[j]!;
						if (n.family !== 's') {
							if (n.family === 'd' && n.role !== 'open') break;
							continue;
						}
						if (n.role === 'open') break;
						if (n.role === 'close') {
							later = true;
							break;
						}
					}
					if (later) continue;
				}
				emit(found, stack, text, re, r, top, m, stack.length - 1);
				stack.pop();
			}
		}
		// Unclosed double quotes run to the region end; unclosed single "openers" were apostrophes.
		for (let j = stack.length - 1; j >= 0; j--) {
			const o = stack[j]!;
			if (o.mark.family !== 'd') {
				stack.splice(j, 1);
				continue;
			}
		}
		for (let j = stack.length - 1; j >= 0; j--) emit(found, stack, text, re, r, stack[j]!, null, j);
		// Continuation of a multi-paragraph quote
		if (openAtEnd >= 0 && found.length > 0) {
			const first = found.reduce((a, b) => (b.open < a.open ? b : a));
			if (first.parentId === -1 && first.open === firstContent(text, rs, re) && text[first.open] !== undefined && first.open < first.start)
				first.continues = openAtEnd;
		}
		openAtEnd = -1;
		const outerOpen = found.filter((f) => f.parentId === -1 && !f.closed);
		if (outerOpen.length > 0) openAtEnd = outerOpen[outerOpen.length - 1]!.id;
		for (let i = 0; i < found.length; i++) all.push(found[i]!);
	}
	sortInPlace(all, (a, b) => a.start - b.start || b.end - a.end);
	const byId = new Map<number, number>();
	all.forEach((q, i) => byId.set(q.id, i));
	return all.map((q) => ({
		open: q.open,
		close: q.close,
		start: q.start,
		end: q.end,
		region: q.region,
		parent: q.parentId >= 0 ? (byId.get(q.parentId) ?? -1) : -1,
		closed: q.closed,
		continues: q.continues >= 0 ? (byId.get(q.continues) ?? -1) : -1,
		single: q.single,
	}));
}
