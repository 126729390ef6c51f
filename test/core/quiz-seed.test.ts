/**
 * The seed bar, scored by the project's score.py against the hand-made gold (test/fixtures/gold,
 * copied from ../shared/gold): at least 20 questions of at least 4 types, and every question
 * checked against the gold valid. The JSON is made the way `newsreader quiz --json` makes it.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildStory} from '../../src/content/load.js';
import {analyzeStory} from '../../src/core/analysis.js';
import {generateQuestions, toQuizJson} from '../../src/core/quiz/index.js';
import {loadSeedArticles, repoRoot, seedsDir} from '../helpers/seedStory.js';
import {ensureNlp} from './quiz-helpers.js';

await ensureNlp();

/** Run score.py quiz on the seed story's quiz JSON; figures by name. */
function score(seed: number): {figures: Record<string, number>; types: Record<string, number>; out: string; status: number | null} {
	const story = buildStory(loadSeedArticles(), 'seed');
	const json = toQuizJson(generateQuestions(story, analyzeStory(story), {seed}));
	const dir = mkdtempSync(path.join(tmpdir(), 'quiz-seed-'));
	try {
		const file = path.join(dir, 'quiz.json');
		writeFileSync(file, JSON.stringify(json, null, 2));
		const fx = path.join(repoRoot, 'test/fixtures');
		const r = spawnSync(
			'python3',
			[
				path.join(fx, 'eval/score.py'),
				'quiz',
				'--articles',
				seedsDir,
				'--gold',
				path.join(fx, 'gold/seed-quotes.json'),
				'--facts',
				path.join(fx, 'gold/seed-facts.json'),
				'--speakers',
				path.join(fx, 'gold/speakers.json'),
				'--min-valid',
				'1.0',
			],
			{input: readFileSync(file, 'utf8'), encoding: 'utf8'},
		);
		const figures: Record<string, number> = {};
		let types: Record<string, number> = {};
		for (const line of r.stdout.split('\n')) {
			const m = /^([^:]+): ([\d.]+)$/.exec(line.trim());
			if (m) figures[m[1]!] = Number(m[2]);
			if (line.startsWith('per type: ')) types = JSON.parse(line.slice('per type: '.length)) as Record<string, number>;
		}
		return {figures, types, out: r.stdout + r.stderr, status: r.status};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

describe('seed story quiz, scored by score.py', () => {
	for (const seed of [1, 42]) {
		it(`seed ${seed}: >= 20 questions, >= 4 types, 100% of the gold-checked ones valid`, () => {
			const {figures, types, out, status} = score(seed);
			expect(status, out).toBe(0);
			expect(out).toMatch(/^OK: /m);
			expect(figures['questions'], out).toBeGreaterThanOrEqual(20);
			expect(figures['types'], out).toBeGreaterThanOrEqual(4);
			expect(Object.keys(types).length, out).toBeGreaterThanOrEqual(4);
			expect(figures['checked against gold'], out).toBeGreaterThanOrEqual(20);
			expect(figures['valid (of checked)'], out).toBe(1);
		});
	}
});
