/**
 * Pre-wrapping an article into screen lines that remember where they came from.
 *
 * Each line is a `[start, end)` span of `Article.text`, so highlighting a sentence or a search
 * match is an interval intersection, and a resize only re-runs this function. Widths are
 * measured with string-width (wide CJK and emoji take two columns), never `.length`.
 */
import stringWidth from 'string-width';
import type {Article, ParagraphRole} from '../core/types.js';
import {SIMPLE_TEXT} from './simple-text.js';

/** One screen line of an article. */
export interface Line {
	readonly start: number;
	readonly end: number;
	readonly paragraph: number;
	readonly role: ParagraphRole;
	/** An empty line between paragraphs. */
	readonly blank: boolean;
}

/** An article laid out at one width. */
export interface Layout {
	readonly width: number;
	readonly lines: readonly Line[];
	/** For each sentence, the index of the line holding its first character. */
	readonly firstLine: readonly number[];
	/** For each sentence, the index of the line holding its last character. */
	readonly lastLine: readonly number[];
}

/**
 * Terminal control sequences a hostile text could carry: CSI (colours, cursor moves, screen
 * clears), OSC (window titles, hyperlinks, clipboard writes), DCS/SOS/PM/APC strings, two-byte
 * ESC sequences, and their 8-bit C1 forms. Removed whole, so nothing of them reaches the terminal.
 */
const SEQUENCE =
	/(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
/** Remaining controls (C0, DEL, C1) and bidirectional overrides: shown as spaces. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Make text safe to print: escape sequences removed, other controls and bidi overrides as spaces. */
export function displayText(s: string): string {
	return s.replace(SEQUENCE, '').replace(CONTROL, ' ');
}

/** Column width of a display string. */
export function width(s: string): number {
	return stringWidth(s);
}

let segmenter: Intl.Segmenter | undefined;
/** The grapheme clusters of `s` (simple text split by code unit: ICU's break rules load slowly). */
function graphemes(s: string): Iterable<string> {
	if (SIMPLE_TEXT.test(s)) return s;
	segmenter ??= new Intl.Segmenter();
	return Array.from(segmenter.segment(s), (x) => x.segment);
}

/**
 * `s` in exactly `cols` columns: cut with "…" when wider (as Ink's `wrap="truncate-end"` does),
 * padded with spaces when narrower. Lets a table row be one Text instead of a Box per column
 * (fewer layout nodes: the overview's first frame is on the startup path).
 */
export function fitColumns(s: string, cols: number): string {
	if (cols <= 0) return '';
	const w = stringWidth(s);
	if (w <= cols) return s + ' '.repeat(cols - w);
	let out = '';
	let used = 0;
	for (const ch of graphemes(s)) {
		const cw = stringWidth(ch);
		if (used + cw > cols - 1) break;
		out += ch;
		used += cw;
	}
	out += '…';
	return out + ' '.repeat(Math.max(0, cols - stringWidth(out)));
}

/**
 * Break `[start, end)` of `text` into lines at most `cols` columns wide, at whitespace where
 * possible; words wider than a line are cut. Returns line spans (whitespace at breaks dropped).
 */
export function wrapSpan(text: string, start: number, end: number, cols: number): {start: number; end: number}[] {
	const out: {start: number; end: number}[] = [];
	const max = Math.max(1, cols);
	let lineStart = -1;
	let lineEnd = -1;
	let lineWidth = 0;
	const re = /\S+/g;
	re.lastIndex = start;
	const seg = text.slice(0, end);
	let m: RegExpExecArray | null;
	while ((m = re.exec(seg)) !== null) {
		let ws = m.index;
		const we = m.index + m[0].length;
		let w = width(displayText(m[0]));
		// the whitespace before the word as it will be shown (text keeps runs of spaces)
		const gap = lineStart >= 0 ? width(displayText(text.slice(lineEnd, ws))) : 0;
		if (lineStart >= 0 && lineWidth + gap + w <= max) {
			lineEnd = we;
			lineWidth += gap + w;
			continue;
		}
		if (lineStart >= 0) out.push({start: lineStart, end: lineEnd});
		// A word wider than the line: cut it by code points.
		while (w > max) {
			let cut = ws;
			let cw = 0;
			for (const ch of text.slice(ws, we)) {
				const chw = width(displayText(ch));
				if (cw + chw > max && cut > ws) break;
				cw += chw;
				cut += ch.length;
			}
			out.push({start: ws, end: cut});
			ws = cut;
			w = width(displayText(text.slice(ws, we)));
		}
		lineStart = ws;
		lineEnd = we;
		lineWidth = w;
	}
	if (lineStart >= 0 && lineEnd > lineStart) out.push({start: lineStart, end: lineEnd});
	return out;
}

/** Lay an article out at `cols` columns: paragraphs wrapped, a blank line between them. */
export function layoutArticle(article: Article, cols: number): Layout {
	const lines: Line[] = [];
	for (const p of article.paragraphs) {
		if (lines.length > 0) lines.push({start: p.start, end: p.start, paragraph: p.index, role: p.role, blank: true});
		for (const l of wrapSpan(article.text, p.start, p.end, cols)) lines.push({...l, paragraph: p.index, role: p.role, blank: false});
	}
	const firstLine: number[] = [];
	const lastLine: number[] = [];
	let li = 0;
	for (const s of article.sentences) {
		while (li < lines.length - 1 && (lines[li]!.blank || lines[li]!.end <= s.start)) li++;
		firstLine.push(li);
		let lj = li;
		while (lj + 1 < lines.length && !lines[lj + 1]!.blank && lines[lj + 1]!.start < s.end) lj++;
		lastLine.push(lj);
		li = lj;
		// A sentence may end mid-line: the next sentence can start on the same line.
	}
	return {width: cols, lines, firstLine, lastLine};
}

/** Where the reader is in an article: the focused sentence and the screen row it sits on. */
export interface ReaderPos {
	readonly focus: number;
	/** Row of the focused sentence's first line within the viewport (may be negative). */
	readonly row: number;
}

/** The first visible line for a position, clamped so the view never runs past the text. */
export function topLine(layout: Layout, pos: ReaderPos, height: number): number {
	const first = layout.firstLine[pos.focus] ?? 0;
	const span = (layout.lastLine[pos.focus] ?? first) - first + 1;
	// After a resize the saved row may no longer fit: keep the focused passage on screen.
	let row = pos.row;
	if (row > height - span) row = Math.max(0, height - span);
	if (row < -(span - 1)) row = 0;
	const maxTop = Math.max(0, layout.lines.length - height);
	return Math.min(maxTop, Math.max(0, first - row));
}

/** A position whose view starts at line `top` with `focus` focused. */
function at(layout: Layout, focus: number, top: number): ReaderPos {
	return {focus, row: (layout.firstLine[focus] ?? 0) - top};
}

/** Keep the focused sentence on screen (as much of it as fits). */
function reveal(layout: Layout, focus: number, top: number, height: number): ReaderPos {
	const first = layout.firstLine[focus] ?? 0;
	const last = layout.lastLine[focus] ?? first;
	let t = top;
	if (last >= t + height) t = Math.min(first, last - height + 1);
	if (first < t) t = first;
	return at(layout, focus, t);
}

/** The sentence whose lines include line `li` (or the next one after it). */
function sentenceAtLine(layout: Layout, li: number): number {
	const n = layout.firstLine.length;
	for (let i = 0; i < n; i++) if ((layout.lastLine[i] ?? 0) >= li) return i;
	return Math.max(0, n - 1);
}

/** Reader motions, as pure functions of the layout and the viewport height. */
export const motions = {
	/** Focus the next (+1) or previous (-1) passage, scrolling as needed. */
	step(layout: Layout, pos: ReaderPos, height: number, delta: number): ReaderPos {
		const n = layout.firstLine.length;
		if (n === 0) return pos;
		const focus = Math.min(n - 1, Math.max(0, pos.focus + delta));
		return reveal(layout, focus, topLine(layout, pos, height), height);
	},
	/** Scroll by `lines` (a page or half page), focusing the first passage that starts in view. */
	scroll(layout: Layout, pos: ReaderPos, height: number, lines: number): ReaderPos {
		const n = layout.firstLine.length;
		if (n === 0) return pos;
		const maxTop = Math.max(0, layout.lines.length - height);
		const top = Math.min(maxTop, Math.max(0, topLine(layout, pos, height) + lines));
		let focus = sentenceAtLine(layout, top);
		// Prefer a passage that begins on screen; at the very end, the last passage.
		if ((layout.firstLine[focus] ?? 0) < top && focus + 1 < n && (layout.firstLine[focus + 1] ?? 0) < top + height) focus++;
		if (top === maxTop && lines > 0 && top === topLine(layout, pos, height)) focus = n - 1;
		return at(layout, focus, top);
	},
	top(layout: Layout): ReaderPos {
		return at(layout, 0, 0);
	},
	/** The end of the text in view, the last passage focused (even when it is taller than the view). */
	bottom(layout: Layout, height: number): ReaderPos {
		const n = layout.firstLine.length;
		return at(layout, Math.max(0, n - 1), Math.max(0, layout.lines.length - height));
	},
	/** Focus passage `focus`, placing it a third of the way down the view (for jumps). */
	goTo(layout: Layout, focus: number, height: number): ReaderPos {
		const n = layout.firstLine.length;
		const f = Math.min(Math.max(0, focus), Math.max(0, n - 1));
		const first = layout.firstLine[f] ?? 0;
		return at(layout, f, Math.max(0, first - Math.floor(height / 3)));
	},
};
