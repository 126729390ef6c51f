import {describe, expect, it} from 'vitest';
import {countWords, parseArticle} from '../../src/core/article.js';
import {cleanText} from '../../src/core/clean.js';
import {segmentParagraphs, sentenceSpans, trimSpan} from '../../src/core/segment.js';
import type {Span} from '../../src/core/types.js';
import {seedManifest, seedText} from '../helpers/seedStory.js';

/** Paragraph sentences as segmentation did before units: wink over the whole text, clipped. */
function wholeTextSegmentation(text: string, paragraphs: readonly Span[]): Span[][] {
	const found = sentenceSpans(text);
	let k = 0;
	return paragraphs.map((p) => {
		const out: Span[] = [];
		while (k < found.length && found[k]!.end <= p.start) k++;
		let j = k;
		while (j < found.length && found[j]!.start < p.end) {
			const span = trimSpan(text, Math.max(found[j]!.start, p.start), Math.min(found[j]!.end, p.end));
			if (span.end > span.start) {
				const prev = out[out.length - 1];
				if (prev && /^[\p{P}\s]*$/u.test(text.slice(span.start, span.end))) out[out.length - 1] = {start: prev.start, end: span.end};
				else out.push(span);
			}
			if (found[j]!.end > p.end) break;
			j++;
		}
		k = j;
		if (out.length === 0) out.push(trimSpan(text, p.start, p.end));
		else {
			out[0] = {start: p.start, end: out[0]!.end};
			out[out.length - 1] = {start: out[out.length - 1]!.start, end: p.end};
		}
		return out;
	});
}

// Paragraph edges that wink's sentence-boundary patterns look across: closing quotes and
// brackets, abbreviations, "!?", capitalised sentence starters, opening quotes.
const ends = ['.', '!', '?!', '."', '!)', '.)', '?"', ' U.S.', ' Mr.', ' e.g.', ' Corp.', ' a.m.', '', ' —', ',', '…', '...', '.")'];
const starts = ['', '"', '“', '”', ')', '’', ',', '-', '—', '.', '!', 'The ', 'A ', 'Dr. ', '(', '...'];
const separators = ['\n\n', '\n', '\n \n', '\n\n\n', '\r\n\r\n', '\r\n', '\n\t\n', '\t', '\n\u00a0\n', ' \n\n ', '\n\n\u200b', '\n\r\n', '  \n\n'];

function trickyTexts(): string[] {
	const body = ['Moscow said talks would go on', 'Biden and Putin spoke for two hours on Tuesday', 'He said it was over', 'Kyiv was not consulted'];
	const texts: string[] = [];
	let n = 0;
	for (const sep of separators)
		for (const end of ends) {
			const start = starts[n++ % starts.length]!;
			const paras = body.map((b, i) => (i % 2 ? `${start}${b}${end}` : `${b}${end}`));
			texts.push(paras.join(sep), `Headline without a stop${sep}${paras.join(sep)}${sep}`);
		}
	return texts;
}

describe('sentence segmentation by unit', () => {
	it('gives each paragraph the sentences that segmenting the whole text gives', () => {
		const texts = [...seedManifest().articles.map((e) => seedText(e.file)), ...trickyTexts()];
		// Twice: the second round reads repeated units from the memo.
		for (let round = 0; round < 2; round++)
			for (const text of texts) {
				const blocks = cleanText(text).blocks;
				expect(segmentParagraphs(text, blocks)).toEqual(wholeTextSegmentation(text, blocks));
			}
	});

	it('parses an article the same the second time, when its paragraphs are remembered', () => {
		for (const text of trickyTexts().slice(0, 40)) expect(parseArticle(text, {id: 'b'})).toEqual(parseArticle(text, {id: 'b'}));
	});

	it('a paragraph seen before gets the same sentences inside a different article', () => {
		const para = 'The talks ended. "We will meet again," he said! Then (briefly) nothing.';
		const a = parseArticle(`First article headline\n\n${para}\n\nAn ending.`, {id: 'a'});
		const b = parseArticle(`Another one\n\nSomething else happened here. Yes.\n\n${para}`, {id: 'b'});
		const sentencesOf = (x: typeof a) => {
			const p = x.paragraphs.find((q) => x.text.slice(q.start, q.end) === para)!;
			return x.sentences.filter((s) => s.paragraph === p.index).map((s) => x.text.slice(s.start, s.end));
		};
		expect(sentencesOf(b)).toEqual(sentencesOf(a));
		expect(sentencesOf(a)).toEqual(['The talks ended.', '"We will meet again," he said!', 'Then (briefly) nothing.']);
	});
});

describe('countWords', () => {
	it('counts what the word regex matches', () => {
		const re = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
		for (const s of ['', 'one', "don't stop-gap ’tis -x- 'y", 'Zürich 2021 中文 ٣٤ 𝐀𝐁 😀 \ud835x', '...!?', 'a-\u0301b'])
			expect(countWords(s)).toBe(s.match(re)?.length ?? 0);
	});
});

describe('repeated captions', () => {
	it('a line that repeats two lines above it is a copy of the line whose key was recorded first', () => {
		const full = 'Vladimir Putin attends a meeting outside Moscow on December 7';
		const prefix = 'Vladimir Putin attends a meeting outside Moscow';
		const t = [full, prefix, full, 'Body text of the article that goes on for a while and ends.'].join('\n\n');
		const r = cleanText(t);
		expect(r.furniture.map((f) => `${f.kind}:${f.text}`)).toEqual([`caption:${full}`]);
		expect(r.blocks.map((b) => b.role)).toEqual(['caption', 'body', 'body']);
	});
});
