import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {KEYMAP, keyLabel} from '../src/ui/keymap.js';
import {repoRoot} from './helpers/seedStory.js';

describe('README', () => {
	const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
	const keys = readme.slice(readme.indexOf('## Keys'), readme.indexOf('## Quizzes'));

	it('lists every key of the keymap', () => {
		for (const b of KEYMAP)
			for (const k of b.keys) {
				const label = keyLabel(k);
				const shown = label === '1–9' ? '`1`–`9`' : `\`${label}\``;
				expect(keys, `${label} (${b.command})`).toContain(shown);
			}
	});

	it('shows the two Quick start commands, and .ci/run calls the same install and test commands', () => {
		expect(readme).toContain('npm install && npx newsreader');
		expect(readme).toContain('npm install && npm test');
		const ci = readFileSync(path.join(repoRoot, '.ci/run'), 'utf8');
		expect(ci).toMatch(/^npm install && npm test$/m);
	});
});
