/**
 * From an article file's text to an {@link Article}: furniture removed, paragraphs and
 * sentences with offsets into the text as read.
 */
import {cleanText, letterOrDigitAt} from './clean.js';
import {segmentParagraphs} from './segment.js';
import type {Article, ArticleMeta, Paragraph, Sentence} from './types.js';

/** What the caller knows about an article before reading it (manifest, file name). */
export interface ArticleHints {
	readonly id: string;
	readonly outlet?: string;
	readonly title?: string;
	readonly date?: string;
	readonly url?: string;
	readonly file?: string;
}

/**
 * Count words in a string (letters or digits, with inner apostrophes and hyphens): the matches of
 * `/[\p{L}\p{N}][\p{L}\p{N}'’-]*\/gu`, counted in one pass without the regex (a word starts at a
 * letter or digit outside a word and runs on over letters, digits, `'`, `’` and `-`).
 */
export function countWords(s: string): number {
	let n = 0;
	let inWord = false;
	for (let i = 0; i < s.length; ) {
		const len = letterOrDigitAt(s, i);
		if (len > 0) {
			if (!inWord) n++;
			inWord = true;
			i += len;
		} else {
			if (inWord) {
				const c = s.charCodeAt(i);
				inWord = c === 39 || c === 0x2019 || c === 45;
			}
			i++;
		}
	}
	return n;
}

/**
 * Parse an article's text. Metadata precedence: the hints (manifest) first, then what the text
 * itself says (headline line, dateline, wire credit), then fallbacks (the id as title).
 */
export function parseArticle(text: string, hints: ArticleHints): Article {
	const clean = cleanText(text, hints.outlet ? {outlet: hints.outlet} : {});
	const blocks = clean.blocks;
	const sentenceSpans = segmentParagraphs(text, blocks);
	const paragraphs: Paragraph[] = [];
	const sentences: Sentence[] = [];
	let words = 0;
	blocks.forEach((b, i) => {
		const spans = sentenceSpans[i] ?? [];
		const index = paragraphs.length;
		paragraphs.push({start: b.start, end: b.end, role: b.role, index, firstSentence: sentences.length, sentenceCount: spans.length});
		for (const s of spans) {
			const si = sentences.length;
			sentences.push({start: s.start, end: s.end, index: si, paragraph: index, id: `p${si}`});
		}
		words += countWords(text.slice(b.start, b.end));
	});
	const firstSentence = sentences[0] ? text.slice(sentences[0].start, sentences[0].end) : '';
	const title = hints.title ?? clean.headline ?? (firstSentence ? shorten(firstSentence, 90) : hints.id);
	const meta: ArticleMeta = {
		id: hints.id,
		outlet: hints.outlet ?? clean.outlet ?? 'Unknown outlet',
		title,
		...((hints.date ?? clean.date) !== undefined && {date: hints.date ?? clean.date}),
		...(hints.url !== undefined && {url: hints.url}),
		...(clean.wire !== undefined && {wire: clean.wire}),
		...(hints.file !== undefined && {file: hints.file}),
	};
	return {meta, text, paragraphs, sentences, furniture: clean.furniture, wordCount: words};
}

/** Cut a string at a word boundary to at most `max` characters, adding an ellipsis. */
export function shorten(s: string, max: number): string {
	const flat = s.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max - 1);
	const sp = cut.lastIndexOf(' ');
	return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The text of a sentence, paragraph or any span of an article. */
export function spanText(article: Article, span: {start: number; end: number}): string {
	return article.text.slice(span.start, span.end);
}
