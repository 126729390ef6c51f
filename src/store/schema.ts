/**
 * The progress file's format, its validation and its migrations.
 *
 * We keep our own `schemaVersion` and hand-written migrations instead of conf's
 * `migrations` option: conf's README calls that feature unsupported with known bugs, it
 * keys on the package version rather than the data's, and it cannot tell us that a file
 * is invalid without throwing from the constructor. Every timestamp is epoch milliseconds.
 */

/** The version this build reads and writes. */
export const SCHEMA_VERSION = 2;

/** Quiz answers kept in total, across all stories; the oldest are dropped first. */
export const HISTORY_CAP = 2000;

/** A map with no prototype, safe for any string key (including "__proto__"). */
export type Dict<T> = Record<string, T>;

/** Creates an empty prototype-less map. */
export function dict<T>(): Dict<T> {
	return Object.create(null) as Dict<T>;
}

/** One answer to one quiz question. `id` is unique per answer (not per question). */
export interface QuizAnswer {
	readonly id: string;
	readonly questionId: string;
	readonly factId?: string;
	/** Question type, e.g. "speaker" or "outlet" (owned by the quiz engine). */
	readonly type: string;
	readonly correct: boolean;
	/** When it was answered (epoch ms). */
	readonly at: number;
}

/** Stored state of one article. Position and read flag carry their own change times for merging. */
export interface ArticleRecord {
	passageId?: string;
	passageIndex: number;
	offset: number;
	total?: number;
	/** Highest passage index reached. */
	furthest: number;
	/** When the position last changed (0 = never). */
	posAt: number;
	read: boolean;
	/** When the read flag last changed (0 = never). */
	readAt: number;
}

/** An FSRS card as the quiz engine gave it (opaque here) and when it was last set. */
export interface CardRecord {
	card: unknown;
	at: number;
}

/** Everything kept for one story. */
export interface StoryRecord {
	lastArticle?: {id: string; at: number};
	articles: Dict<ArticleRecord>;
	/** Sorted by `at`, then `id`. All stories together hold at most HISTORY_CAP answers. */
	history: QuizAnswer[];
	cards: Dict<CardRecord>;
	/** Reported question ids, with when they were reported. */
	reported: Dict<number>;
}

/** User settings. */
export interface Settings {
	theme?: string;
	/** Reading column width in columns (0 or absent = fit the terminal). */
	width?: number;
}

/** A setting with the time it was changed; `value: null` means "cleared". */
export interface SettingRecord<T> {
	value: T | null;
	at: number;
}

/** The whole file (schema version 2). */
export interface StoreData {
	schemaVersion: typeof SCHEMA_VERSION;
	/** Time of the last `newsreader progress reset` (0 = never); see merge.ts. */
	resetAt: number;
	stories: Dict<StoryRecord>;
	settings: {theme?: SettingRecord<string>; width?: SettingRecord<number>};
}

/** A fresh, empty store. */
export function emptyData(): StoreData {
	return {schemaVersion: SCHEMA_VERSION, resetAt: 0, stories: dict(), settings: {}};
}

/** A fresh, empty story. */
export function emptyStory(): StoryRecord {
	return {articles: dict(), history: [], cards: dict(), reported: dict()};
}

/** Why a file cannot be used. */
export type LoadProblem =
	| {kind: 'empty'}
	| {kind: 'unparseable'; message: string}
	| {kind: 'invalid'; message: string}
	| {kind: 'future'; version: number};

/** Result of reading a file's text: usable data (maybe migrated from `from`), or a problem. */
export type LoadResult = {ok: true; data: StoreData; from: number} | {ok: false; problem: LoadProblem};

// ---------------------------------------------------------------- validation helpers

class Invalid extends Error {}

function fail(path: string, what: string): never {
	throw new Invalid(`${path || 'file'}: ${what}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown, path: string): Record<string, unknown> {
	if (!isObject(v)) fail(path, 'expected an object');
	return v;
}

function str(v: unknown, path: string): string {
	if (typeof v !== 'string' || v.length === 0) fail(path, 'expected a non-empty string');
	return v;
}

function optStr(v: unknown, path: string): string | undefined {
	return v === undefined ? undefined : str(v, path);
}

function num(v: unknown, path: string): number {
	if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'expected a number');
	return v;
}

function nat(v: unknown, path: string): number {
	const n = num(v, path);
	if (n < 0 || !Number.isInteger(n)) fail(path, 'expected a whole number ≥ 0');
	return n;
}

function optNat(v: unknown, path: string): number | undefined {
	return v === undefined ? undefined : nat(v, path);
}

function bool(v: unknown, path: string): boolean {
	if (typeof v !== 'boolean') fail(path, 'expected true or false');
	return v;
}

function mapOf<T>(v: unknown, path: string, each: (value: unknown, path: string) => T): Dict<T> {
	const out = dict<T>();
	for (const [k, value] of Object.entries(obj(v, path))) {
		if (k.length === 0) fail(path, 'empty key');
		out[k] = each(value, `${path}/${k}`);
	}
	return out;
}

/** Parses a quiz answer (also used to validate `recordAnswer` input). */
export function parseAnswer(v: unknown, path: string): QuizAnswer {
	const o = obj(v, path);
	const factId = optStr(o.factId, `${path}/factId`);
	return {
		id: str(o.id, `${path}/id`),
		questionId: str(o.questionId, `${path}/questionId`),
		...(factId === undefined ? {} : {factId}),
		type: str(o.type, `${path}/type`),
		correct: bool(o.correct, `${path}/correct`),
		at: num(o.at, `${path}/at`),
	};
}

function parseArticle(v: unknown, path: string): ArticleRecord {
	const o = obj(v, path);
	const passageId = optStr(o.passageId, `${path}/passageId`);
	const total = optNat(o.total, `${path}/total`);
	return {
		...(passageId === undefined ? {} : {passageId}),
		passageIndex: nat(o.passageIndex, `${path}/passageIndex`),
		offset: nat(o.offset, `${path}/offset`),
		...(total === undefined ? {} : {total}),
		furthest: nat(o.furthest, `${path}/furthest`),
		posAt: num(o.posAt, `${path}/posAt`),
		read: bool(o.read, `${path}/read`),
		readAt: num(o.readAt, `${path}/readAt`),
	};
}

function parseStory(v: unknown, path: string): StoryRecord {
	const o = obj(v, path);
	const story = emptyStory();
	if (o.lastArticle !== undefined) {
		const la = obj(o.lastArticle, `${path}/lastArticle`);
		story.lastArticle = {id: str(la.id, `${path}/lastArticle/id`), at: num(la.at, `${path}/lastArticle/at`)};
	}
	story.articles = mapOf(o.articles, `${path}/articles`, parseArticle);
	if (!Array.isArray(o.history)) fail(`${path}/history`, 'expected a list');
	story.history = o.history.map((a, i) => parseAnswer(a, `${path}/history/${i}`));
	story.cards = mapOf(o.cards, `${path}/cards`, (c, p) => {
		const co = obj(c, p);
		if (!('card' in co) || co.card === undefined) fail(`${p}/card`, 'missing');
		return {card: co.card, at: num(co.at, `${p}/at`)};
	});
	story.reported = mapOf(o.reported, `${path}/reported`, num);
	return story;
}

function parseSetting<T>(v: unknown, path: string, value: (v: unknown, p: string) => T): SettingRecord<T> | undefined {
	if (v === undefined) return undefined;
	const o = obj(v, path);
	return {value: o.value === null ? null : value(o.value, `${path}/value`), at: num(o.at, `${path}/at`)};
}

/** Validates current-version data, returning a clean copy (unknown keys dropped). Throws `Invalid`. */
function parseV2(v: Record<string, unknown>): StoreData {
	const data = emptyData();
	data.resetAt = num(v.resetAt, 'resetAt');
	data.stories = mapOf(v.stories, 'stories', parseStory);
	const s = obj(v.settings, 'settings');
	const theme = parseSetting(s.theme, 'settings/theme', str);
	const width = parseSetting(s.width, 'settings/width', nat);
	if (theme) data.settings.theme = theme;
	if (width) data.settings.width = width;
	return data;
}

// ---------------------------------------------------------------- migrations

/**
 * Schema v1, the draft format: one flat map per kind, keyed "storyId:articleId", positions
 * by passage index only (no passage hash), one timestamp per record, reports as a list of
 * "storyId:questionId". It was never released, but it is kept (and tested) so that the
 * migration chain is exercised before a real v3 needs it.
 */
function migrateV1toV2(v: Record<string, unknown>): Record<string, unknown> {
	const data = emptyData();
	const story = (id: string): StoryRecord => (data.stories[id] ??= emptyStory());
	const split = (key: string, path: string): [string, string] => {
		const i = key.indexOf(':');
		if (i <= 0 || i === key.length - 1) fail(path, 'expected "storyId:id"');
		return [key.slice(0, i), key.slice(i + 1)];
	};
	for (const [key, raw] of Object.entries(obj(v.positions ?? {}, 'positions'))) {
		const p = obj(raw, `positions/${key}`);
		const [storyId, articleId] = split(key, `positions/${key}`);
		const at = num(p.updatedAt, `positions/${key}/updatedAt`);
		const index = nat(p.passageIndex, `positions/${key}/passageIndex`);
		const read = p.read === undefined ? false : bool(p.read, `positions/${key}/read`);
		story(storyId).articles[articleId] = {
			passageIndex: index,
			offset: optNat(p.offset, `positions/${key}/offset`) ?? 0,
			furthest: index,
			posAt: at,
			read,
			readAt: read ? at : 0,
		};
	}
	const history = v.history ?? [];
	if (!Array.isArray(history)) fail('history', 'expected a list');
	history.forEach((raw, i) => {
		const storyId = str(obj(raw, `history/${i}`).storyId, `history/${i}/storyId`);
		story(storyId).history.push(parseAnswer(raw, `history/${i}`));
	});
	for (const [cardId, raw] of Object.entries(obj(v.cards ?? {}, 'cards'))) {
		const c = obj(raw, `cards/${cardId}`);
		if (c.card === undefined) fail(`cards/${cardId}/card`, 'missing');
		story(str(c.storyId, `cards/${cardId}/storyId`)).cards[cardId] = {card: c.card, at: num(c.updatedAt, `cards/${cardId}/updatedAt`)};
	}
	const reported = v.reported ?? [];
	if (!Array.isArray(reported)) fail('reported', 'expected a list');
	reported.forEach((key, i) => {
		const [storyId, questionId] = split(str(key, `reported/${i}`), `reported/${i}`);
		story(storyId).reported[questionId] = 0;
	});
	const s = obj(v.settings ?? {}, 'settings');
	if (s.theme !== undefined) data.settings.theme = {value: str(s.theme, 'settings/theme'), at: 0};
	if (s.width !== undefined) data.settings.width = {value: nat(s.width, 'settings/width'), at: 0};
	for (const st of Object.values(data.stories)) st.history.sort(compareAnswers);
	capHistory(data.stories);
	return data as unknown as Record<string, unknown>;
}

/** `MIGRATIONS[n]` turns a version-n object into a version-(n+1) object (or throws `Invalid`). */
const MIGRATIONS: Readonly<Record<number, (v: Record<string, unknown>) => Record<string, unknown>>> = {
	1: migrateV1toV2,
};

/**
 * Trims quiz history, in place, to the newest `cap` answers across all stories (the file
 * is rewritten whole on every save, so it must not grow without bound).
 */
export function capHistory(stories: Dict<StoryRecord>, cap: number = HISTORY_CAP): void {
	const all: QuizAnswer[] = [];
	for (const s of Object.values(stories)) all.push(...s.history);
	if (all.length <= cap) return;
	all.sort(compareAnswers);
	const dropped = new Set(all.slice(0, all.length - cap));
	for (const s of Object.values(stories)) s.history = s.history.filter((a) => !dropped.has(a));
}

/** Orders answers by time, then id, so merges are deterministic. */
export function compareAnswers(a: QuizAnswer, b: QuizAnswer): number {
	return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Validates and, when older, migrates an already-parsed value to the current schema.
 * An empty object `{}` (what conf leaves behind) counts as a fresh store.
 */
export function upgrade(value: unknown): LoadResult {
	try {
		if (!isObject(value)) fail('', 'expected a JSON object');
		if (Object.keys(value).length === 0) return {ok: true, data: emptyData(), from: SCHEMA_VERSION};
		const version = value.schemaVersion;
		if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
			fail('schemaVersion', 'missing or not a positive whole number');
		}
		if (version > SCHEMA_VERSION) return {ok: false, problem: {kind: 'future', version}};
		let current: Record<string, unknown> = value;
		for (let v = version; v < SCHEMA_VERSION; v++) {
			const step = MIGRATIONS[v];
			if (!step) fail('schemaVersion', `no migration from version ${v}`);
			current = step(current);
		}
		return {ok: true, data: parseV2(current), from: version};
	} catch (error) {
		if (error instanceof Invalid) return {ok: false, problem: {kind: 'invalid', message: error.message}};
		throw error;
	}
}

/** Parses a file's text: empty, unparseable, invalid, newer, or usable (migrated if older). */
export function parseStoreText(text: string): LoadResult {
	if (text.trim().length === 0) return {ok: false, problem: {kind: 'empty'}};
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return {ok: false, problem: {kind: 'unparseable', message: error instanceof Error ? error.message : String(error)}};
	}
	return upgrade(value);
}

/** Describes a load problem in words for a warning. */
export function describeProblem(problem: LoadProblem): string {
	switch (problem.kind) {
		case 'empty':
			return 'the file is empty';
		case 'unparseable':
			return `the file is not valid JSON (${problem.message})`;
		case 'invalid':
			return `the file does not have the expected shape (${problem.message})`;
		case 'future':
			return `it was written by a newer newsreader (schema version ${problem.version}; this one reads ${SCHEMA_VERSION})`;
	}
}
