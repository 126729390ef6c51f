/**
 * Attribution speed: `npx tsx bench/quotes-speed.ts [n=500]`.
 *
 * A deterministic corpus of n articles built from the five seed articles: each copy keeps its
 * first paragraph and shuffles the others with a seeded PRNG, so no two copies are identical.
 * Parsing is timed apart; the figure that counts is attribution (quotes, speakers, addressees,
 * canonical names, utterance groups) over the n articles, as stories of five and as one story.
 * Bar: 500 articles in under 1 s on one core.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArticle} from '../src/core/article.js';
import {loadNlp} from '../src/core/segment.js';
import {attributeStory} from '../src/core/quotes/index.js';
import type {Article} from '../src/core/types.js';
import {mulberry32} from '../src/core/rng.js';

await loadNlp(); // the sentence model loads on demand

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 500);

const prng = mulberry32;

const seedDir = path.join(root, 'seeds');
const seeds = readdirSync(seedDir)
	.filter((f) => f.endsWith('.txt'))
	.sort()
	.map((f) => readFileSync(path.join(seedDir, f), 'utf8').replace(/^\ufeff/, ''));
const rand = prng(20211212);
const texts: string[] = [];
for (let i = 0; i < n; i++) {
	const paras = seeds[i % seeds.length]!.split(/\n+/);
	const [first, ...rest] = paras;
	for (let k = rest.length - 1; k > 0; k--) {
		const j = Math.floor(rand() * (k + 1));
		[rest[k], rest[j]] = [rest[j]!, rest[k]!];
	}
	texts.push([first, ...rest].join('\n\n'));
}
let t0 = performance.now();
const articles: Article[] = texts.map((t, i) => parseArticle(t, {id: `a${String(i).padStart(4, '0')}`, outlet: `Outlet ${i % 5}`}));
const parseMs = performance.now() - t0;
const chars = texts.reduce((s, t) => s + t.length, 0);

// warm-up on a different slice, then measure
attributeStory(articles.slice(0, 5));
const runs: number[] = [];
let quotes = 0;
for (let r = 0; r < 3; r++) {
	t0 = performance.now();
	quotes = 0;
	for (let i = 0; i < articles.length; i += 5) quotes += attributeStory(articles.slice(i, i + 5)).quotes.length;
	runs.push(performance.now() - t0);
}
const best = Math.min(...runs);
t0 = performance.now();
const one = attributeStory(articles);
const oneMs = performance.now() - t0;
console.log(`articles: ${n} (${(chars / 1024).toFixed(0)} KiB), parse: ${parseMs.toFixed(0)} ms`);
console.log(`attribution, stories of 5: ${best.toFixed(1)} ms (${(best / n).toFixed(3)} ms/article), ${quotes} quotes; runs ${runs.map((x) => x.toFixed(0)).join(', ')} ms`);
console.log(`attribution, one story of ${n}: ${oneMs.toFixed(1)} ms (${(oneMs / n).toFixed(3)} ms/article), ${one.groups.length} groups, ${one.speakers.length} speakers`);
console.log(best < 1000 ? 'OK: under 1 s' : 'FALLS SHORT: 1 s or more');
process.exitCode = best < 1000 ? 0 : 1;
