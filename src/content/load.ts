/**
 * Reading stories from disk: the embedded seed story, or the user's files and folders.
 * This is the I/O edge of the content pipeline; everything after reading is `src/core`.
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArticle, type ArticleHints} from '../core/article.js';
import type {Article, Story} from '../core/types.js';

/** A problem with what the user asked us to read: shown as one line, exit code 2. */
export class InputError extends Error {
	override readonly name = 'InputError';
}

/** Article files we read. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];
/** Files above this size are refused (a news article is far smaller). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

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

/** The embedded seed story (five outlets on the December 2021 Biden–Putin call). */
export function loadSeedStory(): Story {
	const root = packageRoot();
	const manifest = readManifest(path.join(root, 'content', 'seed-story.json'));
	return buildStory(
		(manifest?.articles ?? []).map((e) => readArticleFile(path.join(root, 'seeds', e.file), e)),
		manifest?.title,
	);
}

/** Notes for the user about what was read (duplicates skipped, files ignored). */
export interface LoadReport {
	readonly story: Story;
	readonly notices: readonly string[];
}

/**
 * Load the story made of the given paths (files or folders). A folder's `story.json`, if any,
 * names the story and gives each article's outlet, headline, date and url.
 * Throws {@link InputError} for anything the user must fix.
 */
export function loadStory(paths: readonly string[]): LoadReport {
	const notices: string[] = [];
	const files: {file: string; entry?: ManifestEntry}[] = [];
	let title: string | undefined;
	for (const p of paths) {
		const st = statOrThrow(p);
		if (st.isDirectory()) {
			const manifest = readManifest(path.join(p, 'story.json'));
			title ??= manifest?.title;
			const entries = new Map((manifest?.articles ?? []).map((e) => [e.file, e]));
			let names: string[];
			try {
				names = readdirSync(p).sort();
			} catch (e) {
				throw new InputError(`cannot read folder ${p}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
			}
			const articles = names.filter((n) => ARTICLE_EXTENSIONS.includes(path.extname(n).toLowerCase()) && !n.startsWith('.'));
			if (articles.length === 0) throw new InputError(`no articles in ${p} (looked for ${ARTICLE_EXTENSIONS.join(', ')} files)`);
			for (const n of articles) {
				const entry = entries.get(n);
				files.push({file: path.join(p, n), ...(entry && {entry})});
			}
		} else {
			if (!ARTICLE_EXTENSIONS.includes(path.extname(p).toLowerCase()))
				notices.push(`${p}: not a .txt, .md or .html file; reading it as plain text`);
			files.push({file: p});
		}
	}
	const articles: Article[] = [];
	const seen = new Map<string, string>();
	for (const {file, entry} of files) {
		const a = readArticleFile(file, entry);
		const h = contentHash(a.text);
		const twin = seen.get(h);
		if (twin) {
			notices.push(`${file} is the same article as ${twin}; kept once`);
			continue;
		}
		seen.set(h, file);
		articles.push(a);
	}
	return {story: buildStory(articles, title), notices};
}

function statOrThrow(p: string) {
	try {
		return statSync(p);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new InputError(`no such file or folder: ${p}`);
		if (code === 'EACCES' || code === 'EPERM') throw new InputError(`permission denied: ${p}`);
		throw new InputError(`cannot read ${p}: ${code ?? String(e)}`);
	}
}

function readManifest(file: string): Manifest | undefined {
	if (!existsSync(file)) return undefined;
	try {
		const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
		if (typeof m !== 'object' || m === null) throw new Error('not an object');
		return m;
	} catch (e) {
		throw new InputError(`${file} is not a valid story manifest (${(e as Error).message})`);
	}
}

/** Decode file bytes as text: UTF-8 (BOM dropped); refuse binary files clearly. */
export function decodeText(bytes: Buffer, file: string): string {
	if (bytes.includes(0)) throw new InputError(`${file} looks like a binary file, not an article`);
	let text = new TextDecoder('utf-8', {fatal: false}).decode(bytes);
	if (text.includes('\ufffd') && !bytes.toString('latin1').includes('\ufffd')) {
		// Not valid UTF-8: most such news files are Windows-1252.
		text = new TextDecoder('windows-1252').decode(bytes);
	}
	return text.replace(/^\ufeff/, '');
}

/** Read and parse one article file. */
export function readArticleFile(file: string, entry?: ManifestEntry): Article {
	const st = statOrThrow(file);
	if (st.isDirectory()) throw new InputError(`${file} is a folder, expected an article file`);
	if (st.size > MAX_FILE_BYTES)
		throw new InputError(`${file} is ${(st.size / 1024 / 1024).toFixed(1)} MB; articles over ${MAX_FILE_BYTES / 1024 / 1024} MB are refused`);
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new InputError(code === 'EACCES' || code === 'EPERM' ? `permission denied: ${file}` : `cannot read ${file}: ${code ?? e}`);
	}
	const text = decodeText(bytes, file);
	if (!text.trim()) throw new InputError(`${file} is empty`);
	const id = path.basename(file).replace(/\.[^.]+$/, '');
	const hints: ArticleHints = {
		id,
		file,
		...(entry?.outlet && {outlet: entry.outlet}),
		...(entry?.title && {title: entry.title}),
		...(entry?.date && {date: entry.date}),
		...(entry?.url && {url: entry.url}),
	};
	const article = parseArticle(text, hints);
	if (article.sentences.length === 0) throw new InputError(`${file} has no readable text`);
	if (!entry?.outlet && article.meta.outlet === 'Unknown outlet') {
		// Outlet from the wire credit, else from the file name.
		return {...article, meta: {...article.meta, outlet: article.meta.wire ?? outletFromFileName(id)}};
	}
	return article;
}

/** "cnn-putin-biden" → "cnn"; "000_21bccf" → the id itself. */
function outletFromFileName(id: string): string {
	const head = id.split(/[-_ ]/)[0] ?? id;
	return /^\d+$/.test(head) ? id : head;
}

/** Assemble a story: id from the articles' content, title from the manifest or the first headline. */
export function buildStory(articles: readonly Article[], title?: string): Story {
	const id = contentHash(articles.map((a) => contentHash(a.text)).join(','));
	return {id, title: title ?? articles[0]?.meta.title ?? 'Untitled story', articles};
}
