import path from 'node:path';
import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import {loadLibraryAsync} from '../../src/content/load.js';
import {Library} from '../../src/ui/Library.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {repoRoot} from '../helpers/seedStory.js';
import {KEY, lines, press, ready, type Rendered} from '../helpers/ink.js';
import {useHarness} from '../helpers/harness.js';

const fixtures = path.join(repoRoot, 'test/fixtures/content');
const {stories} = await loadLibraryAsync([path.join(fixtures, 'ferry-strike'), path.join(fixtures, 'council-vote')]);
const h = useHarness();

describe('library', () => {
	it('lists stories with outlets and read progress; Enter opens one; q comes back; q quits', async () => {
		const quit = vi.fn();
		h.app = render(<Library stories={stories} progress={h.store} size={{columns: 100, rows: 24}} theme={noColorTheme} onQuit={quit} />);
		await ready(h.app);
		expect(h.app.lastFrame()).toContain('Library · 2 stories');
		expect(h.app.lastFrame()).toContain('Kestrel Bay ferry strike');
		expect(h.app.lastFrame()).toContain('0/4 read');
		await press(h.app, 'j', KEY.enter);
		expect(h.app.lastFrame()).toContain('Council approves new harbour wall');
		expect(h.app.lastFrame()).toContain('2 articles');
		await press(h.app, KEY.enter, 'G', 'q');
		await press(h.app, 'q');
		expect(h.app.lastFrame()).toContain('Library · 2 stories');
		expect(lines(h.app).find((l) => l.includes('Council'))).toContain('1/2 read');
		await press(h.app, 'q');
		expect(quit).toHaveBeenCalledTimes(1);
	});
});
