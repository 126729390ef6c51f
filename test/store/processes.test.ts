import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openProgressStore} from '../../src/store/index.js';
import {parseStoreText} from '../../src/store/schema.js';
import {files, startWriter, tempDir} from './helpers.js';

describe('several processes', () => {
	it('two processes writing at once lose nothing', async () => {
		const dir = tempDir();
		const n = 300;
		const startAt = String(Date.now() + 2500); // both children start writing at the same moment
		const a = startWriter(['burst', dir, 'alpha', String(n), startAt]);
		const b = startWriter(['burst', dir, 'beta', String(n), startAt]);
		const [ra, rb] = await Promise.all([a.done, b.done]);
		expect(ra.code, ra.stderr).toBe(0);
		expect(rb.code, rb.stderr).toBe(0);
		expect(ra.stdout.trim()).toBe('[]');
		expect(rb.stdout.trim()).toBe('[]');
		const store = openProgressStore({cwd: dir});
		expect(store.warnings).toEqual([]);
		for (const prefix of ['alpha', 'beta']) {
			for (let i = 0; i < n; i++) {
				expect(store.getArticle('shared-story', `${prefix}-article-${i}`), `${prefix} ${i}`).toMatchObject({
					passageId: `h${i}`,
					passageIndex: i,
					offset: i,
					read: i % 3 === 0,
				});
				expect(store.getCard(`${prefix}-story`, `card-${i}`)).toEqual({due: i, state: 1});
			}
		}
		const ids = new Set(store.history('shared-story').map((h) => h.id));
		expect(ids.size).toBe(2 * n);
		expect(files(dir)).toEqual(['progress.json']);
	}, 60_000);

	it('a process killed with SIGKILL in a burst of writes leaves a readable store', async () => {
		for (let round = 0; round < 3; round++) {
			const dir = tempDir();
			const child = startWriter(['forever', dir]);
			await child.waitFor('writing');
			await new Promise((r) => setTimeout(r, 50 + round * 70));
			child.kill('SIGKILL');
			const result = await child.done;
			expect(result.signal).toBe('SIGKILL');
			const parsed = parseStoreText(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8'));
			expect(parsed.ok).toBe(true);
			const store = openProgressStore({cwd: dir});
			expect(store.warnings).toEqual([]);
			expect(store.history('story-0').length).toBe(60);
			expect(Object.keys(store.cards('story-0')).length).toBeGreaterThanOrEqual(200);
			// A lock left by the killed process does not stop the next save.
			store.setPosition('after', 'kill', {passageId: 'p', passageIndex: 1});
			const start = Date.now();
			store.flush();
			expect(Date.now() - start).toBeLessThan(1500);
			expect(openProgressStore({cwd: dir}).getArticle('after', 'kill')?.passageIndex).toBe(1);
			// Nothing else but (at most) a half-written temporary file of the killed writer.
			for (const name of files(dir)) expect(name).toMatch(/^progress\.json(\.tmp-\d{10}[0-9a-f]{6})?$/);
		}
	}, 60_000);
});

describe('installExitFlush', () => {
	const expectSaved = (dir: string): void => {
		const store = openProgressStore({cwd: dir});
		expect(store.getArticle('story', 'article')).toMatchObject({passageId: 'passage-hash', passageIndex: 7, offset: 42});
		expect(store.getSettings()).toEqual({theme: 'light'});
	};

	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
		it(`saves on ${signal} and still dies of it`, async () => {
			const dir = tempDir();
			const child = startWriter(['signal', dir]);
			await child.waitFor('ready');
			child.kill(signal);
			const result = await child.done;
			expect(result.signal, result.stderr).toBe(signal);
			expectSaved(dir);
		}, 20_000);
	}

	it('cooperates with a signal-exit style handler registered before it', async () => {
		const dir = tempDir();
		const child = startWriter(['signal', dir, 'cooperative']);
		await child.waitFor('ready');
		child.kill('SIGTERM');
		const result = await child.done;
		expect(result.signal, result.stderr).toBe('SIGTERM');
		expectSaved(dir);
	}, 20_000);

	it('saves when the event loop runs out, without keeping the process alive', async () => {
		const dir = tempDir();
		const start = Date.now();
		const result = await startWriter(['natural', dir]).done;
		expect(result.code, result.stderr).toBe(0);
		expect(Date.now() - start).toBeLessThan(15_000); // the 60 s debounce did not hold it open
		expectSaved(dir);
	}, 20_000);

	it('saves on process.exit() and keeps the exit code', async () => {
		const dir = tempDir();
		const result = await startWriter(['exit', dir]).done;
		expect(result.code, result.stderr).toBe(3);
		expectSaved(dir);
	}, 20_000);
});

describe('lock left empty by a killed process', () => {
	it('a lock file with no pid in it (owner killed before writing it) does not hold up a save', () => {
		const dir = tempDir();
		const store = openProgressStore({cwd: dir});
		const lock = `${store.path}.lock`;
		fs.writeFileSync(lock, '');
		const old = new Date(Date.now() - 1000);
		fs.utimesSync(lock, old, old);
		store.setPosition('s', 'a', {passageId: 'p', passageIndex: 2});
		const start = Date.now();
		store.flush();
		expect(Date.now() - start).toBeLessThan(1000);
		expect(openProgressStore({cwd: dir}).getArticle('s', 'a')?.passageIndex).toBe(2);
	});
});
