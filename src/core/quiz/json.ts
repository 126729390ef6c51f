/** The `newsreader quiz --json` document (contract: the shared eval README). */
import type {Question} from './types.js';

/** One question as `newsreader quiz --json` prints it: the question less its internal ranking score. */
export type QuizQuestionJson = Omit<Question, 'score'>;

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
