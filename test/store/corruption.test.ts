import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openProgressStore, SCHEMA_VERSION} from '../../src/store/index.js';
import {files, tempDir} from './helpers.js';

/** Writes `content` as the progress file, opens the store and returns what happened. */
function openWith(content: string | Buffer) {
	const dir = tempDir();
	fs.writeFileSync(path.join(dir, 'progress.json'), content);
	const store = openProgressStore({cwd: dir, debounceMs: 10_000});
	return {dir, store};
}

function expectSetAside(content: string | Buffer, label: RegExp, message: RegExp): void {
	const {dir, store} = openWith(content);
	const kept = files(dir).filter((f) => label.test(f));
	expect(files(dir), 'the bad file is renamed, not deleted').toEqual(kept);
	expect(kept).toHaveLength(1);
	const keptPath = path.join(dir, kept[0] as string);
	expect(fs.readFileSync(keptPath)).toEqual(Buffer.from(content));
	expect(store.warnings).toHaveLength(1);
	expect(store.warnings[0]).toMatch(message);
	expect(store.warnings[0]).toContain(keptPath);
	// a fresh store that works and saves
	expect(store.getArticle('s', 'a')).toBeUndefined();
	store.setPosition('s', 'a', {passageId: 'p', passageIndex: 4});
	store.close();
	const again = openProgressStore({cwd: dir});
	expect(again.warnings, 'told once').toEqual([]);
	expect(again.getArticle('s', 'a')?.passageIndex).toBe(4);
	expect(files(dir)).toEqual([kept[0], 'progress.json'].sort());
}

const corrupt = /^progress\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z(-\d+)?\.json$/;

describe('a corrupt progress file is set aside, never wiped', () => {
	it('empty file', () => expectSetAside('', corrupt, /the file is empty/));
	it('whitespace only', () => expectSetAside('  \n\t\n', corrupt, /the file is empty/));
	it('garbage text', () => expectSetAside('this is not json {', corrupt, /not valid JSON/));
	it('binary garbage (NUL bytes, as after a crash on some file systems)', () =>
		expectSetAside(Buffer.from([0, 0, 0, 0, 0, 0]), corrupt, /not valid JSON/));
	it('truncated JSON', () => {
		const good = JSON.stringify({schemaVersion: 2, resetAt: 0, stories: {s: {articles: {}, history: [], cards: {}, reported: {}}}, settings: {}});
		expectSetAside(good.slice(0, good.length / 2), corrupt, /not valid JSON/);
	});
	it('JSON array', () => expectSetAside('[1, 2, 3]', corrupt, /expected a JSON object/));
	it('JSON string', () => expectSetAside('"hello"', corrupt, /expected a JSON object/));
	it('JSON null', () => expectSetAside('null', corrupt, /expected a JSON object/));
	it('object without schemaVersion', () => expectSetAside('{"theme": "dark"}', corrupt, /schemaVersion/));
	it('schemaVersion that is not a whole number', () => expectSetAside('{"schemaVersion": "2"}', corrupt, /schemaVersion/));
	it('schemaVersion 0', () => expectSetAside('{"schemaVersion": 0}', corrupt, /schemaVersion/));
	it('stories of the wrong type', () =>
		expectSetAside(JSON.stringify({schemaVersion: 2, resetAt: 0, stories: [], settings: {}}), corrupt, /stories: expected an object/));
	it('a nested field of the wrong type', () => {
		const bad = {
			schemaVersion: 2,
			resetAt: 0,
			stories: {s: {articles: {a: {passageIndex: '3', offset: 0, furthest: 0, posAt: 1, read: false, readAt: 0}}, history: [], cards: {}, reported: {}}},
			settings: {},
		};
		expectSetAside(JSON.stringify(bad), corrupt, /stories\/s\/articles\/a\/passageIndex/);
	});
	it('a negative index', () => {
		const bad = {
			schemaVersion: 2,
			resetAt: 0,
			stories: {s: {articles: {a: {passageIndex: -1, offset: 0, furthest: 0, posAt: 1, read: false, readAt: 0}}, history: [], cards: {}, reported: {}}},
			settings: {},
		};
		expectSetAside(JSON.stringify(bad), corrupt, /passageIndex: expected a whole number/);
	});
	it('a malformed quiz answer', () => {
		const bad = {schemaVersion: 2, resetAt: 0, stories: {s: {articles: {}, history: [{id: 'x'}], cards: {}, reported: {}}}, settings: {}};
		expectSetAside(JSON.stringify(bad), corrupt, /history\/0\/questionId/);
	});
	it('a file from a newer newsreader is kept under its version, not called corrupt', () => {
		const newer = JSON.stringify({schemaVersion: SCHEMA_VERSION + 1, somethingNew: {a: 1}});
		expectSetAside(newer, new RegExp(`^progress\\.v${SCHEMA_VERSION + 1}-.*\\.json$`), /newer newsreader.*Update newsreader/);
	});

	it('an empty object ({}, as conf leaves it) is simply a fresh store', () => {
		const {dir, store} = openWith('{}');
		expect(store.warnings).toEqual([]);
		expect(files(dir)).toEqual(['progress.json']);
	});

	it('a byte-order mark is fine', () => {
		const good = JSON.stringify({schemaVersion: 2, resetAt: 0, stories: {}, settings: {theme: {value: 'dark', at: 1}}});
		const {store} = openWith(`\uFEFF${good}`);
		expect(store.warnings).toEqual([]);
		expect(store.getSettings()).toEqual({theme: 'dark'});
	});

	it('a file corrupted while the app runs is set aside at the next save, and memory is saved', () => {
		const dir = tempDir();
		const store = openProgressStore({cwd: dir, debounceMs: 10_000});
		store.setPosition('s', 'a', {passageId: 'p', passageIndex: 1});
		store.flush();
		fs.writeFileSync(store.path, '{"schemaVersion": 2, "stor');
		store.setPosition('s', 'b', {passageId: 'p', passageIndex: 2});
		store.flush();
		expect(store.warnings).toHaveLength(1);
		expect(files(dir).filter((f) => corrupt.test(f))).toHaveLength(1);
		const again = openProgressStore({cwd: dir});
		expect(again.getArticle('s', 'a')?.passageIndex).toBe(1);
		expect(again.getArticle('s', 'b')?.passageIndex).toBe(2);
	});
});

describe('migrations', () => {
	const v1 = {
		schemaVersion: 1,
		positions: {
			'story1:artA': {passageIndex: 4, offset: 10, read: true, updatedAt: 1000},
			'story1:artB': {passageIndex: 0, updatedAt: 900},
			'story2:artC': {passageIndex: 2, read: false, updatedAt: 800},
		},
		history: [
			{storyId: 'story1', id: 'ans2', questionId: 'q2', type: 'speaker', correct: false, at: 20},
			{storyId: 'story1', id: 'ans1', questionId: 'q1', factId: 'f1', type: 'outlet', correct: true, at: 10},
		],
		cards: {card1: {storyId: 'story1', card: {due: 5, state: 2}, updatedAt: 30}},
		reported: ['story1:q2'],
		settings: {theme: 'light', width: 70},
	};

	it('v1 → current: every record is carried over and the v1 file is kept', () => {
		const text = JSON.stringify(v1, undefined, 2);
		const {dir, store} = openWith(text);
		expect(store.warnings).toEqual([]);
		expect(store.getArticle('story1', 'artA')).toMatchObject({passageIndex: 4, offset: 10, read: true, furthest: 4, updatedAt: 1000});
		expect(store.getArticle('story1', 'artA')?.passageId).toBeUndefined();
		expect(store.getArticle('story1', 'artB')).toMatchObject({passageIndex: 0, offset: 0, read: false});
		expect(store.getArticle('story2', 'artC')?.passageIndex).toBe(2);
		expect(store.history('story1').map((h) => h.id)).toEqual(['ans1', 'ans2']);
		expect(store.history('story1')[0]).toEqual({id: 'ans1', questionId: 'q1', factId: 'f1', type: 'outlet', correct: true, at: 10});
		expect(store.getCard('story1', 'card1')).toEqual({due: 5, state: 2});
		expect(store.isReported('story1', 'q2')).toBe(true);
		expect(store.getSettings()).toEqual({theme: 'light', width: 70});
		const backups = files(dir).filter((f) => /^progress\.v1-.*\.json$/.test(f));
		expect(backups).toHaveLength(1);
		expect(fs.readFileSync(path.join(dir, backups[0] as string), 'utf8')).toBe(text);
		store.close();
		const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8'));
		expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
		expect(openProgressStore({cwd: dir}).getArticle('story1', 'artA')?.passageIndex).toBe(4);
	});

	it('a minimal v1 file migrates to an empty store', () => {
		const {store} = openWith('{"schemaVersion": 1}');
		expect(store.warnings).toEqual([]);
		expect(store.getSettings()).toEqual({});
	});

	it('an invalid v1 file is set aside like any corrupt file', () => {
		expectSetAside(JSON.stringify({schemaVersion: 1, positions: {'no-colon': {passageIndex: 1, updatedAt: 1}}}), corrupt, /positions\/no-colon/);
	});
});
