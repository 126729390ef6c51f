/**
 * Search keystrokes at 500 articles: the index is built once (as the app does after the first
 * frame), then every prefix of each query is searched, as typing does. Prints one JSON line.
 *
 *   npx tsx bench/search.ts [N]
 */
import {performance} from 'node:perf_hooks';
import {generatedCorpus} from './align-corpus.js';
import {loadNlp} from '../src/core/segment.js';
import {attributeStory} from '../src/core/quotes/index.js';
import {buildSearchIndex, search} from '../src/core/search.js';
import {buildStory} from '../src/content/load.js';
import {searchItems} from '../src/ui/App.js';

const n = Number(process.argv[2] ?? 500);
const QUERIES = ['Zakharova', 'Kremlin said', 'troop build-up', 'Ukrane', 'sanctions', 'Peskov', 'video call', 'NATO expansion', 'Biden warned Putin', 'in person', 'xyzzy', 'Москва'];

await loadNlp();
const story = buildStory(generatedCorpus(n), 'bench');
attributeStory(story.articles); // as in the app; the index itself needs only the story
const t0 = performance.now();
const index = buildSearchIndex(searchItems(story));
const buildMs = performance.now() - t0;
for (const q of QUERIES.slice(0, 3)) search(index, q); // warm up the JIT
const times: number[] = [];
let hits = 0;
for (const q of QUERIES) {
	for (let k = 1; k <= q.length; k++) {
		const t = performance.now();
		hits += search(index, q.slice(0, k)).length;
		times.push(performance.now() - t);
	}
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
process.stdout.write(`${JSON.stringify({n, items: index.items.length, buildMs, keystrokes: times.length, hits, p50: pct(0.5), p95: pct(0.95), max: times[times.length - 1]})}\n`);
