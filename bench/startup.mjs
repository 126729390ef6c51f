/**
 * Startup: launch to first full frame under a pseudo-terminal (bench/pty-frame.py, 100x30), for
 * the seed story, side by side in the same run with a minimal Ink app (bench/fixtures/hello.tsx)
 * bundled with the same esbuild options. Runs are interleaved so load changes hit all alike, in an
 * order that turns each round.
 *
 * - hello: the floor;  cold: empty user cache (the package's seed cache still applies);
 *   warm: user cache filled;  nocache: NEWSREADER_NO_CACHE=1 (every article parsed, wink loaded).
 * - 500: a 500-article folder (bench/corpus-folder.ts): the first start fills the cache, then warm.
 *
 * Needs a build (dist/cli.js) and python3. Exported for bench/run.mjs; `node bench/startup.mjs` alone works too.
 */
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundleOptions} from '../scripts/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pty = path.join(root, 'bench', 'pty-frame.py');

/** Milliseconds to `text` for `runs` launches of `argv` (one python call, several launches). */
function frames(text, runs, argv, env) {
	const out = execFileSync('python3', [pty, text, String(runs), '100', '30', '--', ...argv], {env: {...process.env, CI: 'false', TERM: 'xterm-256color', ...env}, encoding: 'utf8'});
	return out
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l))
		.map((r) => (r.ok ? r.ms : NaN));
}

/** Median, min, max and inter-quartile range of a list of numbers. */
export function stats(xs) {
	const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
	return {n: s.length, failed: xs.length - s.length, median: q(0.5), p25: q(0.25), p75: q(0.75), min: s[0], max: s[s.length - 1]};
}

/** Run the startup benches; returns the figures. `work`: a scratch folder. */
export async function startupBench({work, runs = 15, runs500 = 7, log = console.log}) {
	const helloDir = path.join(work, 'hello');
	await build({...bundleOptions(), entryPoints: {hello: path.join(root, 'bench/fixtures/hello.tsx')}, outdir: helloDir, entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]'});
	const hello = ['node', path.join(helloDir, 'hello.js')];
	const app = ['node', path.join(root, 'dist', 'cli.js')];
	const config = path.join(work, 'config');
	const warmCache = path.join(work, 'cache-warm');
	frames('5 articles', 1, app, {XDG_CONFIG_HOME: config, NEWSREADER_CACHE_DIR: warmCache}); // fill the warm cache, warm the disk
	frames('5 articles', 2, hello, {});
	const t = {hello: [], cold: [], warm: [], nocache: []};
	const kinds = {
		hello: () => frames('5 articles', 1, hello, {}),
		cold: () => frames('5 articles', 1, app, {XDG_CONFIG_HOME: config, NEWSREADER_CACHE_DIR: fs.mkdtempSync(path.join(work, 'cache-cold-'))}),
		warm: () => frames('5 articles', 1, app, {XDG_CONFIG_HOME: config, NEWSREADER_CACHE_DIR: warmCache}),
		nocache: () => frames('5 articles', 1, app, {XDG_CONFIG_HOME: config, NEWSREADER_NO_CACHE: '1'}),
	};
	const order = Object.keys(kinds);
	for (let r = 0; r < runs; r++) {
		// The order turns each round, so no kind always follows the same one (the heavy no-cache
		// start, say) and inherits its after-effects.
		for (let k = 0; k < order.length; k++) {
			const kind = order[(r + k) % order.length];
			t[kind].push(...kinds[kind]());
		}
	}
	const result = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, stats(v)]));
	log(`startup (seed story, ${runs} interleaved runs each)`);

	const corpus = path.join(work, 'corpus-500');
	execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/corpus-folder.ts'), corpus, '500'], {cwd: root, stdio: 'inherit'});
	const cache500 = path.join(work, 'cache-500');
	const env500 = {XDG_CONFIG_HOME: config, NEWSREADER_CACHE_DIR: cache500};
	result.cold500 = stats(frames('500 articles', 1, [...app, corpus], env500));
	result.warm500 = stats(frames('500 articles', runs500, [...app, corpus], env500));
	return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsreader-bench-'));
	try {
		console.log(JSON.stringify(await startupBench({work})));
	} finally {
		fs.rmSync(work, {recursive: true, force: true});
	}
}
