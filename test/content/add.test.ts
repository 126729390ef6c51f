import {existsSync, readFileSync, readdirSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {addUrls, articleMarkdown, dataDir, fetchPage, FetchError, savedStoryFolders, slugify, storiesDir} from '../../src/content/add.js';
import {loadStory} from '../../src/content/load.js';
import {body, cleanTemp, fixtures, tempDir} from './helpers.js';
import '../helpers/nlp.js';

afterAll(cleanTemp);

const gazette = readFileSync(path.join(fixtures, 'ferry-strike', 'harbour-gazette.html'));
const wire = readFileSync(path.join(fixtures, 'ferry-strike', 'northern-wire.html'));

/** A fake fetch serving fixed responses by URL (never the network). */
function fakeFetch(routes: Record<string, () => Response>): typeof fetch {
	return (async (input: string | URL | Request) => {
		const url = String(input);
		const route = routes[url];
		if (!route) throw new TypeError('fetch failed', {cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${new URL(url).hostname}`), {code: 'ENOTFOUND'})});
		return route();
	}) as typeof fetch;
}

const html = (bytes: Uint8Array | string, type = 'text/html; charset=utf-8') => () => new Response(bytes as ConstructorParameters<typeof Response>[0], {status: 200, headers: {'content-type': type}});

describe('newsreader add: saving pages', () => {
	it('saves the article as markdown with front matter under <dataDir>/stories/<headline>/, and it reloads with the same metadata', async () => {
		const data = tempDir();
		const url = 'https://harbourgazette.example/news/2024/03/04/ferry-strike?utm=x';
		const {saved, errors} = await addUrls([url], {dataDir: data, fetch: fakeFetch({[url]: html(gazette)})});
		expect(errors).toEqual([]);
		expect(saved).toEqual([path.join(data, 'stories', 'ferry-workers-strike-over-pay-stranding-island-commuters', 'ferry-workers-strike-over-pay-stranding-island-commuters.md')]);
		const md = readFileSync(saved[0]!, 'utf8');
		expect(md.startsWith('---\ntitle: Ferry workers strike over pay, stranding island commuters\noutlet: The Harbour Gazette\ndate: 2024-03-04T07:30\nurl: https://harbourgazette.example/news/2024/03/04/ferry-strike\n---\n\n')).toBe(true);
		const {story} = loadStory([path.dirname(saved[0]!)]);
		const a = story.articles[0]!;
		expect(a.meta).toMatchObject({
			outlet: 'The Harbour Gazette',
			title: 'Ferry workers strike over pay, stranding island commuters',
			date: '2024-03-04T07:30',
			url: 'https://harbourgazette.example/news/2024/03/04/ferry-strike',
		});
		expect(body(a)).toContain('Crews walked out at dawn');
		expect(body(a)).not.toContain('Advertisement');
		expect(story.title).toBe('Ferry workers strike over pay, stranding island commuters');
	});

	it('without --story, the pages of one add are one story (several outlets on one event), named after the first headline', async () => {
		const data = tempDir();
		const urls = ['https://harbourgazette.example/a', 'https://nw.example/b'];
		const r = await addUrls(urls, {dataDir: data, fetch: fakeFetch({[urls[0]!]: html(gazette), [urls[1]!]: html(wire)})});
		expect(r.errors).toEqual([]);
		const folder = path.join(data, 'stories', 'ferry-workers-strike-over-pay-stranding-island-commuters');
		expect(r.saved.map((f) => path.dirname(f))).toEqual([folder, folder]);
		const {story} = loadStory([folder]);
		expect(story.title).toBe('Ferry workers strike over pay, stranding island commuters');
		expect(story.articles.map((a) => a.meta.outlet)).toEqual(['The Harbour Gazette', 'Northern Wire']);
	});

	it('--story puts every page in one named story (story.json holds the name); adding a page again replaces it', async () => {
		const data = tempDir();
		const urls = ['https://harbourgazette.example/a', 'https://nw.example/b'];
		const f = fakeFetch({[urls[0]!]: html(gazette), [urls[1]!]: html(wire)});
		const first = await addUrls(urls, {story: 'Ferry strike', dataDir: data, fetch: f});
		expect(first.errors).toEqual([]);
		const folder = path.join(data, 'stories', 'ferry-strike');
		expect(first.saved.map((s) => path.dirname(s))).toEqual([folder, folder]);
		expect(JSON.parse(readFileSync(path.join(folder, 'story.json'), 'utf8'))).toEqual({title: 'Ferry strike'});
		const again = await addUrls([urls[1]!], {story: 'Ferry strike', dataDir: data, fetch: f});
		expect(again.saved).toEqual([first.saved[1]]);
		expect(readdirSync(folder).sort()).toEqual(['ferry-workers-strike-over-pay-stranding-island-commuters.md', 'island-ferry-crews-strike-company-says-offer-is-fair.md', 'story.json']);
		const {story} = loadStory([folder]);
		expect(story.title).toBe('Ferry strike');
		expect(story.articles.map((a) => a.meta.outlet)).toEqual(['The Harbour Gazette', 'Northern Wire']);
		expect(savedStoryFolders(data)).toEqual([folder]);
	});

	it('saves plain text pages (the story named after their first line); a page without an article fails clearly', async () => {
		const data = tempDir();
		const f = fakeFetch({
			'https://t.example/a.txt': html('Harbour wall approved\n\nThe council voted on Tuesday to build the wall.\n', 'text/plain'),
			'https://t.example/index': html(readFileSync(path.join(fixtures, 'pages', 'no-article.html'))),
		});
		const r = await addUrls(['https://t.example/a.txt', 'https://t.example/index'], {dataDir: data, fetch: f});
		expect(r.saved).toEqual([path.join(data, 'stories', 'harbour-wall-approved', 'harbour-wall-approved.md')]);
		expect(r.errors).toEqual(['could not fetch https://t.example/index: no article text found on the page']);
	});
});

describe('newsreader add: one clear line per failure', () => {
	it('offline or blocked', async () => {
		const r = await addUrls(['https://news.example/story'], {dataDir: tempDir(), fetch: fakeFetch({})});
		expect(r).toEqual({saved: [], errors: ['could not fetch https://news.example/story: offline or blocked (ENOTFOUND)']});
	});

	it('not a web address', async () => {
		const r = await addUrls(['ftp://x.example/a', 'hello'], {dataDir: tempDir(), fetch: fakeFetch({})});
		expect(r.errors).toEqual(['not a web address: ftp://x.example/a (expected http:// or https://)', 'not a web address: hello (expected http:// or https://)']);
	});

	it('HTTP errors, and content that is not a web page', async () => {
		const f = fakeFetch({
			'https://x.example/gone': () => new Response('nope', {status: 404, statusText: 'Not Found'}),
			'https://x.example/paywall': () => new Response('nope', {status: 403, statusText: 'Forbidden'}),
			'https://x.example/file.pdf': html('%PDF-1.4', 'application/pdf'),
		});
		const r = await addUrls(['https://x.example/gone', 'https://x.example/paywall', 'https://x.example/file.pdf'], {dataDir: tempDir(), fetch: f});
		expect(r.errors).toEqual([
			'could not fetch https://x.example/gone: HTTP 404 Not Found',
			'could not fetch https://x.example/paywall: blocked, HTTP 403 Forbidden',
			'could not fetch https://x.example/file.pdf: not a web page or text (application/pdf)',
		]);
	});

	it('a page over the size limit: refused by Content-Length, or cut off while streaming', async () => {
		let pulled = 0;
		const endless = () =>
			new Response(
				new ReadableStream<Uint8Array>({
					pull(c) {
						pulled++;
						c.enqueue(new Uint8Array(64 * 1024).fill(0x61));
					},
				}),
				{headers: {'content-type': 'text/html'}},
			);
		await expect(fetchPage('https://x.example/endless', {fetch: fakeFetch({'https://x.example/endless': endless}), maxBytes: 1024 * 1024})).rejects.toThrow(
			new FetchError('the page is larger than 1 MB'),
		);
		expect(pulled).toBeLessThan(40);
		const declared = () => new Response('x', {headers: {'content-type': 'text/html', 'content-length': String(6 * 1024 * 1024)}});
		const r = await addUrls(['https://x.example/big'], {dataDir: tempDir(), fetch: fakeFetch({'https://x.example/big': declared})});
		expect(r.errors).toEqual(['could not fetch https://x.example/big: the page is larger than 5 MB']);
	});
});

describe('newsreader add over real HTTP on 127.0.0.1', () => {
	it('fetches and saves from a local server, and gives up on a silent one after the timeout', async () => {
		const server = http.createServer((req, res) => {
			if (req.url === '/story') {
				res.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
				res.end(wire);
			}
			// /slow: never answers.
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const {port} = server.address() as AddressInfo;
		try {
			const data = tempDir();
			const ok = await addUrls([`http://127.0.0.1:${port}/story`], {dataDir: data, story: 'Local'});
			expect(ok.errors).toEqual([]);
			expect(existsSync(ok.saved[0]!)).toBe(true);
			const t0 = Date.now();
			const slow = await addUrls([`http://127.0.0.1:${port}/slow`], {dataDir: data, timeoutMs: 300});
			expect(slow.errors).toEqual([`could not fetch http://127.0.0.1:${port}/slow: no answer within 0.3 s`]);
			expect(Date.now() - t0).toBeLessThan(5000);
		} finally {
			server.closeAllConnections();
			await new Promise((r) => server.close(r));
		}
	});
});

describe('the data directory', () => {
	it('follows env-paths: XDG on Linux, Application Support on macOS, LOCALAPPDATA on Windows; NEWSREADER_DATA_DIR overrides', () => {
		expect(dataDir({XDG_DATA_HOME: '/x/data'}, 'linux', '/home/u')).toBe('/x/data/newsreader');
		expect(dataDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/newsreader');
		expect(dataDir({XDG_DATA_HOME: 'relative'}, 'linux', '/home/u')).toBe('/home/u/.local/share/newsreader');
		expect(dataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/newsreader');
		expect(dataDir({LOCALAPPDATA: 'C:/L'}, 'win32', 'C:/u')).toBe(path.join('C:/L', 'newsreader', 'Data'));
		expect(dataDir({NEWSREADER_DATA_DIR: '/tmp/nr'}, 'linux', '/home/u')).toBe('/tmp/nr');
		expect(storiesDir('/x/newsreader')).toBe('/x/newsreader/stories');
		expect(savedStoryFolders(tempDir())).toEqual([]);
	});

	it('slugs and the saved file format', () => {
		expect(slugify('Putin, Biden agreed — to “more” talks!')).toBe('putin-biden-agreed-to-more-talks');
		expect(slugify('Été à Zürich')).toBe('ete-a-zurich');
		expect(slugify('!!!')).toBe('article');
		expect(slugify('a'.repeat(30) + ' ' + 'b'.repeat(40))).toBe('a'.repeat(30));
		expect(articleMarkdown({text: 'Head\n\nBody.', title: 'Head: a "quote"', url: 'https://x.example/'})).toBe(
			'---\ntitle: \'Head: a "quote"\'\nurl: https://x.example/\n---\n\nHead\n\nBody.\n',
		);
	});
});
