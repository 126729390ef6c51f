/** The `newsreader quiz --json` document (contract: the shared eval README). */
import type {Evidence, Question, QuestionType} from './types.js';

/** One question as `newsreader quiz --json` prints it. */
export interface QuizQuestionJson {
	readonly id: string;
	readonly type: QuestionType;
	readonly prompt: string;
	readonly choices: readonly string[];
	readonly answer: number;
	readonly quote?: string;
	readonly evidence: readonly Evidence[];
	readonly factId: string;
	readonly speaker?: string;
	readonly explanation?: string;
}

/** The `newsreader quiz --json` document. */
export interface QuizJson {
	readonly questions: readonly QuizQuestionJson[];
}

/** The `newsreader quiz --json` object: every question with type, prompt, choices, answer, quote and evidence offsets. */
export function toQuizJson(questions: readonly Question[]): QuizJson {
	return {
		questions: questions.map((q) => ({
			id: q.id,
			type: q.type,
			prompt: q.prompt,
			choices: [...q.choices],
			answer: q.answer,
			...(q.quote !== undefined && {quote: q.quote}),
			evidence: q.evidence.map((e) => ({article: e.article, start: e.start, end: e.end})),
			factId: q.factId,
			...(q.speaker !== undefined && {speaker: q.speaker}),
			...(q.explanation !== undefined && {explanation: q.explanation}),
		})),
	};
}
