/**
 * Markdown article files: YAML front matter, and the markdown syntax that is not news.
 *
 * Offsets must stay exact into the file text as read, so the markdown is never rewritten.
 * Instead {@link prepareMarkdown} makes a *mask*: the same text, the same length, with the
 * front matter, markup-only lines (images, link-only lines, horizontal rules, HTML tags,
 * reference definitions, code fences) and line-start markers (`#` of headings, `>` of quotes)
 * turned into spaces, newlines kept. The cleaner reads the mask, so its spans never cover
 * markup; the article keeps the original text, so every span slices the file exactly.
 * Inline emphasis and inline links inside a paragraph stay as written.
 */
import {parse as parseYaml} from 'yaml';
import type {Furniture} from '../core/types.js';

/** Article metadata given in a markdown file's front matter. */
export interface FrontMatter {
	readonly title?: string;
	readonly outlet?: string;
	readonly date?: string;
	readonly url?: string;
}

/** A markdown file made ready for the cleaner. */
export interface PreparedMarkdown {
	/** The text with markup replaced by spaces: same length, newlines in place. */
	readonly masked: string;
	readonly frontMatter: FrontMatter;
	/** Masked whole regions (front matter, markup-only lines), reported as furniture. */
	readonly furniture: readonly Furniture[];
	/** Something the user should know (front matter that is not valid YAML). */
	readonly notice?: string;
}

const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

const LINK = String.raw`!?\[[^\]\n]*\]\([^)\n]*\)`;
const LINKED_IMAGE = String.raw`\[!\[[^\]\n]*\]\([^)\n]*\)\]\([^)\n]*\)`;
const AUTOLINK = String.raw`<https?:[^>\s]+>|https?:\/\/\S+`;
const ANY_LINK = `(?:${LINKED_IMAGE}|${LINK}|${AUTOLINK})`;
/** A line made only of links or images (an image, a "related" list item, a share bar). */
const LINK_ONLY = new RegExp(String.raw`^\s*(?:[-*+]\s+|\d+[.)]\s+)?${ANY_LINK}(?:[\s|·•,;/–-]*${ANY_LINK})*\s*$`);
/** `---`, `***`, `___` (also setext underlines) and `===`. */
const RULE = /^\s{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
/** `[1]: https://…` */
const REFERENCE = /^\s{0,3}\[[^\]\n]+\]:\s*\S+.*$/;
/** A line that is only an HTML tag or comment. */
const HTML_LINE = /^\s*(?:<!--.*-->|<\/?[A-Za-z][^>]*>)\s*$/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const HEADING = /^(\s{0,3})(#{1,6})(?=\s|$)/;
const CLOSING_HASHES = /\s+#+\s*$/;
const QUOTE_MARKERS = /^(?:\s{0,3}>[ \t]?)+/;
/** A whole line in one emphasis: groups are leading space, the marker, the emphasised text. */
const WHOLE_EMPHASIS = /^(\s*)(\*{1,3}|_{1,3})(?=\S)([^*_]*?\S)\2\s*$/;

/** Replace `[start, end)` of a character array with spaces, keeping line breaks. */
function blank(chars: string[], start: number, end: number): void {
	for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

/** A front-matter value as a string: strings as they are, dates as ISO, `{name}` objects by name. */
function asString(v: unknown): string | undefined {
	if (typeof v === 'string') return v.trim() || undefined;
	if (typeof v === 'number') return String(v);
	if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
	if (Array.isArray(v)) return asString(v[0]);
	if (v && typeof v === 'object' && 'name' in v) return asString((v as {name: unknown}).name);
	return undefined;
}

const FIELD_NAMES = {
	title: ['title', 'headline'],
	outlet: ['outlet', 'source', 'publisher', 'site', 'site_name', 'siteName', 'publication'],
	date: ['date', 'published', 'published_at', 'publishedAt', 'pubDate', 'datePublished'],
	url: ['url', 'link', 'canonical', 'canonical_url', 'source_url', 'sourceUrl'],
} as const;

/** Read title, outlet, date and url from a parsed front-matter object (several spellings each). */
export function frontMatterFields(data: Record<string, unknown>): FrontMatter {
	const out: Record<string, string> = {};
	const lower = new Map(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v]));
	for (const [field, names] of Object.entries(FIELD_NAMES)) {
		for (const n of names) {
			const v = asString(lower.get(n.toLowerCase()));
			if (v === undefined) continue;
			// "source: https://…" is the address, not the outlet.
			if (field === 'outlet' && /^https?:\/\//i.test(v)) {
				out.url ??= v;
				continue;
			}
			out[field] ??= v;
		}
	}
	return out;
}

/**
 * Prepare a markdown file's text for the cleaner: parse its front matter and mask everything
 * that is markup rather than news (see the module comment). `file` names the file in notices.
 */
export function prepareMarkdown(text: string, file: string): PreparedMarkdown {
	// UTF-16 code units (split('') does not join surrogate pairs), so indices are string offsets.
	const units = text.split('');
	const furniture: Furniture[] = [];
	const mark = (start: number, end: number) => {
		furniture.push({start, end, kind: 'boilerplate', text: text.slice(start, end)});
		blank(units, start, end);
	};
	let frontMatter: FrontMatter = {};
	let notice: string | undefined;
	let pos = 0;
	const fm = FRONT_MATTER.exec(text);
	if (fm) {
		let data: unknown;
		let ok = true;
		try {
			data = fm[1] ? parseYaml(fm[1]) : {};
		} catch (e) {
			ok = false;
			notice = `${file}: front matter is not valid YAML (${(e as Error).message.split('\n')[0]}); ignored`;
		}
		if (ok && data !== null && data !== undefined && typeof data !== 'object') ok = false; // a rule, not front matter
		if (ok || notice) {
			if (ok && data && typeof data === 'object' && !Array.isArray(data)) frontMatter = frontMatterFields(data as Record<string, unknown>);
			const end = fm[0].replace(/\r?\n$/, '').length;
			mark(0, end);
			pos = fm[0].length;
		}
	}
	const lines: {start: number; end: number; text: string}[] = [];
	while (pos <= text.length) {
		let eol = text.indexOf('\n', pos);
		if (eol === -1) eol = text.length;
		const end = eol > pos && text[eol - 1] === '\r' ? eol - 1 : eol;
		lines.push({start: pos, end, text: text.slice(pos, end)});
		pos = eol + 1;
	}
	const blankLine = (i: number) => !lines[i]?.text.trim();
	let inFence = false;
	lines.forEach((l, i) => {
		const line = l.text;
		if (FENCE.test(line)) {
			inFence = !inFence;
			mark(l.start, l.end);
			return;
		}
		if (inFence || !line.trim()) return;
		if (RULE.test(line) || LINK_ONLY.test(line) || REFERENCE.test(line) || HTML_LINE.test(line)) return mark(l.start, l.end);
		let from = l.start;
		const h = HEADING.exec(line);
		if (h) {
			blank(units, l.start, l.start + h[0].length);
			from += h[0].length;
			const close = CLOSING_HASHES.exec(line.slice(h[0].length));
			if (close) blank(units, from + close.index, l.end);
		} else {
			const q = QUOTE_MARKERS.exec(line);
			if (q) {
				blank(units, l.start, l.start + q[0].length);
				from += q[0].length;
			}
		}
		// A paragraph that is all emphasis ("*Photo caption*", "**Update:** …" is not): its
		// markers lie at the ends of the line, outside the span the cleaner will give it.
		if (blankLine(i - 1) && blankLine(i + 1)) {
			const e = WHOLE_EMPHASIS.exec(text.slice(from, l.end));
			if (e?.[2]) {
				const open = from + e.index + (e[1]?.length ?? 0);
				blank(units, open, open + e[2].length);
				const closeAt = open + e[2].length + (e[3]?.length ?? 0);
				blank(units, closeAt, closeAt + e[2].length);
			}
		}
	});
	return {masked: units.join(''), frontMatter, furniture, ...(notice !== undefined && {notice})};
}

const INLINE_LINK = /(?<!!)\[([^\]\n]+)\]\(([^)\s]+)(?:\s+"[^"\n]*")?\)/g;
const STRONG = /(?<![\\*_\p{L}\p{N}])(\*\*|__)(?=\S)[^\n]*?\S\1(?![*_\p{L}\p{N}])/gu;
const EM = /(?<![\\*_\p{L}\p{N}])([*_])(?=[^\s*_])[^\n*_]*?[^\s*_\\]\1(?![*_\p{L}\p{N}])/gu;
const CODE = /`+/g;

/**
 * Spans of inline markdown markup in `text` (emphasis markers, the `[` and `](url)` of links,
 * code backticks), sorted and disjoint. The article text keeps them (offsets stay exact into the
 * file); a renderer may hide these spans so they do not show as noise.
 */
export function inlineMarkupSpans(text: string): {start: number; end: number}[] {
	const spans: {start: number; end: number}[] = [];
	for (const m of text.matchAll(INLINE_LINK)) {
		const i = m.index;
		spans.push({start: i, end: i + 1});
		spans.push({start: i + 1 + m[1]!.length, end: i + m[0].length});
	}
	const inLink = (i: number) => spans.some((s) => s.start <= i && i < s.end);
	for (const re of [STRONG, EM]) {
		for (const m of text.matchAll(re)) {
			const i = m.index;
			const n = m[1]!.length;
			if (inLink(i)) continue;
			spans.push({start: i, end: i + n});
			spans.push({start: i + m[0].length - n, end: i + m[0].length});
		}
	}
	for (const m of text.matchAll(CODE)) if (!inLink(m.index)) spans.push({start: m.index, end: m.index + m[0].length});
	spans.sort((a, b) => a.start - b.start || a.end - b.end);
	const out: {start: number; end: number}[] = [];
	for (const s of spans) {
		const last = out[out.length - 1];
		if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
		else out.push({...s});
	}
	return out;
}
