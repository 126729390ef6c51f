/**
 * Keystroke latency: the real App, rendered by Ink through ink-testing-library (every render is
 * written at once, no frame-rate throttle), driven through stdin. Latency is the time from the
 * stdin write to the last frame written before the screen settles (no write for 30 ms), so it
 * includes effects that render again. The story: a 10,000-word article (made of the seeds'
 * paragraphs) first, then the five seed articles; its analysis precomputed. 100x30. With
 * FORCE_COLOR set (bench/run.mjs sets it), the default theme in colour, as a terminal shows it;
 * without, plain frames (the no-colour theme, and chalk writes no codes into a pipe).
 *
 *   FORCE_COLOR=3 npx tsx bench/keys.tsx   # prints one JSON line: p50/p95/max per action, in ms
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {render} from 'ink-testing-library';
import {parseArticle} from '../src/core/article.js';
import {analyzeStory} from '../src/core/analysis.js';
import {loadNlp} from '../src/core/segment.js';
import {buildStory, loadSeedStory} from '../src/content/load.js';
import {openProgressStore} from '../src/store/index.js';
import {App} from '../src/ui/App.js';
import {defaultTheme, noColorTheme} from '../src/ui/theme.js';

await loadNlp();
const seed = loadSeedStory();
const paragraphs = seed.articles.flatMap((a) => a.paragraphs.filter((p) => p.role === 'body').map((p) => a.text.slice(p.start, p.end)));
const body: string[] = [];
let words = 0;
for (let i = 0; words < 10_000; i++) {
	const p = paragraphs[i % paragraphs.length]!;
	body.push(p);
	words += p.split(/\s+/).length;
}
const long = parseArticle(`A very long report on the call\n\n${body.join('\n\n')}\n`, {id: 'long', outlet: 'Long Read', date: '2021-12-13'});
const story = buildStory([long, ...seed.articles], seed.title);
const analysis = analyzeStory(story);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsreader-bench-keys-'));
const store = openProgressStore({cwd: dir});

const app = render(<App story={story} progress={store} analysis={analysis} size={{columns: 100, rows: 30}} theme={process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0' ? defaultTheme : noColorTheme} />);
let lastWrite = 0;
let writes = 0;
const original = app.stdout.write;
app.stdout.write = (frame: string) => {
	lastWrite = performance.now();
	writes++;
	original(frame);
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Write `key`; resolve with the latency to the last frame before 30 ms of quiet (undefined: no frame). */
async function press(key: string): Promise<number | undefined> {
	const before = writes;
	const t0 = performance.now();
	app.stdin.write(key);
	const deadline = t0 + 500;
	while (writes === before && performance.now() < deadline) await sleep(1);
	if (writes === before) return undefined;
	for (;;) {
		const seen = writes;
		await sleep(30);
		if (writes === seen) break;
	}
	return lastWrite - t0;
}

await sleep(300);
const results: Record<string, number[]> = {j: [], space: [], outlet: [], jump: [], compare: []};
const add = (k: string, v: number | undefined) => {
	if (v !== undefined) results[k]!.push(v);
};
await press('\r'); // open the long article
for (let i = 0; i < 150; i++) add('j', await press('j'));
for (let r = 0; r < 4; r++) {
	await press('g');
	for (let i = 0; i < 20; i++) add('space', await press(' '));
}
await press('g');
for (let i = 0; i < 15; i++) {
	add('outlet', await press('l'));
	add('outlet', await press('h'));
}
for (let i = 0; i < 60 && results.jump!.length < 30; i++) {
	await press('j');
	const t = await press(']');
	if (t !== undefined && !app.lastFrame()?.includes('A very long report')) {
		add('jump', t);
		await press('-');
	} else if (t !== undefined) add('jump', t);
}
for (let i = 0; i < 20; i++) {
	add('compare', await press('c'));
	await press('q');
	await press('j');
}
app.unmount();
store.close();
fs.rmSync(dir, {recursive: true, force: true});

const summary = Object.fromEntries(
	Object.entries(results).map(([k, xs]) => {
		const s = [...xs].sort((a, b) => a - b);
		const pct = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
		return [k, {n: s.length, p50: pct(0.5), p95: pct(0.95), max: s[s.length - 1] ?? NaN}];
	}),
);
process.stdout.write(`${JSON.stringify({words: long.wordCount, ...summary})}\n`);
process.exit(0);
