/**
 * Spaced review of quiz facts with FSRS (ts-fsrs). One card per fact (`Question.factId`), not
 * per question text: each time a fact comes up it is asked with a fresh question (another type
 * or wording than last time where the story has one). Grading is automatic: wrong → Again,
 * right → Good. Intervals are capped: news goes stale.
 */
import {createEmptyCard, fsrs, Rating, State, type Card, type FSRS} from 'ts-fsrs';
import {createRng, shuffled} from './text.js';
import type {Question} from './types.js';

/** Longest review interval in days (news goes stale; FSRS's default is 100 years). */
export const MAX_INTERVAL_DAYS = 30;
/** Default number of questions in a round. */
export const ROUND_SIZE = 10;

/** An FSRS card of one fact, with the question it was last asked with. */
export interface QuizCard extends Card {
	/** Id of the question last asked about this fact (the next review picks another). */
	lastQuestionId?: string;
	/** Type of that question. */
	lastType?: string;
}

/** Options of {@link review}. */
export interface ReviewOptions {
	/** The question that was answered (kept on the card so the next review asks another). */
	readonly questionId?: string;
	readonly type?: string;
	/** Cap on intervals in days (default {@link MAX_INTERVAL_DAYS}). */
	readonly maximumInterval?: number;
	/** FSRS desired retention (default 0.9). */
	readonly requestRetention?: number;
}

const schedulers = new Map<string, FSRS>();

/** The FSRS scheduler for these settings (no fuzz: reviews are reproducible). */
export function scheduler(maximumInterval = MAX_INTERVAL_DAYS, requestRetention = 0.9): FSRS {
	const key = `${maximumInterval}|${requestRetention}`;
	let s = schedulers.get(key);
	if (!s) {
		s = fsrs({maximum_interval: maximumInterval, request_retention: requestRetention, enable_fuzz: false, enable_short_term: true});
		schedulers.set(key, s);
	}
	return s;
}

/** A new, never-reviewed card (due now). */
export function newCard(now: Date): QuizCard {
	return createEmptyCard(now);
}

/**
 * Apply one answer to a fact's card (a new card when `card` is undefined): wrong → Again (due
 * again within minutes), right → Good. Returns a new card; the argument is not changed.
 */
export function review(card: QuizCard | undefined, correct: boolean, now: Date, opts: ReviewOptions = {}): QuizCard {
	const base = card ? cardFromJson(card) : newCard(now);
	const {card: next} = scheduler(opts.maximumInterval, opts.requestRetention).next(base, now, correct ? Rating.Good : Rating.Again);
	const out: QuizCard = {...next};
	// ts-fsrs keeps Good at least a day beyond Hard, which can pass the cap by one day: clamp
	const max = opts.maximumInterval ?? MAX_INTERVAL_DAYS;
	if (out.scheduled_days > max) {
		out.scheduled_days = max;
		out.due = new Date(now.getTime() + max * 86_400_000);
	}
	const lastQuestionId = opts.questionId ?? card?.lastQuestionId;
	const lastType = opts.type ?? card?.lastType;
	if (lastQuestionId !== undefined) out.lastQuestionId = lastQuestionId;
	if (lastType !== undefined) out.lastType = lastType;
	return out;
}

function toDate(v: unknown, fallback: Date): Date {
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? fallback : v;
	if (typeof v === 'string' || typeof v === 'number') {
		const d = new Date(v);
		return Number.isNaN(d.getTime()) ? fallback : d;
	}
	return fallback;
}

function num(v: unknown, fallback = 0): number {
	return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/**
 * A card read back from JSON (dates as ISO strings or epoch ms) as a card with `Date`s. Odd
 * or missing fields fall back to a new card's values, so a damaged record never throws.
 */
export function cardFromJson(json: unknown, now: Date = new Date(0)): QuizCard {
	const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
	const state = num(o.state, State.New);
	const card: QuizCard = {
		due: toDate(o.due, now),
		stability: num(o.stability),
		difficulty: num(o.difficulty),
		elapsed_days: num(o.elapsed_days),
		scheduled_days: num(o.scheduled_days),
		learning_steps: num(o.learning_steps),
		reps: num(o.reps),
		lapses: num(o.lapses),
		state: state >= State.New && state <= State.Relearning ? (Math.trunc(state) as State) : State.New,
	};
	if (o.last_review !== undefined && o.last_review !== null) card.last_review = toDate(o.last_review, now);
	if (typeof o.lastQuestionId === 'string') card.lastQuestionId = o.lastQuestionId;
	if (typeof o.lastType === 'string') card.lastType = o.lastType;
	return card;
}

/** A card as plain JSON (dates as ISO strings); {@link cardFromJson} reads it back. */
export function cardToJson(card: QuizCard): Record<string, unknown> {
	return JSON.parse(JSON.stringify(card)) as Record<string, unknown>;
}

function dueTime(card: QuizCard | unknown): number {
	return cardFromJson(card).due.getTime();
}

/** Facts whose card is due at `now` (reviewed before, due date reached), most overdue first. */
export function dueFacts(cards: Readonly<Record<string, QuizCard | unknown>>, now: Date): string[] {
	const t = now.getTime();
	return Object.keys(cards)
		.filter((id) => {
			const c = cardFromJson(cards[id]);
			return c.state !== State.New && c.due.getTime() <= t;
		})
		.sort((a, b) => dueTime(cards[a]) - dueTime(cards[b]) || a.localeCompare(b));
}

/** Options of {@link pickRound}. */
export interface RoundOptions {
	/** Questions in the round (default {@link ROUND_SIZE}). */
	readonly size?: number;
	/** Seed of the order of new facts (default 1). */
	readonly seed?: number;
	/** Only due facts (a review round): no new facts. */
	readonly dueOnly?: boolean;
	/** Question ids never to ask (reported as bad). */
	readonly exclude?: ReadonlySet<string> | readonly string[];
	/** Answer history, to avoid repeating the last question of a fact when its card does not say. */
	readonly history?: readonly {readonly questionId: string; readonly factId?: string; readonly at?: number | string | Date}[];
}

/**
 * A round of questions: due facts first (most overdue first), then facts never asked, never
 * two questions on one fact. For each fact the question is a fresh one: not the one asked last
 * time and, where possible, of another type.
 */
export function pickRound(questions: readonly Question[], cards: Readonly<Record<string, QuizCard | unknown>>, now: Date, opts: RoundOptions = {}): Question[] {
	const size = Math.max(0, Math.floor(opts.size ?? ROUND_SIZE));
	const exclude = new Set(opts.exclude ?? []);
	const byFact = new Map<string, Question[]>();
	for (const q of questions) {
		if (exclude.has(q.id)) continue;
		const l = byFact.get(q.factId) ?? [];
		l.push(q);
		byFact.set(q.factId, l);
	}
	const asked = new Map<string, Set<string>>(); // fact → question ids asked, from history
	const lastFromHistory = new Map<string, string>();
	const factOfQuestion = new Map(questions.map((q) => [q.id, q.factId]));
	for (const h of opts.history ?? []) {
		const f = h.factId ?? factOfQuestion.get(h.questionId);
		if (!f) continue;
		(asked.get(f) ?? asked.set(f, new Set()).get(f)!).add(h.questionId);
		lastFromHistory.set(f, h.questionId);
	}
	const typeOf = new Map(questions.map((q) => [q.id, q.type]));
	const fresh = (factId: string): Question | undefined => {
		const qs = byFact.get(factId);
		if (!qs || qs.length === 0) return undefined;
		const raw = cards[factId];
		const card = raw === undefined ? undefined : cardFromJson(raw);
		const lastId = card?.lastQuestionId ?? lastFromHistory.get(factId);
		const lastType = card?.lastType ?? (lastId ? typeOf.get(lastId) : undefined);
		const seen = asked.get(factId) ?? new Set<string>();
		const rank = (q: Question): number => (q.id === lastId ? 4 : 0) + (q.type === lastType ? 2 : 0) + (seen.has(q.id) ? 1 : 0);
		return [...qs].sort((a, b) => rank(a) - rank(b))[0];
	};
	const round: Question[] = [];
	for (const f of dueFacts(cards, now)) {
		if (round.length >= size) break;
		const q = fresh(f);
		if (q) round.push(q);
	}
	if (!opts.dueOnly) {
		const rng = createRng(opts.seed ?? 1);
		// new facts in the questions' (ranked) order, lightly shuffled within blocks of a round's size
		const newFacts = [...byFact.keys()].filter((f) => cards[f] === undefined);
		const blocks: string[] = [];
		for (let i = 0; i < newFacts.length; i += Math.max(1, size)) blocks.push(...shuffled(newFacts.slice(i, i + Math.max(1, size)), rng));
		for (const f of blocks) {
			if (round.length >= size) break;
			const q = fresh(f);
			if (q) round.push(q);
		}
	}
	return round;
}

/** One answered question, as the progress store keeps it. */
export interface AnswerRecord {
	readonly questionId: string;
	readonly factId?: string;
	readonly type: string;
	readonly correct: boolean;
	/** When (epoch ms, ISO string or Date). */
	readonly at: number | string | Date;
}

/** Quiz figures of a story. */
export interface QuizStats {
	readonly answered: number;
	readonly correct: number;
	/** Share correct, 0 when nothing was answered. */
	readonly accuracy: number;
	readonly byType: Record<string, {answered: number; correct: number}>;
	/** Facts due for review now. */
	readonly due: number;
}

/** Answered, correct, accuracy (overall and by type) and the number of facts due. */
export function quizStats(history: readonly AnswerRecord[], cards: Readonly<Record<string, QuizCard | unknown>>, now: Date): QuizStats {
	const byType: Record<string, {answered: number; correct: number}> = Object.create(null) as Record<string, {answered: number; correct: number}>;
	let correct = 0;
	for (const h of history) {
		const t = (byType[h.type] ??= {answered: 0, correct: 0});
		t.answered++;
		if (h.correct) {
			t.correct++;
			correct++;
		}
	}
	return {answered: history.length, correct, accuracy: history.length > 0 ? correct / history.length : 0, byType, due: dueFacts(cards, now).length};
}
