import {chmodSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {cleanTemp, tempDir, writeFiles} from './helpers.js';
import '../helpers/nlp.js';

// Root can read anything, so "permission denied" is simulated by making readFileSync fail with
// EACCES for files named unreadable*; everything else reads normally.
vi.mock('node:fs', async (importOriginal) => {
	const fs = await importOriginal<typeof import('node:fs')>();
	const readFileSync = ((file: unknown, ...rest: unknown[]) => {
		if (typeof file === 'string' && path.basename(file).startsWith('unreadable'))
			throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), {code: 'EACCES'});
		return (fs.readFileSync as (...a: unknown[]) => unknown)(file, ...rest);
	}) as typeof fs.readFileSync;
	return {...fs, default: {...fs, readFileSync}, readFileSync};
});

const {InputError, loadStory} = await import('../../src/content/load.js');

afterAll(cleanTemp);

describe('an unreadable file', () => {
	it('named directly: one clear line', () => {
		const dir = tempDir();
		writeFiles(dir, {'unreadable.txt': 'Some article text.\n'});
		const file = path.join(dir, 'unreadable.txt');
		expect(() => loadStory([file])).toThrow(new InputError(`permission denied: ${file}`));
	});

	it('in a folder: skipped with a notice', () => {
		const dir = tempDir();
		writeFiles(dir, {'unreadable.txt': 'Some article text.\n', 'ok.txt': 'Harbour wall approved\n\nThe council voted on Tuesday to build the wall.\n'});
		const {story, notices} = loadStory([dir]);
		expect(story.articles.map((a) => a.meta.id)).toEqual(['ok']);
		expect(notices).toEqual([`permission denied: ${path.join(dir, 'unreadable.txt')}; skipped it`]);
	});

	it.skipIf(process.getuid?.() === 0)('really unreadable (chmod 000), when not running as root', () => {
		const dir = tempDir();
		writeFiles(dir, {'locked.txt': 'Some article text.\n'});
		const file = path.join(dir, 'locked.txt');
		chmodSync(file, 0o000);
		try {
			expect(() => loadStory([file])).toThrow(new InputError(`permission denied: ${file}`));
		} finally {
			chmodSync(file, 0o644);
		}
	});
});
