import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {loadStory, markupSpans, readArticleFile} from '../../src/content/load.js';
import {loadedHtmlModules} from '../../src/content/html.js';
import {inlineMarkupSpans, prepareMarkdown} from '../../src/content/markdown.js';
import {body, cleanTemp, expectExactOffsets, fixtures, paragraphs, tempDir, writeFiles} from './helpers.js';
import '../helpers/nlp.js';

afterAll(cleanTemp);

const coastal = path.join(fixtures, 'ferry-strike', 'coastal-times.md');

describe('markdown articles', () => {
	it('reads front matter (title, source as outlet, date, url) and keeps offsets exact into the file as read', () => {
		const a = readArticleFile(coastal);
		expect(a.meta).toMatchObject({
			id: 'coastal-times',
			outlet: 'Coastal Times',
			title: 'Strike halts island ferries as pay talks stall',
			date: '2024-03-04',
			url: 'https://coastaltimes.example/2024/03/04/strike-halts-island-ferries',
		});
		// The article text is the file, byte for byte (UTF-8, no BOM).
		expect(a.text).toBe(readFileSync(coastal, 'utf8'));
		expectExactOffsets(a);
	});

	it('shows the heading as the headline without its #, and no front matter, images, rules or link-only lines', () => {
		const a = readArticleFile(coastal);
		expect(paragraphs(a)[0]).toBe('headline: Strike halts island ferries as pay talks stall');
		const b = body(a);
		for (const gone of ['title:', 'tags:', '![Ferry terminal]', '---', 'Share on Facebook', 'Ferry timetable', '# ', '## ', '> "We'])
			expect(b).not.toContain(gone);
		expect(b).toContain('What the company says');
		expect(b).toContain('"We remain ready to meet the union at any time," the company said in a statement.');
		// A paragraph that is all emphasis (a caption under a photo) loses its markers too.
		expect(b).toContain('\nThe Kestrel Bay terminal was empty on Monday.\n');
		expect(a.furniture.map((f) => f.kind)).toEqual(['boilerplate', 'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate']);
		expect(a.furniture[0]!.text.startsWith('---\ntitle:')).toBe(true);
	});

	it('reports inline markup (emphasis, link addresses) so a renderer can hide it', () => {
		const a = readArticleFile(coastal);
		const spans = markupSpans(a);
		const shown = (start: number, end: number) => {
			let out = '';
			let pos = start;
			for (const s of spans.filter((x) => x.start >= start && x.end <= end)) {
				out += a.text.slice(pos, s.start);
				pos = s.end;
			}
			return out + a.text.slice(pos, end);
		};
		const texts = a.paragraphs.map((p) => shown(p.start, p.end));
		expect(texts).toContain('Ferry services between Kestrel Bay and the outer islands were halted on Monday as crews began a 48-hour strike over pay.');
		expect(texts).toContain("The walkout, called by the seafarers' union, followed the collapse of talks with Kestrel Lines on Sunday night.");
		expect(inlineMarkupSpans('snake_case_name and 2*3*4 stay')).toEqual([]);
	});

	it('accepts other front-matter spellings, Windows line endings, and no front matter at all', () => {
		const dir = tempDir();
		writeFiles(dir, {
			'a.md': '---\r\nheadline: Harbour wall vote\r\npublisher:\r\n  name: Bay Courier\r\npublished: 2024-03-05T18:00:00Z\r\nlink: https://baycourier.example/wall\r\n---\r\n\r\nThe council voted for the wall on Tuesday, after a long debate.\r\n',
			'b.md': '# Wall vote passes\n\nCouncillors backed the new harbour wall on Tuesday evening by nine votes to four.\n',
		});
		const a = readArticleFile(path.join(dir, 'a.md'));
		expect(a.meta).toMatchObject({title: 'Harbour wall vote', outlet: 'Bay Courier', date: '2024-03-05T18:00', url: 'https://baycourier.example/wall'});
		expect(body(a)).toBe('The council voted for the wall on Tuesday, after a long debate.');
		expectExactOffsets(a);
		const b = readArticleFile(path.join(dir, 'b.md'));
		expect(b.meta.title).toBe('Wall vote passes');
		expect(b.text.slice(b.paragraphs[0]!.start, b.paragraphs[0]!.end)).toBe('Wall vote passes');
	});

	it('does not mistake a leading horizontal rule for front matter, and tells the user about broken YAML', () => {
		const p = prepareMarkdown('---\n\nJust a rule above a paragraph of text.\n', 'x.md');
		expect(p.frontMatter).toEqual({});
		const bad = prepareMarkdown('---\ntitle: [unclosed\n---\nBody text here.\n', 'bad.md');
		expect(bad.notice).toMatch(/^bad\.md: front matter is not valid YAML/);
		expect(bad.masked.length).toBe('---\ntitle: [unclosed\n---\nBody text here.\n'.length);
		expect(bad.masked.trim()).toBe('Body text here.');
	});

	it('a markdown file that is only front matter has no readable text', () => {
		const dir = tempDir();
		writeFiles(dir, {'only.md': '---\ntitle: Nothing here\n---\n'});
		expect(() => readArticleFile(path.join(dir, 'only.md'))).toThrow(/only\.md has no readable text/);
	});
});

describe('HTML is loaded on demand', () => {
	it('reading txt and md never loads linkedom or readability; sync loading of HTML asks for the async loader', () => {
		loadStory([coastal, path.join(fixtures, 'ferry-strike', 'wire-copy.txt')]);
		expect(loadedHtmlModules()).toBeUndefined();
		expect(() => loadStory([path.join(fixtures, 'ferry-strike', 'harbour-gazette.html')])).toThrow(/loadStoryAsync/);
	});
});
