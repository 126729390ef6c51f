/**
 * Saved web pages: metadata from the page's head, the article through @mozilla/readability on a
 * linkedom document, and the article as plain text.
 *
 * **Offsets of an HTML article point into the extracted plain text, not into the markup**
 * (see {@link HTML_TEXT_NOTE}): the text is the page's headline, then each block of the
 * article (paragraph, heading, list item, quote, caption) on its own, separated by blank lines,
 * whitespace collapsed. Extraction is deterministic, so the same file always gives the same text
 * and the same offsets.
 *
 * linkedom and readability are loaded with a dynamic `import()` by {@link loadHtmlModules}, only
 * when an HTML file or a URL is read, to keep start-up fast.
 */
import type {Readability as ReadabilityClass} from '@mozilla/readability';

/** What offsets of an article read from HTML point into. */
export const HTML_TEXT_NOTE =
	'For .html articles, Article.text is the plain text extracted from the page (its headline, then one block per paragraph, heading, list item, quote or caption, separated by blank lines), and every offset points into that text, not into the HTML.';

/** The two libraries HTML reading needs, loaded on demand. */
export interface HtmlModules {
	readonly parseHTML: (html: string) => {document: Document};
	readonly Readability: typeof ReadabilityClass;
}

let modules: HtmlModules | undefined;

/** Load linkedom and readability (once); later calls return the same modules. */
export async function loadHtmlModules(): Promise<HtmlModules> {
	if (modules) return modules;
	const [linkedom, readability] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
	// readability is CommonJS: bundled, its exports sit on `default` (Node's own loader lifts them).
	const cjs = (readability as unknown as {default?: {Readability?: typeof ReadabilityClass}}).default;
	const Readability = readability.Readability ?? cjs?.Readability;
	if (!Readability) throw new Error('the HTML reader (@mozilla/readability) failed to load');
	modules = {parseHTML: linkedom.parseHTML as unknown as HtmlModules['parseHTML'], Readability};
	return modules;
}

/** The HTML modules if {@link loadHtmlModules} has already loaded them. */
export function loadedHtmlModules(): HtmlModules | undefined {
	return modules;
}

/** An article extracted from a page. */
export interface ExtractedPage {
	/** Plain text: the headline, then the article's blocks, separated by blank lines. */
	readonly text: string;
	readonly title?: string;
	readonly outlet?: string;
	readonly date?: string;
	readonly url?: string;
}

/** Why a page gave no article (the caller words the message). */
export class NoArticleError extends Error {
	override readonly name = 'NoArticleError';
}

/** Page metadata read before readability runs (it changes the document). */
interface PageMeta {
	title?: string;
	outlet?: string;
	titleSuffixOutlet?: string;
	date?: string;
	url?: string;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage)$/;

function clean(s: string | null | undefined): string | undefined {
	const t = s?.replace(/\s+/g, ' ').trim();
	return t ? t : undefined;
}

function ldName(v: unknown): string | undefined {
	if (typeof v === 'string') return clean(v);
	if (Array.isArray(v)) return ldName(v[0]);
	if (v && typeof v === 'object') return ldName((v as Record<string, unknown>).name);
	return undefined;
}

function ldUrl(v: unknown): string | undefined {
	if (typeof v === 'string') return clean(v);
	if (Array.isArray(v)) return ldUrl(v[0]);
	if (v && typeof v === 'object') return ldUrl((v as Record<string, unknown>)['@id'] ?? (v as Record<string, unknown>).url);
	return undefined;
}

/** The first article-like object in the page's JSON-LD, if any. */
function jsonLdArticle(doc: Document): Record<string, unknown> | undefined {
	const found: Record<string, unknown>[] = [];
	const visit = (v: unknown) => {
		if (Array.isArray(v)) return v.forEach(visit);
		if (!v || typeof v !== 'object') return;
		const o = v as Record<string, unknown>;
		if (Array.isArray(o['@graph'])) visit(o['@graph']);
		const types = ([] as unknown[]).concat(o['@type'] ?? []);
		if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) found.push(o);
	};
	for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
		try {
			visit(JSON.parse(s.textContent ?? ''));
		} catch {
			/* broken JSON-LD is common; the other metadata still counts */
		}
	}
	// A page's WebPage object is a last resort: prefer the article itself.
	return found.find((o) => !([] as unknown[]).concat(o['@type']).includes('WebPage')) ?? found[0];
}

function metaContent(doc: Document, ...names: string[]): string | undefined {
	for (const n of names) {
		const el = doc.querySelector(`meta[property="${n}"]`) ?? doc.querySelector(`meta[name="${n}"]`) ?? doc.querySelector(`meta[itemprop="${n}"]`);
		const v = clean(el?.getAttribute('content'));
		if (v) return v;
	}
	return undefined;
}

function readMeta(doc: Document): PageMeta {
	const ld = jsonLdArticle(doc);
	const meta: PageMeta = {};
	meta.outlet = metaContent(doc, 'og:site_name') ?? ldName(ld?.publisher) ?? metaContent(doc, 'application-name', 'publisher', 'twitter:site:name');
	meta.title =
		metaContent(doc, 'og:title', 'twitter:title') ??
		(typeof ld?.headline === 'string' ? clean(ld.headline) : undefined) ??
		clean(doc.querySelector('h1')?.textContent) ??
		clean(doc.querySelector('title')?.textContent);
	const docTitle = clean(doc.querySelector('title')?.textContent);
	const suffix = docTitle && /\s[|]\s([^|]{2,40})$/.exec(docTitle);
	if (suffix?.[1] && suffix[1].split(/\s+/).length <= 4) meta.titleSuffixOutlet = suffix[1].trim();
	meta.date =
		metaContent(doc, 'article:published_time', 'og:article:published_time', 'datePublished') ??
		(typeof ld?.datePublished === 'string' ? clean(ld.datePublished) : undefined) ??
		clean(doc.querySelector('article time[datetime]')?.getAttribute('datetime')) ??
		clean(doc.querySelector('time[datetime]')?.getAttribute('datetime')) ??
		metaContent(doc, 'date', 'pubdate', 'publish-date', 'parsely-pub-date', 'dc.date', 'DC.date.issued');
	meta.url =
		clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? metaContent(doc, 'og:url') ?? ldUrl(ld?.mainEntityOfPage) ?? ldUrl(ld?.url);
	return meta;
}

/** Strip a trailing " | Outlet", " - Outlet" from a page title. */
function stripSiteSuffix(title: string, outlet: string | undefined): string {
	if (!outlet) return title;
	const k = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
	const m = /^(.{10,}?)\s+[|\-–—:·•]\s+([^|\-–—]+)$/u.exec(title);
	if (m?.[1] && m[2] && k(m[2]) === k(outlet)) return m[1].trim();
	return title;
}

/** Class/id words that mark page furniture around an article. */
const JUNK_WORD =
	/^(?:cookies?|consent|gdpr|newsletters?|subscribe|subscription|signup|share|sharing|sharebar|social|socials|related|recommended|recommendations|recirc|recirculation|promo|promos|promotion|advert|adverts|advertisement|advertising|ad|ads|adslot|dfp|sponsor|sponsored|paywall|outbrain|taboola|breadcrumbs?|comments?|popup|modal|toolbar|banner|masthead|navbar|nav|menu|footer|sidebar|trending|most-read|mostread|tags)$/i;
const JUNK_CLASS = /\b(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader|a11y-hidden)\b/i;
const JUNK_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'FORM', 'BUTTON', 'NAV', 'FOOTER', 'ASIDE', 'SELECT', 'INPUT', 'TEXTAREA', 'DIALOG', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO']);
const JUNK_ROLES = /^(?:navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar|toolbar)$/i;
const KEEP_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE', 'H1']);

/** Remove navigation, prompts, share bars, ads and related-links boxes before readability runs. */
function removeFurniture(doc: Document): void {
	const body = doc.body;
	if (!body) return;
	const total = (body.textContent ?? '').length;
	for (const el of Array.from(body.querySelectorAll('*'))) {
		if (!el.isConnected || KEEP_TAGS.has(el.tagName)) continue;
		let junk = JUNK_TAGS.has(el.tagName) || el.hasAttribute('hidden') || JUNK_ROLES.test(el.getAttribute('role') ?? '');
		if (!junk) {
			const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
			if (JUNK_CLASS.test(names)) junk = true;
			else if (names.trim()) {
				const words = names.split(/[\s_-]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
				junk = words.some((w) => JUNK_WORD.test(w)) && !words.some((w) => /^(?:article|story|body|content|main|post|entry)$/i.test(w) && el.querySelector('p') !== null);
			}
		}
		// Never remove what holds most of the page's text (a badly named wrapper).
		if (junk && !JUNK_TAGS.has(el.tagName) && (el.textContent ?? '').length > Math.max(600, total * 0.5)) junk = false;
		if (junk) el.remove();
	}
}

const INLINE = new Set([
	'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP',
	'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'IMG', 'PICTURE', 'SOURCE',
]);

/**
 * The plain-text blocks of an element: block elements start new blocks, inline text joins,
 * whitespace collapses. A short block made only of link or `<time>` text (a section label, a
 * related-story link, a date stamp) is navigation, not news, and is left out.
 */
export function textBlocks(root: Node): string[] {
	const blocks: string[] = [];
	let buf = '';
	let plain = 0;
	const flush = () => {
		const t = buf.replace(/[\s\u00a0]+/g, ' ').trim();
		if (t && (plain > 0 || t.split(' ').length > 12)) blocks.push(t);
		buf = '';
		plain = 0;
	};
	const walk = (n: Node, quiet: boolean) => {
		if (n.nodeType === 3) {
			const v = n.nodeValue ?? '';
			buf += v;
			if (!quiet && /[\p{L}\p{N}]/u.test(v)) plain++;
			return;
		}
		if (n.nodeType !== 1) return;
		const tag = (n as Element).tagName.toUpperCase();
		if (tag === 'BR') return flush();
		if (JUNK_TAGS.has(tag)) return;
		const inline = INLINE.has(tag);
		if (!inline) flush();
		const q = quiet || tag === 'A' || tag === 'TIME';
		for (let c = n.firstChild; c; c = c.nextSibling) walk(c, q);
		if (!inline) flush();
	};
	walk(root, false);
	flush();
	return blocks;
}

/** Letters-and-digits key of a line, for comparing headlines. */
function key(s: string): string {
	return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Words outside links in an element: how much of it is prose rather than navigation. */
function proseWords(el: Element): number {
	let links = 0;
	for (const a of Array.from(el.querySelectorAll('a'))) links += (a.textContent ?? '').split(/\s+/).filter(Boolean).length;
	return (el.textContent ?? '').split(/\s+/).filter(Boolean).length - links;
}

/** An article needs at least this many words of prose outside links. */
export const MIN_ARTICLE_WORDS = 40;

/**
 * Extract the article of an HTML page: metadata from the page (see the module comment for
 * precedence) and the article as plain text. Throws {@link NoArticleError} when the page has
 * no article (an index page, a login wall, an empty page).
 */
export function extractHtml(html: string, mods: HtmlModules): ExtractedPage {
	const {document: doc} = mods.parseHTML(html);
	const meta = readMeta(doc);
	removeFurniture(doc);
	// The page's one <article>, kept aside: readability tends to drop its header (standfirst)
	// and lead photo, which are news too.
	const articles = doc.querySelectorAll('article');
	const whole = articles.length === 1 ? articles[0]!.cloneNode(true) : undefined;
	let parsed: ReturnType<InstanceType<typeof ReadabilityClass<Node>>['parse']> = null;
	try {
		parsed = new mods.Readability<Node>(doc, {serializer: (n) => n, charThreshold: 300}).parse();
	} catch {
		parsed = null;
	}
	const content = parsed?.content;
	if (!parsed || !content || proseWords(content as Element) < MIN_ARTICLE_WORDS) throw new NoArticleError('no article text found');
	const outlet = meta.outlet ?? clean(parsed.siteName) ?? meta.titleSuffixOutlet;
	const rawTitle = meta.title ?? clean(parsed.title);
	const title = rawTitle ? stripSiteSuffix(rawTitle, outlet) : undefined;
	let blocks = textBlocks(content);
	if (whole) {
		// Use the whole <article> when it holds everything readability found and little more.
		const fuller = textBlocks(whole);
		const have = new Set(fuller.map(key));
		const count = (bs: string[]) => bs.reduce((n, b) => n + b.split(' ').length, 0);
		if (blocks.every((b) => have.has(key(b))) && count(fuller) <= count(blocks) * 1.6 + 60) blocks = fuller;
	}
	if (title && (blocks.length === 0 || key(blocks[0]!) !== key(title))) blocks.unshift(title);
	const date = meta.date ?? clean(parsed.publishedTime);
	return {
		text: `${blocks.join('\n\n')}\n`,
		...(title !== undefined && {title}),
		...(outlet !== undefined && {outlet}),
		...(date !== undefined && {date}),
		...(meta.url !== undefined && {url: meta.url}),
	};
}

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv), if any. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
	const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
	const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
	return m?.[1]?.toLowerCase();
}
