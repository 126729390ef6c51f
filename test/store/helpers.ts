/** Shared helpers for the store tests. */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll} from 'vitest';

const writer = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url));

const made: string[] = [];
afterAll(() => {
	for (const dir of made.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

/** Makes a fresh temporary config directory (removed after the test file). */
export function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsreader-store-'));
	made.push(dir);
	return dir;
}

/** Lists the files in a directory, sorted. */
export function files(dir: string): string[] {
	return fs.readdirSync(dir).sort();
}

/** A running writer child process. */
export interface Child {
	readonly pid: number;
	/** Resolves with what it printed once it exits. */
	readonly done: Promise<{code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string}>;
	/** Resolves once its stdout contains `text`. */
	waitFor(text: string): Promise<void>;
	kill(signal: NodeJS.Signals): void;
}

/** Starts test/store/fixtures/writer.ts in a new Node process (through tsx). */
export function startWriter(args: string[]): Child {
	const child = spawn(process.execPath, ['--import', 'tsx', writer, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	const waiters: {text: string; resolve: () => void}[] = [];
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
		for (const w of waiters.splice(0)) {
			if (stdout.includes(w.text)) w.resolve();
			else waiters.push(w);
		}
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string}>((resolve) => {
		child.on('exit', (code, signal) => resolve({code, signal, stdout, stderr}));
	});
	return {
		pid: child.pid ?? -1,
		done,
		waitFor: (text) =>
			new Promise<void>((resolve, reject) => {
				if (stdout.includes(text)) return resolve();
				waiters.push({text, resolve});
				void done.then((r) => reject(new Error(`writer exited (${r.code ?? r.signal}) before printing ${text}: ${r.stderr}`)));
			}),
		kill: (signal) => {
			child.kill(signal);
		},
	};
}
