import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {wordsOnly} from '../../src/content/load.js';

const slow = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

describe('wordsOnly (the duplicate-article fingerprint\'s normalisation)', () => {
	it('equals the Unicode regular expression it replaces', () => {
		for (const s of ['', '  ', 'a', 'Hello, world!', ' lead and trail ', 'naïve café — 12,5 %', '日本語のテキスト。', '👍🏽 ok 👍', 'e\u0301', 'a\u00a0b', 'x\ud800y', '\u0663\u0664 arabic digits'])
			expect(wordsOnly(s), JSON.stringify(s)).toBe(slow(s));
		fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 80}), (s) => wordsOnly(s) === slow(s)), {numRuns: 3000});
		fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 80}), (s) => wordsOnly(s) === slow(s)), {numRuns: 3000});
	});
});

describe('naturalAscii (file-name order without ICU)', () => {
	it('orders printable ASCII names as Intl.Collator(en, numeric, base) does', async () => {
		const {naturalAscii} = await import('../../src/content/load.js');
		const icu = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});
		const sign = (x: number) => Math.sign(x);
		for (const [a, b] of [['2.txt', '10.txt'], ['a.txt', 'B.txt'], ['000_x', '0_x'], ['x-1', 'x_1'], ['a01', 'a1'], ['story (2).md', 'story (10).md'], ['', 'a'], ['Zeta', 'alpha']] as [string, string][])
			expect(sign(naturalAscii(a, b)), `${a} / ${b}`).toBe(sign(icu.compare(a, b)));
		const name = fc.stringMatching(/^[ -~]{0,12}$/);
		fc.assert(fc.property(name, name, (a, b) => sign(naturalAscii(a, b)) === sign(icu.compare(a, b))), {numRuns: 5000});
		const numbered = fc.tuple(fc.constantFrom('', 'a', 'A', 'x_', 'x-'), fc.nat(120), fc.constantFrom('.txt', '.md', '')).map(([p, n, e]) => `${p}${n}${e}`);
		fc.assert(fc.property(numbered, numbered, (a, b) => sign(naturalAscii(a, b)) === sign(icu.compare(a, b))), {numRuns: 3000});
	});
});
