/**
 * The seed bar, scored by the project's score.py against the hand-made gold (test/fixtures/gold,
 * copied from ../shared/gold): at least 20 questions of at least 4 types, and every question
 * checked against the gold valid. The JSON is made the way `newsreader quiz --json` makes it.
 */
import {describe, expect, it} from 'vitest';
import {buildStory} from '../../src/content/load.js';
import {analyzeStory} from '../../src/core/analysis.js';
import {generateQuestions, toQuizJson} from '../../src/core/quiz/index.js';
import {scoreSeed} from '../helpers/score.js';
import {loadSeedArticles} from '../helpers/seedStory.js';
import {ensureNlp} from './quiz-helpers.js';

await ensureNlp();

/** score.py quiz on the seed story's quiz JSON (made as `newsreader quiz --json` makes it), bar 100% valid. */
function score(seed: number) {
	const story = buildStory(loadSeedArticles(), 'seed');
	return scoreSeed('quiz', toQuizJson(generateQuestions(story, analyzeStory(story), {seed})), ['--min-valid', '1.0']);
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
