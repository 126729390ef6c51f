import {State} from 'ts-fsrs';
import {describe, expect, it} from 'vitest';
import {
	MAX_INTERVAL_DAYS,
	cardFromJson,
	dueFacts,
	generateQuestions,
	pickRound,
	quizStats,
	review,
	type QuizCard,
} from '../../src/core/quiz/index.js';
import {seed} from './quiz-helpers.js';

const DAY = 86_400_000;
const t0 = new Date('2024-03-01T10:00:00Z');
const after = (ms: number): Date => new Date(t0.getTime() + ms);

describe('review', () => {
	it('wrong → Again: due again within minutes; right → Good: later', () => {
		const wrong = review(undefined, false, t0);
		const right = review(undefined, true, t0);
		expect(wrong.due.getTime() - t0.getTime()).toBeLessThanOrEqual(10 * 60_000);
		expect(right.due.getTime()).toBeGreaterThan(wrong.due.getTime());
		expect(wrong.reps).toBe(1);
		// a fact answered right again and again moves out by days
		let c: QuizCard | undefined;
		let now = t0;
		for (let i = 0; i < 4; i++) {
			c = review(c, true, now);
			now = c.due;
		}
		expect(c!.state).toBe(State.Review);
		expect(c!.scheduled_days).toBeGreaterThanOrEqual(1);
		// then a wrong answer: a lapse, due again the same day
		const lapsed = review(c, false, now);
		expect(lapsed.lapses).toBe(1);
		expect(lapsed.due.getTime() - now.getTime()).toBeLessThan(DAY);
	});

	it('never schedules further out than the maximum interval', () => {
		let c: QuizCard | undefined;
		let now = t0;
		for (let i = 0; i < 20; i++) {
			c = review(c, true, now);
			expect(c.due.getTime() - now.getTime()).toBeLessThanOrEqual(MAX_INTERVAL_DAYS * DAY + 1000);
			now = c.due;
		}
		expect(c!.scheduled_days).toBe(MAX_INTERVAL_DAYS);
		const short = review(c, true, now, {maximumInterval: 7});
		expect(short.scheduled_days).toBeLessThanOrEqual(7);
	});

	it('does not change the card it is given and remembers the question asked', () => {
		const c = review(undefined, true, t0, {questionId: 'who-said-1', type: 'who-said'});
		const copy = structuredClone(c);
		const next = review(c, true, c.due);
		expect(c).toEqual(copy);
		expect(next.lastQuestionId).toBe('who-said-1');
		expect(review(next, true, next.due, {questionId: 'wording-2', type: 'wording'}).lastType).toBe('wording');
	});

	it('round-trips through JSON (ISO dates) and epoch-ms dates', () => {
		const c = review(review(undefined, true, t0, {questionId: 'q1', type: 'who-said'}), false, after(DAY));
		const json = JSON.parse(JSON.stringify(c)) as unknown;
		const back = cardFromJson(json);
		expect(back).toEqual(c);
		expect(back.due).toBeInstanceOf(Date);
		expect(cardFromJson({...(json as object), due: c.due.getTime(), last_review: c.last_review!.getTime()})).toEqual(c);
		// reviewing the JSON form gives the same card as reviewing the original
		expect(review(json as QuizCard, true, after(2 * DAY))).toEqual(review(c, true, after(2 * DAY)));
		// a damaged record never throws
		expect(cardFromJson(null).state).toBe(State.New);
		expect(cardFromJson({due: 'not a date', state: 9}).state).toBe(State.New);
	});
});

describe('dueFacts and pickRound', () => {
	const s = seed();
	const qs = generateQuestions(s.story, s.analysis);
	const facts = [...new Set(qs.map((q) => q.factId))];

	it('lists due facts, most overdue first', () => {
		const a = review(undefined, false, t0); // due in a minute
		const b = review(undefined, true, t0); // due in ten minutes
		const cards = {b, a, c: review(undefined, true, after(DAY))};
		expect(dueFacts(cards, t0)).toEqual([]);
		expect(dueFacts(cards, after(60 * 60_000))).toEqual(['a', 'b']);
		expect(dueFacts(JSON.parse(JSON.stringify(cards)) as Record<string, unknown>, after(60 * 60_000))).toEqual(['a', 'b']);
	});

	it('a first round: new facts only, one question per fact, size respected', () => {
		const round = pickRound(qs, {}, t0, {size: 10, seed: 3});
		expect(round).toHaveLength(10);
		expect(new Set(round.map((q) => q.factId)).size).toBe(10);
		expect(pickRound(qs, {}, t0, {size: 10, seed: 3})).toEqual(round);
		expect(pickRound(qs, {}, t0, {dueOnly: true})).toEqual([]);
	});

	it('due facts come first, each asked with a fresh question', () => {
		const multi = facts.find((f) => new Set(qs.filter((q) => q.factId === f).map((q) => q.type)).size > 1)!;
		const first = qs.find((q) => q.factId === multi)!;
		const cards: Record<string, QuizCard> = {[multi]: review(undefined, false, t0, {questionId: first.id, type: first.type})};
		const round = pickRound(qs, cards, after(DAY), {size: 5});
		expect(round[0]!.factId).toBe(multi);
		expect(round[0]!.id).not.toBe(first.id);
		expect(round[0]!.type).not.toBe(first.type);
		expect(new Set(round.map((q) => q.factId)).size).toBe(round.length);
		// a fact reviewed but not due yet is not asked again
		const notDue = {[multi]: review(undefined, true, after(DAY))};
		expect(pickRound(qs, notDue, after(DAY), {size: 100}).some((q) => q.factId === multi)).toBe(false);
		// history alone (cards stored without lastQuestionId) also avoids the last question
		const bare = {[multi]: cardFromJson({...JSON.parse(JSON.stringify(cards[multi])), lastQuestionId: undefined, lastType: undefined})};
		const viaHistory = pickRound(qs, bare, after(DAY), {size: 5, history: [{questionId: first.id, factId: multi, at: t0.getTime()}]});
		expect(viaHistory[0]!.id).not.toBe(first.id);
		// review round: due facts only
		const due = pickRound(qs, cards, after(DAY), {dueOnly: true});
		expect(due.map((q) => q.factId)).toEqual([multi]);
		// reported questions are never asked
		const excluded = pickRound(qs, {}, t0, {size: 100, exclude: [first.id]});
		expect(excluded.some((q) => q.id === first.id)).toBe(false);
	});
});

describe('quizStats', () => {
	it('counts answers, accuracy by type and due facts', () => {
		const cards = {f1: review(undefined, false, t0), f2: review(undefined, true, after(DAY))};
		const history = [
			{questionId: 'a', factId: 'f1', type: 'who-said', correct: false, at: t0.getTime()},
			{questionId: 'b', factId: 'f2', type: 'who-said', correct: true, at: t0.getTime()},
			{questionId: 'c', type: 'which-outlet', correct: true, at: t0.toISOString()},
		];
		const st = quizStats(history, cards, after(60 * 60_000));
		expect(st).toEqual({
			answered: 3,
			correct: 2,
			accuracy: 2 / 3,
			byType: {'who-said': {answered: 2, correct: 1}, 'which-outlet': {answered: 1, correct: 1}},
			due: 1,
		});
		expect(quizStats([], {}, t0)).toEqual({answered: 0, correct: 0, accuracy: 0, byType: {}, due: 0});
	});
});
