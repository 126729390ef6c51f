import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {buildStory, loadStory} from '../../src/content/load.js';
import {analyzeStory} from '../../src/core/analysis.js';
import type {Alignment} from '../../src/core/align/index.js';
import type {Story} from '../../src/core/types.js';
import {
	alignmentFromData,
	alignmentToData,
	configureCache,
	defaultCacheDir,
	loadCachedAnalysis,
	parseArticleCached,
	readCachedParse,
	saveAnalysis,
} from '../../src/store/cache.js';
import {loadSeedArticles, repoRoot, seedsDir} from '../helpers/seedStory.js';
import {tempDir} from './helpers.js';

afterEach(() => configureCache(undefined));

const entries = (dir: string, kind: string) => (fs.existsSync(path.join(dir, kind)) ? fs.readdirSync(path.join(dir, kind)).filter((f) => f.endsWith('.json')) : []);

/** Everything an alignment tells, for comparison: data, and every passage's parallels and fact. */
function observe(story: Story, al: Alignment) {
	return {
		links: al.links,
		facts: al.facts,
		unique: al.unique,
		duplicates: al.duplicates,
		passages: story.articles.map((a) => a.sentences.map((_, si) => ({parallels: al.parallelsOf(a.meta.id, si), fact: al.factOf(a.meta.id, si)?.id}))),
		unknown: [al.parallelsOf('nope', 0), al.factOf('nope', 0), al.parallelsOf(story.articles[0]!.meta.id, 9999)],
	};
}

describe('the parse cache', () => {
	it('a warm start reads every article from the cache and never loads the sentence model', () => {
		const dir = tempDir();
		const script = [
			"import {loadStoryAsync} from './src/content/load.ts';",
			"import {nlpLoaded} from './src/core/segment.ts';",
			`const {story} = await loadStoryAsync([${JSON.stringify(seedsDir)}]);`,
			'console.log(JSON.stringify({nlp: nlpLoaded(), story}));',
		].join('\n');
		const run = () =>
			JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: repoRoot, encoding: 'utf8', env: {...process.env, NEWSREADER_CACHE_DIR: dir}})) as {nlp: boolean; story: Story};
		const cold = run();
		expect(cold.nlp).toBe(true);
		expect(entries(dir, 'parse').length).toBe(cold.story.articles.length);
		const warm = run();
		expect(warm.nlp).toBe(false);
		expect(warm.story).toEqual(cold.story);
	}, 60_000);

	it('rebuilds a corrupt, stale or foreign entry silently, and works when nothing can be written', () => {
		const dir = tempDir();
		configureCache({dir});
		const fresh = loadStory([seedsDir]).story;
		const files = entries(dir, 'parse');
		expect(files.length).toBe(5);
		const [a, b, c, d] = files.map((f) => path.join(dir, 'parse', f));
		fs.writeFileSync(a!, '{"format":1,"key":');
		fs.writeFileSync(b!, JSON.stringify({format: 1, key: 'another key', value: {}}));
		fs.writeFileSync(c!, JSON.stringify({format: 0, key: path.basename(c!, '.json'), value: {}}));
		const entry = JSON.parse(fs.readFileSync(d!, 'utf8'));
		entry.value.sentences[0].end = 10 ** 9; // out of the text: not trusted
		fs.writeFileSync(d!, JSON.stringify(entry));
		expect(loadStory([seedsDir]).story).toEqual(fresh);
		for (const f of [a, b, c, d]) expect(JSON.parse(fs.readFileSync(f!, 'utf8')).key).toBe(path.basename(f!, '.json'));

		const blocked = path.join(tempDir(), 'a-file');
		fs.writeFileSync(blocked, 'not a folder');
		configureCache({dir: blocked});
		expect(loadStory([seedsDir]).story).toEqual(fresh);
	});

	it('keys on the text and hints, not on where the file is', () => {
		const dir = tempDir();
		configureCache({dir});
		const text = fs.readFileSync(path.join(seedsDir, fs.readdirSync(seedsDir)[0]!), 'utf8');
		const a = parseArticleCached(text, {id: 'x', file: '/one/place/x.txt'});
		const hit = readCachedParse(text, {id: 'x', file: '/another/x.txt'});
		expect(hit).toEqual({...a, meta: {...a.meta, file: '/another/x.txt'}});
		expect(readCachedParse(text, {id: 'x', outlet: 'Somebody'})).toBeUndefined();
		expect(readCachedParse(`${text} `, {id: 'x'})).toBeUndefined();
	});

	it('lives in the user cache directory of each platform', () => {
		expect(defaultCacheDir({XDG_CACHE_HOME: '/xdg'}, 'linux')).toBe(path.join('/xdg', 'newsreader'));
		expect(defaultCacheDir({}, 'darwin')).toMatch(/Library[\\/]Caches[\\/]newsreader$/);
		expect(defaultCacheDir({LOCALAPPDATA: 'C:\\Local'}, 'win32')).toBe(path.join('C:\\Local', 'newsreader', 'Cache'));
	});
});

describe('the analysis cache', () => {
	const story = buildStory(loadSeedArticles(), 'Seeds');
	const fresh = analyzeStory(story);

	it('an alignment rebuilt from its JSON answers exactly as a fresh one', () => {
		const data = JSON.parse(JSON.stringify(alignmentToData(story.articles, fresh.alignment)));
		expect(observe(story, alignmentFromData(data))).toEqual(observe(story, fresh.alignment));
	});

	it('saves and loads a story analysis; a damaged or stale entry is a miss', async () => {
		const dir = tempDir();
		configureCache({dir});
		expect(await loadCachedAnalysis(story)).toBeUndefined();
		await saveAnalysis(story, fresh);
		const [file] = entries(dir, 'analysis');
		const cached = await loadCachedAnalysis(story);
		expect(cached?.quotes).toEqual(fresh.quotes);
		expect(observe(story, cached!.alignment)).toEqual(observe(story, fresh.alignment));

		const other = buildStory(story.articles.slice(1), 'Fewer');
		expect(await loadCachedAnalysis(other)).toBeUndefined();
		fs.writeFileSync(path.join(dir, 'analysis', file!), '{"format":1,"key":"');
		expect(await loadCachedAnalysis(story)).toBeUndefined();
		configureCache({dir: null, readOnly: []});
		await saveAnalysis(story, fresh);
		expect(await loadCachedAnalysis(story)).toBeUndefined();
	});
});
