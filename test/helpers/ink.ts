/** Test helpers for Ink components: real key sequences, awaited one at a time. */
import {render} from 'ink-testing-library';

export const KEY = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	ctrlC: '\u0003',
	backspace: '\u007f',
} as const;

export type Rendered = ReturnType<typeof render>;

const tick = () => new Promise<void>((r) => setImmediate(r));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Wait until the frame changes (or `timeoutMs` passes), then one more tick for effects to arm. */
export async function settle(app: Rendered, before: string | undefined, timeoutMs = 150): Promise<void> {
	const t0 = Date.now();
	while (app.lastFrame() === before && Date.now() - t0 < timeoutMs) await sleep(5);
	await tick();
	await tick();
}

/** Send keys one by one, awaiting a frame after each (a lone Esc needs Ink's flush delay). */
export async function press(app: Rendered, ...keys: string[]): Promise<void> {
	for (const k of keys) {
		const before = app.lastFrame();
		app.stdin.write(k);
		await settle(app, before);
	}
}

/** Wait for the first frame. */
export async function ready(app: Rendered): Promise<void> {
	await settle(app, undefined, 500);
	await sleep(20);
}

/** Lines of the last frame. */
export function lines(app: Rendered): string[] {
	return (app.lastFrame() ?? '').split('\n');
}

/** Give the test stdout a terminal size that can change, for resize tests (emit 'resize' after). */
export function resizable(app: Rendered, columns: number, rows: number): {columns: number; rows: number; emit: (e: string) => void} {
	const out = app.stdout as unknown as {columns: number; rows: number; emit: (e: string) => void};
	Object.defineProperty(out, 'columns', {value: columns, writable: true, configurable: true});
	Object.defineProperty(out, 'rows', {value: rows, writable: true, configurable: true});
	return out;
}
