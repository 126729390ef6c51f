import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {isPersonName, mentionsName, mentionsOutlet, quizContext} from '../../src/core/quiz/context.js';
import {
	QUESTION_TYPES,
	allQuestions,
	createRng,
	generateQuestions,
	notEnoughMaterial,
	shuffleChoices,
	toQuizJson,
	verifyQuestion,
	type Question,
} from '../../src/core/quiz/index.js';
import {excerpt, normText} from '../../src/core/quiz/text.js';
import {loadSeedArticles} from '../helpers/seedStory.js';
import {analysed, bridgeArticles, fixtureArticle, goldCheck, seed, type Analysed} from './quiz-helpers.js';

const PERSON_TYPES = new Set(['who-said', 'to-whom']);
const OUTLET_TYPES = new Set(['which-outlet', 'not-reported', 'wording']);

/** Every structural promise a question makes (the checks the UI and score.py rely on). */
function expectWellFormed(q: Question, {story, analysis}: Analysed): void {
	const ctx = quizContext(story, analysis);
	const where = `${q.type}: ${q.prompt}`;
	expect(verifyQuestion(q, story, analysis), where).toEqual({ok: true, reasons: []});
	expect(q.choices.length, where).toBeGreaterThanOrEqual(3);
	expect(q.choices.length, where).toBeLessThanOrEqual(4);
	expect(new Set(q.choices.map(normText)).size, where).toBe(q.choices.length);
	expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.choices.length, where).toBe(true);
	expect(q.choices.some((c) => /\b(all|none) of the above\b/i.test(c)), where).toBe(false);
	const key = q.choices[q.answer]!;
	if (PERSON_TYPES.has(q.type)) {
		for (const c of q.choices) expect(isPersonName(c) && ctx.people.includes(c), `${where} / ${c}`).toBe(true);
		expect(mentionsName(q.prompt.replace(q.speaker && q.type === 'to-whom' ? q.speaker : '\u0000', ''), key), where).toBe(false);
	} else if (OUTLET_TYPES.has(q.type)) {
		for (const c of q.choices) expect(ctx.outlets, where).toContain(c);
		for (const c of q.choices) expect(mentionsOutlet(q.prompt, c), where).toBe(false);
	} else if (q.type === 'said-what') {
		for (const c of q.choices) expect(ctx.quotes.some((x) => excerpt(x.text) === c), `${where} / ${c}`).toBe(true);
		expect(q.prompt.includes(key), where).toBe(false);
	}
	if (q.type === 'not-reported') expect(q.prompt).toMatch(/\bNOT\b/);
	expect(q.evidence.length, where).toBeGreaterThan(0);
	for (const e of q.evidence) {
		const a = ctx.articleById.get(e.article);
		expect(a, where).toBeDefined();
		expect(e.start >= 0 && e.end > e.start && e.end <= a!.text.length, where).toBe(true);
	}
	if (q.quote !== undefined) {
		const e = q.evidence[0]!;
		const a = ctx.articleById.get(e.article)!;
		expect(normText(a.text.slice(e.start, e.end)), where).toContain(normText(q.quote));
	}
}

describe('quiz generation on the seed story', () => {
	const s = seed();
	const qs = generateQuestions(s.story, s.analysis, {seed: 7});

	it('yields many questions of every type', () => {
		expect(qs.length).toBeGreaterThanOrEqual(20);
		const types = new Set(qs.map((q) => q.type));
		for (const t of QUESTION_TYPES) expect(types, t).toContain(t);
	});

	it('every question is well formed and verifies', () => {
		for (const q of qs) expectWellFormed(q, s);
	});

	it('has unique ids, and factIds shared across types of one utterance', () => {
		expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
		const putin = qs.filter((q) => q.quote?.includes('definitely see each other'));
		expect(new Set(putin.map((q) => q.type)).size).toBeGreaterThan(1);
		expect(new Set(putin.map((q) => q.factId)).size).toBe(1);
	});

	it('asks who said Putin’s promise to meet, with Putin as the key and never in the stem', () => {
		const q = qs.find((x) => x.type === 'who-said' && x.quote?.includes('definitely see each other'));
		expect(q).toBeDefined();
		expect(q!.choices[q!.answer]).toBe('Vladimir Putin');
		expect(q!.prompt).not.toMatch(/Putin/);
	});

	it('asks to whom, with Biden as the key', () => {
		const q = qs.find((x) => x.type === 'to-whom');
		expect(q?.choices[q.answer]).toBe('Joe Biden');
	});

	it('never uses a body (White House, Moscow) as a person option', () => {
		for (const q of qs.filter((x) => PERSON_TYPES.has(x.type))) for (const c of q.choices) expect(['White House', 'Moscow', 'Kremlin']).not.toContain(c);
	});

	it('drops a quote the White House readout and Biden share (two speakers, no single answer)', () => {
		expect(qs.some((q) => q.type === 'who-said' && q.quote?.includes('strong economic and other measures'))).toBe(false);
	});

	it('is deterministic by seed; ids do not depend on the seed', () => {
		const again = generateQuestions(s.story, s.analysis, {seed: 7});
		expect(again).toEqual(qs);
		const other = generateQuestions(s.story, s.analysis, {seed: 8});
		expect(new Set(other.map((q) => q.id))).toEqual(new Set(qs.map((q) => q.id)));
		const orders = other.filter((q) => {
			const same = qs.find((x) => x.id === q.id)!;
			return same.choices.join('|') !== q.choices.join('|');
		});
		expect(orders.length).toBeGreaterThan(0);
		for (const q of other) expect(q.choices[q.answer]).toBe(qs.find((x) => x.id === q.id)!.choices[qs.find((x) => x.id === q.id)!.answer]);
	});

	it('respects max and keeps the best first, types mixed', () => {
		const ten = generateQuestions(s.story, s.analysis, {seed: 7, max: 10});
		expect(ten).toHaveLength(10);
		expect(ten).toEqual(qs.slice(0, 10));
		expect(new Set(ten.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
		expect(generateQuestions(s.story, s.analysis, {max: 0})).toEqual([]);
	});

	it('rejects tampered questions', () => {
		const who = qs.find((q) => q.type === 'who-said')!;
		const wrongKey = {...who, answer: (who.answer + 1) % who.choices.length};
		expect(verifyQuestion(wrongKey, s.story, s.analysis).ok).toBe(false);
		const key = who.choices[who.answer]!;
		const givenAway = {...who, prompt: `${who.prompt} (${key.split(' ').at(-1)})`};
		expect(verifyQuestion(givenAway, s.story, s.analysis).ok).toBe(false);
		const dup = {...who, choices: [...who.choices.slice(0, -1), who.choices[0]!]};
		expect(verifyQuestion(dup, s.story, s.analysis).ok).toBe(false);
		const outlet = qs.find((q) => q.type === 'which-outlet' && q.speaker)!;
		const lie = {...outlet, answer: (outlet.answer + 1) % outlet.choices.length};
		expect(verifyQuestion(lie, s.story, s.analysis).ok).toBe(false);
		const two = {...outlet, choices: outlet.choices.slice(0, 2), answer: 0};
		expect(verifyQuestion(two, s.story, s.analysis).ok).toBe(false);
	});

	it('prints the quiz --json contract', () => {
		const json = JSON.parse(JSON.stringify(toQuizJson(qs))) as {questions: Record<string, unknown>[]};
		expect(json.questions).toHaveLength(qs.length);
		for (const q of json.questions) {
			for (const k of ['id', 'type', 'prompt', 'choices', 'answer', 'evidence']) expect(q).toHaveProperty(k);
			for (const e of q.evidence as Record<string, unknown>[]) expect(Object.keys(e).sort()).toEqual(['article', 'end', 'start']);
		}
	});
});

describe('shuffleChoices', () => {
	const s = seed();
	const qs = generateQuestions(s.story, s.analysis);
	it('keeps the answer on the right option for any rng', () => {
		fc.assert(
			fc.property(fc.integer(), fc.nat({max: qs.length - 1}), (n, i) => {
				const q = qs[i]!;
				const r = shuffleChoices(q, createRng(n));
				expect(r.choices[r.answer]).toBe(q.choices[q.answer]);
				expect([...r.choices].sort()).toEqual([...q.choices].sort());
				expect(r.id).toBe(q.id);
			}),
			{numRuns: 200},
		);
	});
});

describe('small stories', () => {
	it('a one-outlet, one-speaker story yields no broken question and says why', () => {
		const a = analysed([fixtureArticle('one-speaker.txt')]);
		const qs = generateQuestions(a.story, a.analysis);
		for (const q of qs) expectWellFormed(q, a);
		expect(qs.filter((q) => q.type === 'who-said' || OUTLET_TYPES.has(q.type))).toEqual([]);
		expect(notEnoughMaterial(a.story, a.analysis, qs)).toMatch(/^Not enough material for a quiz: .*one person.*one outlet/);
	});

	it('a story without quotes yields nothing, with a reason', () => {
		const a = analysed([fixtureArticle('no-quotes.txt')]);
		const qs = generateQuestions(a.story, a.analysis);
		expect(qs).toEqual([]);
		expect(notEnoughMaterial(a.story, a.analysis, qs)).toMatch(/no quotes attributed/);
	});

	it('an empty story yields nothing', () => {
		const a = analysed([]);
		expect(generateQuestions(a.story, a.analysis)).toEqual([]);
		expect(notEnoughMaterial(a.story, a.analysis, [])).toMatch(/no articles/);
	});

	it('one outlet of the seed: no outlet questions, the rest verified', () => {
		const a = analysed([loadSeedArticles()[2]!]);
		const qs = generateQuestions(a.story, a.analysis);
		for (const q of qs) expectWellFormed(q, a);
		expect(qs.filter((q) => OUTLET_TYPES.has(q.type))).toEqual([]);
	});

	it('the made-up bridge story: every type that its material allows, verified', () => {
		const a = analysed(bridgeArticles(), 'bridge');
		const qs = generateQuestions(a.story, a.analysis);
		for (const q of qs) expectWellFormed(q, a);
		const types = new Set(qs.map((q) => q.type));
		for (const t of ['who-said', 'said-what', 'which-outlet', 'not-reported', 'wording']) expect(types, t).toContain(t);
		// a reworded quote that differs only in grammar ("cannot … while the cables are" / "can't … with cables") is no wording question
		expect(qs.some((q) => q.type === 'wording' && /keep the bridge open/.test(q.quote ?? ''))).toBe(false);
		// Reyes's words quoted by two outlets: asked who said them, never which outlet quoted them
		expect(qs.some((q) => q.type === 'which-outlet' && /two winters ago/.test(q.quote ?? ''))).toBe(false);
		const notRep = qs.find((q) => q.type === 'not-reported' && /two winters ago/.test(q.quote ?? ''));
		expect(notRep?.choices[notRep.answer]).toBe('River News');
	});
});

describe('property: random seeds and subsets of the seed articles', () => {
	const all = loadSeedArticles();
	it('every question verifies and passes the score.py checks', () => {
		fc.assert(
			fc.property(fc.integer(), fc.subarray([0, 1, 2, 3, 4], {minLength: 1}), (n, pick) => {
				const a = analysed(pick.map((i) => all[i]!));
				const texts = new Map(a.story.articles.map((x) => [x.meta.id, x.text]));
				const qs = allQuestions(a.story, a.analysis, {seed: n});
				for (const q of qs) {
					expectWellFormed(q, a);
					const gold = goldCheck(q, texts);
					if (gold !== undefined) expect(gold, `${q.type}: ${q.prompt} ${q.choices.join(' | ')}`).toBe(true);
				}
				if (new Set(a.story.articles.map((x) => x.meta.outlet)).size < 3) expect(qs.filter((q) => OUTLET_TYPES.has(q.type))).toEqual([]);
			}),
			{numRuns: 30},
		);
	});
});
