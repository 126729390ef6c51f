import {beforeAll, describe, expect, it} from 'vitest';
import {sameUtterance} from '../../src/core/quotes/index.js';
import {isSpeech, quizContext} from '../../src/core/quiz/context.js';
import {ensureNlp, seed} from './quiz-helpers.js';

beforeAll(ensureNlp);

describe('quiz context: same words', () => {
	it('finds exactly the speech quotes that are the same utterance (the indexed look-up against a full scan)', () => {
		const {story, analysis} = seed();
		const ctx = quizContext(story, analysis);
		const speech = ctx.quotes.filter(isSpeech);
		const texts = new Set<string>();
		for (const q of speech) {
			const words = q.text.split(/\s+/);
			texts.add(q.text);
			texts.add(words.slice(0, 4).join(' '));
			texts.add(words.slice(-3).join(' '));
			texts.add(words[0] ?? '');
		}
		let found = 0;
		for (const text of texts) {
			const got = ctx.sameWords(text).map((q) => q.id);
			expect(got, text).toEqual(speech.filter((q) => sameUtterance(q.text, text)).map((q) => q.id));
			found += got.length;
		}
		expect(found).toBeGreaterThan(0);
	});
});
