import {describe, expect, it} from 'vitest';
import {contentId} from '../../src/store/ids.js';
import {restorePosition} from '../../src/store/restore.js';

const hashes = (passages: string[]): string[] => passages.map((p) => contentId(p));

const original = ['Talks began on Monday.', 'The minister said little.', 'Protests followed.', 'A deal is expected.'];

describe('restorePosition', () => {
	const saved = {passageId: contentId('Protests followed.'), passageIndex: 2, offset: 7};

	it('restores the same passage and offset when nothing changed', () => {
		expect(restorePosition(saved, hashes(original))).toEqual({passageIndex: 2, offset: 7, exact: true});
	});

	it('follows the passage when text is inserted before it', () => {
		const edited = ['Breaking:', 'Talks began on Monday.', 'New paragraph.', 'The minister said little.', 'Protests followed.', 'A deal is expected.'];
		expect(restorePosition(saved, hashes(edited))).toEqual({passageIndex: 4, offset: 7, exact: true});
	});

	it('follows the passage when text before it is removed', () => {
		const edited = ['Protests followed.', 'A deal is expected.'];
		expect(restorePosition(saved, hashes(edited))).toEqual({passageIndex: 0, offset: 7, exact: true});
	});

	it('ignores cosmetic edits (the hash is of normalised text)', () => {
		const edited = ['Talks began on Monday.', 'The minister said little.', '  Protests\nfollowed.', 'A deal is expected.'];
		expect(restorePosition(saved, hashes(edited)).exact).toBe(true);
	});

	it('falls back to the nearest index, offset 0, when the passage itself was edited', () => {
		const edited = ['Talks began on Monday.', 'The minister said little.', 'Large protests followed.', 'A deal is expected.'];
		expect(restorePosition(saved, hashes(edited))).toEqual({passageIndex: 2, offset: 0, exact: false});
	});

	it('clamps to the last passage when the article got shorter', () => {
		const edited = ['Talks began on Monday.'];
		expect(restorePosition({passageId: 'gone', passageIndex: 9, offset: 3}, hashes(edited))).toEqual({passageIndex: 0, offset: 0, exact: false});
	});

	it('picks the occurrence nearest the saved index when a passage repeats', () => {
		const list = ['a', 'x', 'b', 'x', 'c', 'x'];
		expect(restorePosition({passageId: 'x', passageIndex: 4, offset: 1}, list)).toEqual({passageIndex: 3, offset: 1, exact: true});
		expect(restorePosition({passageId: 'x', passageIndex: 6, offset: 1}, list)).toEqual({passageIndex: 5, offset: 1, exact: true});
	});

	it('uses the index when no hash was saved (data migrated from v1)', () => {
		expect(restorePosition({passageIndex: 1, offset: 4}, hashes(original))).toEqual({passageIndex: 1, offset: 0, exact: false});
	});

	it('handles nothing saved, no passages and nonsense numbers', () => {
		expect(restorePosition(undefined, hashes(original))).toEqual({passageIndex: 0, offset: 0, exact: false});
		expect(restorePosition(saved, [])).toEqual({passageIndex: 0, offset: 0, exact: false});
		expect(restorePosition({passageId: 'nope', passageIndex: Number.NaN}, ['a', 'b'])).toEqual({passageIndex: 0, offset: 0, exact: false});
		expect(restorePosition({passageId: 'nope', passageIndex: -3}, ['a', 'b'])).toEqual({passageIndex: 0, offset: 0, exact: false});
	});
});
