import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openProgressStore, runProgressCommand} from '../../src/store/index.js';
import {files, tempDir} from './helpers.js';

function io(cwd: string, answer = false) {
	const out: string[] = [];
	const err: string[] = [];
	const questions: string[] = [];
	return {
		out,
		err,
		questions,
		io: {
			cwd,
			stdout: (s: string) => out.push(s),
			stderr: (s: string) => err.push(s),
			confirm: async (q: string) => {
				questions.push(q);
				return answer;
			},
		},
	};
}

function seed(cwd: string): void {
	const store = openProgressStore({cwd});
	store.setPosition('story', 'article', {passageId: 'p3', passageIndex: 3, offset: 9});
	store.recordAnswer('story', {id: 'a1', questionId: 'q1', type: 'speaker', correct: true, at: 5});
	store.setCard('story', 'card', {due: 1, state: 2});
	store.setSettings({theme: 'dark'});
	store.close();
}

describe('newsreader progress', () => {
	it('path prints the file location', async () => {
		const dir = tempDir();
		const t = io(dir);
		expect(await runProgressCommand(['path'], t.io)).toBe(0);
		expect(t.out.join('')).toBe(`${path.join(dir, 'progress.json')}\n`);
		expect(t.err).toEqual([]);
	});

	it('--help prints usage; bad usage exits 2 with usage on stderr', async () => {
		const dir = tempDir();
		const help = io(dir);
		expect(await runProgressCommand(['--help'], help.io)).toBe(0);
		expect(help.out.join('')).toMatch(/Usage: newsreader progress/);
		for (const argv of [[], ['frobnicate'], ['export'], ['import'], ['export', 'a', 'b'], ['path', 'x'], ['reset', '--force'], ['reset', 'now'], ['export', '--pretty', 'f']]) {
			const t = io(dir);
			expect(await runProgressCommand(argv, t.io), argv.join(' ')).toBe(2);
			expect(t.err.join('')).toMatch(/Usage: newsreader progress/);
			expect(t.out).toEqual([]);
		}
		expect(files(dir)).toEqual([]); // bad usage touches nothing
	});

	it('export writes pretty JSON that is a valid progress file', async () => {
		const dir = tempDir();
		seed(dir);
		const out = path.join(tempDir(), 'export.json');
		const t = io(dir);
		expect(await runProgressCommand(['export', out], t.io)).toBe(0);
		expect(t.out.join('')).toMatch(/Exported progress on 1 story to /);
		const text = fs.readFileSync(out, 'utf8');
		expect(text).toMatch(/^\{\n {2}"schemaVersion": 2,/);
		const data = JSON.parse(text);
		expect(data.stories.story.articles.article.passageIndex).toBe(3);
	});

	it('export - writes to stdout', async () => {
		const dir = tempDir();
		seed(dir);
		const t = io(dir);
		expect(await runProgressCommand(['export', '-'], t.io)).toBe(0);
		expect(JSON.parse(t.out.join('')).stories.story.history).toHaveLength(1);
	});

	it('export to an unwritable place is a runtime error', async () => {
		const dir = tempDir();
		const t = io(dir);
		expect(await runProgressCommand(['export', path.join(dir, 'no', 'such', 'dir', 'x.json')], t.io)).toBe(2); // a path the user gave: bad input
		expect(t.err.join('')).toMatch(/cannot write/);
	});

	it('import merges an export into existing progress (nothing is replaced or lost)', async () => {
		const from = tempDir();
		seed(from);
		const file = path.join(tempDir(), 'export.json');
		await runProgressCommand(['export', file], io(from).io);

		const to = tempDir();
		const mine = openProgressStore({cwd: to});
		mine.setPosition('other-story', 'x', {passageId: 'p1', passageIndex: 1});
		mine.recordAnswer('story', {id: 'a2', questionId: 'q2', type: 'outlet', correct: false, at: 6});
		mine.close();

		const t = io(to);
		expect(await runProgressCommand(['import', file], t.io)).toBe(0);
		expect(t.out.join('')).toMatch(/Merged 1 story \(1 article, 1 answer, 1 card\)/);
		const after = openProgressStore({cwd: to});
		expect(after.getArticle('story', 'article')?.passageIndex).toBe(3);
		expect(after.getArticle('other-story', 'x')?.passageIndex).toBe(1);
		expect(after.history('story').map((h) => h.id)).toEqual(['a1', 'a2']);
		expect(after.getCard('story', 'card')).toEqual({due: 1, state: 2});
		expect(after.getSettings()).toEqual({theme: 'dark'});

		// importing the same file again changes nothing
		expect(await runProgressCommand(['import', file], io(to).io)).toBe(0);
		expect(openProgressStore({cwd: to}).history('story')).toHaveLength(2);
	});

	it('import accepts an older (v1) file', async () => {
		const file = path.join(tempDir(), 'old.json');
		fs.writeFileSync(file, JSON.stringify({schemaVersion: 1, positions: {'s:a': {passageIndex: 2, updatedAt: 1}}}));
		const to = tempDir();
		expect(await runProgressCommand(['import', file], io(to).io)).toBe(0);
		expect(openProgressStore({cwd: to}).getArticle('s', 'a')?.passageIndex).toBe(2);
	});

	it('import rejects a missing, unparseable or invalid file with exit 1 and changes nothing', async () => {
		const to = tempDir();
		seed(to);
		const before = fs.readFileSync(path.join(to, 'progress.json'), 'utf8');
		const scratch = tempDir();
		const garbage = path.join(scratch, 'garbage.json');
		fs.writeFileSync(garbage, 'nope');
		const wrong = path.join(scratch, 'wrong.json');
		fs.writeFileSync(wrong, JSON.stringify({schemaVersion: 2, stories: 'x'}));
		const newer = path.join(scratch, 'newer.json');
		fs.writeFileSync(newer, JSON.stringify({schemaVersion: 99}));
		const cases: [string, RegExp][] = [
			[path.join(scratch, 'missing.json'), /cannot read .*ENOENT/],
			[garbage, /not valid JSON/],
			[wrong, /not a newsreader progress file/],
			[newer, /newer newsreader/],
		];
		for (const [file, message] of cases) {
			const t = io(to);
			expect(await runProgressCommand(['import', file], t.io), file).toBe(2); // bad input
			expect(t.err.join('')).toMatch(message);
		}
		expect(fs.readFileSync(path.join(to, 'progress.json'), 'utf8')).toBe(before);
	});

	it('reset asks first; declining changes nothing', async () => {
		const dir = tempDir();
		seed(dir);
		const before = fs.readFileSync(path.join(dir, 'progress.json'), 'utf8');
		const t = io(dir, false);
		expect(await runProgressCommand(['reset'], t.io)).toBe(0);
		expect(t.questions).toHaveLength(1);
		expect(t.questions[0]).toMatch(/Forget all reading progress/);
		expect(t.out.join('')).toMatch(/Nothing was changed/);
		expect(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8')).toBe(before);
		expect(files(dir)).toEqual(['progress.json']);
	});

	it('reset after a yes forgets everything and keeps a backup that import restores', async () => {
		const dir = tempDir();
		seed(dir);
		const t = io(dir, true);
		expect(await runProgressCommand(['reset'], t.io)).toBe(0);
		expect(t.questions).toHaveLength(1);
		const after = openProgressStore({cwd: dir});
		expect(after.getArticle('story', 'article')).toBeUndefined();
		expect(after.history('story')).toEqual([]);
		expect(after.getSettings()).toEqual({});
		const backup = files(dir).find((f) => f.startsWith('progress.before-reset-'));
		expect(backup).toBeDefined();
		expect(t.out.join('')).toContain(path.join(dir, backup as string));

		expect(await runProgressCommand(['import', path.join(dir, backup as string)], io(dir).io)).toBe(0);
		const restored = openProgressStore({cwd: dir});
		expect(restored.getArticle('story', 'article')?.passageIndex).toBe(3);
		expect(restored.history('story')).toHaveLength(1);
	});

	it('reset --yes does not ask', async () => {
		const dir = tempDir();
		seed(dir);
		const t = io(dir, false);
		expect(await runProgressCommand(['reset', '--yes'], t.io)).toBe(0);
		expect(t.questions).toEqual([]);
		expect(openProgressStore({cwd: dir}).getArticle('story', 'article')).toBeUndefined();
	});

	it('a reset sticks even while another window holds old progress in memory', async () => {
		const dir = tempDir();
		seed(dir);
		const window = openProgressStore({cwd: dir, debounceMs: 10_000});
		expect(window.getArticle('story', 'article')?.passageIndex).toBe(3);
		expect(await runProgressCommand(['reset', '--yes'], io(dir).io)).toBe(0);
		await new Promise((r) => setTimeout(r, 5));
		window.setPosition('story', 'new-article', {passageId: 'p', passageIndex: 1}); // made after the reset
		window.close();
		const after = openProgressStore({cwd: dir});
		expect(after.getArticle('story', 'article')).toBeUndefined();
		expect(after.history('story')).toEqual([]);
		expect(after.getArticle('story', 'new-article')?.passageIndex).toBe(1);
	});

	it('store warnings (a corrupt file set aside) go to stderr', async () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, 'progress.json'), '{{{');
		const t = io(dir);
		expect(await runProgressCommand(['path'], t.io)).toBe(0);
		expect(t.err.join('')).toMatch(/newsreader: The progress file could not be used.*progress\.corrupt-/);
	});
});
