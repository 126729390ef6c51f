/**
 * What writing a story's analysis to the cache costs the thread that does it (the analysis
 * worker, since it moved off the reader's thread): turning the alignment into the cache's
 * format (alignmentToData), then JSON, at 100, 200 and 300 articles of a folder.
 *
 *   npx tsx bench/cache-save.ts DIR     # e.g. /tmp/u500 from bench/corpus-folder.ts --unique
 */
import {performance} from 'node:perf_hooks';
import {readFolder} from './align-corpus.js';
import {loadNlp} from '../src/core/segment.js';
import {buildStory} from '../src/content/load.js';
import {analyzeStory} from '../src/core/analysis.js';
import {alignmentToData} from '../src/store/cache.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: npx tsx bench/cache-save.ts DIR');
await loadNlp();
const all = readFolder(dir);
for (const n of [100, 200, 300]) {
	const story = buildStory(all.slice(0, n), 'bench');
	const analysis = analyzeStory(story);
	const t0 = performance.now();
	const data = alignmentToData(story.articles, analysis.alignment);
	const t1 = performance.now();
	const json = JSON.stringify(data);
	const t2 = performance.now();
	console.log(JSON.stringify({articles: n, links: data.links.length / 5, toDataMs: Math.round(t1 - t0), stringifyMs: Math.round(t2 - t1), mb: +(json.length / 1e6).toFixed(1)}));
}
