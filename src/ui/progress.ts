/**
 * What the UI needs from the progress store (src/store implements it; tests may pass any
 * object of this shape). Kept structural so components do not import the store's internals.
 */
export interface ArticleProgressView {
	readonly passageId?: string;
	readonly passageIndex: number;
	readonly offset?: number;
	readonly read: boolean;
	readonly furthest: number;
	readonly total?: number;
}

export interface ProgressPort {
	readonly warnings: readonly string[];
	getArticle(storyId: string, articleId: string): ArticleProgressView | undefined;
	setPosition(storyId: string, articleId: string, pos: {passageId: string; passageIndex: number; offset?: number; total?: number}): void;
	setRead(storyId: string, articleId: string, read: boolean): void;
}
