/**
 * Analysis at one corpus size, in its own process (so peak RSS is this size's alone):
 * sentence model load, parse (cleaning + segmentation), attribution, alignment, search index and
 * quiz questions, over the deterministic corpus of bench/align-corpus.ts (or a folder's *.txt).
 *
 *   npx tsx bench/analysis.ts N [DIR]     # prints one JSON line
 */
import {performance} from 'node:perf_hooks';
import {generatedCorpus, readFolder} from './align-corpus.js';
import {loadNlp} from '../src/core/segment.js';
import {attributeStory} from '../src/core/quotes/index.js';
import {alignStory} from '../src/core/align/index.js';
import {quoteGroupsForAlignment} from '../src/core/analysis.js';
import {buildSearchIndex} from '../src/core/search.js';
import {generateQuestions} from '../src/core/quiz/index.js';
import {buildStory} from '../src/content/load.js';
import {searchItems} from '../src/ui/App.js';

const n = Number(process.argv[2] ?? 50);
const dir = process.argv[3];

const time = <T>(f: () => T): [T, number] => {
	const t0 = performance.now();
	const r = f();
	return [r, performance.now() - t0];
};

const t0 = performance.now();
await loadNlp();
const nlpMs = performance.now() - t0;
const [articles, parseMs] = time(() => (dir ? readFolder(dir).slice(0, n) : generatedCorpus(n)));
const story = buildStory(articles, 'bench');
const [quotes, quotesMs] = time(() => attributeStory(story.articles));
const [alignment, alignMs] = time(() => alignStory(story.articles, {quoteGroups: quoteGroupsForAlignment(quotes)}));
const [, indexMs] = time(() => buildSearchIndex(searchItems(story)));
const [questions, quizMs] = time(() => generateQuestions(story, {quotes, alignment}));
const analysisMs = quotesMs + alignMs + indexMs + quizMs;
process.stdout.write(
	`${JSON.stringify({
		n: articles.length,
		sentences: articles.reduce((s, a) => s + a.sentences.length, 0),
		words: articles.reduce((s, a) => s + a.wordCount, 0),
		links: alignment.links.length,
		quotes: quotes.quotes.length,
		questions: questions.length,
		nlpMs,
		parseMs,
		quotesMs,
		alignMs,
		indexMs,
		quizMs,
		analysisMs,
		totalMs: nlpMs + parseMs + analysisMs,
		peakRssMiB: process.resourceUsage().maxRSS / 1024,
	})}\n`,
);
