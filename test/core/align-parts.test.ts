import {describe, expect, it} from 'vitest';
import {alignmentFromParts, alignStory, alignStoryParts, toAlignJson, type Alignment} from '../../src/core/align/index.js';
import {quoteGroupsForAlignment} from '../../src/core/analysis.js';
import {attributeStory} from '../../src/core/quotes/index.js';
import type {Article} from '../../src/core/types.js';
import {generatedCorpus} from '../../bench/align-corpus.js';
import {loadSeedArticles} from '../helpers/seedStory.js';

/** Everything an Alignment answers, for comparison. */
function answers(articles: readonly Article[], al: Alignment) {
	const per = articles.flatMap((a) => a.sentences.map((_, s) => [al.parallelsOf(a.meta.id, s), al.factOf(a.meta.id, s)?.id ?? null]));
	return {json: toAlignJson(articles, al), links: al.links, facts: al.facts, unique: al.unique, duplicates: al.duplicates, per, unknown: [al.parallelsOf('nope', 0), al.factOf(articles[0]!.meta.id, -1)]};
}

// The reader's analysis worker posts an alignment as parts (typed arrays transferred between
// threads) and the reader wraps them: it must answer exactly as the aligner's own object.
describe('alignment parts (what the analysis worker posts)', () => {
	for (const [name, articles] of [
		['seed story', loadSeedArticles()],
		['generated 40 articles', generatedCorpus(40)],
	] as const) {
		it(`answer as alignStory does after a trip between threads: ${name}`, () => {
			const options = {quoteGroups: quoteGroupsForAlignment(attributeStory(articles))};
			const parts = alignStoryParts(articles, options);
			const rebuilt = alignmentFromParts(structuredClone(parts));
			expect(rebuilt.links.length).toBeGreaterThan(0);
			expect(answers(articles, rebuilt)).toEqual(answers(articles, alignStory(articles, options)));
		});
	}
});
