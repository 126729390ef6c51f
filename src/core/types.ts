/**
 * Shared data model of newsreader's content pipeline.
 *
 * Every offset is a JavaScript string index (UTF-16 code unit) into `Article.text`, the
 * article file's text exactly as read (UTF-8, byte-order mark dropped, line endings kept),
 * half-open `[start, end)`. Nothing in the pipeline rewrites `text`: cleaning only decides
 * which spans are body and which are furniture.
 */

/** A half-open `[start, end)` range of `Article.text`. */
export interface Span {
	readonly start: number;
	readonly end: number;
}

/** Why a span of the file is not body text. */
export type FurnitureKind =
	| 'banner' // "IE 11 is not supported…", cookie and newsletter prompts
	| 'boilerplate' // "Download", "Search Trends", "Advertisement", share bars
	| 'headline' // the article's own headline, shown in the header instead
	| 'dateline' // "Updated 22:15, 12-Dec-2021"
	| 'outlet' // a line that only names the outlet ("CGTN")
	| 'caption' // the second copy of a repeated photo caption (the first stays, role 'caption')
	| 'credit' // photo credits ("/CFP", "Mikhail Metzel / Pool via Reuters")
	| 'wire' // "/ Source: Reuters", "(With input from Reuters)": kept as metadata
	| 'byline'; // "By Jane Doe", "Reporting by …"

/** A span removed from the body, with the reason. */
export interface Furniture extends Span {
	readonly kind: FurnitureKind;
	readonly text: string;
}

/**
 * What a paragraph is on the page. Headlines, standfirsts and (one copy of each) photo caption
 * are news too — outlets align on them — so they stay passages, styled apart in the reader.
 */
export type ParagraphRole = 'headline' | 'standfirst' | 'caption' | 'body';

/** A paragraph of the article (body text, or its headline, standfirst or a caption). */
export interface Paragraph extends Span {
	readonly role: ParagraphRole;
	/** 0-based position among the article's body paragraphs. */
	readonly index: number;
	/** Index of its first sentence in `Article.sentences`. */
	readonly firstSentence: number;
	/** Number of sentences it holds (at least 1). */
	readonly sentenceCount: number;
}

/** A sentence of body text: the passage unit the reader focuses and aligns. */
export interface Sentence extends Span {
	/** 0-based position among the article's sentences. */
	readonly index: number;
	/** Index of its paragraph in `Article.paragraphs`. */
	readonly paragraph: number;
	/** Stable id within the article, `p<index>` (the `--json` passage id). */
	readonly id: string;
}

/** What we know about an article besides its text. */
export interface ArticleMeta {
	/** File name without extension (the `--json` article id). */
	readonly id: string;
	readonly outlet: string;
	readonly title: string;
	/** ISO date (YYYY-MM-DD) or date-time, when known. */
	readonly date?: string;
	readonly url?: string;
	/** Wire service credited in the text ("Reuters"), when any. */
	readonly wire?: string;
	/** Path the article was read from, when it came from a file. */
	readonly file?: string;
}

/** One outlet's article, cleaned and segmented, pointing back into its original text. */
export interface Article {
	readonly meta: ArticleMeta;
	/** The file text as read: every offset points into this string. */
	readonly text: string;
	readonly paragraphs: readonly Paragraph[];
	readonly sentences: readonly Sentence[];
	readonly furniture: readonly Furniture[];
	/** Number of words in the body. */
	readonly wordCount: number;
}

/** A set of articles about one event. */
export interface Story {
	/** Content hash of the story's articles (stable across runs). */
	readonly id: string;
	readonly title: string;
	readonly articles: readonly Article[];
}
