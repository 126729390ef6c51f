/**
 * Property-based tests of the core on arbitrary text: nothing throws, every offset is in bounds,
 * passages cover the text in order, quotes lie inside it, wrapped lines fit, displayed text is
 * free of control sequences.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {alignStory} from '../../src/core/align/index.js';
import {parseArticle} from '../../src/core/article.js';
import {attributeStory} from '../../src/core/quotes/index.js';
import {buildSearchIndex, search} from '../../src/core/search.js';
import {displayText, fitColumns, layoutArticle} from '../../src/ui/layout.js';
import '../helpers/nlp.js';

/** Text that looks like news with hostile bits: quotes of every kind, newlines, controls, wide chars. */
const pieces = fc.constantFrom(
	'The minister said ', '"', '“', '”', '‘', '’', "'", '«', '»', ' ', '\n', '\n\n', '\r\n', '. ', '? ', '! ', '...', '…',
	'Mr. ', 'U.S. ', 'Dec. 7 ', 'he said', 'Putin told Biden', ', according to Reuters.', 'Peskov', ':', '—', '(', ')',
	'\u0000', '\u001b[31m', '\u001b]0;x\u0007', '\u009b', '\u202e', '日本語のテキスト', '😀', 'مرحبا', '\ufeff', '\u00a0', 'a'.repeat(30),
);
const newsish = fc.array(fc.oneof(pieces, fc.string({maxLength: 12}), fc.string({unit: "binary", maxLength: 8})), {maxLength: 60}).map((a) => a.join(''));
const runs = {numRuns: 200};

describe('properties of the core on arbitrary text', () => {
	it('parseArticle never throws; paragraphs and sentences are in bounds, ordered, non-overlapping and cover each paragraph', () => {
		fc.assert(
			fc.property(newsish, (text) => {
				const a = parseArticle(text, {id: 'x'});
				let last = 0;
				for (const p of a.paragraphs) {
					expect(p.start).toBeGreaterThanOrEqual(last);
					expect(p.end).toBeGreaterThan(p.start);
					expect(p.end).toBeLessThanOrEqual(text.length);
					const ss = a.sentences.slice(p.firstSentence, p.firstSentence + p.sentenceCount);
					expect(ss.length).toBeGreaterThan(0);
					expect(ss[0]!.start).toBe(p.start);
					expect(ss.at(-1)!.end).toBe(p.end);
					let s0 = p.start;
					for (const s of ss) {
						expect(s.start).toBeGreaterThanOrEqual(s0);
						expect(s.end).toBeGreaterThan(s.start);
						expect(s.paragraph).toBe(p.index);
						s0 = s.end;
					}
					last = p.end;
				}
				for (const f of a.furniture) {
					expect(f.start).toBeGreaterThanOrEqual(0);
					expect(f.end).toBeLessThanOrEqual(text.length);
					expect(f.text).toBe(text.slice(f.start, f.end));
				}
			}),
			runs,
		);
	});

	it('attribution never throws and every quote lies inside its article', () => {
		fc.assert(
			fc.property(fc.array(newsish, {minLength: 1, maxLength: 3}), (texts) => {
				const arts = texts.map((t, i) => parseArticle(t, {id: `a${i}`, outlet: `O${i}`}));
				const r = attributeStory(arts);
				for (const q of r.quotes) {
					const a = arts.find((x) => x.meta.id === q.article)!;
					expect(q.start).toBeGreaterThanOrEqual(0);
					expect(q.end).toBeLessThanOrEqual(a.text.length);
					expect(q.end).toBeGreaterThanOrEqual(q.start);
					if (q.speakerMention) expect(q.speakerMention.end).toBeLessThanOrEqual(a.text.length);
				}
			}),
			runs,
		);
	});

	it('alignment never throws and links join existing passages of different articles', () => {
		fc.assert(
			fc.property(fc.array(newsish, {minLength: 1, maxLength: 4}), (texts) => {
				const arts = texts.map((t, i) => parseArticle(t, {id: `a${i}`, outlet: `O${i}`}));
				const al = alignStory(arts);
				for (const l of al.links) {
					expect(l.from.article).not.toBe(l.to.article);
					const a = arts.find((x) => x.meta.id === l.from.article)!;
					const b = arts.find((x) => x.meta.id === l.to.article)!;
					expect(a.sentences[l.from.sentence]).toBeDefined();
					expect(b.sentences[l.to.sentence]).toBeDefined();
				}
			}),
			{numRuns: 100},
		);
	});

	it('wrapped lines never exceed the width and stay in text order', () => {
		fc.assert(
			fc.property(newsish, fc.integer({min: 1, max: 100}), (text, cols) => {
				const a = parseArticle(text, {id: 'x'});
				const l = layoutArticle(a, cols);
				let last = 0;
				for (const line of l.lines) {
					if (line.blank) continue;
					expect(line.start).toBeGreaterThanOrEqual(last);
					const w = stringWidth(displayText(text.slice(line.start, line.end)));
					// A single character wider than the line (a wide glyph at width 1) is the only overflow allowed.
					if (w > cols) expect([...text.slice(line.start, line.end)].length).toBe(1);
					last = line.end;
				}
			}),
			runs,
		);
	});

	it('counts runs of spaces between words when wrapping (fast-check found "!  ? The" at 7 columns)', () => {
		const text = '!  ? The minister said   it  plainly';
		const a = parseArticle(text, {id: 'x'});
		for (const cols of [5, 7, 9, 12]) {
			for (const line of layoutArticle(a, cols).lines) {
				if (line.blank) continue;
				expect(stringWidth(displayText(text.slice(line.start, line.end))), `${cols}: ${text.slice(line.start, line.end)}`).toBeLessThanOrEqual(cols);
			}
		}
	});

	it('fitColumns fills exactly the columns asked for: text that fits is padded, longer text is cut with …', () => {
		expect(fitColumns('CNN', 6)).toBe('CNN   ');
		expect(fitColumns('The Hill', 5)).toBe('The …');
		expect(fitColumns('日本語', 4)).toBe('日… ');
		expect(fitColumns('abc', 0)).toBe('');
		expect(fitColumns('ok ☺️☺️', 5)).toBe('ok … ');
		fc.assert(
			fc.property(newsish, fc.integer({min: 1, max: 60}), (text, cols) => {
				const shown = displayText(text).replace(/\n/g, ' ');
				const fitted = fitColumns(shown, cols);
				expect(stringWidth(fitted)).toBe(cols);
				if (stringWidth(shown) <= cols) expect(fitted.trimEnd()).toBe(shown.trimEnd());
				else expect(fitted.trimEnd().endsWith('…')).toBe(true);
			}),
			runs,
		);
	});

	it('displayed text never carries a control character or escape', () => {
		fc.assert(
			fc.property(newsish, (text) => {
				expect(displayText(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
			}),
			runs,
		);
	});

	it('search never throws on any query', () => {
		const index = buildSearchIndex([{kind: 'passage', article: 0, sentence: 0, text: 'Kremlin spokesman Dmitry Peskov said “red lines” matter.'}]);
		fc.assert(
			fc.property(fc.string({unit: "binary", maxLength: 200}), (q) => {
				for (const h of search(index, q)) for (const m of h.matches) expect(m.end).toBeLessThanOrEqual(h.item.text.length);
			}),
			runs,
		);
	});
});
