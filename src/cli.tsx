/**
 * newsreader's command line: argument parsing, TTY checks, the full-screen reader and the
 * scriptable `--json` commands.
 *
 * Exit codes: 0 ok, 1 runtime error, 2 bad usage or input.
 */
import {appendFileSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {InputError, loadPathsAsync, loadSeedStoryAsync, loadStoryAsync, packageRoot, type LoadOptions} from './content/load.js';
import {loadingLine} from './loadingLine.js';
import type {Story} from './core/types.js';
import {displayText} from './ui/layout.js';
import {openInBrowser} from './browser.js';

const USAGE = `Usage:
  newsreader [PATH...]                 read a story: the embedded seed story, or your
                                       articles (files or folders of .txt, .md, .html)
  newsreader quotes [PATH...] --json   every quote with speaker, cue and addressee
  newsreader align  [PATH...] --json   parallel passages across outlets, and facts
  newsreader quiz   [PATH...] --json [--seed N]
                                       who-said-what questions with their evidence
  newsreader review [PATH...]          a review round of the questions due
  newsreader add URL... [--story NAME]  save web articles as one story you can open
  newsreader progress path|export FILE|import FILE|reset [--yes]
                                       where your progress lives; back it up or reset it

Several folders (or a folder of story folders) open as a library of stories.

Options:
  --json        print machine-readable JSON (quotes, align, quiz)
  -h, --help    show this help
  -v, --version show the version

In the reader press ? for keys. Exit codes: 0 ok, 1 runtime error, 2 bad usage or input.`;

const SUBCOMMANDS = new Set(['quotes', 'align', 'quiz']);

/** Write to stdout and wait for it to drain (pipes may be slow or closed). */
function out(s: string): void {
	process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

function fail(message: string, code: number): never {
	// Sanitised line by line: the usage text that may follow keeps its layout.
	process.stderr.write(`newsreader: ${message.split('\n').map(displayText).join('\n')}\n`);
	process.exit(code);
}

function version(): string {
	try {
		return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {version: string}).version;
	} catch {
		return 'unknown';
	}
}

/** Run a load with a progress line on stderr (shown only if it takes a while; always cleared). */
async function withLoadingLine<T>(load: (options: LoadOptions) => Promise<T>): Promise<T> {
	const line = loadingLine(process.stderr);
	try {
		return await load({onProgress: line.onProgress});
	} finally {
		line.done();
	}
}

/** Load the story (or library) the user named, or the seed story. */
async function storiesFor(paths: readonly string[]): Promise<Story[]> {
	if (paths.length === 0) return [await withLoadingLine((o) => loadSeedStoryAsync(o))];
	const report = await withLoadingLine((o) => loadPathsAsync(paths, o));
	for (const n of report.notices) process.stderr.write(`newsreader: ${displayText(n)}\n`);
	return [...report.stories];
}

async function runReader(stories: readonly Story[], options: {review?: boolean} = {}): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		const {plainOverview} = await import('./commands.js');
		for (const story of stories) out(plainOverview(story));
		out('(newsreader needs an interactive terminal to read; for scripts use: newsreader quotes|align|quiz --json)');
		return 0;
	}
	const {render, App, Library, ErrorBoundary, openProgressStore, installExitFlush, preloadWriter} = await import('./ui/run.js');
	const store = openProgressStore();
	for (const w of store.warnings) process.stderr.write(`newsreader: ${w}\n`);
	installExitFlush(store);
	// Full screen on the alternate buffer; always restored, whatever ends the process.
	const leave = () => process.stdout.write('\u001B[?1049l\u001B[?25h');
	process.stdout.write('\u001B[?1049h\u001B[H');
	process.once('exit', leave);
	// Errors thrown in a key handler or timer end here too: friendly line, terminal restored.
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	let failure: unknown;
	const app = render(
		<ErrorBoundary
			onError={(e) => {
				failure = e;
				app.unmount();
			}}
		>
			{stories.length === 1 ? <App story={stories[0]!} progress={store} startReview={options.review === true} openUrl={openInBrowser} /> : <Library stories={stories} progress={store} openUrl={openInBrowser} />}
		</ErrorBoundary>,
		{exitOnCtrlC: true, patchConsole: false},
	);
	// conf (the progress file's writer) costs ~100 ms to load: not before the first frame, and not
	// while the analysis loads right after it. Saves before then use the store's own atomic write.
	setTimeout(() => void preloadWriter(), 1500).unref();
	await app.waitUntilExit();
	if (failure !== undefined) crash(failure);
	store.close();
	leave();
	process.removeListener('exit', leave);
	return 0;
}

async function main(argv: string[]): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				json: {type: 'boolean'},
				seed: {type: 'string'},
				story: {type: 'string'},
				yes: {type: 'boolean'},
				help: {type: 'boolean', short: 'h'},
				version: {type: 'boolean', short: 'v'},
			},
		});
	} catch (e) {
		fail(`${(e as Error).message}\n${USAGE}`, 2);
	}
	const {values, positionals} = parsed;
	if (values.help) {
		out(USAGE);
		return 0;
	}
	if (values.version) {
		out(version());
		return 0;
	}
	const [first, ...rest] = positionals;
	if (first === 'progress') {
		const {runProgressCommand} = await import('./store/index.js');
		return runProgressCommand([...rest, ...(values.yes ? ['--yes'] : [])], {
			stdout: (s) => out(s),
			stderr: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
			confirm: confirmOnTty,
		});
	}
	if (first === 'add') {
		if (rest.length === 0) fail(`add needs at least one URL\n${USAGE}`, 2);
		const {addUrls, storiesDir} = await import('./content/add.js');
		const {saved, errors} = await addUrls(rest, values.story !== undefined ? {story: values.story} : {});
		for (const e of errors) process.stderr.write(`newsreader: ${displayText(e)}\n`);
		for (const f of saved) out(`saved ${f}`);
		if (saved.length > 0) out(`open it with: newsreader ${path.dirname(saved[0]!)}   (all saved stories: newsreader ${storiesDir()})`);
		return saved.length > 0 ? 0 : 2;
	}
	if (first !== undefined && SUBCOMMANDS.has(first)) {
		// The analysis commands read all their paths as one story (every folder's articles together).
		// One progress line on stderr for the load and the analysis (shown if they take a while).
		const line = loadingLine(process.stderr);
		try {
			let story: Story;
			if (rest.length === 0) story = await loadSeedStoryAsync({onProgress: line.onProgress});
			else {
				const report = await loadStoryAsync(rest, {onProgress: line.onProgress});
				line.done();
				for (const n of report.notices) process.stderr.write(`newsreader: ${displayText(n)}\n`);
				story = report.story;
			}
			const {runAnalysisCommand} = await import('./commands.js');
			return runAnalysisCommand(first as 'quotes' | 'align' | 'quiz', story, {json: values.json === true, ...(values.seed !== undefined && {seed: values.seed}), progress: line}, out);
		} finally {
			line.done();
		}
	}
	if (first === 'review') return runReader(await storiesFor(rest), {review: true});
	return runReader(await storiesFor(positionals));
}

/** Ask a yes/no question on the terminal; no terminal means no. */
async function confirmOnTty(question: string): Promise<boolean> {
	if (!process.stdin.isTTY) return false;
	const {createInterface} = await import('node:readline/promises');
	const rl = createInterface({input: process.stdin, output: process.stderr});
	try {
		return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
	} finally {
		rl.close();
	}
}

/** The terminal went away (window closed, connection dropped): writing to it fails with EIO or EPIPE. */
function terminalGone(e: unknown): boolean {
	const code = (e as NodeJS.ErrnoException | undefined)?.code;
	return code === 'EIO' || code === 'EPIPE';
}

/** Unexpected failure: one friendly line, details in a log file, terminal restored. */
function crash(e: unknown): never {
	// Nobody is left to read a message; progress is saved on exit all the same.
	if (terminalGone(e)) process.exit(1);
	process.stdout.write('\u001B[?1049l\u001B[?25h');
	const log = path.join(os.tmpdir(), `newsreader-error-${process.pid}.log`);
	try {
		appendFileSync(log, `${new Date().toISOString()}\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
	} catch {
		/* nowhere to log: the line below still says what happened */
	}
	process.stderr.write(`newsreader: unexpected error: ${e instanceof Error ? e.message : String(e)} (details in ${log})\n`);
	process.exit(1);
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		if (e instanceof InputError) fail(e.message, 2);
		crash(e);
	},
);
