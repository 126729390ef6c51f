import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {analyzeStory} from '../../src/core/analysis.js';
import {generateQuestions} from '../../src/core/quiz/index.js';
import {buildStory} from '../../src/content/load.js';
import {App, storyKeys} from '../../src/ui/App.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {loadSeedArticles} from '../helpers/seedStory.js';
import {KEY, lines, press, ready, type Rendered} from '../helpers/ink.js';
import {useHarness} from '../helpers/harness.js';

const story = buildStory(loadSeedArticles(), 'Seed story');
const analysis = analyzeStory(story);
const all = generateQuestions(story, analysis);
const keys = storyKeys(story);
const h = useHarness();

async function start(extra: {startReview?: boolean; now?: () => Date} = {}) {
	h.app = render(<App story={story} progress={h.store} analysis={analysis} size={{columns: 110, rows: 40}} theme={noColorTheme} {...extra} />);
	await ready(h.app);
	// The analysis module (with the quiz code) loads after the first frame.
	for (let i = 0; i < 100 && !h.app.lastFrame()!.includes('quiz: t') && !h.app.lastFrame()!.includes('due for review'); i++) await new Promise((r) => setTimeout(r, 20));
	return h.app;
}
/** The question on screen, found by its prompt. */
function current(a: Rendered) {
	const f = a.lastFrame()!.replace(/\s+/g, ' ');
	const norm = (t: string) => t.replace(/\s+/g, ' ');
	// Questions can share a prompt ("Which of these did X say?"): match the choices shown too.
	const shown = all.filter((q) => f.includes(norm(q.prompt).slice(0, 150)) && q.choices.every((c) => f.includes(norm(c).slice(0, 25))));
	return shown.sort((x, y) => y.prompt.length - x.prompt.length)[0]!;
}
/** Index (0-based) of a choice on screen, by its label. */
function shownIndex(a: Rendered, label: string): number {
	const row = lines(a).find((l) => /^\s*.?\s*\d\. /.test(l) && l.includes(label.replace(/\s+/g, ' ').slice(0, 40)));
	return Number(/(\d)\. /.exec(row ?? '')?.[1]) - 1;
}

describe('quiz', () => {
	it('t starts a round of 10: a right answer says so and shows the evidence passage', async () => {
		const a = await start();
		await press(a, 't');
		expect(a.lastFrame()).toContain('question 1 of 10');
		const q = current(a);
		expect(q).toBeDefined();
		const right = q.choices[q.answer]!;
		await press(a, String(shownIndex(a, right) + 1));
		const f = a.lastFrame()!;
		expect(f).toContain('Right.');
		const ev = story.articles.find((x) => x.meta.id === q.evidence[0]!.article)!;
		expect(f).toContain(`${ev.meta.outlet}:`);
		// The answer is recorded and the fact's card scheduled.
		expect(h.store.history(keys.story)).toHaveLength(1);
		expect(h.store.history(keys.story)[0]!.correct).toBe(true);
		expect(h.store.getCard(keys.story, q.factId)).toBeDefined();
	});

	it('a wrong answer gives the right one; g opens the evidence in the reader and q comes back; r reports', async () => {
		const a = await start();
		await press(a, 't');
		const q = current(a);
		const wrong = q.choices.findIndex((_, i) => i !== q.answer);
		await press(a, String(shownIndex(a, q.choices[wrong]!) + 1));
		expect(a.lastFrame()!.replace(/\s+/g, ' ')).toContain(`Wrong: the answer is ${q.choices[q.answer]!.replace(/\s+/g, ' ').slice(0, 20)}`);
		await press(a, 'g');
		const ev = story.articles.find((x) => x.meta.id === q.evidence[0]!.article)!;
		expect(lines(a)[0]).toContain(ev.meta.outlet);
		await press(a, 'q');
		expect(a.lastFrame()).toContain('question 1 of 10');
		expect(a.lastFrame()).toContain('Wrong');
		await press(a, 'r');
		expect(a.lastFrame()).toContain('Reported');
		expect(h.store.isReported(keys.story, q.id)).toBe(true);
		// The missed fact comes back after FSRS's first learning step (minutes, not days).
		a.unmount();
		const later = await start({now: () => new Date(Date.now() + 10 * 60_000)});
		expect(later.lastFrame()).toMatch(/1 due for review/);
	});

	it('answers with arrows and Enter too; after ten questions a summary by type', async () => {
		const a = await start();
		await press(a, 't');
		for (let i = 0; i < 10; i++) {
			await press(a, KEY.down, KEY.enter);
			expect(a.lastFrame()).toMatch(/Right\.|Wrong: the answer is/);
			await press(a, KEY.enter);
		}
		expect(a.lastFrame()).toMatch(/Round done: \d+ of 10 right/);
		// The story's stats over every round, by type, as saved with progress.
		expect(a.lastFrame()).toContain('all rounds on this story');
		const stored = h.store.history(keys.story);
		expect(stored).toHaveLength(10);
		const right = stored.filter((x) => x.correct).length;
		expect(a.lastFrame()).toMatch(new RegExp(`overall\\s+${right}/10\\s+${right}/10`));
		await press(a, KEY.enter);
		expect(a.lastFrame()).toContain('10 answered');
	});

	it('newsreader review starts a round of the due questions only, or says nothing is due', async () => {
		let a = await start({startReview: true});
		await new Promise((r) => setTimeout(r, 50));
		expect(a.lastFrame()).toContain('Nothing is due for review');
		a.unmount();
		// Miss one question, then review: exactly that fact comes back.
		a = await start();
		await press(a, 't');
		const q = current(a);
		const wrong = q.choices.findIndex((_, i) => i !== q.answer);
		await press(a, String(shownIndex(a, q.choices[wrong]!) + 1), 'q');
		a.unmount();
		a = await start({startReview: true, now: () => new Date(Date.now() + 10 * 60_000)});
		await new Promise((r) => setTimeout(r, 50));
		expect(a.lastFrame()).toContain('Review · question 1 of 1');
		expect(current(a).factId).toBe(q.factId);
	});
});

describe('quiz frame', () => {
	it('never grows past the terminal, for questions and feedback, at small sizes', async () => {
		for (const size of [{columns: 40, rows: 10}, {columns: 40, rows: 12}, {columns: 60, rows: 16}]) {
			h.app = render(<App story={story} progress={h.store} analysis={analysis} size={size} theme={noColorTheme} />);
			const a = h.app;
			await ready(a);
			for (let i = 0; i < 100 && !a.lastFrame()!.includes('quiz: t'); i++) await new Promise((r) => setTimeout(r, 20));
			await press(a, 't');
			// Rounds share the store across sizes, so later rounds can be shorter than 10.
			const total = Number(/question 1 of (\d+)/.exec(a.lastFrame()!)?.[1]);
			expect(total).toBeGreaterThan(0);
			for (let k = 0; k < total; k++) {
				expect(lines(a).length).toBeLessThanOrEqual(size.rows - 1);
				// The status bar is still the last line (a body too tall would push it off the frame).
				expect(lines(a).at(-1)).toMatch(/answer|q stop/);
				await press(a, String((k % 3) + 1));
				expect(lines(a).length).toBeLessThanOrEqual(size.rows - 1);
				expect(lines(a).at(-1)).toMatch(/next|back/);
				// Nothing squeezed the header off (a too-tall body makes Yoga overlap lines).
				expect(lines(a)[0]).toMatch(/^(Quiz|Review) · question/);
				for (const l of lines(a)) expect(stringWidth(l)).toBeLessThanOrEqual(size.columns);
				await press(a, KEY.enter);
			}
			a.unmount();
			h.app = undefined;
		}
	});
});
