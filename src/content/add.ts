/**
 * `newsreader add URL... [--story NAME]`: fetch web pages, extract their articles and save them
 * as markdown in the user's data directory, so they open like any other story folder.
 *
 * Each page is fetched with a timeout (15 s), a size limit (5 MB, enforced while streaming) and
 * a content-type check (HTML or plain text only). The article is saved as
 * `<dataDir>/stories/<story-slug>/<headline-slug>.md` with YAML front matter (title, outlet,
 * date, url), which the loader reads back with the same metadata. Saving the same address again
 * replaces the earlier copy. Every failure is one line per URL, never an exception.
 */
import {mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync, existsSync} from 'node:fs';
import path from 'node:path';
import {stringify as stringifyYaml} from 'yaml';
import {dataDir, storiesDir} from './dataDir.js';
import {extractHtml, loadHtmlModules, NoArticleError, sniffHtmlCharset} from './html.js';
import {decodeText, InputError, MANIFEST_NAME, MAX_FILE_BYTES, normaliseDate} from './load.js';
import {prepareMarkdown} from './markdown.js';

export {dataDir, savedStoryFolders, storiesDir} from './dataDir.js';

/** Options for {@link addUrls}. */
export interface AddOptions {
	/**
	 * Story (folder) to save into. Default: one story for all the pages of this call (one event
	 * from several outlets), named after the first page's headline.
	 */
	readonly story?: string;
	/** Data directory; default {@link dataDir}(). */
	readonly dataDir?: string;
	/** The fetch to use (tests inject a fake); default the global fetch. */
	readonly fetch?: typeof fetch;
	/** Give up on a page after this long; default 15 000 ms. */
	readonly timeoutMs?: number;
	/** Refuse pages larger than this; default 5 MB. */
	readonly maxBytes?: number;
}

/** What {@link addUrls} did: files written, and one line per URL that failed. */
export interface AddResult {
	readonly saved: string[];
	readonly errors: string[];
}

/** Default time limit for one page. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Content types we accept. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text/plain']);

/** A page could not be fetched or read; the message completes "could not fetch URL: …". */
export class FetchError extends Error {
	override readonly name = 'FetchError';
}

/** A fetched page's bytes and what the server said they are. */
export interface FetchedPage {
	readonly bytes: Uint8Array;
	/** Lower-case MIME type without parameters ("text/html"); "" when the server gave none. */
	readonly mime: string;
	readonly charset?: string;
	/** The address after redirects. */
	readonly url: string;
}

function describeFailure(e: unknown, timedOut: boolean, timeoutMs: number): string {
	if (timedOut) return `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
	const err = e as {name?: string; message?: string; code?: string; cause?: {code?: string; message?: string}};
	const code = err.cause?.code ?? err.code;
	if (code) return `offline or blocked (${code})`;
	if (err.name === 'AbortError') return 'the request was cancelled';
	return `offline or blocked (${err.cause?.message ?? err.message ?? String(e)})`;
}

/**
 * Fetch one page with a time limit, a size limit (checked against Content-Length and while
 * streaming, aborting past it) and a content-type check. Throws {@link FetchError}.
 */
export async function fetchPage(
	url: string,
	opts: {fetch?: typeof fetch; timeoutMs?: number; maxBytes?: number} = {},
): Promise<FetchedPage> {
	const doFetch = opts.fetch ?? globalThis.fetch;
	const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
	const tooBig = () => new FetchError(`the page is larger than ${maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes} bytes`}`);
	const controller = new AbortController();
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, timeoutMs);
	try {
		let res: Response;
		try {
			res = await doFetch(url, {
				signal: controller.signal,
				redirect: 'follow',
				headers: {accept: 'text/html,application/xhtml+xml,text/plain;q=0.9', 'user-agent': 'newsreader (terminal news reader)'},
			});
		} catch (e) {
			throw new FetchError(describeFailure(e, timedOut, timeoutMs));
		}
		const discard = () => res.body?.cancel().catch(() => undefined);
		if (!res.ok) {
			await discard();
			const blocked = [401, 403, 407, 451].includes(res.status) ? 'blocked, ' : '';
			throw new FetchError(`${blocked}HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
		}
		const type = res.headers.get('content-type') ?? '';
		const mime = (type.split(';')[0] ?? '').trim().toLowerCase();
		const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(type)?.[1]?.toLowerCase();
		if (mime && !HTML_TYPES.has(mime) && !TEXT_TYPES.has(mime)) {
			await discard();
			throw new FetchError(`not a web page or text (${mime})`);
		}
		const declared = Number(res.headers.get('content-length'));
		if (Number.isFinite(declared) && declared > maxBytes) {
			controller.abort();
			await discard();
			throw tooBig();
		}
		const chunks: Uint8Array[] = [];
		let total = 0;
		if (res.body) {
			const reader = res.body.getReader();
			try {
				for (;;) {
					const {done, value} = await reader.read();
					if (done) break;
					total += value.byteLength;
					if (total > maxBytes) {
						controller.abort();
						await reader.cancel().catch(() => undefined);
						throw tooBig();
					}
					chunks.push(value);
				}
			} catch (e) {
				if (e instanceof FetchError) throw e;
				throw new FetchError(describeFailure(e, timedOut, timeoutMs));
			}
		}
		const bytes = Buffer.concat(chunks);
		return {bytes, mime, ...(charset !== undefined && {charset}), url: res.url || url};
	} finally {
		clearTimeout(timer);
	}
}

/** A file-name-safe slug: lower-case letters, digits and hyphens, at most `max` characters. */
export function slugify(s: string, max = 60): string {
	const slug = s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	const cut = slug.length > max ? slug.slice(0, max).replace(/-[^-]*$/, '') || slug.slice(0, max) : slug;
	return cut || 'article';
}

/** An extracted article ready to save. */
export interface SavedArticle {
	readonly text: string;
	readonly title?: string;
	readonly outlet?: string;
	readonly date?: string;
	readonly url: string;
}

/** The markdown file for a saved article: YAML front matter (title, outlet, date, url), then the text. */
export function articleMarkdown(a: SavedArticle): string {
	const fm: Record<string, string> = {};
	if (a.title) fm.title = a.title;
	if (a.outlet) fm.outlet = a.outlet;
	if (a.date) fm.date = a.date;
	fm.url = a.url;
	return `---\n${stringifyYaml(fm, {lineWidth: 0}).trimEnd()}\n---\n\n${a.text.trim()}\n`;
}

/** Turn fetched bytes into an article (HTML through readability, plain text as it is). */
async function extract(page: FetchedPage, requested: string): Promise<SavedArticle> {
	const head = Buffer.from(page.bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
	const looksHtml = head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:head|body)[\s>]/.test(head);
	const isHtml = HTML_TYPES.has(page.mime) || (!page.mime && looksHtml);
	if (!isHtml && !TEXT_TYPES.has(page.mime)) throw new FetchError('not a web page or text (no content type)');
	let text: string;
	try {
		text = decodeText(page.bytes, requested, undefined, page.charset ?? (isHtml ? sniffHtmlCharset(page.bytes) : undefined));
	} catch (e) {
		if (e instanceof InputError) throw new FetchError('the page is not text');
		throw e;
	}
	if (!text.trim()) throw new FetchError('the page is empty');
	if (!isHtml) {
		const title = text.trim().split('\n')[0]?.trim();
		return {text, ...(title && title.length <= 150 && {title}), url: page.url};
	}
	try {
		const p = extractHtml(text, await loadHtmlModules());
		const date = normaliseDate(p.date);
		return {
			text: p.text,
			...(p.title !== undefined && {title: p.title}),
			...(p.outlet !== undefined && {outlet: p.outlet}),
			...(date !== undefined && {date}),
			url: p.url && /^https?:\/\//i.test(p.url) ? p.url : page.url,
		};
	} catch (e) {
		if (e instanceof NoArticleError) throw new FetchError('no article text found on the page');
		throw e;
	}
}

/** The saved file in `folder` whose front matter has this address, if any. */
function findSaved(folder: string, urls: readonly string[]): string | undefined {
	let names: string[];
	try {
		names = readdirSync(folder).filter((n) => n.endsWith('.md')).sort();
	} catch {
		return undefined;
	}
	for (const n of names) {
		const file = path.join(folder, n);
		try {
			const saved = prepareMarkdown(readFileSync(file, 'utf8').slice(0, 8192), file).frontMatter.url;
			if (saved && urls.includes(saved)) return file;
		} catch {
			/* unreadable: not ours to match */
		}
	}
	return undefined;
}

/** Write a file atomically (temporary file, then rename). */
function writeAtomic(file: string, content: string): void {
	const tmp = `${file}.${process.pid}.tmp`;
	writeFileSync(tmp, content);
	renameSync(tmp, file);
}

/**
 * Fetch each URL, extract its article and save it as markdown under
 * `<dataDir>/stories/<story-slug>/`. Never throws for a bad URL or page: each failure is one
 * line in `errors`, like "could not fetch https://…: offline or blocked (ENOTFOUND)".
 * The story's name (given, or the first page's headline) is written to the folder's `story.json`
 * as its title, if it has none.
 */
export async function addUrls(urls: string[], opts: AddOptions = {}): Promise<AddResult> {
	const saved: string[] = [];
	const errors: string[] = [];
	const base = storiesDir(opts.dataDir ?? dataDir());
	let storyName = opts.story?.trim() || undefined;
	for (const raw of urls) {
		let url: URL;
		try {
			url = new URL(raw);
			if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
		} catch {
			errors.push(`not a web address: ${raw} (expected http:// or https://)`);
			continue;
		}
		try {
			const page = await fetchPage(url.href, opts);
			const article = await extract(page, url.href);
			storyName ??= article.title?.trim() || article.outlet || 'saved';
			const folder = path.join(base, slugify(storyName));
			mkdirSync(folder, {recursive: true});
			const manifest = path.join(folder, MANIFEST_NAME);
			if (!existsSync(manifest)) writeAtomic(manifest, `${JSON.stringify({title: storyName}, null, 2)}\n`);
			let file = findSaved(folder, [article.url, page.url, url.href]);
			if (!file) {
				const stem = slugify(article.title ?? `${url.hostname} ${url.pathname}`);
				file = path.join(folder, `${stem}.md`);
				for (let n = 2; existsSync(file); n++) file = path.join(folder, `${stem}-${n}.md`);
			}
			writeAtomic(file, articleMarkdown(article));
			saved.push(file);
		} catch (e) {
			if (e instanceof FetchError) errors.push(`could not fetch ${url.href}: ${e.message}`);
			else errors.push(`could not save ${url.href}: ${e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e)}`);
		}
	}
	return {saved, errors};
}
