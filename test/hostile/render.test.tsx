import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {parseArticle} from '../../src/core/article.js';
import {analyzeStory} from '../../src/core/analysis.js';
import {buildStory} from '../../src/content/load.js';
import {openProgressStore, type ProgressStore} from '../../src/store/index.js';
import {App} from '../../src/ui/App.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {KEY, lines, press, ready, type Rendered} from '../helpers/ink.js';

let dir: string;
let store: ProgressStore;
let app: Rendered | undefined;
beforeEach(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'nr-hostile-'));
	store = openProgressStore({cwd: dir, debounceMs: 0});
});
afterEach(() => {
	app?.unmount();
	app?.cleanup();
	app = undefined;
	store.close();
	rmSync(dir, {recursive: true, force: true});
});

async function show(texts: {text: string; outlet: string; title?: string}[], size = {columns: 60, rows: 20}) {
	const story = buildStory(texts.map((t, i) => parseArticle(t.text, {id: `a${i}`, outlet: t.outlet, ...(t.title && {title: t.title})})), 'Hostile \u001b]0;owned\u0007story');
	app = render(<App story={story} progress={store} analysis={analyzeStory(story)} size={size} theme={noColorTheme} />);
	await ready(app);
	return app;
}

const ESC = /[\u001b\u009b\u009d\u0007\u0000]/;

describe('hostile text on screen', () => {
	it('an article full of escape sequences renders as plain text everywhere', async () => {
		const evil = [
			'Headline \u001b[2J\u001b[H with a screen clear',
			'The minister \u001b[31msaid\u001b[0m the talks \u001b]0;pwned\u0007went well \u001b]52;c;ZXZpbA==\u0007today.',
			'A link \u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\ and a bell\u0007 and NUL\u0000 and C1 \u009b31m here.',
			'"We will win," he said \u202eevil\u202c quietly.',
		].join('\n');
		const a = await show([
			{text: evil, outlet: 'Evil\u001b[5m Outlet', title: 'Title \u001b]0;x\u0007 here'},
			{text: 'The minister said the talks went well today. Nothing else happened.', outlet: 'Calm'},
		]);
		const screens: string[] = [a.lastFrame()!];
		await press(a, KEY.enter);
		screens.push(a.lastFrame()!);
		await press(a, 'G', 'c');
		screens.push(a.lastFrame()!);
		await press(a, 'q', 'o');
		screens.push(a.lastFrame()!);
		await press(a, 'q', 'w');
		screens.push(a.lastFrame()!);
		for (const f of screens) expect(f).not.toMatch(ESC);
		expect(screens[1]).toContain('The minister said the talks');
		expect(screens[0]).toContain('Evil Outlet');
	});

	it('wide characters (CJK, emoji) wrap within the terminal and right-to-left text is shown as it is', async () => {
		const cjk = '日本語のニュース記事です。' .repeat(12);
		const emoji = 'Leaders met 🤝🇺🇸🇷🇺 and talked 😀😀😀 for hours, officials said. '.repeat(4);
		const rtl = 'قال المتحدث باسم الكرملين إن المحادثات كانت مثمرة.';
		const a = await show([{text: `${cjk}\n${emoji}\n${rtl}`, outlet: 'Wide'}], {columns: 50, rows: 30});
		await press(a, KEY.enter);
		for (const l of lines(a)) expect(stringWidth(l)).toBeLessThanOrEqual(49);
		expect(a.lastFrame()).toContain('日本語');
		expect(a.lastFrame()).toContain('🤝');
		expect(a.lastFrame()).toContain('الكرملين');
	});

	it('a 10,000-line paragraph and a file of nothing but quotes open and scroll', async () => {
		const long = Array.from({length: 10_000}, (_, i) => `line ${i} of a very long hard-wrapped paragraph that goes on`).join('\n');
		const quotes = '"""“”“”‘’\'\'"«»"'.repeat(50);
		const t0 = Date.now();
		const a = await show([
			{text: long, outlet: 'Long'},
			{text: quotes, outlet: 'Quotes'},
		]);
		await press(a, KEY.enter, 'G');
		expect(a.lastFrame()).toContain('line 9999');
		await press(a, 'l', 'G', ' ');
		expect(lines(a)[0]).toContain('Quotes');
		expect(Date.now() - t0).toBeLessThan(15_000);
	});
});

describe('unexpected errors', () => {
	it('a render error is reported once and no stack trace reaches the screen', async () => {
		const {ErrorBoundary} = await import('../../src/ui/ErrorBoundary.js');
		const errors: unknown[] = [];
		const Boom = (): never => {
			throw new Error('boom at render');
		};
		const original = console.error;
		console.error = () => {}; // React logs caught errors; keep the test output clean
		try {
			app = render(
				<ErrorBoundary onError={(e) => errors.push(e)}>
					<Boom />
				</ErrorBoundary>,
			);
			await ready(app);
		} finally {
			console.error = original;
		}
		expect(errors).toHaveLength(1);
		expect(String(app.lastFrame() ?? '')).not.toMatch(/boom|at \w+ \(/);
	});
});
