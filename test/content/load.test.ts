import {truncateSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {
	decodeText,
	InputError,
	isLibrary,
	loadLibrary,
	loadLibraryAsync,
	loadSeedStory,
	loadStory,
	loadStoryAsync,
	MAX_FILE_BYTES,
	needsHtml,
	readArticleFile,
} from '../../src/content/load.js';
import {getNlp} from '../../src/core/segment.js';
import {body, cleanTemp, expectExactOffsets, fixtures, tempDir, writeFiles} from './helpers.js';
import '../helpers/nlp.js';

afterAll(cleanTemp);

const ferry = path.join(fixtures, 'ferry-strike');
const council = path.join(fixtures, 'council-vote');
const pages = path.join(fixtures, 'pages');

/** The InputError message a call throws (fails the test if it throws anything else). */
function inputError(f: () => unknown): string {
	try {
		f();
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		expect((e as Error).message).not.toContain('\n');
		return (e as Error).message;
	}
	throw new Error('expected an InputError');
}

describe('a folder is a story', () => {
	it('reads txt, md and html together, with the manifest title and manifest order first', async () => {
		const {story, notices} = await loadStoryAsync([ferry]);
		expect(notices).toEqual([]);
		expect(story.title).toBe('Kestrel Bay ferry strike (March 2024)');
		expect(story.articles.map((a) => a.meta.id)).toEqual(['wire-copy', 'coastal-times', 'harbour-gazette', 'northern-wire']);
		expect(story.articles.map((a) => a.meta.outlet)).toEqual(['Baltic Press Agency', 'Coastal Times', 'The Harbour Gazette', 'Northern Wire']);
		for (const a of story.articles) expectExactOffsets(a);
		// Stable across runs: the id is a content hash.
		expect((await loadStoryAsync([ferry])).story.id).toBe(story.id);
	});

	it('joins a hard-wrapped .txt paragraph and takes its first line as the headline', () => {
		const a = readArticleFile(path.join(ferry, 'wire-copy.txt'));
		expect(a.paragraphs.map((p) => p.role)).toEqual(['headline', 'body', 'body', 'body', 'body']);
		expect(a.meta.title).toBe('Ferry strike strands island commuters');
		expect(a.paragraphs[1]!.sentenceCount).toBe(1);
	});

	it('files named directly form one story; the seed story still loads', () => {
		const {story} = loadStory([path.join(council, 'harbour-radio.txt'), path.join(council, 'hrn-evening.txt')]);
		expect(story.articles).toHaveLength(2);
		expect(story.title).toBe('Council approves new harbour wall');
		const seed = loadSeedStory();
		expect(seed.articles.map((a) => a.meta.outlet)).toEqual(['The Hill', 'NBC News', 'CNN', 'CGTN', 'RT']);
	});
});

describe('several folders make a library', () => {
	it('isLibrary: one folder or files is a story; two folders, or a folder of story folders, a library', () => {
		expect(isLibrary([ferry])).toBe(false);
		expect(isLibrary([path.join(council, 'harbour-radio.txt'), path.join(council, 'hrn-evening.txt')])).toBe(false);
		expect(isLibrary([ferry, council])).toBe(true);
		const root = tempDir();
		writeFiles(root, {
			'wall/a.txt': 'Council approves new harbour wall\n\nThe town council voted on Tuesday to build a new harbour wall.\n',
			'ferry/b.txt': 'Ferry strike ends\n\nFerry crews voted on Wednesday to accept a new pay offer.\n',
			'notes/readme.pdf': '%PDF-1.4',
		});
		expect(isLibrary([root])).toBe(true);
		expect(needsHtml([root])).toBe(false);
		expect(needsHtml([ferry])).toBe(true);
	});

	it('loadLibrary gives one story per folder, loose files first as one story', async () => {
		const {stories, notices} = await loadLibraryAsync([path.join(pages, 'saved-page.txt'), council, ferry]);
		expect(notices).toEqual([]);
		expect(stories.map((s) => s.title)).toEqual([
			'Ferry strike ends as crews accept new pay deal',
			'Council approves new harbour wall',
			'Kestrel Bay ferry strike (March 2024)',
		]);
		expect(stories.map((s) => s.articles.length)).toEqual([1, 2, 4]);
		expect(new Set(stories.map((s) => s.id)).size).toBe(3);
	});

	it('a folder of story folders lists its subfolders, skipping those without readable articles', () => {
		const root = tempDir();
		writeFiles(root, {
			'b-wall/a.txt': 'Council approves new harbour wall\n\nThe town council voted on Tuesday to build a new harbour wall.\n',
			'a-ferry/b.txt': 'Ferry strike ends\n\nFerry crews voted on Wednesday to accept a new pay offer.\n',
			'c-empty/x.txt': '  \n',
		});
		const {stories, notices} = loadLibrary([root]);
		expect(stories.map((s) => s.title)).toEqual(['Ferry strike ends', 'Council approves new harbour wall']);
		expect(notices).toEqual([`${path.join(root, 'c-empty', 'x.txt')} is empty; skipped it`, `skipped story ${path.join(root, 'c-empty')}: no readable articles in ${path.join(root, 'c-empty')} (${path.join(root, 'c-empty', 'x.txt')} is empty)`]);
	});
});

describe('outlet precedence: manifest, file metadata, credit in the text, file name', () => {
	it('the manifest beats the credit in the text', () => {
		// wire-copy.txt opens "KESTREL BAY (Baltic Press) -"; the manifest says "Baltic Press Agency".
		expect(loadStory([ferry]).notices).toBeDefined();
		const a = readArticleFile(path.join(ferry, 'wire-copy.txt'), {file: 'wire-copy.txt', outlet: 'Baltic Press Agency'});
		expect(a.meta.outlet).toBe('Baltic Press Agency');
	});

	it('without a manifest: a line naming the outlet, then "/ Source:", then "(Agency) -", then the file name', () => {
		const dir = tempDir();
		writeFiles(dir, {
			'a.txt': 'Download\nHarbour wall approved\nHRN\nThe town council voted on Tuesday to build a new harbour wall, the mayor said.\n',
			'b.txt': 'Harbour wall approved\n/ Source: Baltic Press\n\nThe town council voted on Tuesday to build a new harbour wall, the mayor said.\n',
			'c.txt': 'Harbour wall approved\n\nKESTREL BAY, March 5 (Baltic Press) - The town council voted on Tuesday to build a new harbour wall.\n',
			'hrn-wall.txt': 'Harbour wall approved\n\nThe town council voted on Tuesday to build a new harbour wall, the mayor said.\n',
			'courier_wall.txt': 'Harbour wall approved\n\nThe town council voted on Tuesday to build a new harbour wall, the mayor said.\n',
			'd.txt': 'Harbour wall approved\n\n(BPA)The town council voted on Tuesday to build a new harbour wall.\n',
		});
		const outlet = (f: string) => readArticleFile(path.join(dir, f)).meta.outlet;
		expect(outlet('a.txt')).toBe('HRN');
		expect(body(readArticleFile(path.join(dir, 'a.txt')))).not.toContain('HRN');
		expect(outlet('b.txt')).toBe('Baltic Press');
		expect(outlet('c.txt')).toBe('Baltic Press');
		expect(readArticleFile(path.join(dir, 'c.txt')).meta.wire).toBe('Baltic Press');
		expect(outlet('d.txt')).toBe('BPA');
		expect(outlet('hrn-wall.txt')).toBe('HRN');
		expect(outlet('courier_wall.txt')).toBe('Courier');
	});

	it('front matter and page metadata beat credits in the text', async () => {
		const dir = tempDir();
		writeFiles(dir, {
			'x.md': '---\noutlet: Bay Courier\n---\nHarbour wall approved\n\nKESTREL BAY (Baltic Press) - The town council voted on Tuesday to build a new harbour wall.\n',
		});
		expect(readArticleFile(path.join(dir, 'x.md')).meta.outlet).toBe('Bay Courier');
		const {story} = await loadStoryAsync([path.join(ferry, 'northern-wire.html')]);
		// The body opens "KESTREL BAY, March 4 (Northern Wire) -"; JSON-LD's publisher says the same.
		expect(story.articles[0]!.meta.outlet).toBe('Northern Wire');
	});
});

describe('the same article twice is kept once', () => {
	it('an exact copy, and a copy that differs only in furniture or format, are dropped with a notice', () => {
		const dir = tempDir();
		const text = 'Ferry strike ends\n\nFerry crews voted on Wednesday to accept a new pay offer, ending a two-day strike.\n\n"It was about being listened to," the union said.\n';
		writeFiles(dir, {
			'a.txt': text,
			'b.txt': text,
			'c.md': `---\ntitle: Ferry strike ends\n---\n\nAdvertisement\n\n${text}`,
		});
		const {story, notices} = loadStory([dir]);
		expect(story.articles.map((a) => a.meta.id)).toEqual(['a']);
		expect(notices).toEqual([
			`${path.join(dir, 'b.txt')} is the same article as ${path.join(dir, 'a.txt')}; kept once`,
			`${path.join(dir, 'c.md')} is the same article as ${path.join(dir, 'a.txt')}; kept once`,
		]);
	});
});

describe('bad input gives one clear line', () => {
	it('a missing path', () => {
		expect(inputError(() => loadStory(['/no/such/place.txt']))).toBe('no such file or folder: /no/such/place.txt');
		expect(inputError(() => isLibrary(['/no/such/folder']))).toBe('no such file or folder: /no/such/folder');
	});

	it('a folder given where a file is expected, and a folder with no articles', () => {
		const dir = tempDir();
		writeFiles(dir, {'sub/x.txt': 'Some text here that is an article.\n', 'empty/notes.pdf': '%PDF-1.4'});
		expect(inputError(() => readArticleFile(path.join(dir, 'sub')))).toBe(`${path.join(dir, 'sub')} is a folder, expected an article file`);
		expect(inputError(() => loadStory([path.join(dir, 'empty')]))).toBe(
			`no articles in ${path.join(dir, 'empty')} (looked for .txt, .md, .markdown, .html, .htm files)`,
		);
	});

	it('a binary file', () => {
		const dir = tempDir();
		writeFiles(dir, {
			'photo.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
			'data.txt': new Uint8Array([0x41, 0x42, 0x00, 0x43, 0x44]),
			'noise.txt': new Uint8Array(Array.from({length: 400}, (_, i) => (i * 7) % 32 || 1)),
		});
		expect(inputError(() => loadStory([path.join(dir, 'photo.txt')]))).toBe(`${path.join(dir, 'photo.txt')} looks like a binary file (PNG image), not an article`);
		expect(inputError(() => loadStory([path.join(dir, 'data.txt')]))).toBe(`${path.join(dir, 'data.txt')} looks like a binary file, not an article`);
		expect(inputError(() => loadStory([path.join(dir, 'noise.txt')]))).toMatch(/looks like a binary file/);
	});

	it('a byte-order mark is dropped and offsets count from the text after it; CRLF line ends are kept', () => {
		const dir = tempDir();
		writeFiles(dir, {'bom.txt': '\ufeffA headline here\r\n\r\nThe minister said the talks went well. They will meet again.\r\n'});
		const a = loadStory([path.join(dir, 'bom.txt')]).story.articles[0]!;
		expect(a.text.startsWith('\ufeff')).toBe(false);
		expect(a.text).toContain('\r\n');
		expect(a.meta.title).toBe('A headline here');
		const s = a.sentences.at(-1)!;
		expect(a.text.slice(s.start, s.end)).toBe('They will meet again.');
	});

	it('an empty or blank file', () => {
		const dir = tempDir();
		writeFiles(dir, {'empty.txt': '', 'blank.txt': ' \n\n\t\n'});
		expect(inputError(() => loadStory([path.join(dir, 'empty.txt')]))).toBe(`${path.join(dir, 'empty.txt')} is empty`);
		expect(inputError(() => loadStory([path.join(dir, 'blank.txt')]))).toBe(`${path.join(dir, 'blank.txt')} is empty`);
	});

	it('a file over 5 MB is refused before it is read', () => {
		const dir = tempDir();
		const big = path.join(dir, 'big.txt');
		writeFileSync(big, '');
		truncateSync(big, MAX_FILE_BYTES + 1024 * 1024); // sparse: nothing is written
		expect(inputError(() => loadStory([big]))).toBe(`${big} is 6.0 MB; articles over 5 MB are refused`);
	});

	it('non-UTF-8 text is read as Windows-1252 (curly quotes from bytes 0x93/0x94), and the user told', () => {
		const file = path.join(pages, 'cp1252.txt');
		const {story, notices} = loadStory([file]);
		expect(notices).toEqual([`${file} is not UTF-8; read it as Windows-1252`]);
		expect(body(story.articles[0]!)).toContain('“We have no choice,” its director said – costs are up énormément.');
		expect(decodeText(new Uint8Array([0x93, 0x68, 0x69, 0x94, 0x80]), 'x')).toBe('“hi”€');
		// UTF-16 with a byte-order mark is text too.
		expect(decodeText(new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]), 'x')).toBe('hi');
	});

	it('HTML without an article', async () => {
		const file = path.join(pages, 'no-article.html');
		await expect(loadStoryAsync([file])).rejects.toThrow(new InputError(`no article text found in ${file}`));
	});

	it('in a folder, a bad file is skipped with a notice; a folder of only bad files is an error', () => {
		const dir = tempDir();
		writeFiles(dir, {'good.txt': 'Harbour wall approved\n\nThe council voted on Tuesday to build the wall.\n', 'zero.txt': ''});
		const {story, notices} = loadStory([dir]);
		expect(story.articles).toHaveLength(1);
		expect(notices).toEqual([`${path.join(dir, 'zero.txt')} is empty; skipped it`]);
		const bad = tempDir();
		writeFiles(bad, {'zero.txt': '', 'bin.md': new Uint8Array([0, 1, 2])});
		expect(inputError(() => loadStory([bad]))).toBe(`no readable articles in ${bad} (${path.join(bad, 'bin.md')} looks like a binary file, not an article)`);
	});

	it('a broken story.json', () => {
		const dir = tempDir();
		writeFiles(dir, {'a.txt': 'Some article text that is long enough.\n', 'story.json': '{"title": "x", "articles": [{"outlet": "BBC"}]}'});
		expect(inputError(() => loadStory([dir]))).toBe(`${path.join(dir, 'story.json')} is not a valid story manifest (articles[0] has no file)`);
		writeFiles(dir, {'story.json': '{"title": '});
		expect(inputError(() => loadStory([dir]))).toMatch(/story\.json is not a valid story manifest \(/);
	});

	it('a manifest entry for a missing file is a notice, not an error', () => {
		const dir = tempDir();
		writeFiles(dir, {'a.txt': 'Some article text that is long enough.\n', 'story.json': '{"articles": [{"file": "gone.txt", "outlet": "BBC"}]}'});
		expect(loadStory([dir]).notices).toEqual([`${path.join(dir, 'story.json')} lists gone.txt, which is not in the folder`]);
	});
});

describe('speed', () => {
	it('a folder of 500 .txt files loads well under a second, NLP aside', () => {
		const dir = tempDir();
		const files: Record<string, string> = {};
		for (let i = 0; i < 500; i++)
			files[`${String(i).padStart(3, '0')}-article.txt`] = `Headline number ${i} about the harbour\n\nThe council met on day ${i} and voted ${i % 9}-${i % 5} to continue. "We will see," the mayor said.\n\nIt was meeting ${i}.\n`;
		writeFiles(dir, files);
		getNlp(); // the model's one-off start-up is not part of loading
		const t0 = performance.now();
		const {story} = loadStory([dir]);
		const ms = performance.now() - t0;
		expect(story.articles).toHaveLength(500);
		expect(story.articles[10]!.meta.id).toBe('010-article');
		expect(ms).toBeLessThan(3000); // generous for slow CI; typically a few hundred ms including segmentation
	});
});
