import {describe, expect, it} from 'vitest';
import {parseArticle} from '../../src/core/article.js';
import {cleanText, parseDateline} from '../../src/core/clean.js';
import type {Article} from '../../src/core/types.js';
import {loadSeedArticles} from '../helpers/seedStory.js';

const seeds = loadSeedArticles();
const byOutlet = (o: string) => seeds.find((a) => a.meta.outlet === o)!;
const body = (a: Article) => a.paragraphs.map((p) => a.text.slice(p.start, p.end)).join('\n');
const kinds = (a: Article) => a.furniture.map((f) => `${f.kind}:${f.text}`);

describe('furniture removal on the seed story', () => {
	it('NBC: drops the browser banner, the repeated caption with its credit and the wire line; keeps the news', () => {
		const a = byOutlet('NBC News');
		expect(body(a)).not.toContain('IE 11 is not supported');
		expect(body(a)).not.toContain('Mikhail Metzel');
		expect(body(a)).not.toContain('Source: Reuters');
		expect(a.meta.wire).toBe('Reuters');
		// The caption stays once, as a caption.
		expect(body(a).split('attends a meeting outside Moscow').length).toBe(2);
		expect(a.paragraphs.find((p) => p.role === 'caption')).toBeDefined();
		expect(a.paragraphs[0]!.role).toBe('headline');
		expect(a.text.slice(a.paragraphs[0]!.start, a.paragraphs[0]!.end)).toBe('Putin and Biden agreed to hold more talks, Kremlin says');
		expect(a.paragraphs[1]!.role).toBe('standfirst');
		expect(body(a)).toContain('MOSCOW — President Joe Biden and Russian President Vladimir Putin have agreed');
		expect(body(a)).toContain('helped the rouble to regain some ground');
		expect(kinds(a)).toContain('wire:/ Source: Reuters');
	});

	it('CGTN: drops Download, the dateline, the outlet line, repeated captions, /CFP credits, the wire credit and Search Trends', () => {
		const a = byOutlet('CGTN');
		const b = body(a);
		for (const gone of ['Download', 'Updated 22:15', '/CFP', '(With input from Reuters)', 'Search Trends']) expect(b).not.toContain(gone);
		expect(b.split('Villa La Grange').length).toBe(2);
		expect(b.split('Situation Room').length).toBe(2);
		expect(a.meta.wire).toBe('Reuters');
		expect(kinds(a)).toEqual(
			expect.arrayContaining(['boilerplate:Download', 'dateline:Updated 22:15, 12-Dec-2021', 'outlet:CGTN', 'boilerplate:Search Trends', 'wire:(With input from Reuters)', 'credit:/CFP']),
		);
		expect(b).toContain('Putin and Biden held a face-to-face meeting in Geneva on June 16');
	});

	it('The Hill, CNN and RT have no furniture and keep every line', () => {
		for (const o of ['The Hill', 'CNN', 'RT']) {
			const a = byOutlet(o);
			expect(a.furniture).toEqual([]);
			const lines = a.text.split('\n').filter((l) => l.trim());
			expect(a.paragraphs.length).toBe(lines.length);
			expect(a.paragraphs.every((p) => p.role === 'body')).toBe(true);
		}
	});

	it('reads a date from a dateline when the manifest gives none', () => {
		const a = parseArticle('Download\nA headline here\nUpdated 22:15, 12-Dec-2021\nBody text of the article goes here and it is long enough.', {id: 'x'});
		expect(a.meta.date).toBe('2021-12-12T22:15');
		expect(a.meta.title).toBe('A headline here');
	});
});

describe('offsets map back to the file text', () => {
	it('every paragraph and sentence is an exact, trimmed, in-order slice of the text', () => {
		for (const a of seeds) {
			let last = 0;
			for (const s of a.sentences) {
				expect(s.start).toBeGreaterThanOrEqual(last);
				expect(s.end).toBeGreaterThan(s.start);
				const t = a.text.slice(s.start, s.end);
				expect(t).toBe(t.trim());
				const p = a.paragraphs[s.paragraph]!;
				expect(s.start).toBeGreaterThanOrEqual(p.start);
				expect(s.end).toBeLessThanOrEqual(p.end);
				last = s.end;
			}
			for (const p of a.paragraphs) {
				const first = a.sentences[p.firstSentence]!;
				const lastS = a.sentences[p.firstSentence + p.sentenceCount - 1]!;
				expect(first.start).toBe(p.start);
				expect(lastS.end).toBe(p.end);
			}
		}
	});

	it('furniture and body never overlap', () => {
		for (const a of seeds)
			for (const f of a.furniture) for (const p of a.paragraphs) expect(f.end <= p.start || f.start >= p.end).toBe(true);
	});

	it('keeps CRLF text and offsets intact', () => {
		const text = 'Headline of the day\r\n\r\nFirst paragraph says one thing. It says two.\r\nSecond paragraph.\r\n';
		const a = parseArticle(text, {id: 'crlf'});
		expect(a.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
			'Headline of the day',
			'First paragraph says one thing. It says two.',
			'Second paragraph.',
		]);
		expect(a.sentences.map((s) => text.slice(s.start, s.end))).toContain('It says two.');
	});
});

describe('segmentation', () => {
	const sents = (t: string) => {
		const a = parseArticle(t, {id: 's'});
		return a.sentences.map((s) => t.slice(s.start, s.end));
	};
	it('survives abbreviations, initials and dates', () => {
		expect(sents('The U.S. and Russia met on Dec. 7 in Geneva. Mr. Biden said little.')).toEqual([
			'The U.S. and Russia met on Dec. 7 in Geneva.',
			'Mr. Biden said little.',
		]);
		expect(sents('J. R. R. Tolkien wrote books. He died in 1973.')).toEqual(['J. R. R. Tolkien wrote books.', 'He died in 1973.']);
		expect(sents('Sen. John Smith (R-Texas) spoke. Gov. Jane Doe agreed.')).toHaveLength(2);
		expect(sents('It cost $1.5 billion. That is 3.5 times more.')).toHaveLength(2);
	});
	it('ends sentences inside closing quotes and keeps ellipses inside a sentence', () => {
		expect(sents('He said "it is over." Then he left.')).toEqual(['He said "it is over."', 'Then he left.']);
		expect(sents('“We will meet,” he said. “I would like that.”')).toEqual(['“We will meet,” he said.', '“I would like that.”']);
		expect(sents('"The current ... tensions and so on are being created," Peskov added.')).toHaveLength(1);
	});
	it('joins hard-wrapped lines into one paragraph but keeps one-line paragraphs apart', () => {
		const wrapped = 'A title line\n\nThis paragraph was wrapped by an editor at about seventy\ncolumns, so its lines end mid-sentence and must be joined\nback together.\n\nA second paragraph.';
		const a = parseArticle(wrapped, {id: 'w'});
		expect(a.paragraphs.map((p) => p.role)).toEqual(['headline', 'body', 'body']);
		expect(a.paragraphs[1]!.sentenceCount).toBe(1);
		const lines = 'One short paragraph that ends here with a full stop.\nAnother short paragraph that also ends with a stop.\n';
		expect(parseArticle(lines, {id: 'l'}).paragraphs).toHaveLength(2);
	});
	it('never throws on empty, whitespace-only or punctuation-only text', () => {
		for (const t of ['', '   \n\n  ', '"""', '……', '\u0000\u0001']) {
			const a = parseArticle(t, {id: 'e'});
			for (const s of a.sentences) expect(s.end).toBeLessThanOrEqual(t.length);
		}
	});
});

describe('furniture rules are general, not seed-specific', () => {
	it('drops chrome lines, cookie prompts, teasers and bylines of any site', () => {
		const t = [
			'Markets rally as rates hold',
			'By Jane Doe and John Roe',
			'We use cookies to improve your experience. Accept all cookies',
			'Share this article',
			'Stocks rose on Tuesday after the central bank held rates steady, traders said.',
			'Advertisement',
			'Read more: Why rates matter',
			'The index closed 2% higher.',
			'(Reporting by Ann Lee; Editing by Bob Ray)',
		].join('\n');
		const r = cleanText(t);
		const kept = r.blocks.map((b) => t.slice(b.start, b.end));
		expect(kept).toEqual(['Markets rally as rates hold', 'Stocks rose on Tuesday after the central bank held rates steady, traders said.', 'The index closed 2% higher.']);
		expect(r.furniture.map((f) => f.kind)).toEqual(['byline', 'banner', 'boilerplate', 'boilerplate', 'boilerplate', 'wire']);
	});
	it('keeps a repeated sentence that is far apart (a refrain, not a caption)', () => {
		const line = 'The ceasefire must hold, the minister said again on Friday.';
		const t = [line, 'a', 'b', 'c', 'd', 'e', 'f', line].join('\n');
		expect(cleanText(t).blocks).toHaveLength(8);
	});
	it('parses common dateline formats', () => {
		expect(parseDateline('Updated 22:15, 12-Dec-2021')).toBe('2021-12-12T22:15');
		expect(parseDateline('Published Dec. 12, 2021, 3:05 PM')).toBe('2021-12-12T15:05');
		expect(parseDateline('2021-12-08')).toBe('2021-12-08');
		expect(parseDateline('no date here')).toBeUndefined();
	});
});
