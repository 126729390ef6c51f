import {describe, expect, it} from 'vitest';
import {contentId, normaliseForId} from '../../src/store/ids.js';

describe('contentId', () => {
	it('is a 16-digit lowercase hex string with no dots', () => {
		const id = contentId('Putin said: "We will definitely meet."');
		expect(id).toMatch(/^[0-9a-f]{16}$/);
	});

	it('is stable and ignores cosmetic differences', () => {
		const a = contentId('He said  “we’ll meet”\n soon — maybe.');
		const b = contentId(' He said "we\'ll meet" soon - maybe. ');
		expect(a).toBe(b);
		expect(contentId('same text')).toBe(contentId('same text'));
	});

	it('changes when the words change', () => {
		expect(contentId('The talks ended.')).not.toBe(contentId('The talks continued.'));
	});

	it('takes a length', () => {
		expect(contentId('x', 8)).toHaveLength(8);
		expect(contentId('x', 64)).toHaveLength(64);
	});

	it('normalises whitespace, quotes, dashes and zero-width characters', () => {
		expect(normaliseForId('a\u00A0\u200Bb\t–\r\nc ‘d’')).toBe("a b - c 'd'");
	});
});
