import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {describe, expect, it, vi} from 'vitest';
import {analyzeStory} from '../../src/core/analysis.js';
import path from 'node:path';
import {buildStory, readArticleFile} from '../../src/content/load.js';
import {openProgressStore} from '../../src/store/index.js';
import {App, storyKeys} from '../../src/ui/App.js';
import {KEYMAP} from '../../src/ui/keymap.js';
import {noColorTheme, pickTheme} from '../../src/ui/theme.js';
import {loadSeedArticles} from '../helpers/seedStory.js';
import {KEY, lines, press, ready, type Rendered, resizable, settle} from '../helpers/ink.js';
import {splitTypeAhead} from '../../src/ui/hooks/useKeys.js';
import type {Key} from 'ink';
import {useHarness} from '../helpers/harness.js';

const story = buildStory(loadSeedArticles(), 'Seed story');
const h = useHarness();

const analysis = analyzeStory(story);

async function start(size = {columns: 100, rows: 30}, onQuit?: () => void, analysed = false) {
	h.app = render(<App story={story} progress={h.store} size={size} theme={noColorTheme} {...(onQuit && {onQuit})} {...(analysed && {analysis})} />);
	await ready(h.app);
	return h.app;
}

const header = (a: Rendered) => lines(a)[0] ?? '';
const noKey = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false} satisfies Key;

describe('story overview', () => {
	it('lists every outlet with headline, date, length and progress; j/k move the selection', async () => {
		const a = await start();
		const f = a.lastFrame()!;
		for (const o of ['The Hill', 'NBC News', 'CNN', 'CGTN', 'RT']) expect(f).toContain(o);
		expect(f).toContain('2021-12-12');
		expect(f).toContain('346 w');
		expect(f).toContain('new');
		expect(lines(a).find((l) => l.includes('▌'))).toContain('The Hill');
		await press(a, 'j', 'j');
		expect(lines(a).find((l) => l.includes('▌'))).toContain('CNN');
		await press(a, 'k');
		expect(lines(a).find((l) => l.includes('▌'))).toContain('NBC News');
		await press(a, KEY.down);
		expect(lines(a).find((l) => l.includes('▌'))).toContain('CNN');
	});

	it('columns line up at any width, long headlines end in …; one article reads "1 article · 1 outlet"', async () => {
		for (const columns of [100, 72, 50]) {
			const a = await start({columns, rows: 20});
			const rows = lines(a).filter((l) => /^(?:▌| ) \d/.test(l));
			expect(rows).toHaveLength(5);
			for (const r of rows) expect(stringWidth(r)).toBeLessThanOrEqual(columns);
			// The progress column ends every row at the same place; a headline is cut, not wrapped.
			expect(new Set(rows.map((r) => r.trimEnd().length)).size).toBe(1);
			expect(rows.find((r) => r.includes('CNN'))).toContain('…');
			h.app?.unmount();
		}
		const one = buildStory(loadSeedArticles().slice(4), 'One outlet');
		h.app = render(<App story={one} progress={h.store} size={{columns: 80, rows: 20}} theme={noColorTheme} />);
		await ready(h.app);
		expect(lines(h.app)[1]).toMatch(/^1 article · 1 outlet\b/);
	});

	it('keys typed ahead, read as one chunk ("jj" and Enter as "\\n", as the terminal holds them before raw mode), each count', async () => {
		const a = await start();
		const before = a.lastFrame();
		a.stdin.write('jj\n');
		await settle(a, before);
		for (let i = 0; i < 20 && !header(a).includes('CNN'); i++) await new Promise((r) => setTimeout(r, 10));
		expect(header(a)).toContain('CNN');
		h.app?.unmount();
		// Each key acts on the screen the one before it left: q leaves Who said what, t starts a quiz.
		const b = await start(undefined, undefined, true);
		await press(b, 'w');
		const onWho = b.lastFrame();
		b.stdin.write('qt');
		await settle(b, onWho);
		for (let i = 0; i < 20 && !header(b).startsWith('Quiz'); i++) await new Promise((r) => setTimeout(r, 10));
		expect(header(b)).toMatch(/^Quiz · question 1 of 10/);
		// A chunk with anything but printable ASCII is not split (a paste into a text field stays whole).
		expect(splitTypeAhead('jj', {...noKey})).toEqual([['j', noKey], ['j', noKey]]);
		expect(splitTypeAhead('J\r', {...noKey})?.map(([i, k]) => [i, k.shift, k.return])).toEqual([['J', true, false], ['', false, true]]);
		expect(splitTypeAhead('j', noKey)).toBeUndefined();
		expect(splitTypeAhead('Zakharova’s', noKey)).toBeUndefined();
		expect(splitTypeAhead('jj', {...noKey, ctrl: true})).toBeUndefined();
		expect(splitTypeAhead('j'.repeat(33), noKey)).toBeUndefined(); // a paste, not keys
	});

	it("O opens the selected article's web page in the browser, and says so; no address or no browser is said too", async () => {
		const opened: string[] = [];
		h.app = render(<App story={story} progress={h.store} size={{columns: 100, rows: 30}} theme={noColorTheme} openUrl={async (u) => void opened.push(u)} />);
		await ready(h.app);
		await press(h.app, 'j', 'O');
		expect(opened).toEqual([story.articles[1]!.meta.url]);
		// (the message line is cut at the screen width)
		for (let i = 0; i < 20 && !h.app.lastFrame()!.includes('Opened'); i++) await new Promise((r) => setTimeout(r, 10));
		expect(h.app.lastFrame()).toContain(`Opened ${story.articles[1]!.meta.url!.slice(0, 40)}`);
		h.app.unmount();
		const failing = render(<App story={story} progress={h.store} size={{columns: 100, rows: 30}} theme={noColorTheme} openUrl={() => Promise.reject(new Error('spawn xdg-open ENOENT'))} />);
		h.app = failing;
		await ready(failing);
		await press(failing, KEY.enter, 'O');
		for (let i = 0; i < 20 && !failing.lastFrame()!.includes('Could not'); i++) await new Promise((r) => setTimeout(r, 10));
		expect(failing.lastFrame()).toContain('Could not open a browser (spawn xdg-open ENOENT)');
		failing.unmount();
		const noUrl = buildStory(loadSeedArticles().map((a) => ({...a, meta: {...a.meta, url: undefined}})), 'No addresses');
		h.app = render(<App story={noUrl} progress={h.store} size={{columns: 100, rows: 30}} theme={noColorTheme} openUrl={async (u) => void opened.push(u)} />);
		await ready(h.app);
		await press(h.app, 'O');
		expect(h.app.lastFrame()).toContain("The Hill's article has no web address");
		expect(opened).toHaveLength(1);
	});

	it('Enter opens the selected article in the reader', async () => {
		const a = await start();
		await press(a, 'j', KEY.enter);
		expect(header(a)).toContain('NBC News');
		expect(header(a)).toContain('Putin and Biden agreed to hold more talks');
		expect(a.lastFrame()).toContain('MOSCOW — President Joe Biden');
		expect(a.lastFrame()).not.toContain('IE 11 is not supported');
	});

	it('q on the overview quits; Q quits from anywhere', async () => {
		const quit = vi.fn();
		const a = await start(undefined, quit);
		await press(a, 'q');
		expect(quit).toHaveBeenCalledTimes(1);
		const quit2 = vi.fn();
		h.app?.unmount();
		const b = await start(undefined, quit2);
		await press(b, KEY.enter, 'Q');
		expect(quit2).toHaveBeenCalledTimes(1);
	});
});

describe('reader', () => {
	it('hides a Markdown article\'s inline markup: emphasis markers and link addresses', async () => {
		const md = readArticleFile(path.join(import.meta.dirname, '..', 'fixtures', 'content', 'ferry-strike', 'coastal-times.md'));
		h.app = render(<App story={buildStory([md], 'Ferry strike')} progress={h.store} size={{columns: 100, rows: 30}} theme={noColorTheme} />);
		await ready(h.app);
		await press(h.app, KEY.enter);
		const f = h.app.lastFrame()!;
		expect(f).toContain('48-hour strike over pay.');
		expect(f).toContain('Kestrel Lines on Sunday night.');
		expect(f).not.toContain('**');
		expect(f).not.toContain('https://kestrellines.example');
		expect(f).not.toContain('[Kestrel Lines]');
	});

	it('j/k and arrows move focus by passage; g/G go to top and bottom', async () => {
		const a = await start();
		await press(a, KEY.enter);
		expect(header(a)).toContain('1/12');
		await press(a, 'j', 'j', KEY.down);
		expect(header(a)).toContain('4/12');
		await press(a, 'k', KEY.up);
		expect(header(a)).toContain('2/12');
		await press(a, 'G');
		expect(header(a)).toContain('12/12');
		expect(a.lastFrame()).toContain('do not present a threat to anyone');
		await press(a, 'g');
		expect(header(a)).toContain('1/12');
	});

	it('Space/PgDn and b/PgUp page through a long article', async () => {
		const a = await start({columns: 80, rows: 14});
		await press(a, '3'); // CNN, the longest
		const top = a.lastFrame();
		await press(a, ' ');
		expect(a.lastFrame()).not.toBe(top);
		const focusAfterPage = Number(/(\d+)\/24/.exec(header(a))?.[1]);
		expect(focusAfterPage).toBeGreaterThan(1);
		await press(a, KEY.pageDown);
		expect(Number(/(\d+)\/24/.exec(header(a))?.[1])).toBeGreaterThan(focusAfterPage);
		await press(a, 'b', KEY.pageUp);
		expect(Number(/(\d+)\/24/.exec(header(a))?.[1])).toBeLessThan(focusAfterPage);
	});

	it('h/l and arrows switch outlet; 1–9 jump to outlet N; each outlet keeps its position', async () => {
		const a = await start();
		await press(a, KEY.enter, 'j', 'j');
		expect(header(a)).toContain('3/12');
		await press(a, 'l');
		expect(header(a)).toContain('NBC News');
		await press(a, KEY.right);
		expect(header(a)).toContain('CNN');
		await press(a, '5');
		expect(header(a)).toContain('RT');
		await press(a, 'l');
		expect(header(a)).toContain('The Hill'); // wraps around
		expect(header(a)).toContain('3/12');
		await press(a, 'h', KEY.left);
		expect(header(a)).toContain('CGTN');
	});

	it('q and Esc go back to the overview', async () => {
		const a = await start();
		await press(a, KEY.enter, 'q');
		expect(a.lastFrame()).toContain('5 articles');
		await press(a, KEY.enter, KEY.escape);
		expect(a.lastFrame()).toContain('5 articles');
	});

	it('? shows help generated from the keymap, on both screens', async () => {
		const a = await start({columns: 100, rows: 30});
		await press(a, '?');
		for (const b of KEYMAP.filter((k) => k.screens.includes('overview'))) expect(a.lastFrame()).toContain(b.help);
		await press(a, 'q', KEY.enter, '?');
		for (const b of KEYMAP.filter((k) => k.screens.includes('reader'))) expect(a.lastFrame()).toContain(b.help);
		await press(a, '?');
		expect(header(a)).toContain('The Hill');
	});
});

describe('frame size', () => {
	it('is never taller than the terminal less one line, nor wider than it, on any screen', async () => {
		for (const size of [{columns: 80, rows: 24}, {columns: 40, rows: 10}, {columns: 120, rows: 50}]) {
			const a = await start(size, undefined, true);
			const check = () => {
				const ls = lines(a);
				expect(ls.length).toBeLessThanOrEqual(size.rows - 1);
				for (const l of ls) expect(stringWidth(l)).toBeLessThanOrEqual(size.columns - 1);
				// The status bar (key hints) is still the last line: nothing pushed it off the frame.
				expect(ls.at(-1)).toMatch(/\? help$|close help/);
			};
			// Each screen's header is still its first line (a too-tall body makes Yoga overlap lines).
			const first = (re: RegExp) => expect(lines(a)[0]).toMatch(re);
			check();
			first(/^Seed story/);
			await press(a, KEY.enter);
			check();
			first(/^The Hill/);
			await press(a, ' ', ' ', 'G');
			check();
			first(/^The Hill/);
			await press(a, '?');
			check();
			first(/^Keys/);
			await press(a, '?', 'c');
			check();
			first(/^Compare/);
			await press(a, 'q', 'o');
			check();
			first(/^Coverage/);
			await press(a, '\t');
			check();
			first(/^Only in/);
			await press(a, 'q', 'w');
			check();
			first(/^Who said what/);
			a.unmount();
			h.app = undefined;
		}
	});

	it('wraps the body to at most 80 columns on a wide terminal', async () => {
		const a = await start({columns: 200, rows: 30});
		await press(a, KEY.enter);
		const body = lines(a).slice(2, -1).map((l) => l.trimEnd());
		expect(Math.max(...body.map((l) => stringWidth(l.trimStart())))).toBeLessThanOrEqual(80);
	});

	it('re-wraps on resize and keeps the focused passage', async () => {
		const a = await start({columns: 100, rows: 30});
		await press(a, KEY.enter, 'j', 'j', 'j', 'j', 'j');
		expect(header(a)).toContain('6/12');
		a.rerender(<App story={story} progress={h.store} size={{columns: 50, rows: 16}} theme={noColorTheme} />);
		await press(a);
		await new Promise((r) => setTimeout(r, 50));
		expect(header(a)).toContain('6/12');
		const focused = lines(a).filter((l) => l.includes('▌'));
		expect(focused.join(' ').replace(/[▌\s]+/g, ' ')).toContain('The scheme reportedly involves');
		for (const l of lines(a)) expect(stringWidth(l)).toBeLessThanOrEqual(49);
		expect(lines(a).length).toBeLessThanOrEqual(15);
	});

	it('follows real resize events from the terminal', async () => {
		h.app = render(<App story={story} progress={h.store} theme={noColorTheme} />);
		const out = resizable(h.app, 100, 30);
		await ready(h.app);
		await press(h.app, KEY.enter, 'j');
		out.columns = 45;
		out.rows = 12;
		out.emit('resize');
		await new Promise((r) => setTimeout(r, 60));
		for (const l of lines(h.app)) expect(stringWidth(l)).toBeLessThanOrEqual(44);
		expect(lines(h.app).length).toBeLessThanOrEqual(11);
		expect(header(h.app)).toContain('2/12');
	});

	it('below 40x10 says the terminal is too small', async () => {
		const a = await start({columns: 30, rows: 8});
		expect(a.lastFrame()).toContain('Terminal too small');
		expect(lines(a).length).toBeLessThanOrEqual(7);
	});
});

describe('progress', () => {
	it('saves the reading position by passage and restores it in a new session', async () => {
		const a = await start();
		await press(a, KEY.enter, 'j', 'j', 'j');
		await press(a, 'q', 'q');
		h.store.flush();
		const keys = storyKeys(story);
		const saved = h.store.getArticle(keys.story, keys.articles[0]!);
		expect(saved?.passageIndex).toBe(3);
		expect(saved?.passageId).toBe(keys.passagesOf(0)[3]);
		h.app?.unmount();
		const reopened = openProgressStore({cwd: h.dir, debounceMs: 0});
		h.app = render(<App story={story} progress={reopened} size={{columns: 100, rows: 30}} theme={noColorTheme} />);
		await ready(h.app);
		expect(h.app.lastFrame()).toContain('33%'); // furthest passage 4 of 12
		await press(h.app, KEY.enter);
		expect(header(h.app)).toContain('4/12');
		reopened.close();
	});

	it('marks an article read at its last passage, and m toggles it', async () => {
		const a = await start();
		await press(a, KEY.enter, 'G', 'q');
		expect(lines(a).find((l) => l.includes('The Hill'))).toContain('read');
		await press(a, 'm');
		expect(lines(a).find((l) => l.includes('The Hill'))).not.toMatch(/read\s*$/);
	});
});

describe('theme', () => {
	it('NO_COLOR selects the colourless theme; FORCE_COLOR overrides it', () => {
		expect(pickTheme({NO_COLOR: '1'}).name).toBe('no-color');
		expect(pickTheme({}).name).toBe('default');
		expect(pickTheme({NO_COLOR: '1', FORCE_COLOR: '1'}).name).toBe('default');
		for (const style of Object.values(noColorTheme)) if (typeof style === 'object') expect(style).not.toHaveProperty('color');
	});
});

describe('analysis progress', () => {
	it('the status bar shows a spinner and the stage while the story is analysed, then the key hints', async () => {
		h.app = render(<App story={story} progress={h.store} size={{columns: 100, rows: 30}} theme={noColorTheme} />);
		const a = h.app;
		expect(lines(a).at(-1)).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] .*\(\d\/2\)/);
		for (let i = 0; i < 200 && !lines(a).at(-1)!.includes('? help'); i++) await new Promise((r) => setTimeout(r, 20));
		expect(lines(a).at(-1)).toContain('? help');
	});
});

