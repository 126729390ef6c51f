import {describe, expect, it} from 'vitest';
import {groupFacts} from '../../src/core/align/cluster.js';
import {tokenize} from '../../src/core/align/text.js';

// tokenize scans plain text (ASCII, curly quotes, dashes) by hand and leaves other text to its
// Unicode pattern: an "é" appended as a word of its own sends a text down the pattern's path,
// which must find the same tokens in front of it.
describe('tokenize: hand scan and pattern agree', () => {
	const texts = [
		'U.S. and U.K. officials met the U.N. in D.C. on Dec. 7.',
		'A.B but A.B.C. and U.S.A. and Z.z.',
		'It rose 2.5% to 175,000 and then 1,2 or 12, or .5 or 1.2.3 — the 3rd time.',
		"It's the dogs' bowls, James's car and O’Brien’s rock'n'roll x2 a'1 it's2.",
		'“Talks” – he said… then ‘no’\u00a0again; build-up, face-to-face, well-known.',
		"US EU UN USA Us us, 'quoted' and ’twas the end'",
		'',
		'...',
	];
	for (const text of texts) {
		it(JSON.stringify(text), () => {
			const viaPattern = tokenize(`${text} é`);
			expect(viaPattern.pop()?.lower).toBe('é');
			expect(tokenize(text)).toEqual(viaPattern);
		});
	}
});

describe('groupFacts: many distinct link scores', () => {
	it('takes links best first, ties in pair order, whichever sort ranks them', () => {
		// a chain 0-1-2-…: each node's better link wins; with scores all distinct (more than a
		// hash table of them is used for) and with two distinct scores, the same grouping
		const n = 4000;
		const i: number[] = [];
		const j: number[] = [];
		const distinct: number[] = [];
		const two: number[] = [];
		for (let x = 0; x + 1 < n; x++) {
			i.push(x);
			j.push(x + 1);
			// pairs (0,1), (2,3), … are the stronger links
			distinct.push(x % 2 === 0 ? 1 - x / n / 10 : 0.5 - x / n / 10);
			two.push(x % 2 === 0 ? 1 : 0.5);
		}
		const articleOf = Array.from({length: n}, (_, x) => x);
		const expected = Array.from({length: n / 2}, (_, k) => [2 * k, 2 * k + 1]);
		expect(groupFacts(n, articleOf, {i, j, s: distinct})).toEqual(expected);
		expect(groupFacts(n, articleOf, {i, j, s: two})).toEqual(expected);
	});
});
