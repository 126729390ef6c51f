import {describe, expect, it} from 'vitest';
import {parseArticle} from '../../src/core/article.js';
import {alignStory, sharedWords, toAlignJson} from '../../src/core/align/index.js';
import {groupFacts} from '../../src/core/align/cluster.js';
import {featureSpace, sentenceFeatures, sharedWeight, termKinds} from '../../src/core/align/features.js';
import {porterStem} from '../../src/core/align/stem.js';
import {dateKeys, tokenize} from '../../src/core/align/text.js';
import type {Article} from '../../src/core/types.js';
import '../helpers/nlp.js';

/** An article whose paragraphs are the given lines. */
function article(id: string, paragraphs: readonly string[], date = '2024-03-10'): Article {
	return parseArticle(paragraphs.join('\n\n') + '\n', {id, outlet: `Outlet ${id}`, title: `Title ${id}`, date});
}

const A = article('a', [
	'The mayor of Springfield announced on Sunday that the city will close the old steel bridge over the Miller River for eighteen months of repairs.',
	'Engineers found corroded support cables during an inspection in February, according to a city report.',
	'Local shop owners said they fear losing customers during the closure.',
]);
const B = article('b', [
	'Springfield will shut its aging steel bridge across the Miller River for 18 months of repairs, the mayor said Sunday.',
	'An inspection in February found corroded support cables, the city report says.',
	'The city council will vote next week on a temporary ferry service.',
]);
const C = article('c', [
	'A temporary ferry service could replace the bridge, and the council votes on it next week.',
	'Weather forecasters expect heavy snow across the region on Sunday.',
]);
const UNRELATED = article('z', [
	'The national orchestra opened its winter season with a programme of Sibelius symphonies.',
	'Critics praised the young conductor for her bold tempos.',
]);

describe('alignStory', () => {
	it('links passages of different articles that report the same fact', () => {
		const al = alignStory([A, B, C]);
		const pairs = al.links.map((l) => `${l.from.article}${l.from.sentence}-${l.to.article}${l.to.sentence}`);
		expect(pairs).toContain('a0-b0');
		expect(pairs).toContain('a1-b1');
		expect(pairs).toContain('b2-c0');
		// never within one article
		expect(al.links.every((l) => l.from.article !== l.to.article)).toBe(true);
		// the bridge closure is one fact carried by a and b, missing from c
		const f = al.factOf('a', 0)!;
		expect(f.articles).toEqual(['a', 'b']);
		expect(f.missing).toEqual(['c']);
		expect(al.factOf('b', 0)).toBe(f);
	});

	it('ranks parallels best first and answers unknown passages with nothing', () => {
		const al = alignStory([A, B, C]);
		const p = al.parallelsOf('a', 0);
		expect(p[0]).toMatchObject({article: 'b', sentence: 0});
		for (let i = 1; i < p.length; i++) expect(p[i - 1]!.score).toBeGreaterThanOrEqual(p[i]!.score);
		expect(al.parallelsOf('nope', 0)).toEqual([]);
		expect(al.parallelsOf('a', 99)).toEqual([]);
		expect(al.parallelsOf('a', 0.5)).toEqual([]);
	});

	it('lists what only one article reports', () => {
		const al = alignStory([A, B, C]);
		expect(al.unique['a']).toContain(2); // shop owners
		expect(al.unique['c']).toContain(1); // snow
		expect(al.unique['a']).not.toContain(0);
	});

	it('handles an empty story and a single article', () => {
		const none = alignStory([]);
		expect(none.links).toEqual([]);
		expect(none.facts).toEqual([]);
		const one = alignStory([A]);
		expect(one.links).toEqual([]);
		expect(one.facts).toEqual([]);
		expect(one.duplicates).toEqual([]);
		expect(one.unique['a']).toEqual([0, 1, 2]);
		expect(one.parallelsOf('a', 0)).toEqual([]);
	});

	it('notices two copies of the same article and does not link them to each other', () => {
		const copy = parseArticle(A.text, {id: 'a-copy', outlet: 'Other outlet'});
		const al = alignStory([A, copy, B]);
		expect(al.duplicates).toEqual([['a', 'a-copy']]);
		expect(al.links.some((l) => [l.from.article, l.to.article].sort().join() === 'a,a-copy')).toBe(false);
		// both copies still align with b
		expect(al.parallelsOf('a', 0)[0]).toMatchObject({article: 'b', sentence: 0});
		expect(al.parallelsOf('a-copy', 0)[0]).toMatchObject({article: 'b', sentence: 0});
		// a copy alone with its original: duplicates, no links, no error
		const pair = alignStory([A, copy]);
		expect(pair.duplicates).toEqual([['a', 'a-copy']]);
		expect(pair.links).toEqual([]);
		expect(alignStory([A, copy], {linkDuplicates: true}).links.length).toBeGreaterThan(0);
	});

	it('gives an article with no overlap no links', () => {
		const al = alignStory([A, B, UNRELATED]);
		expect(al.links.some((l) => l.from.article === 'z' || l.to.article === 'z')).toBe(false);
		expect(al.unique['z']).toEqual([0, 1]);
		for (const f of al.facts) expect(f.missing).toContain('z');
	});

	it('does not link sentences that share only attribution and time words', () => {
		const x = article('x', ['The minister said on Sunday that the new tax would be delayed.']);
		const y = article('y', ['The coach said on Sunday that his team would win the final.']);
		expect(alignStory([x, y]).links).toEqual([]);
	});

	it('does not chain unrelated passages into one fact', () => {
		// b0 carries two facts; a0 reports one of them, c0 the other
		const a = article('a', ['The storm cut power to forty thousand homes in the northern valley.']);
		const b = article('b', [
			'The storm cut power to forty thousand homes in the northern valley, and the regional airport cancelled all flights until Tuesday.',
		]);
		const c = article('c', ['The regional airport cancelled all flights until Tuesday.']);
		const al = alignStory([a, b, c]);
		expect(al.parallelsOf('b', 0).map((p) => p.article).sort()).toEqual(['a', 'c']);
		expect(al.parallelsOf('a', 0).some((p) => p.article === 'c')).toBe(false);
		for (const f of al.facts) expect(f.articles.includes('a') && f.articles.includes('c')).toBe(false);
	});

	it('keeps at most one passage per article in a fact', () => {
		const al = alignStory([A, B, C]);
		for (const f of al.facts) expect(new Set(f.passages.map((p) => p.article)).size).toBe(f.passages.length);
	});

	it('takes quote groups as link evidence', () => {
		const x = article('x', ['“We will not back down,” the union leader told the rally.', 'The strike enters its third week.']);
		const y = article('y', ['Her words to the crowd were defiant.', 'Talks resume on Friday.']);
		expect(alignStory([x, y]).links).toEqual([]);
		const start = x.text.indexOf('We will');
		const q = alignStory([x, y], {
			quoteGroups: [{spans: [{article: 'x', start, end: start + 22}, {article: 'y', start: 0, end: 10}]}],
		});
		expect(q.links).toHaveLength(1);
		expect(q.links[0]).toMatchObject({from: {article: 'x', sentence: 0}, to: {article: 'y', sentence: 0}});
		expect(q.facts).toHaveLength(1);
		// spans of unknown articles are ignored
		expect(() => alignStory([x, y], {quoteGroups: [{spans: [{article: 'nope', start: 0, end: 5}]}]})).not.toThrow();
	});

	it('aligns wire copy repeated verbatim by many outlets', () => {
		// the same sentences in many articles share their features and scores; each passage still
		// gets one parallel per other article, and never one in its own
		const wire = 'The central bank raised its main interest rate by half a point to 4.5 percent on Thursday.';
		const arts = Array.from({length: 6}, (_, k) =>
			article(`w${k}`, [wire, `Local reaction number ${k} came from shop owners in district ${k * 7}.`, wire]),
		);
		const al = alignStory(arts, {linkDuplicates: true});
		const p = al.parallelsOf('w0', 0);
		expect(p.map((x) => x.article)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5']);
		// the earlier of two equal passages is the best counterpart
		expect(p.every((x) => x.sentence === 0)).toBe(true);
		expect(al.parallelsOf('w0', 2).every((x) => x.article !== 'w0' && x.sentence === 0)).toBe(true);
		expect(new Set(p.map((x) => x.score)).size).toBe(1);
		expect(alignStory(arts, {maxParallels: 2}).parallelsOf('w3', 0).length).toBeLessThanOrEqual(5);
	});

	it('reads a repeated sentence against each article date', () => {
		// "on Tuesday" is a different day in an article of 20 December than in two of 12 December
		const s = 'The two leaders met on Tuesday in Geneva to discuss the border dispute and troop movements.';
		const tail = (id: string) => `An unrelated closing line about the weather in ${id}.`;
		const al = alignStory([article('a', [s, tail('a')], '2021-12-12'), article('b', [s, tail('b')], '2021-12-12'), article('c', [s, tail('c')], '2021-12-20')], {
			linkDuplicates: true,
		});
		const score = (id: string) => al.parallelsOf('a', 0).find((x) => x.article === id)!.score;
		expect(score('c')).toBeLessThan(score('b'));
	});

	it('is deterministic', () => {
		const one = JSON.stringify(toAlignJson([A, B, C, UNRELATED], alignStory([A, B, C, UNRELATED])));
		const two = JSON.stringify(toAlignJson([A, B, C, UNRELATED], alignStory([A, B, C, UNRELATED])));
		expect(two).toBe(one);
		// the same links whatever the article order
		const key = (al: ReturnType<typeof alignStory>) =>
			al.links
				.map((l) => [`${l.from.article}#${l.from.sentence}`, `${l.to.article}#${l.to.sentence}`].sort().join(' '))
				.sort();
		expect(key(alignStory([C, UNRELATED, B, A]))).toEqual(key(alignStory([A, B, C, UNRELATED])));
	});
});

describe('toAlignJson', () => {
	it('prints the eval contract', () => {
		const json = toAlignJson([A, B, C], alignStory([A, B, C]));
		expect(json.articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
		const p = json.articles[0]!.passages[0]!;
		expect(p).toEqual({id: 'p0', start: A.sentences[0]!.start, end: A.sentences[0]!.end, paragraph: 0});
		expect(json.links[0]!.from).toMatch(/^[abc]#p\d+$/);
		expect(typeof json.links[0]!.score).toBe('number');
		expect(json.facts[0]!.passages.every((x) => /^[abc]#p\d+$/.test(x))).toBe(true);
		expect(json.unique['a']).toContain('a#p2');
	});
});

describe('groupFacts', () => {
	it('merges only groups linked across more than half of their pairs', () => {
		// 0-1 strong, 1-2 weaker, 0-2 missing: 2 must not join {0, 1}
		expect(groupFacts(3, [0, 1, 2], [{i: 0, j: 1, s: 0.9}, {i: 1, j: 2, s: 0.5}])).toEqual([[0, 1]]);
		// a triangle is one fact
		expect(groupFacts(3, [0, 1, 2], [{i: 0, j: 1, s: 0.9}, {i: 1, j: 2, s: 0.5}, {i: 0, j: 2, s: 0.4}])).toEqual([[0, 1, 2]]);
		// two passages of one article never share a fact
		expect(groupFacts(3, [0, 1, 1], [{i: 0, j: 1, s: 0.9}, {i: 0, j: 2, s: 0.8}])).toEqual([[0, 1]]);
	});

	it('takes equal links in node order, and edges as parallel arrays', () => {
		// 0-2 and 0-1 tie: 0-1 comes first, so 2 (of 1's article) stays out
		expect(groupFacts(3, [0, 1, 1], [{i: 0, j: 2, s: 0.5}, {i: 0, j: 1, s: 0.5}])).toEqual([[0, 1]]);
		const edges = {i: [0, 0, 1, 3], j: [2, 1, 2, 4], s: [0.5, 0.5, 0.7, 0.3]};
		expect(groupFacts(5, [0, 1, 2, 0, 1], edges)).toEqual(
			groupFacts(5, [0, 1, 2, 0, 1], edges.i.map((i, k) => ({i, j: edges.j[k]!, s: edges.s[k]!}))),
		);
		expect(groupFacts(5, [0, 1, 2, 0, 1], edges)).toEqual([[0, 1, 2], [3, 4]]);
	});
});

describe('sharedWords', () => {
	it('marks the content words two passages share, not stop words', () => {
		const a = 'The mayor closed the bridge on Sunday.';
		const b = 'On Sunday, the bridges were closed by the city.';
		const m = sharedWords(a, b);
		expect(m.a.map((s) => a.slice(s.start, s.end))).toEqual(['closed', 'bridge', 'Sunday']);
		expect(m.b.map((s) => b.slice(s.start, s.end))).toEqual(['Sunday', 'bridges', 'closed']);
	});
});

describe('normalisation', () => {
	it('stems with Porter', () => {
		expect(['talks', 'discussions', 'meeting', 'threatening', 'expansion', 'happy'].map(porterStem)).toEqual([
			'talk',
			'discuss',
			'meet',
			'threaten',
			'expans',
			'happi',
		]);
	});

	it('normalises numbers, initialisms and possessives', () => {
		const keys = tokenize("U.S. troops: 175,000 near Moscow's border").map((t) => t.key);
		expect(keys).toEqual(['usa', 'troop', '175000', 'near', 'moscow', 'border']);
	});

	it('brings irregular verb forms to their base before stemming', () => {
		const key = (w: string) => tokenize(w)[0]!.key;
		expect(['met', 'held', 'spoke', 'sought', 'withdrew'].map(key)).toEqual(['meet', 'hold', 'speak', 'seek', 'withdraw'].map(key));
		// forms that are common nouns or adjectives keep their own key
		expect(key('left')).not.toBe(key('leave'));
	});

	it('keys a hyphenated compound once, as a whole', () => {
		const space = featureSpace();
		const f = sentenceFeatures('They met face-to-face after the build-up.', space);
		const keys = [...space.terms.ids].filter(([, id]) => f.terms.includes(id)).map(([k]) => k);
		expect(keys).toContain('facetoface');
		expect(keys).toContain('buildup');
		expect(keys).not.toContain('faceto');
		expect(keys).not.toContain('toface');
	});

	it('counts a word and its synonym concept as one shared word', () => {
		const space = featureSpace();
		const a = sentenceFeatures('The talks were early.', space);
		const b = sentenceFeatures('Early talks began.', space);
		const c = sentenceFeatures('Early discussions began.', space);
		const kinds = termKinds(space);
		const w2 = new Float64Array(space.terms.size).fill(1);
		expect(sharedWeight(a.terms, b.terms, w2, undefined, kinds).shared).toBe(2); // early, talks
		expect(sharedWeight(a.terms, c.terms, w2, undefined, kinds).shared).toBe(2); // early, talks ~ discussions
		expect(sharedWeight(a.terms, b.terms, w2).shared).toBeGreaterThan(2); // every id without kinds
	});

	it('resolves weekdays against the article date and reads month-day dates', () => {
		// 12 December 2021 was a Sunday: "Tuesday" is 7 December
		expect(dateKeys(tokenize('They spoke on Tuesday.'), '2021-12-12').map((d) => d.key)).toEqual(['@12-07']);
		expect(dateKeys(tokenize('A call on Dec. 7 and on 16 June.')).map((d) => d.key)).toEqual(['@12-07', '@06-16']);
		expect(dateKeys(tokenize('They spoke on Tuesday.'))).toEqual([]);
	});
});

describe('words that are Object.prototype members', () => {
	it('are ordinary words: no month, no initialism, string keys', () => {
		const toks = tokenize('The constructor of toString said hasOwnProperty 12 times, constructor 7.');
		for (const t of toks) expect(typeof t.key).toBe('string');
		expect(toks.find((t) => t.lower === 'constructor')?.key).toMatch(/^construct/);
		// "constructor 7" is not a calendar day
		expect(dateKeys(toks, '2021-12-12')).toEqual([]);
	});
});
