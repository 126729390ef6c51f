import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {loadLibraryAsync} from '../../src/content/load.js';
import {openProgressStore, type ProgressStore} from '../../src/store/index.js';
import {Library} from '../../src/ui/Library.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {repoRoot} from '../helpers/seedStory.js';
import {KEY, lines, press, ready, type Rendered} from '../helpers/ink.js';

const fixtures = path.join(repoRoot, 'test/fixtures/content');
const {stories} = await loadLibraryAsync([path.join(fixtures, 'ferry-strike'), path.join(fixtures, 'council-vote')]);
let dir: string;
let store: ProgressStore;
let app: Rendered | undefined;
beforeEach(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'nr-lib-'));
	store = openProgressStore({cwd: dir, debounceMs: 0});
});
afterEach(() => {
	app?.unmount();
	app?.cleanup();
	app = undefined;
	store.close();
	rmSync(dir, {recursive: true, force: true});
});

describe('library', () => {
	it('lists stories with outlets and read progress; Enter opens one; q comes back; q quits', async () => {
		const quit = vi.fn();
		app = render(<Library stories={stories} progress={store} size={{columns: 100, rows: 24}} theme={noColorTheme} onQuit={quit} />);
		await ready(app);
		expect(app.lastFrame()).toContain('Library · 2 stories');
		expect(app.lastFrame()).toContain('Kestrel Bay ferry strike');
		expect(app.lastFrame()).toContain('0/4 read');
		await press(app, 'j', KEY.enter);
		expect(app.lastFrame()).toContain('Council approves new harbour wall');
		expect(app.lastFrame()).toContain('2 articles');
		await press(app, KEY.enter, 'G', 'q');
		await press(app, 'q');
		expect(app.lastFrame()).toContain('Library · 2 stories');
		expect(lines(app).find((l) => l.includes('Council'))).toContain('1/2 read');
		await press(app, 'q');
		expect(quit).toHaveBeenCalledTimes(1);
	});
});
