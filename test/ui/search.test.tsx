import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {analyzeStory} from '../../src/core/analysis.js';
import {buildStory} from '../../src/content/load.js';
import {App, searchItems} from '../../src/ui/App.js';
import {buildSearchIndex, search} from '../../src/core/search.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {loadSeedArticles} from '../helpers/seedStory.js';
import {KEY, lines, press, ready, type Rendered} from '../helpers/ink.js';
import {useHarness} from '../helpers/harness.js';

const story = buildStory(loadSeedArticles(), 'Seed story');
const analysis = analyzeStory(story);
const h = useHarness();

async function start() {
	h.app = render(<App story={story} progress={h.store} analysis={analysis} size={{columns: 100, rows: 30}} theme={noColorTheme} />);
	await ready(h.app);
	return h.app;
}
const header = (a: Rendered) => lines(a)[0] ?? '';
const status = (a: Rendered) => lines(a).at(-1) ?? '';

async function type(a: Rendered, text: string) {
	for (const ch of text) await press(a, ch);
}

describe('search', () => {
	it('a paste into the search line is its text, though q and j in it are keys elsewhere', async () => {
		const a = await start();
		await press(a, '/');
		await press(a, 'Zakharova qj');
		expect(a.lastFrame()).toContain('for “Zakharova qj”');
	});

	it('/ opens a search line; typing lists results from every outlet; Enter opens the selected one', async () => {
		const a = await start();
		await press(a, KEY.enter, '/');
		expect(a.lastFrame()).toContain('Search every outlet');
		await type(a, 'Zakharova');
		const f = a.lastFrame()!;
		expect(f).toMatch(/\d+ results? for “Zakharova”/);
		expect(f).toContain('RT');
		// Keys typed into the search line are text, not commands: q did not go back.
		await type(a, ' q');
		expect(a.lastFrame()).toContain('for “Zakharova q”');
		await press(a, KEY.backspace, KEY.backspace);
		// First comes the speaker row; the passage that names her is next.
		expect(lines(a)[1]).toContain('Speaker');
		await press(a, KEY.down, KEY.enter);
		expect(header(a)).toContain('RT');
		expect(lines(a).filter((l) => l.includes('▌')).join(' ')).toContain('Zakharova');
		// - goes back to where the search started.
		await press(a, '-');
		expect(header(a)).toContain('The Hill');
	});

	it('↑/↓ choose among results and Esc closes without moving', async () => {
		const a = await start();
		await press(a, KEY.enter, '/');
		await type(a, 'Blinken');
		const rows = lines(a).filter((l) => l.includes('Blinken'));
		expect(rows.length).toBeGreaterThan(2);
		await press(a, KEY.down, KEY.down);
		const sel = lines(a).find((l) => l.startsWith('▌'))!;
		expect(sel).toBeDefined();
		await press(a, KEY.up);
		await press(a, KEY.escape);
		expect(header(a)).toContain('The Hill');
		expect(header(a)).toContain('1/12');
	});

	it('n / N move between matches in the current article with a counter; matches are marked', async () => {
		const a = await start();
		await press(a, '3', '/'); // CNN
		await type(a, 'Blinken');
		await press(a, KEY.enter);
		expect(header(a)).toContain('CNN');
		const first = /(\d+)\/(\d+) “Blinken”/.exec(status(a));
		expect(first).not.toBeNull();
		const total = Number(first![2]);
		expect(total).toBeGreaterThan(2);
		const k0 = Number(first![1]);
		await press(a, 'n');
		expect(status(a)).toContain(`${(k0 % total) + 1}/${total} “Blinken”`);
		await press(a, 'N');
		expect(status(a)).toContain(`${k0}/${total} “Blinken”`);
		await press(a, 'N');
		expect(status(a)).toContain(`${((k0 - 2 + total) % total) + 1}/${total}`);
	});

	it('nothing found and no search yet say so', async () => {
		const a = await start();
		await press(a, KEY.enter, 'n');
		expect(a.lastFrame()).toContain('No search yet');
		await press(a, '/');
		await type(a, 'xyzzy');
		expect(a.lastFrame()).toContain('No results for “xyzzy”');
		await press(a, KEY.enter);
		expect(a.lastFrame()).toContain('Nothing found for “xyzzy”');
		expect(header(a)).toContain('The Hill');
	});

	it('finds speakers by any name they appear under, and quotes by their speaker; Enter opens the first quote', async () => {
		const a = await start();
		await press(a, '/');
		await type(a, 'Dmitry Peskov');
		// The speaker row comes first for a name; quotes show with their speaker when their words match.
		expect(lines(a)[1]).toMatch(/Speaker\s+speaker, \d+ quotes\s+Dmitry Peskov/);
		await press(a, KEY.escape, '/');
		await type(a, 'demonize');
		expect(lines(a).some((l) => l.includes('Dmitry Peskov:') && l.includes('demonize'))).toBe(true);
		await press(a, KEY.escape, '/');
		await type(a, 'Dmitry Peskov');
		// A quote the text gives to "he" is found by the speaker's name.
		const peskov = analysis.quotes.quotes.filter((q) => q.speaker === 'Dmitry Peskov');
		expect(peskov.some((q) => /^(he|she)$/i.test(q.speakerMention?.text ?? ''))).toBe(true);
		// Enter opens the first result where it stands.
		const hit = search(buildSearchIndex(searchItems(story, analysis)), 'Dmitry Peskov')[0]!;
		await press(a, KEY.enter);
		expect(lines(a)[0]).toContain(story.articles[hit.item.article]!.meta.outlet);
		expect(lines(a)[0]).toContain(`${hit.item.sentence + 1}/`);
	});
});
