import {describe, expect, it} from 'vitest';
import {buildSearchIndex, fold, search, type SearchItem} from '../../src/core/search.js';

// Thousands of distinct trigrams, Latin and not: the index's trigram table has to grow many times.
const letters = 'abcdefghijklmnopqrstuvwxyzéüßαβγδεζηθλμπστφχψωабвгдежзиклмнопрстуфхцчшщ日本語中文한국어İΣ0123456789';
let seed = 7;
const random = () => ((seed = (Math.imul(seed, 48271) >>> 0) % 0x7fffffff) / 0x7fffffff);
const word = () => Array.from({length: 4 + Math.floor(random() * 6)}, () => letters[Math.floor(random() * letters.length)]).join('');
const items: SearchItem[] = Array.from({length: 1500}, (_, i) => ({kind: 'passage', article: i % 30, sentence: i, text: Array.from({length: 8}, word).join(' ')}));
const index = buildSearchIndex(items);

describe('search index with many distinct trigrams', () => {
	it('finds every sampled word in the item that holds it', () => {
		for (let i = 0; i < items.length; i += 37) {
			const w = items[i]!.text.split(' ')[3]!;
			const hits = search(index, w, {limit: 1000});
			expect(hits.some((h) => h.item === items[i] && fold(h.item.text).slice(h.matches[0]!.start, h.matches[0]!.end) === fold(w))).toBe(true);
		}
	});

	it('keeps results in score order, ties in item order, and respects within', () => {
		const hits = search(index, items[100]!.text.slice(0, 12), {limit: 1000, within: (it) => it.article === 10});
		expect(hits.length).toBeGreaterThan(0);
		expect(hits.every((h) => h.item.article === 10)).toBe(true);
		for (let k = 1; k < hits.length; k++) expect(hits[k - 1]!.score < hits[k]!.score || (hits[k - 1]!.score === hits[k]!.score && hits[k - 1]!.item.sentence < hits[k]!.item.sentence)).toBe(true);
	});
});
