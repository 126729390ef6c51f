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
	/** Quiz history, spaced-repetition cards (JSON) and reported questions. */
	recordAnswer(storyId: string, answer: {id: string; questionId: string; factId?: string; type: string; correct: boolean; at: number}): void;
	history(storyId: string): readonly {questionId: string; factId?: string; type: string; correct: boolean; at: number}[];
	getCard(storyId: string, cardId: string): unknown;
	setCard(storyId: string, cardId: string, card: unknown): void;
	cards(storyId: string): Readonly<Record<string, unknown>>;
	reportQuestion(storyId: string, questionId: string): void;
	isReported(storyId: string, questionId: string): boolean;
}
