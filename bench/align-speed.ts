/**
 * Alignment speed: aligns 5, 50 and 500 articles and prints analysis time, per-jump lookup
 * time and peak RSS.
 *
 *   npx tsx bench/align-speed.ts          # a deterministic corpus generated from seeds/ (align-corpus.ts)
 *   npx tsx bench/align-speed.ts DIR      # every *.txt in DIR (its first 5, 50 and 500 files)
 */
import path from 'node:path';
import type {Article} from '../src/core/types.js';
import {alignStory} from '../src/core/align/index.js';
import {generatedCorpus, prng, readFolder} from './align-corpus.js';
import {loadNlp} from '../src/core/segment.js';

await loadNlp(); // the corpus is parsed below, and the sentence model loads on demand

function bench(label: string, articles: Article[]): void {
	const sentences = articles.reduce((n, a) => n + a.sentences.length, 0);
	alignStory(articles.slice(0, Math.min(5, articles.length))); // warm up the JIT
	const runs = articles.length <= 50 ? 5 : 3;
	const times: number[] = [];
	let al = alignStory(articles);
	for (let r = 0; r < runs; r++) {
		const t0 = performance.now();
		al = alignStory(articles);
		times.push(performance.now() - t0);
	}
	times.sort((x, y) => x - y);
	// jumps: cold and warm lookups of the parallels of passages spread over the story
	const refs: [string, number][] = [];
	for (const a of articles) for (const s of a.sentences) refs.push([a.meta.id, s.index]);
	const rnd = prng(7);
	const picks = Array.from({length: Math.min(2000, refs.length)}, () => refs[Math.floor(rnd() * refs.length)]!);
	let t0 = performance.now();
	let found = 0;
	for (const [id, si] of picks) found += al.parallelsOf(id, si).length;
	const cold = ((performance.now() - t0) * 1000) / picks.length;
	t0 = performance.now();
	for (const [id, si] of picks) found += al.parallelsOf(id, si).length;
	const warm = ((performance.now() - t0) * 1000) / picks.length;
	let worst = 0;
	for (const [id, si] of picks.slice(0, 200)) {
		const t = performance.now();
		al.parallelsOf(id, si);
		worst = Math.max(worst, performance.now() - t);
	}
	const links = al.links.length;
	console.log(
		`${label.padEnd(14)} articles ${String(articles.length).padStart(4)}  sentences ${String(sentences).padStart(6)}  ` +
			`align median ${times[Math.floor(times.length / 2)]!.toFixed(1).padStart(7)} ms (min ${times[0]!.toFixed(1)})  ` +
			`links ${String(links).padStart(7)}  facts ${String(al.facts.length).padStart(5)}  ` +
			`jump ${cold.toFixed(1)} µs cold / ${warm.toFixed(2)} µs warm (worst ${(worst * 1000).toFixed(0)} µs)  ` +
			`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
	);
	void found;
}

const dir = process.argv[2];
const t0 = performance.now();
const corpus = dir ? readFolder(dir) : generatedCorpus(500);
console.log(`${dir ? `read ${dir}` : 'generated corpus'}: ${corpus.length} articles parsed in ${(performance.now() - t0).toFixed(0)} ms`);
for (const n of [5, 50, 500]) {
	if (n > corpus.length && n !== 5) break;
	bench(dir ? `${path.basename(dir)}[${Math.min(n, corpus.length)}]` : `generated`, corpus.slice(0, n));
}
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`peak RSS ${peak.toFixed(0)} MiB`);
