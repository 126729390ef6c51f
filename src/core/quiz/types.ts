/** The quiz engine's data model. */

/** What a question asks. */
export type QuestionType =
	| 'who-said' // quote → speaker
	| 'said-what' // speaker → quote
	| 'which-outlet' // quote or sentence → the one outlet that has it
	| 'to-whom' // quote → addressee
	| 'not-reported' // utterance → the one outlet (of the choices) without it
	| 'wording'; // one outlet's rendering of an utterance → that outlet

/** Every question type, in the order the UI lists them. */
export const QUESTION_TYPES: readonly QuestionType[] = ['who-said', 'said-what', 'which-outlet', 'to-whom', 'not-reported', 'wording'];

/** Where the answer stands in the texts: a half-open span of an article's text. */
export interface Evidence {
	/** Article id (`meta.id`). */
	readonly article: string;
	readonly start: number;
	readonly end: number;
}

/** One multiple-choice question with a single, verified answer. */
export interface Question {
	/** Content-stable id: hash of the type and the key facts (same question, same id, across runs). */
	readonly id: string;
	readonly type: QuestionType;
	/** The stem, e.g. "Who said “…”?". A negative stem has NOT in capitals. */
	readonly prompt: string;
	/** 3–4 options, all of the answer's kind (speakers, outlets or quotes). */
	readonly choices: readonly string[];
	/** Index of the right option in `choices`. */
	readonly answer: number;
	/** The quoted words (or sentence) the question is about, as shown in the stem. */
	readonly quote?: string;
	/** Where the answer stands: the first entry is the passage to show; others are other outlets' versions. */
	readonly evidence: readonly Evidence[];
	/** The card key: the fact asked about (an utterance, a passage), shared by every question on it. */
	readonly factId: string;
	/** The person the stem is about (speaker of the quote), when any. */
	readonly speaker?: string;
	/** One line of feedback for after the answer. */
	readonly explanation?: string;
	/** Ranking score (higher is better); informative only. */
	readonly score?: number;
}

/** Result of {@link verifyQuestion}: ok, or the reasons it is not. */
export interface Verdict {
	readonly ok: boolean;
	readonly reasons: readonly string[];
}
