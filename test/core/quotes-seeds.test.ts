/**
 * Seed story accuracy, scored by the project's score.py against the hand-made gold
 * (test/fixtures/gold, copied from ../shared/gold): speaker F1 >= 0.95, detection recall >= 0.97,
 * addressee accuracy >= 0.90.
 */
import {describe, expect, it} from 'vitest';
import {attributeStory, toQuotesJson} from '../../src/core/quotes/index.js';
import {scoreSeed} from '../helpers/score.js';
import {loadSeedArticles} from '../helpers/seedStory.js';

/** score.py quotes on the seed story, with the speaker bar. */
function score() {
	const articles = loadSeedArticles();
	return scoreSeed('quotes', toQuotesJson(articles, attributeStory(articles)), ['--min-speaker', '0.95']);
}

describe('seed story, scored by score.py', () => {
	const {figures, out, status} = score();

	it('runs the scorer', () => {
		expect(status, out).toBe(0);
		expect(figures['gold speech quotes'], out).toBeGreaterThan(0);
	});

	it('speaker F1 >= 0.95', () => {
		expect(figures['speaker F1'], out).toBeGreaterThanOrEqual(0.95);
	});

	it('detection recall >= 0.97', () => {
		expect(figures['detection recall'], out).toBeGreaterThanOrEqual(0.97);
	});

	it('addressee accuracy >= 0.90', () => {
		expect(figures['addressee accuracy'], out).toBeGreaterThanOrEqual(0.9);
	});

	it('speakers are canonical across the five outlets', () => {
		const articles = loadSeedArticles();
		const r = attributeStory(articles);
		const names = r.speakers.map((s) => s.name);
		// one entry per person whatever the outlet calls them
		expect(new Set(names).size).toBe(names.length);
		for (const n of names) expect(names.filter((m) => m !== n && m.endsWith(` ${n}`))).toEqual([]);
		// the same utterance in different outlets' wording is one group
		const multi = r.groups.filter((g) => new Set(g.quotes.map((id) => id.split(':')[0])).size >= 3);
		expect(multi.length).toBeGreaterThanOrEqual(1);
	});
});
