/** Test helper for the quote tests: an Article built by hand, one paragraph per non-empty line. */
import type {Article, Paragraph, Sentence} from '../../src/core/types.js';

/** Build an {@link Article} from text: paragraphs are its non-empty lines, one sentence each. */
export function articleOf(text: string, id = 'test', outlet = 'Test'): Article {
	const paragraphs: Paragraph[] = [];
	const sentences: Sentence[] = [];
	let s = 0;
	for (let i = 0; i <= text.length; i++) {
		if (i === text.length || text[i] === '\n') {
			let a = s;
			let b = i;
			while (a < b && /\s/.test(text[a]!)) a++;
			while (b > a && /\s/.test(text[b - 1]!)) b--;
			if (b > a) {
				const index = paragraphs.length;
				paragraphs.push({start: a, end: b, role: 'body', index, firstSentence: sentences.length, sentenceCount: 1});
				sentences.push({start: a, end: b, index: sentences.length, paragraph: index, id: `p${sentences.length}`});
			}
			s = i + 1;
		}
	}
	return {meta: {id, outlet, title: id}, text, paragraphs, sentences, furniture: [], wordCount: text.split(/\s+/).filter(Boolean).length};
}
