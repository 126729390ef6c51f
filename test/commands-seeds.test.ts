/**
 * `newsreader quotes|align|quiz seeds --json` as a user runs them: the seed folder as given
 * (its SOURCES.md included) through the loader and src/commands.ts, scored by the eval script.
 * Guards the path the evaluation takes, not only the engines.
 */
import {describe, expect, it} from 'vitest';
import {runAnalysisCommand, type AnalysisCommand} from '../src/commands.js';
import {loadStoryAsync} from '../src/content/load.js';
import {scoreSeed} from './helpers/score.js';
import {seedsDir} from './helpers/seedStory.js';

async function run(kind: AnalysisCommand): Promise<unknown> {
	const {story} = await loadStoryAsync([seedsDir]);
	const out: string[] = [];
	expect(runAnalysisCommand(kind, story, {json: true}, (s) => out.push(s))).toBe(0);
	return JSON.parse(out.join('\n'));
}

describe('the --json commands on the seed folder as given', () => {
	it('read five articles with their outlets (SOURCES.md is the manifest, not an article)', async () => {
		const json = (await run('quotes')) as {articles: {id: string; outlet: string}[]};
		expect(json.articles.map((a) => a.outlet)).toEqual(['The Hill', 'NBC News', 'CNN', 'CGTN', 'RT']);
	});

	it('quotes: speaker F1 >= 0.95, recall and addressee 1.0', async () => {
		const r = scoreSeed('quotes', await run('quotes'));
		expect(r.figures['speaker F1'], r.out).toBeGreaterThanOrEqual(0.95);
		expect(r.figures['detection recall'], r.out).toBe(1);
		expect(r.figures['addressee accuracy'], r.out).toBe(1);
	});

	it('align: the same figures as the engine test (precision >= 0.85, F1 >= 0.75)', async () => {
		const r = scoreSeed('align', await run('align'));
		expect(r.figures['link precision'], r.out).toBeGreaterThanOrEqual(0.85);
		expect(r.figures['F1'], r.out).toBeGreaterThanOrEqual(0.75);
	});

	it('quiz: every checked question valid', async () => {
		const r = scoreSeed('quiz', await run('quiz'));
		expect(r.figures['valid (of checked)'], r.out).toBe(1);
	});
});
