import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {analyzeStory} from '../../src/core/analysis.js';
import {buildStory} from '../../src/content/load.js';
import {App, counterparts} from '../../src/ui/App.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {loadSeedArticles} from '../helpers/seedStory.js';
import {KEY, lines, press, ready, type Rendered} from '../helpers/ink.js';
import {useHarness} from '../helpers/harness.js';

const story = buildStory(loadSeedArticles(), 'Seed story');
const analysis = analyzeStory(story);
const h = useHarness();

async function start(size = {columns: 100, rows: 40}) {
	h.app = render(<App story={story} progress={h.store} analysis={analysis} size={size} theme={noColorTheme} />);
	await ready(h.app);
	return h.app;
}
const header = (a: Rendered) => lines(a)[0] ?? '';
const sentenceText = (ai: number, si: number) => {
	const a = story.articles[ai]!;
	const s = a.sentences[si]!;
	return a.text.slice(s.start, s.end);
};
/** First sentence of article `ai` that some other outlet carries. */
const firstShared = (ai: number) => story.articles[ai]!.sentences.findIndex((_, si) => counterparts(story, analysis, ai, si).length > 0);

describe('parallel passages in the reader', () => {
	it('the gutter and header say how many other outlets carry the focused passage', async () => {
		const a = await start();
		await press(a, KEY.enter);
		const n = counterparts(story, analysis, 0, 0).length;
		expect(n).toBeGreaterThan(0);
		expect(header(a)).toContain(`in ${n} other`);
		const focusLine = lines(a).find((l) => l.includes('▌'))!;
		expect(focusLine).toMatch(new RegExp(`${n}▌`));
	});

	it('] and [ jump to the same passage in the next / previous outlet that carries it; - and Backspace go back', async () => {
		const a = await start();
		await press(a, KEY.enter);
		const rows = counterparts(story, analysis, 0, 0);
		const next = rows[0]!;
		await press(a, ']');
		expect(header(a)).toContain(story.articles[next.article]!.meta.outlet);
		expect(header(a)).toContain(`${next.sentence + 1}/`);
		const focused = lines(a).filter((l) => l.includes('▌')).join(' ').replace(/[▌\d\s]+/g, ' ');
		expect(focused).toContain(sentenceText(next.article, next.sentence).split(/\s+/).slice(0, 3).join(' '));
		await press(a, '-');
		expect(header(a)).toContain('The Hill');
		expect(header(a)).toContain('1/12');
		const prev = rows[rows.length - 1]!;
		await press(a, '[');
		expect(header(a)).toContain(story.articles[prev.article]!.meta.outlet);
		await press(a, '\u007f'); // Backspace
		expect(header(a)).toContain('The Hill');
		await press(a, '-');
		expect(a.lastFrame()).toContain('No jump to go back to');
		// J / K are the same jumps (newsboat's next / previous entry).
		await press(a, 'J');
		expect(header(a)).toContain(story.articles[next.article]!.meta.outlet);
		await press(a, '-', 'K');
		expect(header(a)).toContain(story.articles[prev.article]!.meta.outlet);
	});

	it('] on a passage no other outlet carries says so and stays', async () => {
		const a = await start();
		await press(a, '3'); // CNN
		const lonely = story.articles[2]!.sentences.findIndex((_, si) => counterparts(story, analysis, 2, si).length === 0);
		expect(lonely).toBeGreaterThanOrEqual(0);
		for (let i = 0; i < lonely; i++) await press(a, 'j');
		await press(a, ']');
		expect(a.lastFrame()).toContain('No other outlet reports this passage');
		expect(header(a)).toContain('CNN');
	});

	it('c compares the passage across outlets with shared words marked and the outlets that omit it', async () => {
		const a = await start();
		await press(a, KEY.enter);
		const si = firstShared(0);
		for (let i = 0; i < si; i++) await press(a, 'j');
		await press(a, 'c');
		const f = a.lastFrame()!;
		expect(f).toContain('Compare');
		expect(f).toContain('(this passage)');
		const rows = counterparts(story, analysis, 0, si);
		for (const r of rows) expect(f).toContain(story.articles[r.article]!.meta.outlet);
		const missing = story.articles.filter((_, i) => i !== 0 && !rows.some((r) => r.article === i)).map((x) => x.meta.outlet);
		if (missing.length) expect(f).toContain(`Not reported by: ${missing.join(', ')}`);
		// Enter on a counterpart opens it in the reader.
		await press(a, 'j', KEY.enter);
		expect(header(a)).toContain(story.articles[rows[0]!.article]!.meta.outlet);
		// - goes back to the compare view, then q to the passage it started from.
		await press(a, '-');
		expect(header(a)).toContain('Compare');
		await press(a, 'q');
		expect(header(a)).toContain('The Hill');
		expect(header(a)).toContain(`${si + 1}/12`);
	});

	it('o shows the facts × outlets matrix, sortable, and each outlet\'s "only here" list; Enter jumps', async () => {
		const a = await start();
		await press(a, KEY.enter, 'o');
		let f = a.lastFrame()!;
		expect(f).toContain(`Coverage · ${analysis.alignment.facts.length} facts`);
		expect(f).toContain('sorted by outlets carrying');
		const counts = lines(a)
			.map((l) => /(\d)\/5/.exec(l)?.[1])
			.filter((x): x is string => x !== undefined)
			.map(Number);
		expect(counts.length).toBeGreaterThan(0);
		expect([...counts].sort((x, y) => y - x)).toEqual(counts);
		await press(a, 's');
		expect(a.lastFrame()).toContain('in story order');
		await press(a, '\t');
		f = a.lastFrame()!;
		expect(f).toContain('Only in The Hill');
		const unique = analysis.alignment.unique[story.articles[0]!.meta.id]!;
		expect(f).toContain(`${unique.length} passage`);
		await press(a, 'l');
		expect(a.lastFrame()).toContain('Only in NBC News');
		await press(a, KEY.enter);
		const uniqueNbc = analysis.alignment.unique[story.articles[1]!.meta.id]!;
		expect(header(a)).toContain('NBC News');
		expect(header(a)).toContain(`${uniqueNbc[0]! + 1}/`);
	});
});
