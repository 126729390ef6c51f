import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadingLine} from '../src/loadingLine.js';
import {buildStory, loadLibraryAsync, loadStoryAsync, type LoadEvent} from '../src/content/load.js';
import {runAnalysisCommand} from '../src/commands.js';
import {loadSeedArticles} from './helpers/seedStory.js';
import {fixtures} from './content/helpers.js';
import './helpers/nlp.js';

/** A fake terminal stream and clock. */
function fake(isTTY = true, columns = 60) {
	const writes: string[] = [];
	let t = 0;
	return {stream: {isTTY, columns, write: (s: string) => writes.push(s)}, writes, now: () => t, advance: (ms: number) => (t += ms)};
}

describe('the loading line (stderr, before the first frame)', () => {
	it('stays quiet for a quick load, then shows a bar with counts, redrawn at most every 50 ms, and clears', () => {
		const f = fake();
		const line = loadingLine(f.stream, f.now);
		line.onProgress({stage: 'read', done: 1, total: 40});
		f.advance(299);
		line.onProgress({stage: 'read', done: 2, total: 40});
		expect(f.writes).toEqual([]);
		f.advance(1);
		line.onProgress({stage: 'read', done: 10, total: 40});
		f.advance(10);
		line.onProgress({stage: 'read', done: 11, total: 40}); // within 50 ms: not drawn
		f.advance(50);
		line.onProgress({stage: 'read', done: 40, total: 40});
		expect(f.writes).toHaveLength(2);
		expect(f.writes[0]).toMatch(/^\r\u001B\[KReading articles █+░+ 10\/40$/);
		expect(f.writes[1]).toMatch(/^\r\u001B\[KReading articles █+ 40\/40$/);
		expect(f.writes.every((w) => w.length - 4 <= 59)).toBe(true); // within the terminal's width
		line.done();
		expect(f.writes.at(-1)).toBe('\r\u001B[K');
	});

	it('shows the model loading once the delay is up, even with no event meanwhile', async () => {
		const writes: string[] = [];
		const line = loadingLine({isTTY: true, columns: 80, write: (s) => writes.push(s)});
		line.onProgress({stage: 'model'});
		expect(writes).toEqual([]);
		await new Promise((r) => setTimeout(r, 400));
		expect(writes).toEqual(['\r\u001B[KLoading the sentence model…']);
		line.done();
		expect(writes.at(-1)).toBe('\r\u001B[K');
	});

	it('assumes 80 columns when the terminal does not say', () => {
		const f = fake(true, 0);
		const line = loadingLine(f.stream, f.now);
		f.advance(400);
		line.onProgress({stage: 'read', done: 3, total: 9});
		expect(f.writes[0]).toMatch(/^\r\u001B\[KReading articles █{10}░{20} 3\/9$/);
	});

	it('writes nothing when stderr is not a terminal, and nothing to clear for a quick load', () => {
		const f = fake(false);
		const line = loadingLine(f.stream, f.now);
		f.advance(1000);
		line.onProgress({stage: 'read', done: 5, total: 5});
		line.done();
		expect(f.writes).toEqual([]);
		const g = fake();
		const quick = loadingLine(g.stream, g.now);
		quick.onProgress({stage: 'read', done: 5, total: 5});
		quick.done();
		expect(g.writes).toEqual([]);
	});
});

describe('load progress events', () => {
	it('count every file of a story, and of a library across its stories', async () => {
		const events: LoadEvent[] = [];
		const {story} = await loadStoryAsync([path.join(fixtures, 'ferry-strike')], {onProgress: (e) => events.push(e)});
		const reads = events.filter((e) => e.stage === 'read');
		expect(reads.map((e) => (e.stage === 'read' ? `${e.done}/${e.total}` : ''))).toEqual(['1/4', '2/4', '3/4', '4/4']);
		expect(story.articles).toHaveLength(4);
		const lib: LoadEvent[] = [];
		const {stories} = await loadLibraryAsync([path.join(fixtures, 'ferry-strike'), path.join(fixtures, 'council-vote')], {onProgress: (e) => lib.push(e)});
		const last = lib.filter((e) => e.stage === 'read').at(-1);
		const files = stories.reduce((n, s) => n + s.articles.length, 0);
		expect(last).toEqual({stage: 'read', done: files, total: files});
	});
});

describe('the --json commands tell the line each step', () => {
	it('names the stages, ends the line before printing, and prints what they print without it', () => {
		const story = buildStory(loadSeedArticles(), 'seed');
		for (const kind of ['quotes', 'align', 'quiz'] as const) {
			const calls: string[] = [];
			const withLine: string[] = [];
			const plain: string[] = [];
			const progress = {stage: (l: string) => calls.push(l), done: () => calls.push('done')};
			expect(runAnalysisCommand(kind, story, {json: true, seed: '7', progress}, (x) => (calls.push('out'), withLine.push(x)))).toBe(0);
			runAnalysisCommand(kind, story, {json: true, seed: '7'}, (x) => plain.push(x));
			expect(withLine).toEqual(plain);
			expect(calls.indexOf('done')).toBeLessThan(calls.indexOf('out'));
			expect(calls[0]).toBe('Finding quotes and who said them…');
			if (kind !== 'quotes') expect(calls).toContain('Aligning passages across outlets…');
			if (kind === 'quiz') expect(calls).toContain('Writing the questions…');
		}
	});

	it('draws a stage once the delay is up', () => {
		const f = fake();
		const line = loadingLine(f.stream, f.now);
		line.stage('Aligning passages across outlets…');
		f.advance(500);
		line.stage('Writing the questions…');
		expect(f.writes).toEqual(['\r\u001B[KWriting the questions…']);
	});
});
