/**
 * Self-testing quizzes: who-said-what questions with a single, verified answer, generated from a
 * story's attribution and alignment, and spaced review of the facts they ask about (FSRS).
 *
 * CLI: `toQuizJson(generateQuestions(story, analyzeStory(story), {seed}))`.
 * UI: `generateQuestions` once per story, `pickRound` per round, `shuffleChoices` at each
 * showing, `review` after each answer, `quizStats` for the summary, `notEnoughMaterial` when
 * there is nothing to ask.
 */
export type {Evidence, Question, QuestionType, Verdict} from './types.js';
export {QUESTION_TYPES} from './types.js';
export {
	DEFAULT_SEED,
	MAX_QUESTIONS,
	MAX_QUOTE_WORDS,
	allQuestions,
	generateQuestions,
	notEnoughMaterial,
	shuffleChoices,
	utteranceFactId,
	type GenerateOptions,
} from './generate.js';
export {verifyQuestion, MIN_WHO_SAID_WORDS, MIN_OUTLET_QUOTE_WORDS} from './verify.js';
export {toQuizJson, type QuizJson, type QuizQuestionJson} from './json.js';
export {
	MAX_INTERVAL_DAYS,
	ROUND_SIZE,
	cardFromJson,
	cardToJson,
	dueFacts,
	newCard,
	pickRound,
	quizStats,
	review,
	scheduler,
	type AnswerRecord,
	type QuizCard,
	type QuizStats,
	type ReviewOptions,
	type RoundOptions,
} from './schedule.js';
export {createRng, type Rng} from './text.js';
