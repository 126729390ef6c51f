import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startAnalysisWorker} from '../../src/analysis-worker.js';
import {toAlignJson} from '../../src/core/align/index.js';
import {analyzeStory} from '../../src/core/analysis.js';
import {buildStory} from '../../src/content/load.js';
import {loadSeedArticles, repoRoot} from '../helpers/seedStory.js';

// The reader analyses on a worker thread when built: the built worker must give the same
// analysis as the in-process path (and the --json commands), and a failing worker must reject so
// the reader can fall back to analysing in-process.
describe('the analysis worker (built as the app is)', () => {
	let dir = '';
	beforeAll(async () => {
		const {build} = await import('esbuild');
		// @ts-expect-error: a plain .mjs build script without type declarations
		const {bundleOptions} = (await import('../../scripts/build.mjs')) as {bundleOptions: (d?: object) => Record<string, unknown>};
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-worker-'));
		await build({
			...bundleOptions({__NEWSREADER_CODE_VERSION__: '"test"'}),
			entryPoints: {'analysis-worker': path.join(repoRoot, 'src/analysis-worker-entry.ts')},
			outdir: dir,
			entryNames: '[name]',
			chunkNames: 'chunks/[name]-[hash]',
			logLevel: 'error',
		});
	}, 60_000);
	afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

	it('reports both stages, returns the in-process analysis, then saves it to the cache', async () => {
		const story = buildStory(loadSeedArticles(), 'seed');
		const stages: number[] = [];
		const cacheDir = path.join(dir, 'cache');
		const before = process.env.NEWSREADER_CACHE_DIR;
		process.env.NEWSREADER_CACHE_DIR = cacheDir; // the worker's environment is a copy of ours at its start
		let run: Awaited<ReturnType<typeof startAnalysisWorker>>;
		try {
			run = await startAnalysisWorker(story, (i) => stages.push(i), path.join(dir, 'analysis-worker.js'));
		} finally {
			if (before === undefined) delete process.env.NEWSREADER_CACHE_DIR;
			else process.env.NEWSREADER_CACHE_DIR = before;
		}
		expect(run).toBeDefined();
		const analysis = await run!.result;
		const local = analyzeStory(story);
		expect(stages).toEqual([0, 1]);
		expect(analysis.quotes).toEqual(local.quotes);
		expect(toAlignJson(story.articles, analysis.alignment)).toEqual(toAlignJson(story.articles, local.alignment));
		const id = story.articles[2]!.meta.id;
		for (let s = 0; s < story.articles[2]!.sentences.length; s++) expect(analysis.alignment.parallelsOf(id, s)).toEqual(local.alignment.parallelsOf(id, s));
		const saved = path.join(cacheDir, 'analysis');
		for (let i = 0; i < 100 && !(fs.existsSync(saved) && fs.readdirSync(saved).some((f) => f.endsWith('.json'))); i++) await new Promise((r) => setTimeout(r, 50));
		const entry = JSON.parse(fs.readFileSync(path.join(saved, fs.readdirSync(saved).find((f) => f.endsWith('.json'))!), 'utf8')) as {value: {quotes: unknown}};
		expect(entry.value.quotes).toEqual(local.quotes);
	}, 30_000);

	it('rejects when the worker fails, and without a built script there is none', async () => {
		const bad = path.join(dir, 'bad-worker.mjs');
		fs.writeFileSync(bad, 'throw new Error("broken worker");\n');
		const run = await startAnalysisWorker(buildStory(loadSeedArticles(), 'seed'), () => undefined, bad);
		await expect(run!.result).rejects.toThrow('broken worker');
		expect(await startAnalysisWorker(buildStory(loadSeedArticles(), 'seed'), () => undefined)).toBeUndefined();
	}, 30_000);
});
