/**
 * The seed story scored by the eval script (test/fixtures/eval/score.py, a copy of
 * shared/eval/score.py) against the seed facts (test/fixtures/gold/seed-facts.json), aligned
 * as `newsreader align` does it: with the quote engine's utterance groups as link evidence.
 */
import {describe, expect, it} from 'vitest';
import {alignStory, toAlignJson} from '../../src/core/align/index.js';
import {quoteGroupsForAlignment} from '../../src/core/analysis.js';
import {attributeStory} from '../../src/core/quotes/index.js';
import {scoreSeed} from '../helpers/score.js';
import {loadSeedArticles} from '../helpers/seedStory.js';

/** score.py align on `json`; its figures by name (score.py must succeed). */
function score(json: unknown): Record<string, number> {
	const r = scoreSeed('align', json);
	if (r.status !== 0) throw new Error(`score.py failed: ${r.out}`);
	return r.figures;
}

describe('seed story alignment', () => {
	const articles = loadSeedArticles();
	const quoteGroups = quoteGroupsForAlignment(attributeStory(articles));
	const figs = score(toAlignJson(articles, alignStory(articles, {quoteGroups})));

	it('scores above the regression floor', () => {
		console.log(`seed align: ${JSON.stringify(figs)}`);
		expect(figs['gold fact-pairs']).toBe(89);
		// measured with quote groups: precision 0.899, recall 0.685, F1 0.778, MRR 0.678 (without
		// them 0.881 / 0.685 / 0.771 / 0.678); the floor guards against regressions
		expect(figs['link precision']).toBeGreaterThanOrEqual(0.85);
		expect(figs['F1']).toBeGreaterThanOrEqual(0.75);
		expect(figs['MRR']).toBeGreaterThanOrEqual(0.65);
	});

	// Issue 4's bar. Not met, and not reachable by passage similarity of this kind: MRR is bounded
	// by fact-pair recall, and about a quarter of the gold fact-pairs are paraphrases or multi-fact
	// sentences with almost no shared content words ("too early to say when they could meet" /
	// "the date and format of this possible meeting are not yet set"). bench/align-ceiling.py
	// links every passage to every passage of every other article, ranked, with no threshold:
	// the MRR ceiling is 0.829 for IDF-cosine, 0.79 for containment, 0.69 for GloVe (SIF) vectors
	// and at most 0.826 for the two combined (measured 2026-11-21).
	it.todo('meets the issue bar: link F1 >= 0.85 and MRR >= 0.90');
});
