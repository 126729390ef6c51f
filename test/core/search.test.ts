import {describe, expect, it} from 'vitest';
import {buildSearchIndex, fold, search, MAX_QUERY, type SearchItem} from '../../src/core/search.js';
import {loadSeedArticles} from '../helpers/seedStory.js';

const articles = loadSeedArticles();
const items: SearchItem[] = articles.flatMap((a, ai) => a.sentences.map((s, si) => ({kind: 'passage' as const, article: ai, sentence: si, text: a.text.slice(s.start, s.end)})));
const index = buildSearchIndex(items);
const marked = (h: ReturnType<typeof search>[number]) => h.matches.map((m) => h.item.text.slice(m.start, m.end));

describe('search', () => {
	it('finds a name in every outlet that mentions it, with the match marked', () => {
		const hits = search(index, 'peskov', {limit: 100});
		const outlets = new Set(hits.map((h) => articles[h.item.article]!.meta.outlet));
		expect([...outlets].sort()).toEqual(['CGTN', 'CNN', 'NBC News', 'RT', 'The Hill']);
		for (const h of hits) expect(marked(h).map((s) => s.toLowerCase())).toContain('peskov');
	});

	it('tolerates a typo and ignores case and accents', () => {
		expect(search(index, 'Pesokv').length).toBeGreaterThan(0);
		expect(search(index, 'KREMLIN').length).toBeGreaterThan(0);
		expect(search(index, 'Kremlín').length).toBeGreaterThan(0);
		expect(search(index, 'red lines')[0]!.item.text).toContain('red lines');
	});

	it('ranks the passage holding a quote first', () => {
		const top = search(index, 'further demonize Russia')[0]!;
		expect(top.item.text).toContain('further demonize Russia');
	});

	it('treats empty, regex-like, very long and unmatched queries sensibly', () => {
		expect(search(index, '')).toEqual([]);
		expect(search(index, '   ')).toEqual([]);
		expect(() => search(index, '.*[(?+\\')).not.toThrow();
		expect(search(index, '.*[(?+\\')).toEqual([]);
		expect(search(index, 'xyzzy quux')).toEqual([]);
		const long = 'Kremlin spokesman Dmitry Peskov said '.repeat(20);
		expect(() => search(index, long)).not.toThrow();
		expect(search(index, long)[0]?.item.text).toContain('Peskov');
		expect(MAX_QUERY).toBeLessThanOrEqual(64);
	});

	it('can be restricted to one article, for n/N', () => {
		const hits = search(index, 'Putin', {within: (it) => it.article === 2, limit: 1000});
		expect(hits.length).toBeGreaterThan(3);
		expect(hits.every((h) => h.item.article === 2)).toBe(true);
	});

	it('short queries match substrings', () => {
		const hits = search(index, 'G20');
		expect(hits[0]!.item.text).toContain('G20');
	});

	it('fold keeps string length so offsets stay valid', () => {
		for (const s of ['Peskóv', 'İstanbul', 'ÅSA', '日本語', '😀 emoji', 'straße']) expect(fold(s).length).toBe(s.length);
		expect(fold('Peskóv')).toBe('peskov');
	});
});
