/**
 * The cache of work that does not change until the text or newsreader's code does: parsed
 * articles (cleaning and sentence segmentation, which needs the large wink model) and story
 * analyses (quotes and alignment). A warm start finds every article here and never loads wink.
 *
 * - Keys are SHA-256 hashes of the code version ({@link codeVersion}: a hash of `src/core`,
 *   fixed at build time), the input text and the hints, so a new text, a new hint or a new
 *   release simply misses; nothing is ever invalidated by hand.
 * - Location: `NEWSREADER_CACHE_DIR`, else the user cache directory ({@link defaultCacheDir}:
 *   `$XDG_CACHE_HOME/newsreader`, `~/.cache/newsreader`, `~/Library/Caches/newsreader`,
 *   `%LOCALAPPDATA%\newsreader\Cache`). The package ships a read-only cache of the seed story
 *   (`dist/cache`, made by scripts/build.mjs), looked up after it. `NEWSREADER_NO_CACHE=1` turns
 *   both off. Under vitest both are off unless a test calls {@link configureCache}.
 * - Best effort, always: an entry that is missing, stale, corrupt or unreadable is a miss (the
 *   work is redone and the entry rewritten); a failed write is ignored. Writes go to a temporary
 *   file renamed into place, so a reader never sees half an entry.
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArticle, type ArticleHints} from '../core/article.js';
import type {StoryAnalysis} from '../core/analysis.js';
import type {Alignment, Fact, Link, Parallel, PassageRef} from '../core/align/index.js';
import type {StoryQuotes} from '../core/quotes/index.js';
import type {Article, Story} from '../core/types.js';

/** Layout of the cache entries; bump when the entry format changes. */
export const CACHE_FORMAT = 1;

/** Set by scripts/build.mjs (esbuild `define`): hash of the sources that decide parse and analysis. */
declare const __NEWSREADER_CODE_VERSION__: string | undefined;

/** Where the cache lives and whether it is used. */
export interface CacheConfig {
	/** The writable cache directory; null: none. */
	readonly dir: string | null;
	/** Read-only directories looked up after `dir` (the package's seed cache). */
	readonly readOnly: readonly string[];
}

let override: CacheConfig | undefined;

/**
 * Set the cache directories (tests, benches), or go back to the defaults with `undefined`.
 * `{dir: null, readOnly: []}` turns the cache off.
 */
export function configureCache(config: {dir?: string | null; readOnly?: readonly string[]} | undefined): void {
	override = config === undefined ? undefined : {dir: config.dir ?? null, readOnly: config.readOnly ?? []};
	madeDirs.clear();
}

/** The user cache directory for newsreader on this platform (not created). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
	const home = os.homedir();
	if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'newsreader');
	if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'newsreader', 'Cache');
	return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'newsreader');
}

/** The package's read-only cache (dist/cache next to the bundle), if there is one. */
function packagedCacheDir(): string | undefined {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 4; i++) {
		const candidate = path.join(dir, path.basename(dir) === 'dist' ? 'cache' : path.join('dist', 'cache'));
		if (fs.existsSync(candidate)) return candidate;
		dir = path.dirname(dir);
	}
	return undefined;
}

let defaults: CacheConfig | undefined;

/** The cache directories in use now. */
export function cacheConfig(): CacheConfig {
	if (override) return override;
	if (!defaults) {
		const env = process.env;
		if (env.NEWSREADER_NO_CACHE === '1' || (env.VITEST !== undefined && env.NEWSREADER_CACHE_DIR === undefined)) defaults = {dir: null, readOnly: []};
		else {
			const packaged = packagedCacheDir();
			defaults = {dir: env.NEWSREADER_CACHE_DIR || defaultCacheDir(env), readOnly: packaged ? [packaged] : []};
		}
	}
	return defaults;
}

let version: string | null | undefined;

/**
 * The code version cache keys include: fixed by the build; when running from source, a hash of
 * every file under src/core (so editing the parser or the aligner never reads stale entries).
 * Null when neither is available: the cache is then off.
 */
export function codeVersion(): string | null {
	if (version !== undefined) return version;
	if (typeof __NEWSREADER_CODE_VERSION__ === 'string') return (version = __NEWSREADER_CODE_VERSION__);
	try {
		const core = fileURLToPath(new URL('../core/', import.meta.url));
		const h = createHash('sha256');
		const walk = (dir: string): void => {
			for (const e of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
				const full = path.join(dir, e.name);
				if (e.isDirectory()) walk(full);
				else if (/\.tsx?$/.test(e.name)) h.update(`${path.relative(core, full)}\0`).update(fs.readFileSync(full)).update('\0');
			}
		};
		walk(core);
		version = `dev-${h.digest('hex').slice(0, 16)}`;
	} catch {
		version = null;
	}
	return version;
}

function hash(parts: readonly string[]): string {
	const h = createHash('sha256');
	for (const p of parts) h.update(p).update('\0');
	return h.digest('hex').slice(0, 32);
}

const madeDirs = new Set<string>();

/** Write `data` to `file` atomically (temporary file in the same folder, then rename). Throws. */
export function writeFileAtomic(file: string, data: string): void {
	const dir = path.dirname(file);
	if (!madeDirs.has(dir)) {
		fs.mkdirSync(dir, {recursive: true});
		madeDirs.add(dir);
	}
	const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
	try {
		fs.writeFileSync(tmp, data);
		fs.renameSync(tmp, file);
	} catch (e) {
		try {
			fs.unlinkSync(tmp);
		} catch {
			/* never written */
		}
		throw e;
	}
}

function readEntry(kind: string, key: string): unknown {
	const {dir, readOnly} = cacheConfig();
	for (const d of dir === null ? readOnly : [dir, ...readOnly]) {
		let text: string;
		try {
			text = fs.readFileSync(path.join(d, kind, `${key}.json`), 'utf8');
		} catch {
			continue;
		}
		try {
			const entry = JSON.parse(text) as {format?: unknown; key?: unknown; value?: unknown};
			if (entry && entry.format === CACHE_FORMAT && entry.key === key && entry.value !== undefined) return entry.value;
		} catch {
			/* corrupt: a miss, rewritten after the work is redone */
		}
	}
	return undefined;
}

function writeEntry(kind: string, key: string, value: unknown): void {
	const {dir} = cacheConfig();
	if (dir === null) return;
	try {
		writeFileAtomic(path.join(dir, kind, `${key}.json`), JSON.stringify({format: CACHE_FORMAT, key, value}));
	} catch {
		/* best effort: a read-only or full disk only costs a parse next time */
	}
}

async function writeEntryAsync(kind: string, key: string, value: unknown): Promise<void> {
	const {dir} = cacheConfig();
	if (dir === null) return;
	const file = path.join(dir, kind, `${key}.json`);
	const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
	try {
		await fs.promises.mkdir(path.dirname(file), {recursive: true});
		await fs.promises.writeFile(tmp, JSON.stringify({format: CACHE_FORMAT, key, value}));
		await fs.promises.rename(tmp, file);
	} catch {
		await fs.promises.unlink(tmp).catch(() => undefined);
	}
}

// ------------------------------------------------------------------ parsed articles

/** What is stored for a parsed article: everything but its text (which the caller has). */
type CachedArticle = Omit<Article, 'text'>;

/** Cache key of a parse: code version, text and hints (not the file's path, so the key travels). */
export function parseKey(text: string, hints: ArticleHints): string | null {
	const v = codeVersion();
	if (v === null) return null;
	const {file: _file, ...rest} = hints;
	return hash([`parse/${CACHE_FORMAT}/${v}`, JSON.stringify(rest, Object.keys(rest).sort()), text]);
}

function isSpanList(v: unknown, length: number): boolean {
	return (
		Array.isArray(v) &&
		v.every((s: {start?: unknown; end?: unknown}) => s !== null && typeof s === 'object' && Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= (s.start as number) && (s.start as number) <= (s.end as number) && (s.end as number) <= length)
	);
}

function validArticle(v: unknown, text: string): v is CachedArticle {
	if (v === null || typeof v !== 'object') return false;
	const a = v as Partial<Record<keyof CachedArticle, unknown>>;
	const meta = a.meta as Partial<Article['meta']> | undefined;
	return (
		typeof meta === 'object' &&
		meta !== null &&
		typeof meta.id === 'string' &&
		typeof meta.outlet === 'string' &&
		typeof meta.title === 'string' &&
		typeof a.wordCount === 'number' &&
		isSpanList(a.paragraphs, text.length) &&
		isSpanList(a.sentences, text.length) &&
		isSpanList(a.furniture, text.length)
	);
}

/** The cached parse of `text` with `hints`, if there is a sound one. */
export function readCachedParse(text: string, hints: ArticleHints): Article | undefined {
	const key = parseKey(text, hints);
	if (key === null) return undefined;
	const value = readEntry('parse', key);
	if (!validArticle(value, text)) return undefined;
	const {file: _file, ...meta} = value.meta;
	return {...value, meta: {...meta, ...(hints.file !== undefined && {file: hints.file})}, text};
}

/** Store a parse (synchronously: a few hundred microseconds, far less than the parse itself). */
export function writeCachedParse(hints: ArticleHints, article: Article): void {
	const key = parseKey(article.text, hints);
	if (key === null) return;
	const {text: _text, ...rest} = article;
	const {file: _file, ...meta} = rest.meta;
	writeEntry('parse', key, {...rest, meta});
}

/**
 * `parseArticle`, through the cache. On a miss it parses, which needs the sentence model:
 * it throws `NlpNotLoadedError` unless `loadNlp()` (src/core/segment.ts) has finished.
 */
export function parseArticleCached(text: string, hints: ArticleHints): Article {
	const hit = readCachedParse(text, hints);
	if (hit) return hit;
	const article = parseArticle(text, hints);
	writeCachedParse(hints, article);
	return article;
}

// ------------------------------------------------------------------ story analyses

/** An alignment as plain JSON: links by article index, and each passage's parallels as link indices. */
export interface AlignmentData {
	/** Article ids in story order. */
	readonly articles: readonly string[];
	/** Five numbers per link, in `Alignment.links` order: fromArticle, fromSentence, toArticle, toSentence, score. */
	readonly links: readonly number[];
	/**
	 * For article index a: its sentences' parallels, best first, as indices into the links, all
	 * sentences one after another; sentence s's are `items[offsets[s]] … items[offsets[s + 1] - 1]`.
	 */
	readonly parallels: readonly {readonly offsets: readonly number[]; readonly items: readonly number[]}[];
	readonly facts: readonly Fact[];
	readonly unique: Readonly<Record<string, readonly number[]>>;
	readonly duplicates: readonly (readonly [string, string])[];
}

/**
 * An {@link Alignment} as plain JSON ({@link alignmentFromData} rebuilds it). Throws if a
 * parallel is not one of the links (the aligner's contract), so such an alignment is not cached.
 */
export function alignmentToData(articles: readonly Article[], alignment: Alignment): AlignmentData {
	const index = new Map<string, number>();
	articles.forEach((a, i) => {
		if (!index.has(a.meta.id)) index.set(a.meta.id, i);
	});
	const artOf = (id: string): number => {
		const i = index.get(id);
		if (i === undefined) throw new Error(`alignment names an unknown article ${id}`);
		return i;
	};
	const base: number[] = [];
	let units = 0;
	for (const a of articles) {
		base.push(units);
		units += a.sentences.length;
	}
	const unit = (r: PassageRef): number => base[artOf(r.article)]! + r.sentence;
	const byPair = new Map<number, number>();
	const links: number[] = [];
	alignment.links.forEach((l, li) => {
		const u = unit(l.from);
		const v = unit(l.to);
		byPair.set(Math.min(u, v) * units + Math.max(u, v), li);
		links.push(artOf(l.from.article), l.from.sentence, artOf(l.to.article), l.to.sentence, l.score);
	});
	const parallels = articles.map((a, ai) => {
		const offsets = [0];
		const items: number[] = [];
		a.sentences.forEach((_, si) => {
			for (const p of alignment.parallelsOf(a.meta.id, si)) {
				const u = base[ai]! + si;
				const v = unit(p);
				const li = byPair.get(Math.min(u, v) * units + Math.max(u, v));
				if (li === undefined || links[li * 5 + 4] !== p.score) throw new Error('a parallel is not a link');
				items.push(li);
			}
			offsets.push(items.length);
		});
		return {offsets, items};
	});
	return {
		articles: articles.map((a) => a.meta.id),
		links,
		parallels,
		facts: alignment.facts,
		unique: alignment.unique,
		duplicates: alignment.duplicates,
	};
}

/** Rebuild an {@link Alignment} (with `parallelsOf` and `factOf`) from {@link alignmentToData}'s output. */
export function alignmentFromData(data: AlignmentData): Alignment {
	const ids = data.articles;
	const index = new Map<string, number>();
	ids.forEach((id, i) => {
		if (!index.has(id)) index.set(id, i);
	});
	const L = data.links;
	let links: Link[] | undefined;
	const factAt = new Map<string, Fact>();
	for (const f of data.facts) for (const p of f.passages) factAt.set(`${p.sentence}@${p.article}`, f);
	const memo = new Map<number, readonly Parallel[]>();
	const none: readonly Parallel[] = [];
	return {
		// built on first use, as the aligner does: a large story has hundreds of thousands
		get links() {
			links ??= Array.from({length: L.length / 5}, (_, li) => ({
				from: {article: ids[L[li * 5]!]!, sentence: L[li * 5 + 1]!},
				to: {article: ids[L[li * 5 + 2]!]!, sentence: L[li * 5 + 3]!},
				score: L[li * 5 + 4]!,
			}));
			return links;
		},
		facts: data.facts,
		unique: data.unique,
		duplicates: data.duplicates,
		parallelsOf(articleId, sentenceIndex) {
			const ai = index.get(articleId);
			const par = ai === undefined || !Number.isInteger(sentenceIndex) ? undefined : data.parallels[ai];
			const from = par?.offsets[sentenceIndex];
			const to = par?.offsets[sentenceIndex + 1];
			if (from === undefined || to === undefined) return none;
			const key = ai! * 0x10000000 + sentenceIndex;
			let r = memo.get(key);
			if (!r) {
				r = par!.items.slice(from, to).map((li) => {
					const self = L[li * 5] === ai && L[li * 5 + 1] === sentenceIndex;
					return {article: ids[L[li * 5 + (self ? 2 : 0)]!]!, sentence: L[li * 5 + (self ? 3 : 1)]!, score: L[li * 5 + 4]!};
				});
				memo.set(key, r);
			}
			return r;
		},
		factOf(articleId, sentenceIndex) {
			return factAt.get(`${sentenceIndex}@${articleId}`);
		},
	};
}

/** Cache key of a story's analysis: code version and every article's parse and metadata. */
export function analysisKey(story: Story): string | null {
	const v = codeVersion();
	if (v === null) return null;
	const h = createHash('sha256').update(`analysis/${CACHE_FORMAT}/${v}\0`);
	for (const a of story.articles) {
		const {file: _file, ...meta} = a.meta;
		h.update(JSON.stringify(meta)).update('\0').update(a.text).update('\0');
		for (const p of a.paragraphs) h.update(`${p.start},${p.end},${p.role};`);
		for (const s of a.sentences) h.update(`${s.start},${s.end},${s.paragraph};`);
		h.update('\0');
	}
	return h.digest('hex').slice(0, 32);
}

interface AnalysisData {
	readonly quotes: StoryQuotes;
	readonly alignment: AlignmentData;
}

function validAnalysis(v: unknown, story: Story): v is AnalysisData {
	if (v === null || typeof v !== 'object') return false;
	const {quotes, alignment} = v as Partial<AnalysisData>;
	return (
		typeof quotes === 'object' &&
		quotes !== null &&
		Array.isArray(quotes.quotes) &&
		Array.isArray(quotes.speakers) &&
		Array.isArray(quotes.groups) &&
		typeof alignment === 'object' &&
		alignment !== null &&
		Array.isArray(alignment.links) &&
		Array.isArray(alignment.facts) &&
		Array.isArray(alignment.duplicates) &&
		typeof alignment.unique === 'object' &&
		alignment.links.length % 5 === 0 &&
		Array.isArray(alignment.parallels) &&
		alignment.parallels.length === story.articles.length &&
		alignment.parallels.every((p, i) => Array.isArray(p?.offsets) && Array.isArray(p.items) && p.offsets.length === story.articles[i]!.sentences.length + 1) &&
		Array.isArray(alignment.articles) &&
		alignment.articles.every((id, i) => id === story.articles[i]!.meta.id)
	);
}

/**
 * The story's analysis from the cache, or undefined (nothing cached, stale or damaged: analyse,
 * then {@link saveAnalysis}). Reads asynchronously; parsing the JSON is the only blocking part.
 * Never rejects.
 */
export async function loadCachedAnalysis(story: Story): Promise<StoryAnalysis | undefined> {
	try {
		const key = analysisKey(story);
		if (key === null) return undefined;
		const {dir, readOnly} = cacheConfig();
		for (const d of dir === null ? readOnly : [dir, ...readOnly]) {
			let text: string;
			try {
				text = await fs.promises.readFile(path.join(d, 'analysis', `${key}.json`), 'utf8');
			} catch {
				continue;
			}
			try {
				const entry = JSON.parse(text) as {format?: unknown; key?: unknown; value?: unknown};
				if (entry?.format !== CACHE_FORMAT || entry.key !== key || !validAnalysis(entry.value, story)) continue;
				return {quotes: entry.value.quotes, alignment: alignmentFromData(entry.value.alignment)};
			} catch {
				/* corrupt: a miss */
			}
		}
	} catch {
		/* any failure is a miss */
	}
	return undefined;
}

/**
 * Analyses with more links than this are not cached: turning one into the cache's format takes
 * 0.6–0.9 s at 150,000 links (300 articles; bench/cache-save.ts) and grows from there, and reading it back is not much
 * faster than analysing again.
 */
export const SAVE_LIMIT_LINKS = 200_000;

/** Store a story's analysis (asynchronously, best effort; never rejects). */
export async function saveAnalysis(story: Story, analysis: StoryAnalysis): Promise<void> {
	try {
		const key = analysisKey(story);
		if (key === null || cacheConfig().dir === null) return;
		const value: AnalysisData = {quotes: analysis.quotes, alignment: alignmentToData(story.articles, analysis.alignment)};
		await writeEntryAsync('analysis', key, value);
	} catch {
		/* not cacheable (or no space): analysed again next time */
	}
}

/** {@link saveAnalysis}, synchronously (the build's seed cache; scripts). Never throws. */
export function saveAnalysisSync(story: Story, analysis: StoryAnalysis): void {
	try {
		const key = analysisKey(story);
		if (key === null) return;
		writeEntry('analysis', key, {quotes: analysis.quotes, alignment: alignmentToData(story.articles, analysis.alignment)});
	} catch {
		/* best effort */
	}
}
