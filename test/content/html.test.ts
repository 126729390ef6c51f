import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {extractHtml, HTML_TEXT_NOTE, loadHtmlModules, NoArticleError, type HtmlModules} from '../../src/content/html.js';
import {loadStoryAsync, readArticleFile} from '../../src/content/load.js';
import type {Article} from '../../src/core/types.js';
import {body, cleanTemp, expectExactOffsets, fixtures, paragraphs, tempDir, writeFiles} from './helpers.js';
import '../helpers/nlp.js';

let mods: HtmlModules;
beforeAll(async () => {
	mods = await loadHtmlModules();
});
afterAll(cleanTemp);

const read = (...p: string[]): Article => readArticleFile(path.join(fixtures, ...p));
const furnitureKinds = (a: Article) => a.furniture.map((f) => `${f.kind}:${f.text}`);

/** Prose long enough for readability to see an article. */
const PROSE = Array.from({length: 4}, (_, i) => `<p>Paragraph ${i + 1} of the report says that the ferry crews walked out on Monday in a dispute over pay, and that the company said its offer was fair and affordable for everyone involved.</p>`).join('\n');

describe('saved news pages lose their furniture', () => {
	it('a news-site page: nav, cookie banner, share bar, ads, newsletter box, "Read more:", related links and footer go; standfirst and one caption stay', () => {
		const a = read('ferry-strike', 'harbour-gazette.html');
		const b = body(a);
		for (const gone of [
			'cookies', 'Accept all', 'Sport', 'Weather', 'Subscribe', 'Share on Facebook', 'Email', 'Advertisement', 'Morning Briefing', 'newsletter',
			'Read more', 'Kestrel Lines orders two new electric ferries', 'Island fares', 'All rights reserved', 'Privacy policy', 'Ferries', 'Transport\n',
			'Ann Holm', 'Photo: Erik Dahl', '07.30 GMT',
		])
			expect(b, gone).not.toContain(gone);
		expect(paragraphs(a).slice(0, 3)).toEqual([
			'headline: Ferry workers strike over pay, stranding island commuters',
			'standfirst: Crews walked out at dawn after talks with Kestrel Lines broke down on Sunday night.',
			'caption: Passengers wait at the Kestrel Bay ferry terminal on Monday morning.',
		]);
		expect(b).toContain('"Nobody wanted to be here this morning," said Maria Olsen');
		expect(b).toContain('further action is planned for later in the month if no improved offer is made.');
		expect(furnitureKinds(a)).toEqual(
			expect.arrayContaining(['byline:By Ann Holm, Transport Correspondent', 'credit:Photo: Erik Dahl/The Harbour Gazette', 'boilerplate:Advertisement']),
		);
		expectExactOffsets(a);
	});

	it('a wire page: a caption printed twice stays once without its credit; share text, "Read more:", most-read and standards go', () => {
		const a = read('ferry-strike', 'northern-wire.html');
		const b = body(a);
		expect(b.split('A ferry sits idle at the quay').length).toBe(2);
		for (const gone of ['REUTERS/Jon Moe', 'Share this article', 'Facebook', 'Copy link', 'Read more', 'Most read', 'Markets slip', 'Trust Principles', 'Reporting by', 'Home'])
			expect(b, gone).not.toContain(gone);
		expect(a.paragraphs.find((p) => p.role === 'caption')).toBeDefined();
		expect(furnitureKinds(a)).toEqual(expect.arrayContaining(['credit:REUTERS/Jon Moe', 'wire:(Reporting by Per Lind; Editing by Kari Sand)']));
		// Reporters are not a wire service.
		expect(a.meta.wire).toBe('Northern Wire');
		expectExactOffsets(a);
	});

	it('a page with no helpful classes: the text rules catch cookie, share, ad, newsletter and "Read more:" lines and the repeated caption', () => {
		const a = read('pages', 'island-radio.html');
		const b = body(a);
		for (const gone of ['cookies', 'Share this article', 'Facebook', 'Twitter', 'Advertisement', 'Sign up', 'Read more', '(Photo: Island Radio)', 'Schedule'])
			expect(b, gone).not.toContain(gone);
		expect(b.split('Fishing boats in Hval harbour').length).toBe(2);
		expect(b).toContain('The strike is due to end on Wednesday morning');
	});

	it('the same rules work on a page saved as text', () => {
		const a = read('pages', 'saved-page.txt');
		expect(a.meta).toMatchObject({outlet: 'The Kestrel Post', title: 'Ferry strike ends as crews accept new pay deal', date: '2024-03-06'});
		expect(paragraphs(a)).toEqual([
			'headline: Ferry strike ends as crews accept new pay deal',
			'caption: Crew members leave the Skarv after the final shift of the strike.',
			'body: Ferry crews in Kestrel Bay voted on Wednesday to accept a new pay offer, ending a two-day strike that cut the outer islands off from the mainland.',
			'body: Kestrel Lines raised its offer to 5% this year and 3% next year, the union said. The first sailing to Hval left at noon.',
			'body: "It was never about the money alone. It was about being listened to," said union branch leader Maria Olsen.',
			'body: Chief executive Lars Vik said the company was "pleased that common sense has prevailed".',
		]);
		expect(a.furniture.map((f) => f.kind)).toEqual(['banner', 'boilerplate', 'outlet', 'dateline', 'boilerplate', 'credit', 'caption', 'boilerplate', 'boilerplate', 'banner']);
		expectExactOffsets(a);
	});
});

describe('page metadata', () => {
	it('outlet from og:site_name, headline from og:title without the site suffix, date from article:published_time, url from canonical', () => {
		const a = read('ferry-strike', 'harbour-gazette.html');
		expect(a.meta).toMatchObject({
			outlet: 'The Harbour Gazette',
			title: 'Ferry workers strike over pay, stranding island commuters',
			date: '2024-03-04T07:30',
			url: 'https://harbourgazette.example/news/2024/03/04/ferry-strike',
		});
	});

	it('JSON-LD in an @graph: publisher name, datePublished, mainEntityOfPage', () => {
		expect(read('ferry-strike', 'northern-wire.html').meta).toMatchObject({
			outlet: 'Northern Wire',
			title: 'Island ferry crews strike, company says offer is fair',
			date: '2024-03-04T09:12',
			url: 'https://nw.example/world/island-ferry-strike-2024-03-04',
		});
	});

	it('meta application-name, <time datetime>, and a Windows-1252 page decoded as declared', () => {
		const a = read('pages', 'island-radio.html');
		expect(a.meta).toMatchObject({outlet: 'Island Radio', title: 'Islanders count the cost of ferry strike', date: '2024-03-05'});
		expect(body(a)).toContain('“People are being kind to each other, but we can’t go on like this for long,” she said.');
	});

	it('precedence: og:site_name > JSON-LD publisher > application-name; og:title > h1 > <title>; canonical > og:url', () => {
		const page = (head: string, h1 = '') => extractHtml(`<html><head>${head}</head><body><article>${h1}${PROSE}</article></body></html>`, mods);
		const ld = '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"LD Name"},"datePublished":"2024-01-02"}</script>';
		expect(page(`<meta property="og:site_name" content="OG Name">${ld}<meta name="application-name" content="App Name">`).outlet).toBe('OG Name');
		expect(page(`${ld}<meta name="application-name" content="App Name">`).outlet).toBe('LD Name');
		expect(page('<meta name="application-name" content="App Name">').outlet).toBe('App Name');
		expect(page('<title>Story title | Some Site</title>').outlet).toBe('Some Site');
		expect(page('<title>From title</title>', '<h1>From h1</h1>').title).toBe('From h1');
		expect(page('<title>From title</title><meta property="og:title" content="From og">', '<h1>From h1</h1>').title).toBe('From og');
		expect(page('<title>From title</title>').title).toBe('From title');
		expect(page('<link rel="canonical" href="https://a.example/c"><meta property="og:url" content="https://a.example/o">').url).toBe('https://a.example/c');
		expect(page('<meta property="og:url" content="https://a.example/o">').url).toBe('https://a.example/o');
		expect(page(`${ld}<meta property="article:published_time" content="2024-05-06T07:08:09Z">`).date).toBe('2024-05-06T07:08:09Z');
		expect(page(ld).date).toBe('2024-01-02');
	});
});

describe('offsets for HTML point into the extracted text', () => {
	it('the text is the headline and one block per paragraph, separated by blank lines, and documented', () => {
		const a = read('ferry-strike', 'harbour-gazette.html');
		expect(a.text.startsWith('Ferry workers strike over pay, stranding island commuters\n\nCrews walked out at dawn')).toBe(true);
		expect(a.text).not.toMatch(/<[a-z]/i);
		expect(read('ferry-strike', 'harbour-gazette.html').text).toBe(a.text);
		expect(HTML_TEXT_NOTE).toMatch(/not into the HTML/);
	});

	it('a page without an article throws NoArticleError (the loader words it "no article text found in FILE")', async () => {
		expect(() => extractHtml('<html><body><nav><a href="/">Home</a></nav><p>Hello.</p></body></html>', mods)).toThrow(NoArticleError);
		const dir = tempDir();
		writeFiles(dir, {'login.html': '<html><head><title>Sign in</title></head><body><form><input name="u"><button>Sign in</button></form></body></html>'});
		await expect(loadStoryAsync([path.join(dir, 'login.html')])).rejects.toThrow(`no article text found in ${path.join(dir, 'login.html')}`);
	});
});
