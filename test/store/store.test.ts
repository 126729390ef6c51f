import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {HISTORY_CAP, openProgressStore, type ProgressStore} from '../../src/store/index.js';
import {tempDir} from './helpers.js';

const open: ProgressStore[] = [];
function openStore(cwd: string, debounceMs = 20, maxWaitMs?: number): ProgressStore {
	const store = openProgressStore({cwd, debounceMs, ...(maxWaitMs === undefined ? {} : {maxWaitMs})});
	open.push(store);
	return store;
}
afterEach(() => {
	for (const s of open.splice(0)) s.close();
});
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const answer = (id: string, at: number, correct = true) => ({id, questionId: `q-${id}`, type: 'speaker', correct, at});

describe('progress store: basics', () => {
	it('lives at <cwd>/progress.json and starts empty without warnings', () => {
		const dir = tempDir();
		const store = openStore(dir);
		expect(store.path).toBe(path.join(dir, 'progress.json'));
		expect(store.warnings).toEqual([]);
		expect(store.getArticle('s', 'a')).toBeUndefined();
		expect(store.getStory('s')).toBeUndefined();
		expect(store.history('s')).toEqual([]);
		expect(store.getSettings()).toEqual({});
	});

	it('defaults to the user config directory for projectName (XDG_CONFIG_HOME on Linux)', () => {
		const home = tempDir();
		const saved = process.env.XDG_CONFIG_HOME;
		process.env.XDG_CONFIG_HOME = home;
		try {
			const store = openProgressStore({projectName: 'newsreader-test'});
			expect(store.path).toMatch(/newsreader-test-nodejs[\\/]progress\.json$/);
			if (process.platform === 'linux') expect(store.path).toBe(path.join(home, 'newsreader-test-nodejs', 'progress.json'));
			expect(fs.existsSync(store.path)).toBe(false);
		} finally {
			if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
			else process.env.XDG_CONFIG_HOME = saved;
		}
	});

	it('keeps position (passage hash, index, offset), furthest, read, total across reopen', () => {
		const dir = tempDir();
		const a = openStore(dir);
		a.setPosition('story', 'art', {passageId: 'p5', passageIndex: 5, offset: 12, total: 30});
		a.setPosition('story', 'art', {passageId: 'p2', passageIndex: 2, offset: 3});
		a.setRead('story', 'art', true);
		a.setLastArticle('story', 'art');
		a.close();
		const b = openStore(dir);
		expect(b.getArticle('story', 'art')).toMatchObject({passageId: 'p2', passageIndex: 2, offset: 3, total: 30, furthest: 5, read: true});
		expect(b.getStory('story')).toMatchObject({lastArticleId: 'art', articles: {art: {passageIndex: 2}}});
	});

	it('setRead alone gives a position at the start', () => {
		const store = openStore(tempDir());
		store.setRead('s', 'a', true);
		expect(store.getArticle('s', 'a')).toMatchObject({passageIndex: 0, offset: 0, furthest: 0, read: true});
		store.setRead('s', 'a', false);
		expect(store.getArticle('s', 'a')?.read).toBe(false);
	});

	it('accepts ids with dots and odd keys (conf dot paths are never used)', () => {
		const dir = tempDir();
		const a = openStore(dir);
		a.setPosition('a.b.c', 'https://x.com/a.b', {passageId: 'p.1', passageIndex: 1});
		a.setCard('__proto__', 'constructor', {x: 1});
		a.close();
		const b = openStore(dir);
		expect(b.getArticle('a.b.c', 'https://x.com/a.b')?.passageId).toBe('p.1');
		expect(b.getCard('__proto__', 'constructor')).toEqual({x: 1});
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});

	it('rejects empty ids and malformed answers', () => {
		const store = openStore(tempDir());
		expect(() => store.setPosition('', 'a', {passageId: 'p', passageIndex: 0})).toThrow(TypeError);
		expect(() => store.recordAnswer('s', {id: 'x', questionId: 'q', type: 't', correct: 'yes' as unknown as boolean, at: 1})).toThrow(TypeError);
		expect(() => store.setCard('s', 'c', undefined)).toThrow(TypeError);
	});

	it('records quiz history in time order, ignores repeated answer ids and caps the history', () => {
		const dir = tempDir();
		const store = openStore(dir);
		store.recordAnswer('s', answer('b', 20));
		store.recordAnswer('s', answer('a', 10, false));
		store.recordAnswer('s', answer('a', 99));
		expect(store.history('s').map((h) => h.id)).toEqual(['a', 'b']);
		expect(store.history('s')[0]?.correct).toBe(false);
		for (let i = 0; i < HISTORY_CAP + 5; i++) store.recordAnswer('s', answer(`n${i}`, 100 + i));
		const h = store.history('s');
		expect(h).toHaveLength(HISTORY_CAP);
		expect(h[0]?.id).toBe('n5');
		store.close();
		expect(openStore(dir).history('s')).toHaveLength(HISTORY_CAP);
	});

	it('caps the history across stories, dropping the oldest answers anywhere', () => {
		const store = openStore(tempDir());
		store.recordAnswer('old-story', answer('oldest', 1));
		store.recordAnswer('old-story', answer('later', 10_000));
		for (let i = 0; i < HISTORY_CAP - 1; i++) store.recordAnswer('new-story', answer(`n${i}`, 100 + i));
		expect(store.history('old-story').map((h) => h.id)).toEqual(['later']);
		expect(store.history('new-story')).toHaveLength(HISTORY_CAP - 1);
	});

	it('stores cards as JSON copies', () => {
		const dir = tempDir();
		const store = openStore(dir);
		const card = {due: new Date(0), stability: 1.5, state: 2};
		store.setCard('s', 'c1', card);
		card.stability = 99;
		expect(store.getCard('s', 'c1')).toEqual({due: '1970-01-01T00:00:00.000Z', stability: 1.5, state: 2});
		store.setCard('s', 'c2', {state: 0});
		store.close();
		expect(openStore(dir).cards('s')).toEqual({c1: {due: '1970-01-01T00:00:00.000Z', stability: 1.5, state: 2}, c2: {state: 0}});
	});

	it('remembers reported questions and settings', () => {
		const dir = tempDir();
		const a = openStore(dir);
		a.reportQuestion('s', 'q1');
		a.setSettings({theme: 'dark', width: 72});
		a.setSettings({width: undefined});
		a.close();
		const b = openStore(dir);
		expect(b.isReported('s', 'q1')).toBe(true);
		expect(b.isReported('s', 'q2')).toBe(false);
		expect(b.getSettings()).toEqual({theme: 'dark'});
	});

	it('returns copies, so callers cannot change the store by accident', () => {
		const store = openStore(tempDir());
		store.setPosition('s', 'a', {passageId: 'p', passageIndex: 1});
		const got = store.getArticle('s', 'a') as {passageIndex: number};
		got.passageIndex = 50;
		expect(store.getArticle('s', 'a')?.passageIndex).toBe(1);
	});
});

describe('progress store: saving', () => {
	it('setters only touch memory; the write comes after the debounce', async () => {
		const dir = tempDir();
		const store = openStore(dir, 40);
		store.setPosition('s', 'a', {passageId: 'p', passageIndex: 1});
		expect(fs.existsSync(store.path)).toBe(false);
		await sleep(150);
		expect(JSON.parse(fs.readFileSync(store.path, 'utf8')).stories.s.articles.a.passageIndex).toBe(1);
	});

	it('saves during a long burst of changes (maxWait), not only at its end', async () => {
		const store = openStore(tempDir(), 50, 100);
		const start = Date.now();
		let i = 0;
		while (Date.now() - start < 400 && !fs.existsSync(store.path)) {
			store.setPosition('s', 'a', {passageId: 'p', passageIndex: i++});
			await sleep(5);
		}
		expect(fs.existsSync(store.path)).toBe(true);
		expect(Date.now() - start).toBeLessThan(300);
	});

	it('flush() writes at once; unchanged positions do not cause writes', () => {
		const store = openStore(tempDir(), 10_000);
		store.setPosition('s', 'a', {passageId: 'p', passageIndex: 1, offset: 2});
		store.flush();
		const first = fs.statSync(store.path);
		store.setPosition('s', 'a', {passageId: 'p', passageIndex: 1, offset: 2});
		store.flush();
		expect(fs.statSync(store.path).ino).toBe(first.ino);
	});

	it('a failed save becomes a warning (once) and is retried; memory is kept', () => {
		const dir = tempDir();
		const store = openStore(dir, 10_000);
		store.setPosition('s', 'a', {passageId: 'p', passageIndex: 3});
		fs.mkdirSync(store.path); // the file's place is taken by a directory
		store.flush();
		store.flush();
		expect(store.warnings).toHaveLength(1);
		expect(store.warnings[0]).toMatch(/Could not save progress/);
		fs.rmdirSync(store.path);
		store.flush();
		expect(JSON.parse(fs.readFileSync(store.path, 'utf8')).stories.s.articles.a.passageIndex).toBe(3);
	});

	it('an unreadable file is not touched: warn and keep progress in memory only', () => {
		const dir = tempDir();
		fs.mkdirSync(path.join(dir, 'progress.json'));
		const store = openStore(dir);
		expect(store.warnings[0]).toMatch(/Cannot read the progress file .*EISDIR.* will not be saved/);
		store.setPosition('s', 'a', {passageId: 'p', passageIndex: 3});
		store.flush();
		expect(store.getArticle('s', 'a')?.passageIndex).toBe(3);
		expect(fs.statSync(path.join(dir, 'progress.json')).isDirectory()).toBe(true);
	});

	it('leaves no lock or temporary files behind', () => {
		const dir = tempDir();
		const store = openStore(dir, 10_000);
		for (let i = 0; i < 20; i++) {
			store.setPosition('s', `a${i}`, {passageId: 'p', passageIndex: i});
			store.flush();
		}
		expect(fs.readdirSync(dir)).toEqual(['progress.json']);
	});

	it('removes old temporary files a killed writer left behind, and nothing else', () => {
		const dir = tempDir();
		const old = path.join(dir, 'progress.json.tmp-1234567890abcdef');
		const fresh = path.join(dir, 'progress.json.tmp-1234567891abcdef');
		const other = path.join(dir, 'notes.json.tmp-1234567890abcdef');
		for (const f of [old, fresh, other]) fs.writeFileSync(f, '{');
		const past = new Date(Date.now() - 3600_000);
		fs.utimesSync(old, past, past);
		fs.utimesSync(other, past, past);
		openStore(dir);
		expect(fs.existsSync(old)).toBe(false);
		expect(fs.existsSync(fresh)).toBe(true);
		expect(fs.existsSync(other)).toBe(true);
	});

	it('breaks a stale lock left by a dead process', () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, 'progress.json.lock'), '999999999 0 x');
		const store = openStore(dir, 10_000);
		store.setPosition('s', 'a', {passageId: 'p', passageIndex: 1});
		const start = Date.now();
		store.flush();
		expect(Date.now() - start).toBeLessThan(1000);
		expect(fs.readdirSync(dir)).toEqual(['progress.json']);
	});
});

describe('progress store: two instances in one process', () => {
	it('merge per field instead of overwriting each other', () => {
		const dir = tempDir();
		const a = openStore(dir, 10_000);
		const b = openStore(dir, 10_000);
		a.setPosition('s', 'art1', {passageId: 'p1', passageIndex: 1});
		a.recordAnswer('s', answer('from-a', 1));
		a.setCard('s', 'c', {v: 'a'});
		a.setSettings({theme: 'dark'});
		a.flush();
		b.setPosition('s', 'art2', {passageId: 'p2', passageIndex: 2});
		b.recordAnswer('s', answer('from-b', 2));
		b.setRead('s', 'art1', true);
		b.setSettings({width: 60});
		b.setCard('s', 'c', {v: 'b'}); // later: wins
		b.flush();
		a.setPosition('s', 'art1', {passageId: 'p9', passageIndex: 9}); // later than b's read flag, different field
		a.flush();
		const c = openStore(dir);
		expect(c.getArticle('s', 'art1')).toMatchObject({passageIndex: 9, read: true, furthest: 9});
		expect(c.getArticle('s', 'art2')?.passageIndex).toBe(2);
		expect(c.history('s').map((h) => h.id)).toEqual(['from-a', 'from-b']);
		expect(c.getCard('s', 'c')).toEqual({v: 'b'});
		expect(c.getSettings()).toEqual({theme: 'dark', width: 60});
		// a picked up b's changes when it merged before writing
		expect(a.getArticle('s', 'art2')?.passageIndex).toBe(2);
	});

	it('the later position wins, the earlier is not resurrected', () => {
		const dir = tempDir();
		const a = openStore(dir, 10_000);
		const b = openStore(dir, 10_000);
		a.setPosition('s', 'x', {passageId: 'p3', passageIndex: 3});
		a.flush();
		b.setPosition('s', 'x', {passageId: 'p7', passageIndex: 7});
		b.flush();
		a.setRead('s', 'other', true); // a writes again, merging b's newer position
		a.flush();
		expect(openStore(dir).getArticle('s', 'x')?.passageIndex).toBe(7);
	});
});
