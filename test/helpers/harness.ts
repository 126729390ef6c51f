/** Per-test set-up for component tests: a fresh progress store in a temp folder, and cleanup. */
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach} from 'vitest';
import {openProgressStore, type ProgressStore} from '../../src/store/index.js';
import type {Rendered} from './ink.js';

export interface Harness {
	/** The temp folder of this test's progress store. */
	dir: string;
	store: ProgressStore;
	/** The app under test; unmounted after each test. */
	app: Rendered | undefined;
}

/** Register beforeEach/afterEach hooks that give each test a fresh store and clean up its app. */
export function useHarness(): Harness {
	const h = {dir: '', store: undefined as unknown as ProgressStore, app: undefined} as Harness;
	beforeEach(() => {
		h.dir = mkdtempSync(path.join(os.tmpdir(), 'nr-test-'));
		h.store = openProgressStore({cwd: h.dir, debounceMs: 0});
	});
	afterEach(() => {
		h.app?.unmount();
		h.app?.cleanup();
		h.app = undefined;
		h.store.close();
		rmSync(h.dir, {recursive: true, force: true});
	});
	return h;
}
