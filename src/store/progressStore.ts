/**
 * The progress store: reading position, read flags, quiz history, FSRS cards, reported
 * questions and settings, kept in memory and saved to one JSON file.
 *
 * How conf is used, and why not more: conf writes atomically (temporary file, fsync, rename,
 * with retries where renames fail transiently, and a plain write on EXDEV). We do not let conf
 * read or validate the file: its constructor throws on bad JSON, rewrites a valid-JSON-but-wrong-
 * shape file (an array becomes `{"0": …}`) before we could look at it, and its `clearInvalidConfig`
 * wipes progress silently. So this module finds the file where conf would (env-paths' config
 * directory with conf's `-nodejs` suffix, or `cwd`), reads, validates, migrates and merges it
 * itself, and sets aside a bad file instead.
 *
 * conf (with ajv) takes ~140 ms to import, more than the rest of startup, so it is never imported
 * before the first frame: {@link preloadWriter} imports it later (the CLI calls it once the reader
 * is on screen), and a save that comes first writes the file with the same atomic pattern itself
 * (`<file>.tmp-<10 digits><6 hex>`, fsync, rename), so `flush()` stays synchronous.
 *
 * Saving: setters only change memory and (re)arm a debounce timer; the timer, `flush()`
 * and the exit handlers (see exitFlush.ts) take a lock file, re-read the file if someone
 * else wrote it, merge (merge.ts), and write. The timer is unref'd, so it never keeps the
 * process alive.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type Conf from 'conf';
import {acquireLock} from './lock.js';
import {mergeData} from './merge.js';
import {
	compareAnswers,
	describeProblem,
	emptyData,
	emptyStory,
	HISTORY_CAP,
	parseAnswer,
	parseStoreText,
	SCHEMA_VERSION,
	upgrade,
	type ArticleRecord,
	type LoadProblem,
	type QuizAnswer,
	type Settings,
	type StoreData,
	type StoryRecord,
} from './schema.js';

/** Options for `openProgressStore`. */
export interface OpenProgressStoreOptions {
	/** Directory of the file. Default: the OS config directory for `projectName` (tests pass a temp dir). */
	readonly cwd?: string;
	/** Default 'newsreader' (the file then lives in e.g. ~/.config/newsreader-nodejs/). */
	readonly projectName?: string;
	/** File name without extension. Default 'progress'. */
	readonly configName?: string;
	/** Quiet time after the last change before saving. Default 250 ms. */
	readonly debounceMs?: number;
	/** Longest a change waits while changes keep coming (e.g. holding a scroll key). Default 2000 ms. */
	readonly maxWaitMs?: number;
}

/** An article's saved progress, as the reader sees it. */
export interface ArticleProgress {
	/** Content hash of the passage in focus (absent if only the read flag was set, or from v1 data). */
	readonly passageId?: string;
	readonly passageIndex: number;
	/** Character offset inside that passage. */
	readonly offset: number;
	readonly read: boolean;
	/** Highest passage index reached. */
	readonly furthest: number;
	/** Number of passages when last positioned, if the caller said. */
	readonly total?: number;
	/** Last change (epoch ms). */
	readonly updatedAt: number;
}

/** A position to save: passage hash + index + offset, so resizes and edits do not move it. */
export interface PositionInput {
	readonly passageId: string;
	readonly passageIndex: number;
	readonly offset?: number;
	readonly total?: number;
}

/** What is saved for a story as a whole. */
export interface StoryProgress {
	/** The article open last. */
	readonly lastArticleId?: string;
	/** Progress of every article of the story that has any. */
	readonly articles: Readonly<Record<string, ArticleProgress>>;
}

/** Outcome of `importData`. */
export type ImportResult =
	| {readonly ok: true; readonly fromVersion: number; readonly stories: number; readonly articles: number; readonly answers: number; readonly cards: number}
	| {readonly ok: false; readonly message: string};

/**
 * The store the UI, the quiz engine and the CLI share. Reads come from memory; setters
 * change memory and schedule a save, so none of them blocks a keystroke. Ids should be
 * content hashes (see `contentId`); any non-empty string is accepted.
 */
export interface ProgressStore {
	/** Absolute path of the progress file. */
	readonly path: string;
	/** Things the user must be told once (a set-aside corrupt file, a failed save). Live list: new entries are appended. */
	readonly warnings: readonly string[];

	/** Saved progress of one article, if any. */
	getArticle(storyId: string, articleId: string): ArticleProgress | undefined;
	/** Saves the reading position (and raises `furthest`). Unchanged positions are not re-saved. */
	setPosition(storyId: string, articleId: string, pos: PositionInput): void;
	/** Marks an article read or unread. */
	setRead(storyId: string, articleId: string, read: boolean): void;

	/** Story-level progress (last open article and every article's progress), if any. */
	getStory(storyId: string): StoryProgress | undefined;
	/** Remembers which article of the story was open last. */
	setLastArticle(storyId: string, articleId: string): void;

	/** Adds an answer to the story's quiz history (ignored if its id is already there). Throws TypeError on a malformed answer. */
	recordAnswer(storyId: string, answer: QuizAnswer): void;
	/** The story's answers, oldest first (HISTORY_CAP answers are kept in total, across stories). */
	history(storyId: string): readonly QuizAnswer[];

	/** An FSRS card as last set (a JSON copy), if any. */
	getCard(storyId: string, cardId: string): unknown;
	/** Saves a card (must be JSON-serialisable; Dates become ISO strings). The quiz engine owns its meaning. */
	setCard(storyId: string, cardId: string, card: unknown): void;
	/** Every card of the story, by card id. */
	cards(storyId: string): Readonly<Record<string, unknown>>;

	/** Records that the user reported a question as wrong. */
	reportQuestion(storyId: string, questionId: string): void;
	/** Whether the question was reported. */
	isReported(storyId: string, questionId: string): boolean;

	/** Current settings. */
	getSettings(): Settings;
	/** Changes some settings; a key present with value `undefined` clears that setting. */
	setSettings(partial: Partial<Settings>): void;

	/** Saves now, synchronously (a no-op when nothing changed). Never throws: failures become warnings. */
	flush(): void;
	/** Flushes and stops the timer. The store still works afterwards (a later change re-arms the timer). */
	close(): void;

	/** For `newsreader progress export`: a deep copy of everything (the file format). */
	exportData(): StoreData;
	/** For `newsreader progress import`: validates (migrating older versions) and merges into the store, then saves. */
	importData(value: unknown): ImportResult;
	/** For `newsreader progress reset`: forgets everything and saves now. Other open windows drop their older records too. */
	reset(): void;
}

const DEFAULT_DEBOUNCE_MS = 250;
const DEFAULT_MAX_WAIT_MS = 2000;
const RETRY_MS = 5000;
const STALE_TEMP_MS = 60_000;

type DiskState =
	| {kind: 'missing'}
	| {kind: 'unchanged'}
	| {kind: 'loaded'; data: StoreData; from: number}
	| {kind: 'bad'; problem: LoadProblem}
	| {kind: 'error'; error: NodeJS.ErrnoException};

interface FileStamp {
	ino: number;
	size: number;
	mtimeMs: number;
}

function timestamp(): string {
	return new Date().toISOString().replace(/[:.]/g, '-');
}

function errorText(error: unknown): string {
	const e = error as NodeJS.ErrnoException;
	return e?.code ? `${e.code}: ${e.message}` : error instanceof Error ? error.message : String(error);
}

function cleanInt(n: number | undefined): number {
	return n !== undefined && Number.isFinite(n) && n > 0 ? Math.trunc(n) : 0;
}

function requireId(id: string, what: string): void {
	if (typeof id !== 'string' || id.length === 0) throw new TypeError(`${what} must be a non-empty string`);
}

function toProgress(a: ArticleRecord): ArticleProgress {
	return {
		...(a.passageId === undefined ? {} : {passageId: a.passageId}),
		passageIndex: a.passageIndex,
		offset: a.offset,
		read: a.read,
		furthest: a.furthest,
		...(a.total === undefined ? {} : {total: a.total}),
		updatedAt: Math.max(a.posAt, a.readAt),
	};
}

function jsonCopy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** The file's text: compact, the file is rewritten whole on each save (`progress export` is the pretty form). */
function serialize(value: unknown): string {
	return `${JSON.stringify(value)}\n`;
}

/** conf's default directory for a project: env-paths' config directory with the `-nodejs` suffix. */
export function configDir(projectName: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
	const name = `${projectName}-nodejs`;
	const home = os.homedir();
	if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', name);
	if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), name, 'Config');
	return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), name);
}

/**
 * Atomic write as conf's writer (atomically) does it: a temporary file `<file>.tmp-<10 digits><6
 * hex>` in the same folder, fsync, rename over the file. Creates the folder. Throws.
 */
function writeAtomicSync(file: string, data: string): void {
	fs.mkdirSync(path.dirname(file), {recursive: true});
	const random = `000000${Math.floor(Math.random() * 0xffffff).toString(16)}`.slice(-6);
	const tmp = `${file}.tmp-${Date.now().toString().slice(-10)}${random}`;
	let fd: number | undefined;
	try {
		fd = fs.openSync(tmp, 'w', 0o666);
		fs.writeSync(fd, data);
		fs.fsyncSync(fd);
		fs.closeSync(fd);
		fd = undefined;
		fs.renameSync(tmp, file);
	} catch (error) {
		if (fd !== undefined) {
			try {
				fs.closeSync(fd);
			} catch {
				// already failing
			}
		}
		try {
			fs.unlinkSync(tmp);
		} catch {
			// never created, or already renamed
		}
		if ((error as NodeJS.ErrnoException).code === 'EXDEV') {
			fs.writeFileSync(file, data, {mode: 0o666});
			return;
		}
		throw error;
	}
}

let LoadedConf: typeof Conf | undefined;
let confLoading: Promise<void> | undefined;

/**
 * Import conf for the store's writes (once). Call it when the process has time to spare (after
 * the first frame); until it resolves, saves use the store's own atomic write. Never rejects.
 */
export function preloadWriter(): Promise<void> {
	confLoading ??= import('conf').then(
		(m) => {
			LoadedConf = m.default;
		},
		() => {
			// Our own writer keeps working.
		},
	);
	return confLoading;
}

class FileProgressStore implements ProgressStore {
	readonly path: string;
	readonly warnings: string[] = [];
	/** conf, once {@link preloadWriter} has loaded it and a save has needed it. */
	#conf: Conf<Record<string, unknown>> | undefined;
	readonly #projectName: string;
	readonly #cwd: string | undefined;
	readonly #configName: string;
	#confFailed = false;
	readonly #lockPath: string;
	readonly #debounceMs: number;
	readonly #maxWaitMs: number;
	#data: StoreData = emptyData();
	#dirty = false;
	/** The next save replaces the file instead of merging (after a reset). */
	#replace = false;
	/** Saving is off for this session (the file could not be read or set aside). */
	#disabled = false;
	#timer: NodeJS.Timeout | undefined;
	#firstChangeAt = 0;
	#clock = 0;
	#written: FileStamp | undefined;
	#lastSaveError: string | undefined;

	constructor(options: OpenProgressStoreOptions) {
		this.#debounceMs = Math.max(0, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
		this.#maxWaitMs = Math.max(this.#debounceMs, options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
		const configName = options.configName ?? 'progress';
		this.#projectName = options.projectName ?? 'newsreader';
		this.#cwd = options.cwd;
		const filePath = path.resolve(options.cwd ?? configDir(this.#projectName), `${configName}.json`);
		this.#configName = configName;
		this.path = filePath;
		this.#lockPath = `${filePath}.lock`;
		this.#load();
	}

	// ------------------------------------------------------------ loading and saving

	#disable(reason: string): void {
		this.#disabled = true;
		this.warnings.push(`${reason} Progress will not be saved this session.`);
	}

	#load(): void {
		const release = acquireLock(this.#lockPath);
		try {
			this.#removeStaleTemporaries();
			const disk = this.#readDisk(false);
			if (disk.kind === 'loaded') {
				this.#data = disk.data;
				this.#clock = disk.data.resetAt;
				if (disk.from < SCHEMA_VERSION) {
					// Keep the old file as it was, then save the migrated data soon.
					this.#uniqueCopy(`v${disk.from}`);
					this.#touch();
				}
			} else if (disk.kind === 'bad') {
				this.#setAside(disk.problem);
			} else if (disk.kind === 'error') {
				this.#disable(`Cannot read the progress file ${this.path} (${errorText(disk.error)}).`);
			}
		} finally {
			release();
		}
	}

	/**
	 * Deletes temporary files a killed process left behind (conf writes through atomically,
	 * which names them `<file>.tmp-<10 digits><6 hex>` and removes them itself on a normal
	 * exit). Only old ones, in case a writer that did not get the lock is still busy.
	 */
	#removeStaleTemporaries(): void {
		const dir = path.dirname(this.path);
		const prefix = `${path.basename(this.path)}.tmp-`;
		try {
			for (const name of fs.readdirSync(dir)) {
				if (!name.startsWith(prefix) || !/^\d{10}[0-9a-f]{6}$/.test(name.slice(prefix.length))) continue;
				const full = path.join(dir, name);
				if (Date.now() - fs.statSync(full).mtimeMs > STALE_TEMP_MS) fs.unlinkSync(full);
			}
		} catch {
			// best effort
		}
	}

	#stamp(): FileStamp | undefined {
		try {
			const s = fs.statSync(this.path);
			return {ino: s.ino, size: s.size, mtimeMs: s.mtimeMs};
		} catch {
			return undefined;
		}
	}

	/** Reads the file; with `skipIfOurs`, reports 'unchanged' when it is still exactly what we wrote. */
	#readDisk(skipIfOurs: boolean): DiskState {
		if (skipIfOurs && this.#written) {
			const now = this.#stamp();
			const w = this.#written;
			if (now && now.ino === w.ino && now.size === w.size && now.mtimeMs === w.mtimeMs) return {kind: 'unchanged'};
		}
		let text: string;
		try {
			text = fs.readFileSync(this.path, 'utf8');
		} catch (error) {
			const e = error as NodeJS.ErrnoException;
			return e.code === 'ENOENT' ? {kind: 'missing'} : {kind: 'error', error: e};
		}
		const result = parseStoreText(text);
		return result.ok ? {kind: 'loaded', data: result.data, from: result.from} : {kind: 'bad', problem: result.problem};
	}

	#sidePath(label: string): string {
		const dir = path.dirname(this.path);
		const base = path.basename(this.path, path.extname(this.path));
		const stem = path.join(dir, `${base}.${label}-${timestamp()}`);
		let candidate = `${stem}.json`;
		for (let n = 1; fs.existsSync(candidate); n++) candidate = `${stem}-${n}.json`;
		return candidate;
	}

	#uniqueCopy(label: string): string | undefined {
		try {
			const target = this.#sidePath(label);
			fs.copyFileSync(this.path, target, fs.constants.COPYFILE_EXCL);
			return target;
		} catch {
			return undefined;
		}
	}

	/** Renames a file we cannot use out of the way and says so; never deletes it. */
	#setAside(problem: LoadProblem, whileSaving = false): void {
		const label = problem.kind === 'future' ? `v${problem.version}` : 'corrupt';
		const target = this.#sidePath(label);
		try {
			fs.renameSync(this.path, target);
		} catch (error) {
			this.#disable(`The progress file ${this.path} cannot be used: ${describeProblem(problem)}, and it could not be moved aside (${errorText(error)}).`);
			return;
		}
		this.#written = undefined;
		const advice = problem.kind === 'future' ? ' Update newsreader to use it again.' : '';
		const then = whileSaving ? 'this session\'s progress was saved in its place' : 'a fresh progress file was started';
		this.warnings.push(`The progress file could not be used: ${describeProblem(problem)}. It was kept as ${target} and ${then}.${advice}`);
	}

	/** Monotonic change time: later than anything we set before and than the last reset. */
	#now(): number {
		this.#clock = Math.max(Date.now(), this.#clock + 1, this.#data.resetAt + 1);
		return this.#clock;
	}

	/** Marks memory changed and (re)arms the debounce timer. */
	#touch(): void {
		this.#dirty = true;
		const now = Date.now();
		if (this.#firstChangeAt === 0) this.#firstChangeAt = now;
		const delay = Math.max(0, Math.min(this.#debounceMs, this.#firstChangeAt + this.#maxWaitMs - now));
		this.#arm(delay);
	}

	#arm(delay: number): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			this.flush();
		}, delay);
		this.#timer.unref();
	}

	/** Writes the data: through conf once it is loaded, else with the same atomic pattern ourselves. */
	#write(): void {
		if (!this.#conf && LoadedConf && !this.#confFailed) {
			try {
				this.#conf = new LoadedConf({
					projectName: this.#projectName,
					...(this.#cwd === undefined ? {} : {cwd: this.#cwd}),
					configName: this.#configName,
					accessPropertiesByDotNotation: false,
					clearInvalidConfig: false,
					// Inert: conf must not parse (or rewrite) the file; we read it ourselves.
					deserialize: () => ({}),
					serialize,
				});
			} catch {
				// conf reads the file while constructing; on any trouble our own writer carries on.
				this.#confFailed = true;
			}
		}
		if (this.#conf) this.#conf.store = this.#data as unknown as Record<string, unknown>;
		else writeAtomicSync(this.path, serialize(this.#data));
	}

	flush(): void {
		if (this.#timer) {
			clearTimeout(this.#timer);
			this.#timer = undefined;
		}
		if (!this.#dirty || this.#disabled) return;
		const release = acquireLock(this.#lockPath);
		try {
			if (!this.#replace) {
				const disk = this.#readDisk(true);
				if (disk.kind === 'loaded') {
					this.#data = mergeData(this.#data, disk.data);
					this.#clock = Math.max(this.#clock, this.#data.resetAt);
				} else if (disk.kind === 'bad') {
					this.#setAside(disk.problem, true);
					if (this.#disabled) return;
				} else if (disk.kind === 'error') {
					throw disk.error;
				}
			}
			this.#write();
			this.#written = this.#stamp();
			this.#dirty = false;
			this.#replace = false;
			this.#firstChangeAt = 0;
			this.#lastSaveError = undefined;
		} catch (error) {
			const text = errorText(error);
			if (text !== this.#lastSaveError) {
				this.#lastSaveError = text;
				this.warnings.push(`Could not save progress to ${this.path} (${text}). Will keep trying.`);
			}
			this.#arm(RETRY_MS);
		} finally {
			release();
		}
	}

	close(): void {
		this.flush();
		if (this.#timer) {
			clearTimeout(this.#timer);
			this.#timer = undefined;
		}
	}

	// ------------------------------------------------------------ reading position and read flags

	#story(storyId: string, create: true): StoryRecord;
	#story(storyId: string, create: false): StoryRecord | undefined;
	#story(storyId: string, create: boolean): StoryRecord | undefined {
		requireId(storyId, 'storyId');
		let story = this.#data.stories[storyId];
		if (!story && create) {
			story = emptyStory();
			this.#data.stories[storyId] = story;
		}
		return story;
	}

	getArticle(storyId: string, articleId: string): ArticleProgress | undefined {
		const a = this.#story(storyId, false)?.articles[articleId];
		return a && toProgress(a);
	}

	setPosition(storyId: string, articleId: string, pos: PositionInput): void {
		requireId(articleId, 'articleId');
		requireId(pos.passageId, 'passageId');
		const story = this.#story(storyId, true);
		const prev = story.articles[articleId];
		const passageIndex = cleanInt(pos.passageIndex);
		const offset = cleanInt(pos.offset);
		const total = pos.total === undefined ? prev?.total : cleanInt(pos.total);
		if (
			prev &&
			prev.posAt > 0 &&
			prev.passageId === pos.passageId &&
			prev.passageIndex === passageIndex &&
			prev.offset === offset &&
			prev.total === total
		) {
			return;
		}
		story.articles[articleId] = {
			passageId: pos.passageId,
			passageIndex,
			offset,
			...(total === undefined ? {} : {total}),
			furthest: Math.max(prev?.furthest ?? 0, passageIndex),
			posAt: this.#now(),
			read: prev?.read ?? false,
			readAt: prev?.readAt ?? 0,
		};
		this.#touch();
	}

	setRead(storyId: string, articleId: string, read: boolean): void {
		requireId(articleId, 'articleId');
		const story = this.#story(storyId, true);
		const prev = story.articles[articleId];
		if (prev && prev.readAt > 0 && prev.read === read) return;
		story.articles[articleId] = {
			...(prev ?? {passageIndex: 0, offset: 0, furthest: 0, posAt: 0}),
			read,
			readAt: this.#now(),
		};
		this.#touch();
	}

	getStory(storyId: string): StoryProgress | undefined {
		const story = this.#story(storyId, false);
		if (!story) return undefined;
		const articles = Object.fromEntries(Object.entries(story.articles).map(([id, a]) => [id, toProgress(a)]));
		return {...(story.lastArticle ? {lastArticleId: story.lastArticle.id} : {}), articles};
	}

	setLastArticle(storyId: string, articleId: string): void {
		requireId(articleId, 'articleId');
		const story = this.#story(storyId, true);
		if (story.lastArticle?.id === articleId) return;
		story.lastArticle = {id: articleId, at: this.#now()};
		this.#touch();
	}

	// ------------------------------------------------------------ quiz

	recordAnswer(storyId: string, answer: QuizAnswer): void {
		let clean: QuizAnswer;
		try {
			clean = parseAnswer(answer, 'answer');
		} catch (error) {
			throw new TypeError(error instanceof Error ? error.message : String(error));
		}
		const story = this.#story(storyId, true);
		if (story.history.some((h) => h.id === clean.id)) return;
		story.history.push(clean);
		const n = story.history.length;
		const before = story.history[n - 2];
		if (before && compareAnswers(before, clean) > 0) story.history.sort(compareAnswers);
		this.#trimHistory();
		this.#touch();
	}

	/** Drops the oldest answers (across stories) while more than HISTORY_CAP are kept. */
	#trimHistory(): void {
		const stories = Object.values(this.#data.stories);
		let total = stories.reduce((n, s) => n + s.history.length, 0);
		while (total > HISTORY_CAP) {
			let oldest: StoryRecord | undefined;
			for (const s of stories) {
				const first = s.history[0];
				const best = oldest?.history[0];
				if (first && (!best || compareAnswers(first, best) < 0)) oldest = s;
			}
			if (!oldest) break;
			oldest.history.shift();
			total--;
		}
	}

	history(storyId: string): readonly QuizAnswer[] {
		return [...(this.#story(storyId, false)?.history ?? [])];
	}

	getCard(storyId: string, cardId: string): unknown {
		const card = this.#story(storyId, false)?.cards[cardId]?.card;
		return card === undefined ? undefined : jsonCopy(card);
	}

	setCard(storyId: string, cardId: string, card: unknown): void {
		requireId(cardId, 'cardId');
		if (card === undefined) throw new TypeError('card must be a JSON value');
		const story = this.#story(storyId, true);
		story.cards[cardId] = {card: jsonCopy(card), at: this.#now()};
		this.#touch();
	}

	cards(storyId: string): Readonly<Record<string, unknown>> {
		const cards = this.#story(storyId, false)?.cards ?? {};
		return Object.fromEntries(Object.entries(cards).map(([id, c]) => [id, jsonCopy(c.card)]));
	}

	reportQuestion(storyId: string, questionId: string): void {
		requireId(questionId, 'questionId');
		const story = this.#story(storyId, true);
		if (story.reported[questionId] !== undefined) return;
		story.reported[questionId] = this.#now();
		this.#touch();
	}

	isReported(storyId: string, questionId: string): boolean {
		return this.#story(storyId, false)?.reported[questionId] !== undefined;
	}

	// ------------------------------------------------------------ settings

	getSettings(): Settings {
		const {theme, width} = this.#data.settings;
		return {
			...(theme?.value == null ? {} : {theme: theme.value}),
			...(width?.value == null ? {} : {width: width.value}),
		};
	}

	setSettings(partial: Partial<Settings>): void {
		const s = this.#data.settings;
		let changed = false;
		if ('theme' in partial) {
			const value = partial.theme === undefined || partial.theme === '' ? null : String(partial.theme);
			if ((s.theme?.value ?? null) !== value) {
				s.theme = {value, at: this.#now()};
				changed = true;
			}
		}
		if ('width' in partial) {
			const value = partial.width === undefined ? null : cleanInt(partial.width);
			if ((s.width?.value ?? null) !== value) {
				s.width = {value, at: this.#now()};
				changed = true;
			}
		}
		if (changed) this.#touch();
	}

	// ------------------------------------------------------------ export, import, reset

	exportData(): StoreData {
		return jsonCopy(this.#data);
	}

	importData(value: unknown): ImportResult {
		const result = upgrade(value);
		if (!result.ok) {
			const p = result.problem;
			return {ok: false, message: p.kind === 'future' ? describeProblem(p) : p.kind === 'invalid' ? p.message : describeProblem(p)};
		}
		// An import adds; it never deletes, so its own reset time is ignored.
		const incoming: StoreData = {...result.data, resetAt: 0};
		let articles = 0;
		let answers = 0;
		let cards = 0;
		for (const s of Object.values(incoming.stories)) {
			articles += Object.keys(s.articles).length;
			answers += s.history.length;
			cards += Object.keys(s.cards).length;
		}
		this.#data = mergeData(this.#data, incoming);
		this.#dirty = true;
		this.flush();
		return {ok: true, fromVersion: result.from, stories: Object.keys(incoming.stories).length, articles, answers, cards};
	}

	reset(): void {
		const resetAt = this.#now();
		this.#data = {...emptyData(), resetAt};
		this.#replace = true;
		this.#dirty = true;
		this.flush();
	}
}

/**
 * Opens (loading once) the progress store. Never throws for a bad or unreadable file: it
 * sets a bad file aside as `<name>.corrupt-<time>.json` (or `<name>.v<N>-<time>.json` when
 * a newer newsreader wrote it), starts fresh, and explains in `warnings`. Call
 * `installExitFlush(store)` once so the last changes are saved on exit and on signals.
 */
export function openProgressStore(options: OpenProgressStoreOptions = {}): ProgressStore {
	return new FileProgressStore(options);
}
