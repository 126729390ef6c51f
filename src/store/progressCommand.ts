/**
 * `newsreader progress path|export FILE|import FILE|reset [--yes]`.
 *
 * - `path` prints where progress is saved.
 * - `export FILE` writes everything as pretty JSON (the progress file's own format, so an
 *   export is also a valid progress file); `-` writes to standard output.
 * - `import FILE` validates FILE (an export, or a progress file of this or an older schema
 *   version) and MERGES it into the current progress with the same rules two windows use
 *   (later position wins, histories are united, …). Merging rather than replacing means an
 *   import can never lose anything; to replace, `reset` first, then `import`.
 * - `reset` asks first (unless `--yes`), keeps a backup copy next to the progress file and
 *   says where; declining changes nothing and exits 0.
 *
 * Exit codes: 0 done (or declined), 1 runtime error (unreadable or invalid FILE, failed
 * save), 2 bad usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import {openProgressStore, type OpenProgressStoreOptions, type ProgressStore} from './progressStore.js';

/** Where the command talks to, how it asks, and which store it opens (defaults: the user's). */
export interface ProgressCommandIo extends OpenProgressStoreOptions {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	/** Asks a yes/no question; resolves true for yes. */
	readonly confirm: (question: string) => Promise<boolean>;
}

/** Help text for `newsreader progress`. */
export const PROGRESS_USAGE = `Usage: newsreader progress <command>

Commands:
  path             Print where your progress is saved.
  export FILE      Write all progress to FILE as JSON ("-" for standard output).
  import FILE      Merge progress from FILE (made by export) into your progress.
  reset [--yes]    Forget all progress. Asks first unless --yes; keeps a backup copy.
`;

function usageError(io: ProgressCommandIo, message: string): number {
	io.stderr(`newsreader progress: ${message}\n\n${PROGRESS_USAGE}`);
	return 2;
}

function timestamp(): string {
	return new Date().toISOString().replace(/[:.]/g, '-');
}

function errorText(error: unknown): string {
	const e = error as NodeJS.ErrnoException;
	return e?.code ? `${e.code}: ${e.message}` : error instanceof Error ? error.message : String(error);
}

function plural(n: number, word: string, words = `${word}s`): string {
	return `${n} ${n === 1 ? word : words}`;
}

/** Opens the store, runs `action`, closes, and reports store warnings raised on the way. */
async function withStore(io: ProgressCommandIo, action: (store: ProgressStore) => Promise<number> | number): Promise<number> {
	const {stdout: _o, stderr: _e, confirm: _c, ...options} = io;
	const store = openProgressStore(options);
	let printed = 0;
	const printWarnings = (): void => {
		for (; printed < store.warnings.length; printed++) io.stderr(`newsreader: ${store.warnings[printed]}\n`);
	};
	printWarnings();
	const before = store.warnings.length;
	let code: number;
	try {
		code = await action(store);
		store.close();
	} catch (error) {
		store.close();
		io.stderr(`newsreader progress: ${errorText(error)}\n`);
		code = 1;
	}
	printWarnings();
	return code === 0 && store.warnings.length > before ? 1 : code;
}

function readJsonFile(file: string): {ok: true; value: unknown} | {ok: false; message: string} {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		return {ok: false, message: `cannot read ${file} (${errorText(error)})`};
	}
	try {
		return {ok: true, value: JSON.parse(text.replace(/^\uFEFF/, ''))};
	} catch (error) {
		return {ok: false, message: `${file} is not valid JSON (${errorText(error)})`};
	}
}

/**
 * Runs `newsreader progress …`. `argv` is what follows `progress` (e.g. `['export', 'a.json']`).
 * Resolves to the exit code: 0 ok, 1 runtime error, 2 bad usage.
 */
export async function runProgressCommand(argv: readonly string[], io: ProgressCommandIo): Promise<number> {
	const [command, ...rest] = argv;
	if (command === undefined) return usageError(io, 'missing command');
	if (command === '--help' || command === '-h' || command === 'help') {
		io.stdout(PROGRESS_USAGE);
		return 0;
	}
	const flags = rest.filter((a) => a.startsWith('-') && a !== '-');
	const args = rest.filter((a) => !a.startsWith('-') || a === '-');

	switch (command) {
		case 'path': {
			if (rest.length > 0) return usageError(io, `unexpected argument: ${rest[0]}`);
			return withStore(io, (store) => {
				io.stdout(`${store.path}\n`);
				return 0;
			});
		}
		case 'export': {
			if (flags.length > 0) return usageError(io, `unknown option: ${flags[0]}`);
			if (args.length !== 1) return usageError(io, args.length === 0 ? 'export needs a FILE' : `unexpected argument: ${args[1]}`);
			const file = args[0] as string;
			return withStore(io, (store) => {
				const data = store.exportData();
				const json = `${JSON.stringify(data, undefined, 2)}\n`;
				const stories = Object.keys(data.stories).length;
				if (file === '-') {
					io.stdout(json);
					return 0;
				}
				try {
					fs.writeFileSync(file, json);
				} catch (error) {
					io.stderr(`newsreader progress: cannot write ${file} (${errorText(error)})\n`);
					return 2; // a path the user gave: bad input
				}
				io.stdout(`Exported progress on ${plural(stories, 'story', 'stories')} to ${file}.\n`);
				return 0;
			});
		}
		case 'import': {
			if (flags.length > 0) return usageError(io, `unknown option: ${flags[0]}`);
			if (args.length !== 1) return usageError(io, args.length === 0 ? 'import needs a FILE' : `unexpected argument: ${args[1]}`);
			const file = args[0] as string;
			const read = readJsonFile(file);
			if (!read.ok) {
				io.stderr(`newsreader progress: ${read.message}\n`);
				return 2; // missing or unreadable or not JSON: bad input
			}
			return withStore(io, (store) => {
				const result = store.importData(read.value);
				if (!result.ok) {
					io.stderr(`newsreader progress: ${file} is not a newsreader progress file: ${result.message}\n`);
					return 2;
				}
				io.stdout(
					`Merged ${plural(result.stories, 'story', 'stories')} (${plural(result.articles, 'article')}, ` +
						`${plural(result.answers, 'answer')}, ${plural(result.cards, 'card')}) from ${file} into ${store.path}.\n`,
				);
				return 0;
			});
		}
		case 'reset': {
			const unknown = flags.find((f) => f !== '--yes' && f !== '-y');
			if (unknown !== undefined) return usageError(io, `unknown option: ${unknown}`);
			if (args.length > 0) return usageError(io, `unexpected argument: ${args[0]}`);
			const yes = flags.length > 0;
			return withStore(io, async (store) => {
				if (!yes) {
					const ok = await io.confirm(`Forget all reading progress, quiz history and settings in ${store.path}? A backup copy is kept.`);
					if (!ok) {
						io.stdout(process.stdin.isTTY ? 'Nothing was changed.\n' : 'Nothing was changed (no terminal to ask: add --yes to reset anyway).\n');
						return 0;
					}
				}
				const dir = path.dirname(store.path);
				const base = path.basename(store.path, path.extname(store.path));
				const backup = path.join(dir, `${base}.before-reset-${timestamp()}.json`);
				try {
					fs.writeFileSync(backup, `${JSON.stringify(store.exportData(), undefined, 2)}\n`, {flag: 'wx'});
				} catch (error) {
					io.stderr(`newsreader progress: could not write a backup to ${backup} (${errorText(error)}); nothing was reset.\n`);
					return 1;
				}
				store.reset();
				io.stdout(`Progress reset. The old progress is in ${backup}\n(to bring it back: newsreader progress import ${JSON.stringify(backup)}).\n`);
				return 0;
			});
		}
		default:
			return usageError(io, `unknown command: ${command}`);
	}
}
