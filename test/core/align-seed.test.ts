/**
 * The seed story scored by the eval script (test/fixtures/eval/score.py, a copy of
 * shared/eval/score.py) against the seed facts (test/fixtures/gold/seed-facts.json).
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {alignStory, toAlignJson} from '../../src/core/align/index.js';
import {loadSeedArticles, repoRoot, seedsDir} from '../helpers/seedStory.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'newsreader-align-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

/** Run score.py align on `json`; its figures by name. */
function score(json: unknown): Record<string, number> {
	const file = path.join(tmp, 'align.json');
	writeFileSync(file, JSON.stringify(json));
	let out: string;
	try {
		out = execFileSync(
			'python3',
			[
				path.join(repoRoot, 'test/fixtures/eval/score.py'),
				'align',
				'--articles',
				seedsDir,
				'--gold',
				path.join(repoRoot, 'test/fixtures/gold/seed-facts.json'),
			],
			{input: JSON.stringify(json), encoding: 'utf8'},
		);
	} catch (e) {
		throw new Error(`score.py failed: ${String((e as {stdout?: string}).stdout ?? e)}`);
	}
	const figs: Record<string, number> = {};
	for (const line of out.split('\n')) {
		const m = /^([^:]+): ([0-9.]+)$/.exec(line.trim());
		if (m) figs[m[1]!] = Number(m[2]);
	}
	return figs;
}

describe('seed story alignment', () => {
	const articles = loadSeedArticles();
	const figs = score(toAlignJson(articles, alignStory(articles)));

	it('scores above the regression floor', () => {
		console.log(`seed align: ${JSON.stringify(figs)}`);
		expect(figs['gold fact-pairs']).toBe(89);
		// measured 0.757 / 0.668 (threshold 0.25); the floor guards against regressions
		expect(figs['link precision']).toBeGreaterThanOrEqual(0.8);
		expect(figs['F1']).toBeGreaterThanOrEqual(0.72);
		expect(figs['MRR']).toBeGreaterThanOrEqual(0.64);
	});

	// Issue 4's bar. Not met by the lexical engine: a third of the gold fact-pairs are
	// paraphrases with almost no shared content words ("too early to say when they could meet"
	// / "the date and format of this possible meeting are not yet set").
	it.todo('meets the issue bar: link F1 >= 0.85 and MRR >= 0.90');
});
