import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {loadStory} from '../../src/content/load.js';
import {isNotesFileName, readSourcesTable} from '../../src/content/sourcesTable.js';
import {seedsDir} from '../helpers/seedStory.js';
import {cleanTemp, tempDir, writeFiles} from './helpers.js';
import '../helpers/nlp.js';

afterAll(cleanTemp);

const SEED_FILES = ['000_21bccf5229a0b0ea.txt', '001_d59d86ecf62d787c.txt', '002_8eaf759bf2b3d680.txt', '003_903a32c6d1f16193.txt', '004_c807aaf56b1f465b.txt'];

describe('a table of sources in a notes file', () => {
	it('reads the seed folder\'s SOURCES.md: outlets without their notes, headlines, dates, addresses', () => {
		const entries = readSourcesTable(readFileSync(path.join(seedsDir, 'SOURCES.md'), 'utf8'), SEED_FILES);
		expect(entries?.map((e) => e.file)).toEqual(SEED_FILES);
		expect(entries?.map((e) => e.outlet)).toEqual(['The Hill', 'NBC News', 'CNN', 'CGTN', 'RT']);
		// "(from the address)" is the editor's note; "not in the text" says there is none
		expect(entries?.[0]?.title).toBe('Kremlin says Putin, Biden agreed to more discussions');
		expect(entries?.[2]?.title).toBeUndefined();
		expect(entries?.[3]?.title).toBe("Putin says he 'would really like' to meet Biden in person");
		expect(entries?.[3]?.date).toBe('2021-12-12 22:15');
		expect(entries?.[0]?.url).toBe('https://thehill.com/homenews/administration/585455-kremlin-says-putin-biden-agreed-to-more-discussions');
		// "named in the text" and "not known" are not addresses
		expect(entries?.[3]?.url).toBeUndefined();
		expect(entries?.[4]?.url).toBeUndefined();
	});

	it('takes links, code ticks and other column names; placeholders give nothing', () => {
		const text = [
			'Intro text | with a pipe',
			'',
			'| Filename | Publication | Title | Date | Link |',
			'| :--- | --- | --- | --- | --- |',
			'| `a.md` | **Daily Planet** | Ferry strike ends | 2024-03-01 | [page](https://example.com/a) |',
			'| b.txt | n/a | — | unknown | <https://example.org/b> |',
		].join('\n');
		expect(readSourcesTable(text, ['a.md', 'b.txt'])).toEqual([
			{file: 'a.md', outlet: 'Daily Planet', title: 'Ferry strike ends', date: '2024-03-01', url: 'https://example.com/a'},
			{file: 'b.txt', url: 'https://example.org/b'},
		]);
	});

	it('is no manifest without a file column, or when it names none of the folder\'s files', () => {
		const noFile = '| outlet | date |\n|---|---|\n| CNN | 2021-12-12 |\n';
		expect(readSourcesTable(noFile, ['a.txt'])).toBeUndefined();
		const other = '| file | outlet |\n|---|---|\n| z.txt | CNN |\n';
		expect(readSourcesTable(other, ['a.txt'])).toBeUndefined();
		// the second table is the one that lists the folder's files
		expect(readSourcesTable(`${other}\n| file | outlet |\n|---|---|\n| a.txt | BBC |\n`, ['a.txt'])).toEqual([{file: 'a.txt', outlet: 'BBC'}]);
	});

	it('knows notes files by name', () => {
		for (const n of ['SOURCES.md', 'README.md', 'readme.txt', 'LICENSE', 'CHANGELOG.md']) expect(isNotesFileName(n)).toBe(true);
		for (const n of ['sources-of-unrest.md', '000_a.txt', 'readme-the-news.md']) expect(isNotesFileName(n)).toBe(false);
	});
});

const ARTICLE = (outlet: string, line: string) =>
	`${outlet} headline about the harbour ferry strike\n\nThe ferry crews at Kestrel Bay walked out on Monday, the union said. ${line}\n`;

describe('a story folder with notes', () => {
	it('uses the table for metadata and never reads the notes file as an article', () => {
		const dir = writeFiles(tempDir(), {
			'one.txt': ARTICLE('First', 'Talks resume on Friday.'),
			'two.txt': ARTICLE('Second', 'The mayor called it a disgrace.'),
			'SOURCES.md': '# Sources\n\n| file | outlet | published |\n|---|---|---|\n| two.txt | Harbour Herald (wire copy) | 2024-03-02 |\n| one.txt | Bay Times | 2024-03-01 |\n| gone.txt | Lost Daily | |\n',
			'README.md': 'This folder holds the ferry strike story. "Quoted words" here are not news.\n',
		});
		const {story, notices} = loadStory([dir]);
		// table order first, notes files left out
		expect(story.articles.map((a) => a.meta.id)).toEqual(['two', 'one']);
		expect(story.articles.map((a) => a.meta.outlet)).toEqual(['Harbour Herald', 'Bay Times']);
		expect(story.articles.map((a) => a.meta.date)).toEqual(['2024-03-02', '2024-03-01']);
		expect(notices.some((n) => n.includes('SOURCES.md lists gone.txt'))).toBe(true);
	});

	it('gives the same metadata when the files are named one by one (a shell glob)', () => {
		const dir = writeFiles(tempDir(), {
			'one.txt': ARTICLE('First', 'Talks resume on Friday.'),
			'two.txt': ARTICLE('Second', 'The mayor called it a disgrace.'),
			'SOURCES.md': '| file | outlet |\n|---|---|\n| one.txt | Bay Times |\n| two.txt | Harbour Herald |\n',
		});
		const names = ['one.txt', 'SOURCES.md', 'two.txt'].map((n) => path.join(dir, n));
		const {story} = loadStory(names);
		expect(story.articles.map((a) => [a.meta.id, a.meta.outlet])).toEqual([
			['one', 'Bay Times'],
			['two', 'Harbour Herald'],
		]);
		// named alone, a notes file is read as what the user asked for
		expect(loadStory([path.join(dir, 'SOURCES.md')]).story.articles).toHaveLength(1);
	});

	it('lets story.json win over a table of sources', () => {
		const dir = writeFiles(tempDir(), {
			'one.txt': ARTICLE('First', 'Talks resume on Friday.'),
			'story.json': JSON.stringify({title: 'Ferry strike', articles: [{file: 'one.txt', outlet: 'From JSON'}]}),
			'SOURCES.md': '| file | outlet |\n|---|---|\n| one.txt | From table |\n',
		});
		const {story} = loadStory([dir]);
		expect(story.title).toBe('Ferry strike');
		expect(story.articles.map((a) => a.meta.outlet)).toEqual(['From JSON']);
	});
});
