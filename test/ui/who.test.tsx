import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {analyzeStory} from '../../src/core/analysis.js';
import {buildStory} from '../../src/content/load.js';
import {App} from '../../src/ui/App.js';
import {whoRows} from '../../src/ui/components/WhoSaidWhat.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {loadSeedArticles} from '../helpers/seedStory.js';
import {KEY, lines, press, ready, type Rendered} from '../helpers/ink.js';
import {useHarness} from '../helpers/harness.js';

const story = buildStory(loadSeedArticles(), 'Seed story');
const analysis = analyzeStory(story);
const h = useHarness();

async function start(rows = 40) {
	h.app = render(<App story={story} progress={h.store} analysis={analysis} size={{columns: 110, rows}} theme={noColorTheme} />);
	await ready(h.app);
	return h.app;
}
const header = (a: Rendered) => lines(a)[0] ?? '';

describe('who said what', () => {
	it('groups each speaker\'s utterances across outlets, most quoted speaker first', () => {
		const rows = whoRows(story, analysis.quotes);
		const speakers = rows.filter((r) => r.kind === 'speaker');
		expect(speakers.map((r) => r.name)).toEqual(analysis.quotes.speakers.map((s) => s.name));
		// Putin's "definitely meet" utterance appears in several outlets' wordings, bracketed together.
		const putin = rows.findIndex((r) => r.kind === 'speaker' && r.name === 'Vladimir Putin');
		const group = rows.slice(putin + 1).filter((r) => r.kind === 'quote' && /definitely (meet|see each other)/.test(r.quote.text));
		expect(group.length).toBeGreaterThanOrEqual(3);
		expect(new Set(group.map((r) => r.kind === 'quote' && r.quote.group)).size).toBe(1);
		expect(group[0]!.kind === 'quote' && group[0]!.place).toBe('first');
	});

	it('w lists speakers with counts and quotes with outlets; Enter opens the quote in the reader', async () => {
		const a = await start();
		await press(a, 'w');
		const f = a.lastFrame()!;
		expect(f).toContain('Who said what');
		expect(f).toMatch(/Vladimir Putin · \d+ quotes/);
		expect(f).toMatch(/Dmitry Peskov · \d+ quotes/);
		expect(f).toContain('→ Joe Biden');
		// First row is the most quoted speaker; the next row is one of their quotes.
		await press(a, 'j', KEY.enter);
		const rows = whoRows(story, analysis.quotes);
		const q = rows[1]!;
		expect(q.kind).toBe('quote');
		expect(header(a)).toContain(story.articles[q.article]!.meta.outlet);
		expect(header(a)).toContain(`${q.sentence + 1}/`);
		// - goes back to the Who-said-what screen, on the same row.
		await press(a, '-');
		expect(a.lastFrame()).toContain('Who said what');
		expect(lines(a).find((l) => l.startsWith('▌'))).toContain('“');
	});

	it('/ filters as you type, by speaker or by words; Esc clears', async () => {
		const a = await start();
		await press(a, 'w', '/');
		for (const ch of 'zakh') await press(a, ch);
		let f = a.lastFrame()!;
		expect(f).toContain('Maria Zakharova');
		expect(f).not.toContain('Vladimir Putin ·');
		await press(a, KEY.enter);
		expect(a.lastFrame()).toContain('filter “zakh”');
		await press(a, KEY.escape);
		f = a.lastFrame()!;
		expect(f).toContain('Vladimir Putin ·');
		await press(a, '/');
		for (const ch of 'demonize') await press(a, ch);
		f = a.lastFrame()!;
		expect(f).toContain('Dmitry Peskov');
		expect(f).toContain('demonize');
		expect(f).not.toContain('Antony Blinken');
		for (const ch of 'qqqq') await press(a, ch);
		expect(a.lastFrame()).toContain('Nobody matches');
	});

	it('the reader marks who is quoted in the focused passage', async () => {
		const a = await start();
		await press(a, KEY.enter, 'j'); // The Hill, passage 2: Putin's words to Biden
		expect(a.lastFrame()).toContain('❝ Vladimir Putin → Joe Biden');
		await press(a, 'k');
		expect(a.lastFrame()).toMatch(/Also in [A-Z]/);
	});
});
