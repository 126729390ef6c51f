/**
 * Reading stories from disk: the embedded seed story, or the user's files and folders.
 * This is the I/O edge of the content pipeline; everything after reading is `src/core`.
 *
 * - A file or a folder of articles is a story; several folders (or a folder whose subfolders
 *   hold the articles) make a *library*, one story per folder ({@link isLibrary},
 *   {@link loadLibrary}). Files named directly form one story together.
 * - A folder's `story.json` may name the story and give each article's outlet, headline, date
 *   and url (the format of `content/seed-story.json`). Without one, a Markdown table in the
 *   folder's notes file (SOURCES.md, README.md: a `file` column, and outlet, headline, date,
 *   address columns) does the same. Notes files are never read as articles.
 * - `.txt` as it is; `.md`/`.markdown` with YAML front matter (title, outlet, date, url), its
 *   markup masked but offsets exact into the file (see `markdown.ts`); `.html`/`.htm` through
 *   readability, where offsets point into the extracted plain text ({@link HTML_TEXT_NOTE}).
 * - HTML needs linkedom and readability, and parsing needs the sentence model (wink), all loaded
 *   on demand: use the async variants ({@link loadStoryAsync}, {@link loadLibraryAsync},
 *   {@link loadSeedStoryAsync}). Parses are cached (src/store/cache.ts), so a story read before
 *   loads without the model; the sync variants work only for cached articles or once
 *   {@link loadHtmlModules} and `loadNlp()` have run.
 * - Outlet precedence: manifest; front matter or page metadata; a credit in the text (a line
 *   naming the outlet, "/ Source: Reuters", "(Reuters) -"); the file name.
 * - Files found in a folder that cannot be read are skipped with a notice; a file named
 *   directly that cannot be read is an {@link InputError}.
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, readdirSync, statSync, type Dirent, type Stats} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ArticleHints} from '../core/article.js';
import {parseDateline} from '../core/clean.js';
import {loadNlp, NlpNotLoadedError} from '../core/segment.js';
import type {Article, Furniture, Story} from '../core/types.js';
import {leadCredit, outletFromFileName} from './credit.js';
import {extractHtml, loadedHtmlModules, loadHtmlModules, NoArticleError, sniffHtmlCharset} from './html.js';
import {inlineMarkupSpans, prepareMarkdown} from './markdown.js';
import {parseArticleCached} from '../store/cache.js';
import {isNotesFileName, readSourcesTable} from './sourcesTable.js';

export {HTML_TEXT_NOTE, loadHtmlModules} from './html.js';

/** A problem with what the user asked us to read: shown as one line, exit code 2. */
export class InputError extends Error {
	override readonly name = 'InputError';
}

/** Article files we read. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];
/** Of those, the ones read through readability. */
export const HTML_EXTENSIONS = ['.html', '.htm'];
/** Files above this size are refused (a news article is far smaller). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The manifest file a story folder may hold. */
export const MANIFEST_NAME = 'story.json';

/** One article's entry in a `story.json` manifest. */
export interface ManifestEntry {
	readonly file: string;
	readonly outlet?: string;
	readonly title?: string;
	readonly date?: string;
	readonly url?: string;
}

/** A `story.json` manifest: the story's title and what is known of each article. */
export interface Manifest {
	readonly title?: string;
	readonly articles?: readonly ManifestEntry[];
}

/** The package's root folder (holds package.json, seeds/ and content/), from source or bundle. */
export function packageRoot(): string {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 6; i++) {
		if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'seeds'))) return dir;
		dir = path.dirname(dir);
	}
	throw new Error('newsreader is installed incompletely: its seeds/ folder is missing');
}

/** Content hash (hex prefix of SHA-256). */
export function contentHash(s: string): string {
	return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/** What a long load reports, for a progress line: the sentence model loading, then each file read. */
export type LoadEvent = {readonly stage: 'model'} | {readonly stage: 'read'; readonly done: number; readonly total: number};

/** Options of the async loaders. */
export interface LoadOptions {
	/** Called as the load goes (synchronously, from inside the reading loop). */
	readonly onProgress?: (event: LoadEvent) => void;
}

/** A callback counting the files read, or undefined without a listener. */
function readCounter(total: number, onProgress: LoadOptions['onProgress']): (() => void) | undefined {
	if (!onProgress) return undefined;
	let done = 0;
	return () => onProgress({stage: 'read', done: ++done, total});
}

/**
 * Run a sync loader; if it needs the sentence model (some article is not in the parse cache),
 * load the model and run it again (re-reading is cheap next to parsing).
 */
async function withNlp<T>(load: () => T, onProgress?: LoadOptions['onProgress']): Promise<T> {
	try {
		return load();
	} catch (e) {
		if (!(e instanceof NlpNotLoadedError)) throw e;
	}
	onProgress?.({stage: 'model'});
	await loadNlp();
	return load();
}

/**
 * The embedded seed story (five outlets on the December 2021 Biden–Putin call). Sync: needs the
 * parses cached (the package ships them) or `loadNlp()` done; prefer {@link loadSeedStoryAsync}.
 */
export function loadSeedStory(onProgress?: LoadOptions['onProgress']): Story {
	const root = packageRoot();
	const manifest = readManifest(path.join(root, 'content', 'seed-story.json'));
	const entries = manifest?.articles ?? [];
	const tick = readCounter(entries.length, onProgress);
	return buildStory(
		entries.map((e) => {
			const a = readArticleFile(path.join(root, 'seeds', e.file), e);
			tick?.();
			return a;
		}),
		manifest?.title,
	);
}

/** {@link loadSeedStory}, loading the sentence model first if the parses are not cached. */
export function loadSeedStoryAsync(options: LoadOptions = {}): Promise<Story> {
	return withNlp(() => loadSeedStory(options.onProgress), options.onProgress);
}

/** A story read from the user's paths, and notes for the user (duplicates skipped, files ignored). */
export interface LoadReport {
	readonly story: Story;
	readonly notices: readonly string[];
}

/** A library read from the user's paths: one story per folder, and notes for the user. */
export interface LibraryReport {
	readonly stories: readonly Story[];
	readonly notices: readonly string[];
}

/** One file to read, with its manifest entry. `named`: the user named it (errors are fatal). */
interface Job {
	readonly file: string;
	readonly entry?: ManifestEntry;
	readonly named: boolean;
}

/** The files of one story, before reading. */
interface StoryPlan {
	/** The folder, or undefined for files named directly. */
	readonly dir?: string;
	readonly title?: string;
	readonly jobs: readonly Job[];
}

/** What the user's paths hold, before any article is read. */
interface LoadPlan {
	readonly stories: readonly StoryPlan[];
	/** Several folders, or a folder of story folders. */
	readonly library: boolean;
	readonly notices: readonly string[];
}

// Created on first use: building an ICU collator costs ~6 ms, and opening the seed story needs none.
let collator: Intl.Collator | undefined;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Compare file names as people sort them ("2.txt" before "10.txt", case ignored). */
function byName(a: string, b: string): number {
	if (PRINTABLE_ASCII.test(a) && PRINTABLE_ASCII.test(b)) return naturalAscii(a, b);
	return (collator ??= new Intl.Collator('en', {numeric: true, sensitivity: 'base'})).compare(a, b);
}

/** ICU's (CLDR root) order of the printable ASCII characters that are neither digits nor letters. */
const PUNCTUATION_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';

/**
 * The order of `Intl.Collator('en', {numeric: true, sensitivity: 'base'})` for printable ASCII
 * names, without ICU: digit runs by value, letters ignoring case, punctuation before digits
 * before letters (ties: 0, as the collator's base strength gives).
 */
export function naturalAscii(a: string, b: string): number {
	const cls = (c: number) => (c >= 48 && c <= 57 ? 2 : (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 3 : 1);
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const ca = a.charCodeAt(i);
		const cb = b.charCodeAt(j);
		const ka = cls(ca);
		const kb = cls(cb);
		if (ka === 2 && kb === 2) {
			let ei = i;
			let ej = j;
			while (ei < a.length && cls(a.charCodeAt(ei)) === 2) ei++;
			while (ej < b.length && cls(b.charCodeAt(ej)) === 2) ej++;
			const na = a.slice(i, ei).replace(/^0+(?=\d)/, '');
			const nb = b.slice(j, ej).replace(/^0+(?=\d)/, '');
			if (na.length !== nb.length) return na.length < nb.length ? -1 : 1;
			if (na !== nb) return na < nb ? -1 : 1;
			i = ei;
			j = ej;
			continue;
		}
		if (ka !== kb) return ka < kb ? -1 : 1;
		const ra = ka === 3 ? ca | 0x20 : PUNCTUATION_ORDER.indexOf(a[i]!);
		const rb = kb === 3 ? cb | 0x20 : PUNCTUATION_ORDER.indexOf(b[j]!);
		if (ra !== rb) return ra < rb ? -1 : 1;
		i++;
		j++;
	}
	return a.length - i === b.length - j ? 0 : a.length - i < b.length - j ? -1 : 1;
}

function errCode(e: unknown): string {
	return (e as NodeJS.ErrnoException).code ?? String((e as Error).message ?? e);
}

function statOrThrow(p: string): Stats {
	try {
		return statSync(p);
	} catch (e) {
		const code = errCode(e);
		if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`no such file or folder: ${p}`);
		if (code === 'EACCES' || code === 'EPERM') throw new InputError(`permission denied: ${p}`);
		throw new InputError(`cannot read ${p}: ${code}`);
	}
}

function isArticleName(n: string): boolean {
	return !n.startsWith('.') && ARTICLE_EXTENSIONS.includes(path.extname(n).toLowerCase());
}

function listFolder(dir: string): Dirent[] {
	try {
		return readdirSync(dir, {withFileTypes: true});
	} catch (e) {
		const code = errCode(e);
		throw new InputError(code === 'EACCES' || code === 'EPERM' ? `permission denied: ${dir}` : `cannot read folder ${dir}: ${code}`);
	}
}

function isDir(dir: string, d: Dirent): boolean {
	if (d.isDirectory()) return true;
	if (!d.isSymbolicLink()) return false;
	try {
		return statSync(path.join(dir, d.name)).isDirectory();
	} catch {
		return false;
	}
}

/** A notes file (by its name, see {@link isNotesFileName}) that is plain text or Markdown, not a page. */
function isNotesFile(name: string): boolean {
	return isNotesFileName(name) && !HTML_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** Largest notes file read for a table of sources. */
const MAX_NOTES_BYTES = 256 * 1024;

/**
 * The manifest entries a notes file's Markdown table gives for `files` (see sourcesTable.ts),
 * or undefined when it has no such table or cannot be read.
 */
function notesManifest(file: string, files: readonly string[]): ManifestEntry[] | undefined {
	try {
		if (statSync(file).size > MAX_NOTES_BYTES) return undefined;
		return readSourcesTable(readFileSync(file, 'utf8').replace(/^\ufeff/, ''), files);
	} catch {
		return undefined;
	}
}

/**
 * A folder's article files (manifest order first, then by name) and its subfolders. The
 * manifest is `story.json`, else the table of sources in a notes file (SOURCES.md, README.md);
 * notes files are never read as articles.
 */
function scanFolder(dir: string, notices: string[]): {plan: StoryPlan; subfolders: string[]} {
	const entries = listFolder(dir);
	const files = entries.filter((d) => !isDir(dir, d) && isArticleName(d.name)).map((d) => d.name);
	const notes = files.filter(isNotesFile).sort(byName);
	const names = files.filter((n) => !isNotesFile(n));
	let manifest = readManifest(path.join(dir, MANIFEST_NAME));
	let manifestName = MANIFEST_NAME;
	if (manifest === undefined && names.length > 0) {
		for (const n of notes) {
			const table = notesManifest(path.join(dir, n), names);
			if (table) {
				manifest = {articles: table};
				manifestName = n;
				break;
			}
		}
	}
	const present = new Set(names);
	const jobs: Job[] = [];
	const listed = new Set<string>();
	for (const e of manifest?.articles ?? []) {
		if (listed.has(e.file)) continue;
		listed.add(e.file);
		if (present.has(e.file) || (manifestName === MANIFEST_NAME && existsSync(path.join(dir, e.file))))
			jobs.push({file: path.join(dir, e.file), entry: e, named: false});
		else notices.push(`${path.join(dir, manifestName)} lists ${e.file}, which is not in the folder`);
	}
	for (const n of names.sort(byName)) if (!listed.has(n)) jobs.push({file: path.join(dir, n), named: false});
	const subfolders = entries
		.filter((d) => !d.name.startsWith('.') && isDir(dir, d))
		.map((d) => path.join(dir, d.name))
		.sort(byName);
	return {plan: {dir, ...(manifest?.title !== undefined && {title: manifest.title}), jobs}, subfolders};
}

/**
 * Files named directly: a notes file among them whose table of sources lists some of the others
 * (`newsreader story/*`) gives their metadata and is not read as an article.
 */
function looseJobs(files: readonly string[]): Job[] {
	if (files.length > 1) {
		const base = (f: string) => path.basename(f);
		for (const f of files) {
			if (!isNotesFile(base(f))) continue;
			const others = files.filter((o) => o !== f && path.dirname(o) === path.dirname(f));
			const table = notesManifest(f, others.map(base));
			if (!table) continue;
			const entries = new Map(table.map((e) => [e.file.toLowerCase(), e] as const));
			return files
				.filter((o) => o !== f)
				.map((o) => {
					const entry = path.dirname(o) === path.dirname(f) ? entries.get(base(o).toLowerCase()) : undefined;
					return {file: o, named: true, ...(entry && {entry})};
				});
		}
	}
	return files.map((file) => ({file, named: true}));
}

const noArticles = (dir: string) => new InputError(`no articles in ${dir} (looked for ${ARTICLE_EXTENSIONS.join(', ')} files)`);

/** Work out which stories the paths make, without reading any article. */
function planLoad(paths: readonly string[]): LoadPlan {
	if (paths.length === 0) throw new InputError('no files or folders given');
	const notices: string[] = [];
	const stories: StoryPlan[] = [];
	const loose: string[] = [];
	let folderOfFolders = false;
	for (const p of paths) {
		const st = statOrThrow(p);
		if (st.isDirectory()) {
			const {plan, subfolders} = scanFolder(p, notices);
			if (plan.jobs.length > 0) {
				stories.push(plan);
				continue;
			}
			// No articles of its own: a folder of story folders (a library), or nothing to read.
			const inner = subfolders.map((s) => scanFolder(s, notices).plan).filter((s) => s.jobs.length > 0);
			if (inner.length === 0) throw noArticles(p);
			folderOfFolders = true;
			stories.push(...inner);
		} else {
			if (!ARTICLE_EXTENSIONS.includes(path.extname(p).toLowerCase()))
				notices.push(`${p}: not a .txt, .md or .html file; reading it as plain text`);
			loose.push(p);
		}
	}
	if (loose.length > 0) stories.unshift({jobs: looseJobs(loose)});
	return {stories, library: folderOfFolders || stories.length > 1, notices};
}

/**
 * Whether the paths make a library (several stories: two or more folders, or a folder whose
 * subfolders hold the articles) rather than one story. Reads folder listings, not articles.
 * Throws {@link InputError} for a missing path or a folder with no articles.
 */
export function isLibrary(paths: readonly string[]): boolean {
	return planLoad(paths).library;
}

/** Whether reading the paths needs the HTML modules (some article is `.html` or `.htm`). */
export function needsHtml(paths: readonly string[]): boolean {
	return planNeedsHtml(planLoad(paths));
}

function planNeedsHtml(plan: LoadPlan): boolean {
	return plan.stories.some((s) => s.jobs.some((j) => isHtmlFile(j.file)));
}

function isHtmlFile(file: string): boolean {
	return HTML_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/**
 * Read a story's files: duplicates kept once; unreadable files found in a folder skipped.
 * `where` names the story in the error when no article is left.
 */
function readPlan(plan: StoryPlan, notices: string[], where: string, tick?: () => void): Article[] {
	const articles: Article[] = [];
	const seen = new Map<string, string>();
	const skipped: string[] = [];
	for (const job of plan.jobs) {
		tick?.();
		let a: Article;
		try {
			a = readArticleFile(job.file, job.entry, notices);
		} catch (e) {
			if (job.named || !(e instanceof InputError)) throw e;
			skipped.push(e.message);
			notices.push(`${e.message}; skipped it`);
			continue;
		}
		const h = articleFingerprint(a);
		const twin = seen.get(h);
		if (twin) {
			notices.push(`${job.file} is the same article as ${twin}; kept once`);
			continue;
		}
		seen.set(h, job.file);
		articles.push(a);
	}
	if (articles.length === 0) throw new InputError(`no readable articles in ${where}${skipped[0] ? ` (${skipped[0]})` : ''}`);
	return articles;
}

/**
 * Load everything the paths hold as one story (files or folders; every folder's articles
 * together). A folder's `story.json`, if any, names the story and gives each article's outlet,
 * headline, date and url. Reads `.html` only after {@link loadHtmlModules}: prefer
 * {@link loadStoryAsync}. Throws {@link InputError} for anything the user must fix.
 */
export function loadStory(paths: readonly string[]): LoadReport {
	return storyFromPlan(planLoad(paths), paths);
}

function storyFromPlan(plan: LoadPlan, paths: readonly string[], onProgress?: LoadOptions['onProgress']): LoadReport {
	const notices = [...plan.notices];
	const merged: StoryPlan = {jobs: plan.stories.flatMap((s) => s.jobs)};
	const articles = readPlan(merged, notices, paths.join(', '), readCounter(merged.jobs.length, onProgress));
	const title = plan.stories.find((s) => s.title !== undefined)?.title;
	return {story: buildStory(articles, title), notices};
}

/**
 * {@link loadStory}, loading the HTML modules first when an `.html` file is among the paths, and
 * the sentence model when an article is not in the parse cache.
 */
export async function loadStoryAsync(paths: readonly string[], options: LoadOptions = {}): Promise<LoadReport> {
	const plan = planLoad(paths);
	if (planNeedsHtml(plan)) await loadHtmlModules();
	return withNlp(() => storyFromPlan(plan, paths, options.onProgress), options.onProgress);
}

/**
 * Load a library: one story per folder (a folder of story folders counts as its subfolders),
 * files named directly forming one story together, first. A folder with no readable articles
 * is skipped with a notice; if none is left, {@link InputError}. Sync: see {@link loadStory}
 * about HTML; prefer {@link loadLibraryAsync}.
 */
export function loadLibrary(paths: readonly string[]): LibraryReport {
	return libraryFromPlan(planLoad(paths), paths);
}

function libraryFromPlan(plan: LoadPlan, paths: readonly string[], onProgress?: LoadOptions['onProgress']): LibraryReport {
	const notices = [...plan.notices];
	const stories: Story[] = [];
	let firstError: InputError | undefined;
	const tick = readCounter(
		plan.stories.reduce((n, s) => n + s.jobs.length, 0),
		onProgress,
	);
	for (const s of plan.stories) {
		try {
			stories.push(buildStory(readPlan(s, notices, s.dir ?? 'the files given', tick), s.title));
		} catch (e) {
			if (!(e instanceof InputError) || s.dir === undefined) throw e;
			firstError ??= e;
			notices.push(`skipped story ${s.dir}: ${e.message}`);
		}
	}
	if (stories.length === 0) throw firstError ?? new InputError(`no readable articles in ${paths.join(', ')}`);
	return {stories, notices};
}

/**
 * {@link loadLibrary}, loading the HTML modules first when an `.html` file is among the paths, and
 * the sentence model when an article is not in the parse cache.
 */
export async function loadLibraryAsync(paths: readonly string[], options: LoadOptions = {}): Promise<LibraryReport> {
	const plan = planLoad(paths);
	if (planNeedsHtml(plan)) await loadHtmlModules();
	return withNlp(() => libraryFromPlan(plan, paths, options.onProgress), options.onProgress);
}

/**
 * What the reader opens for these paths: a library ({@link loadLibraryAsync}) when they make
 * several stories, else one story ({@link loadStoryAsync}). Lists the folders once.
 */
export async function loadPathsAsync(paths: readonly string[], options: LoadOptions = {}): Promise<LibraryReport & {readonly library: boolean}> {
	const plan = planLoad(paths);
	if (planNeedsHtml(plan)) await loadHtmlModules();
	const {onProgress} = options;
	if (plan.library) return {...(await withNlp(() => libraryFromPlan(plan, paths, onProgress), onProgress)), library: true};
	const {story, notices} = await withNlp(() => storyFromPlan(plan, paths, onProgress), onProgress);
	return {stories: [story], notices, library: false};
}

function optionalString(v: unknown, what: string, file: string): string | undefined {
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'string') throw new InputError(`${file} is not a valid story manifest (${what} must be a string)`);
	return v.trim() || undefined;
}

/** Read and check a `story.json` manifest; undefined when there is none. */
export function readManifest(file: string): Manifest | undefined {
	if (!existsSync(file)) return undefined;
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
	} catch (e) {
		throw new InputError(`${file} is not a valid story manifest (${(e as Error).message})`);
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(`${file} is not a valid story manifest (not a JSON object)`);
	const m = raw as Record<string, unknown>;
	const title = optionalString(m.title, 'title', file);
	if (m.articles !== undefined && !Array.isArray(m.articles)) throw new InputError(`${file} is not a valid story manifest (articles must be a list)`);
	const articles = ((m.articles ?? []) as unknown[]).map((a, i) => {
		if (typeof a !== 'object' || a === null) throw new InputError(`${file} is not a valid story manifest (articles[${i}] is not an object)`);
		const o = a as Record<string, unknown>;
		const name = optionalString(o.file, `articles[${i}].file`, file);
		if (!name) throw new InputError(`${file} is not a valid story manifest (articles[${i}] has no file)`);
		const entry: Record<string, string> = {file: name};
		for (const k of ['outlet', 'title', 'date', 'url'] as const) {
			const v = optionalString(o[k], `articles[${i}].${k}`, file);
			if (v !== undefined) entry[k] = v;
		}
		return entry as unknown as ManifestEntry;
	});
	return {...(title !== undefined && {title}), articles};
}

/** File signatures of common non-text formats people drop into folders. */
const MAGIC: readonly [string, number[]][] = [
	['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
	['ZIP or Office document', [0x50, 0x4b, 0x03, 0x04]],
	['PNG image', [0x89, 0x50, 0x4e, 0x47]],
	['JPEG image', [0xff, 0xd8, 0xff]],
	['GIF image', [0x47, 0x49, 0x46, 0x38]],
	['gzip archive', [0x1f, 0x8b]],
];

/**
 * Decode file bytes as text: UTF-8 (byte-order mark dropped), UTF-16 with a byte-order mark,
 * or — when the bytes are not valid UTF-8 — the declared `charset` (a page's), else
 * Windows-1252 (most such news files are), with a note in `notes`.
 * Throws {@link InputError} for binary files.
 */
export function decodeText(bytes: Uint8Array, file: string, notes?: string[], charset?: string): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes).replace(/^\ufeff/, '');
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes).replace(/^\ufeff/, '');
	for (const [kind, sig] of MAGIC)
		if (sig.every((b, i) => bytes[i] === b)) throw new InputError(`${file} looks like a binary file (${kind}), not an article`);
	const sample = bytes.subarray(0, 65536);
	let controls = 0;
	for (let i = 0; i < sample.length; i++) {
		const b = sample[i]!;
		if (b === 0) throw new InputError(`${file} looks like a binary file, not an article`);
		if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
	}
	if (controls > sample.length * 0.02) throw new InputError(`${file} looks like a binary file, not an article`);
	// Valid UTF-8 is UTF-8 whatever a page declares (saved pages often keep a stale declaration).
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes).replace(/^\ufeff/, '');
	} catch {
		/* not UTF-8: the declared charset, else Windows-1252 */
	}
	if (charset && !/^(?:utf-?8|unicode-1-1-utf-8)$/i.test(charset)) {
		// Browsers read Latin-1 and ASCII labels as Windows-1252 too.
		if (/^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|latin-?1|l1|us-ascii|ascii)$/i.test(charset)) return decodeWindows1252(bytes);
		try {
			return new TextDecoder(charset).decode(bytes);
		} catch {
			/* an unknown label: Windows-1252 below */
		}
	}
	notes?.push(`${file} is not UTF-8; read it as Windows-1252`);
	return decodeWindows1252(bytes);
}

/** Windows-1252 characters for bytes 0x80–0x9F (the rest is Latin-1); undefined bytes stay C1. */
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decode Windows-1252 bytes. Done by hand: Node 20's TextDecoder('windows-1252') decodes as
 * Latin-1, turning curly quotes (0x93, 0x94) into invisible control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
		.toString('latin1')
		.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** An ISO date (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`) from metadata, or undefined. */
export function normaliseDate(s: string | undefined): string | undefined {
	if (!s) return undefined;
	const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(s.trim());
	if (iso) return iso[2] ? `${iso[1]}T${iso[2]}` : iso[1];
	return parseDateline(s.trim());
}

/** What the file's own format says about the article (front matter, page metadata). */
interface FileMeta {
	title?: string;
	outlet?: string;
	date?: string;
	url?: string;
}

/**
 * Read and parse one article file (`.txt`, `.md`, `.html`; other names as plain text).
 * Metadata precedence: the manifest entry, then the file's front matter or page metadata, then
 * the text. `notes` collects things the user should know (an encoding guess, bad front matter).
 * Throws {@link InputError} for a missing, unreadable, binary, empty or oversized file, or a page
 * without an article; a plain `Error` for `.html` before {@link loadHtmlModules} has run; and
 * `NlpNotLoadedError` when the parse is not cached and `loadNlp()` has not run.
 */
export function readArticleFile(file: string, entry?: ManifestEntry, notes?: string[]): Article {
	const st = statOrThrow(file);
	if (st.isDirectory()) throw new InputError(`${file} is a folder, expected an article file`);
	if (!st.isFile()) throw new InputError(`${file} is not a regular file`);
	if (st.size > MAX_FILE_BYTES)
		throw new InputError(`${file} is ${(st.size / 1024 / 1024).toFixed(1)} MB; articles over ${MAX_FILE_BYTES / 1024 / 1024} MB are refused`);
	if (st.size === 0) throw new InputError(`${file} is empty`);
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (e) {
		const code = errCode(e);
		throw new InputError(code === 'EACCES' || code === 'EPERM' ? `permission denied: ${file}` : `cannot read ${file}: ${code}`);
	}
	const ext = path.extname(file).toLowerCase();
	const id = path.basename(file).replace(/\.[^.]+$/, '') || path.basename(file);
	let text: string;
	let parseText: string | undefined;
	let meta: FileMeta = {};
	let extraFurniture: readonly Furniture[] = [];
	if (HTML_EXTENSIONS.includes(ext)) {
		const mods = loadedHtmlModules();
		if (!mods) throw new Error(`reading ${file} needs the HTML modules: call loadStoryAsync/loadLibraryAsync (or await loadHtmlModules()) first`);
		const html = decodeText(bytes, file, notes, sniffHtmlCharset(bytes));
		if (!html.trim()) throw new InputError(`${file} is empty`);
		try {
			const page = extractHtml(html, mods);
			text = page.text;
			meta = page;
		} catch (e) {
			if (e instanceof NoArticleError) throw new InputError(`no article text found in ${file}`);
			throw e;
		}
	} else {
		text = decodeText(bytes, file, notes);
		if (!text.trim()) throw new InputError(`${file} is empty`);
		if (ext === '.md' || ext === '.markdown') {
			const md = prepareMarkdown(text, file);
			if (md.notice) notes?.push(md.notice);
			parseText = md.masked;
			meta = md.frontMatter;
			extraFurniture = md.furniture;
		}
	}
	const date = normaliseDate(entry?.date ?? meta.date);
	const hints: ArticleHints = {
		id,
		file,
		...((entry?.outlet ?? meta.outlet) && {outlet: entry?.outlet ?? meta.outlet}),
		...((entry?.title ?? meta.title) && {title: entry?.title ?? meta.title}),
		...(date && {date}),
		...((entry?.url ?? meta.url) && {url: entry?.url ?? meta.url}),
	};
	let article = parseArticleCached(parseText ?? text, hints);
	if (parseText !== undefined) {
		// Markdown: the cleaner read the mask; the article keeps the file text (same offsets).
		const furniture = [...article.furniture, ...extraFurniture].sort((a, b) => a.start - b.start);
		article = {...article, text, furniture};
	}
	if (article.sentences.length === 0) throw new InputError(`${file} has no readable text`);
	// "KESTREL BAY (Baltic Press) - …" credits a wire service, whoever published the article.
	const credit = article.meta.wire === undefined ? leadCredit(article) : undefined;
	if (credit !== undefined) article = {...article, meta: {...article.meta, wire: credit}};
	if (hints.outlet === undefined && article.meta.outlet === 'Unknown outlet') {
		// No outlet line found by the cleaner: the credit, then the file name.
		article = {...article, meta: {...article.meta, outlet: article.meta.wire ?? outletFromFileName(id)}};
	}
	return article;
}

/**
 * Inline markdown markup (emphasis markers, link brackets and addresses, code ticks) inside the
 * paragraphs of an article read from `.md`; empty for other articles. The text keeps them so
 * offsets stay exact; a renderer may hide these spans.
 */
export function markupSpans(article: Article): {start: number; end: number}[] {
	if (!/\.(?:md|markdown)$/i.test(article.meta.file ?? '')) return [];
	return inlineMarkupSpans(article.text).filter((s) => article.paragraphs.some((p) => s.start >= p.start && s.end <= p.end));
}

/**
 * The identity of an article's news for spotting the same article twice: its body paragraphs,
 * letters and digits only, lower-cased (so a `.txt` and an `.md` copy, or two saves of one page
 * with different furniture, match).
 */
export function articleFingerprint(a: Article): string {
	const body = a.paragraphs.filter((p) => p.role === 'body');
	const parts = (body.length > 0 ? body : a.paragraphs).map((p) => a.text.slice(p.start, p.end));
	// The normalised text itself, not a hash of it: it only keys a Map while one story loads,
	// and hashing 500 articles cost ~10 ms.
	return wordsOnly(parts.join(' ').toLowerCase());
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * `s` with every run of characters other than letters and digits made one space, trimmed (as
 * `s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`, ~5x faster: ASCII is decided without a regex).
 */
export function wordsOnly(s: string): string {
	let out = '';
	let runStart = 0; // start of the current run of kept characters
	let pendingSpace = false;
	let i = 0;
	const flush = (end: number) => {
		if (end > runStart) {
			if (pendingSpace && out.length > 0) out += ' ';
			out += s.slice(runStart, end);
			pendingSpace = false;
		}
	};
	while (i < s.length) {
		const c = s.charCodeAt(i);
		let width = 1;
		let keep: boolean;
		if (c < 0x80) keep = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
		else {
			const cp = s.codePointAt(i)!;
			width = cp > 0xffff ? 2 : 1;
			keep = LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
		}
		if (!keep) {
			flush(i);
			pendingSpace = true;
			runStart = i + width;
		}
		i += width;
	}
	flush(s.length);
	return out;
}

/** Assemble a story: id from the articles' content, title from the manifest or the first headline. */
export function buildStory(articles: readonly Article[], title?: string): Story {
	const id = contentHash(articles.map((a) => contentHash(a.text)).join(','));
	return {id, title: title ?? articles[0]?.meta.title ?? 'Untitled story', articles};
}
