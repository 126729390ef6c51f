/**
 * `npm run bench`: builds the app, then runs every bench and prints the figures with the machine.
 * Takes a few minutes; not part of `npm test`.
 *
 * - startup (bench/startup.mjs): first full frame under a pty, seed story and 500 articles,
 *   next to an Ink hello-world bundled the same way;
 * - keys (bench/keys.tsx): key to finished frame in the real App;
 * - analysis (bench/analysis.ts): 5, 50 and 500 articles, each size in its own process (peak RSS);
 *   then 500 articles of bench/corpus-folder.ts --unique (almost no sentence repeated);
 * - search (bench/search.ts): every prefix of a list of queries over 500 articles.
 * The TypeScript benches are bundled with the app's esbuild options (production React) into a
 * scratch folder at the repository root, removed afterwards.
 *
 *   npm run bench            # everything, as a table;  --json for the raw figures
 */
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundleOptions} from '../scripts/build.mjs';
import {startupBench} from './startup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const json = process.argv.includes('--json');
const log = (s) => process.stderr.write(`${s}\n`);

const machine = {
	cpus: os.cpus().length,
	cpu: os.cpus()[0]?.model.trim(),
	node: process.version,
	platform: `${os.platform()} ${os.release()}`,
	loadavg: os.loadavg().map((x) => x.toFixed(2)).join(' '),
};
log(`machine: ${machine.cpus} × ${machine.cpu}, node ${machine.node}, ${machine.platform}, load average ${machine.loadavg}`);
log('building dist/ …');
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {stdio: 'inherit'});

// One folder at the root so the bundles find package.json, seeds/ and content/ one level up.
const buildDir = fs.mkdtempSync(path.join(root, '.bench-'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsreader-bench-'));
const run = (name, args = [], env = {}) =>
	JSON.parse(execFileSync(process.execPath, [path.join(buildDir, `${name}.js`), ...args], {encoding: 'utf8', env: {...process.env, NODE_ENV: 'production', ...env}}).trim().split('\n').pop());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
try {
	await build({
		...bundleOptions(),
		splitting: false,
		entryPoints: ['keys.tsx', 'analysis.ts', 'search.ts'].map((f) => path.join(root, 'bench', f)),
		outdir: buildDir,
		entryNames: '[name]',
	});
	const results = {machine};
	log('startup …');
	results.startup = await startupBench({work, runs: 21, log});
	log('keys …');
	// In colour, as in a terminal (a pipe would give plain frames): every styled line is tokenized.
	results.keys = run('keys', [], {FORCE_COLOR: '3'});
	log('analysis …');
	results.analysis = {};
	for (const [n, reps] of [[5, 3], [50, 3], [500, 3]]) {
		const runs = Array.from({length: reps}, () => run('analysis', [String(n)]));
		const pick = (k) => median(runs.map((r) => r[k]));
		results.analysis[n] = {...runs[0], ...Object.fromEntries(['nlpMs', 'parseMs', 'quotesMs', 'alignMs', 'indexMs', 'quizMs', 'analysisMs', 'totalMs', 'peakRssMiB'].map((k) => [k, pick(k)])), runs: reps};
	}
	// The same 500 articles with about one word in six swapped (bench/corpus-folder.ts --unique):
	// almost no sentence recurs, so the memos made for wire copy cannot help.
	const uniqueDir = path.join(work, 'unique-500');
	execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/corpus-folder.ts'), uniqueDir, '500', '--unique'], {cwd: root, stdio: 'inherit'});
	{
		const runs = Array.from({length: 3}, () => run('analysis', ['500', uniqueDir]));
		const pick = (k) => median(runs.map((r) => r[k]));
		results.analysisUnique = {...runs[0], ...Object.fromEntries(['nlpMs', 'parseMs', 'quotesMs', 'alignMs', 'indexMs', 'quizMs', 'analysisMs', 'totalMs', 'peakRssMiB'].map((k) => [k, pick(k)])), runs: 3};
	}
	log('search …');
	results.search = run('search', ['500']);
	if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
	else process.stdout.write(table(results));
} finally {
	fs.rmSync(buildDir, {recursive: true, force: true});
	fs.rmSync(work, {recursive: true, force: true});
}

function table(r) {
	const f = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');
	const s = r.startup;
	const spread = (x) => `${f(x.median)} ms (IQR ${f(x.p25)}–${f(x.p75)}, ${f(x.min)}–${f(x.max)})`;
	const ok = (b) => (b ? 'met' : 'missed');
	const a = r.analysis;
	const lines = [
		`machine: ${r.machine.cpus} × ${r.machine.cpu}; node ${r.machine.node}; ${r.machine.platform}; load average ${r.machine.loadavg}`,
		'',
		'| measure | result | target | |',
		'|---|---|---|---|',
		`| startup, Ink hello-world (floor) | ${spread(s.hello)} | | |`,
		`| startup, seed story, empty cache | ${spread(s.cold)} | < 300 ms | ${ok(s.cold.median < 300)} |`,
		`| startup, seed story, warm cache | ${spread(s.warm)} | < 300 ms | ${ok(s.warm.median < 300)} |`,
		`| startup ratio warm / hello-world | ${(s.warm.median / s.hello.median).toFixed(2)}× (empty cache ${(s.cold.median / s.hello.median).toFixed(2)}×) | ≤ 1.3× | ${ok(s.warm.median / s.hello.median <= 1.3)} |`,
		`| startup, seed story, no cache at all (wink loaded) | ${spread(s.nocache)} | | |`,
		`| startup, 500 articles, first run (parse + fill cache) | ${f(s.cold500.median)} ms | | |`,
		`| startup, 500 articles, warm cache | ${spread(s.warm500)} | < 500 ms | ${ok(s.warm500.median < 500)} |`,
	];
	const k = r.keys;
	for (const [key, label, target] of [
		['j', 'j (next passage), 10,000-word article', 16],
		['space', 'Space (page down), 10,000-word article', 16],
		['outlet', 'l / h (switch outlet)', 50],
		['jump', '] (jump to parallel)', 50],
		['compare', 'c (open compare)', 50],
	]) {
		const x = k[key];
		lines.push(`| key ${label} | p50 ${f(x.p50)} ms, p95 ${f(x.p95)} ms, max ${f(x.max)} ms (n=${x.n}) | p95 < ${target} ms | ${ok(x.p95 < target)} |`);
	}
	for (const n of [5, 50, 500]) {
		const x = a[n];
		lines.push(
			`| analysis, ${n} articles (${x.sentences} sentences) | ${f(x.totalMs)} ms total: model ${f(x.nlpMs)}, parse ${f(x.parseMs)}, quotes ${f(x.quotesMs)}, align ${f(x.alignMs)} (${x.links} links), index ${f(x.indexMs)}, quiz ${f(x.quizMs)}; peak RSS ${f(x.peakRssMiB)} MiB | ${n === 500 ? '< 2 s, < 300 MiB' : ''} | ${n === 500 ? ok(x.totalMs < 2000 && x.peakRssMiB < 300) : ''} |`,
		);
	}
	const u = r.analysisUnique;
	lines.push(
		`| analysis, 500 articles, almost no sentence repeated (${u.sentences} sentences) | ${f(u.totalMs)} ms total: model ${f(u.nlpMs)}, parse ${f(u.parseMs)}, quotes ${f(u.quotesMs)}, align ${f(u.alignMs)} (${u.links} links), index ${f(u.indexMs)}, quiz ${f(u.quizMs)}; peak RSS ${f(u.peakRssMiB)} MiB | < 2 s, < 300 MiB | ${ok(u.totalMs < 2000 && u.peakRssMiB < 300)} |`,
	);
	lines.push(`| analysis growth, 500 vs 50 articles | ${(a[500].totalMs / a[50].totalMs).toFixed(1)}× total, ${(a[500].analysisMs / a[50].analysisMs).toFixed(1)}× without model and parse | ≤ 12× | ${ok(a[500].totalMs / a[50].totalMs <= 12)} |`);
	const q = r.search;
	lines.push(`| search keystroke, 500 articles (${q.items} items, ${q.keystrokes} keystrokes) | p50 ${f(q.p50)} ms, p95 ${f(q.p95)} ms, max ${f(q.max)} ms; index built in ${f(q.buildMs)} ms | < 30 ms | ${ok(q.p95 < 30)} |`);
	return `${lines.join('\n')}\n`;
}
