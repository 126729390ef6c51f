import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {dropBefore, mergeArticle, mergeData, mergeHistory} from '../../src/store/merge.js';
import {emptyData, emptyStory, type ArticleRecord, type QuizAnswer, type StoreData} from '../../src/store/schema.js';

const art = (o: Partial<ArticleRecord>): ArticleRecord => ({passageIndex: 0, offset: 0, furthest: 0, posAt: 0, read: false, readAt: 0, ...o});
const ans = (id: string, at: number): QuizAnswer => ({id, questionId: 'q', type: 't', correct: true, at});

function withArticle(a: ArticleRecord, resetAt = 0): StoreData {
	const d = emptyData();
	d.resetAt = resetAt;
	const s = emptyStory();
	s.articles.x = a;
	d.stories.s = s;
	return d;
}

describe('merge', () => {
	it('takes position and read flag from whichever changed later, furthest from both', () => {
		const a = art({passageId: 'pa', passageIndex: 2, posAt: 10, read: true, readAt: 5, furthest: 8});
		const b = art({passageId: 'pb', passageIndex: 6, posAt: 20, read: false, readAt: 1, furthest: 6});
		expect(mergeArticle(a, b)).toEqual({passageId: 'pb', passageIndex: 6, offset: 0, furthest: 8, posAt: 20, read: true, readAt: 5});
		expect(mergeArticle(b, a)).toEqual(mergeArticle(a, b));
	});

	it('unites histories by answer id, ordered by time, capped at the newest', () => {
		const h = mergeHistory([ans('a', 1), ans('c', 3)], [ans('b', 2), ans('c', 3), ans('d', 4)], 3);
		expect(h.map((x) => x.id)).toEqual(['b', 'c', 'd']);
	});

	it('history merge is order-independent and loses no id (property)', () => {
		const answers = fc.uniqueArray(fc.record({id: fc.string({minLength: 1, maxLength: 4}), at: fc.integer({min: 0, max: 50})}), {selector: (a) => a.id, maxLength: 30});
		fc.assert(
			fc.property(answers, answers, (xs, ys) => {
				const a = xs.map((x) => ans(x.id, x.at));
				const b = ys.map((y) => ans(y.id, y.at)).filter((y) => !a.some((x) => x.id === y.id));
				const m1 = mergeHistory(a, b, 1000);
				const m2 = mergeHistory(b, a, 1000);
				expect(m1).toEqual(m2);
				expect(new Set(m1.map((x) => x.id))).toEqual(new Set([...a, ...b].map((x) => x.id)));
			}),
		);
	});

	it('drops our records older than a reset we had not seen, keeps theirs', () => {
		const mine = withArticle(art({passageIndex: 4, posAt: 50}));
		mine.stories.s!.history.push(ans('old', 40), ans('new', 150));
		const theirs = withArticle(art({passageIndex: 1, posAt: 20}), 100); // e.g. imported after the reset
		const merged = mergeData(mine, theirs);
		expect(merged.resetAt).toBe(100);
		expect(merged.stories.s?.articles.x?.passageIndex).toBe(1);
		expect(merged.stories.s?.history.map((h) => h.id)).toEqual(['new']);
	});

	it('dropBefore keeps a read flag set after the reset but not the older position', () => {
		const d = dropBefore(withArticle(art({passageIndex: 7, posAt: 10, read: true, readAt: 200})), 100);
		expect(d.stories.s?.articles.x).toEqual(art({read: true, readAt: 200}));
		expect(dropBefore(withArticle(art({posAt: 10})), 100).stories.s).toBeUndefined();
	});

	it('merges settings field by field', () => {
		const a = emptyData();
		a.settings = {theme: {value: 'dark', at: 5}, width: {value: 70, at: 1}};
		const b = emptyData();
		b.settings = {width: {value: null, at: 9}};
		expect(mergeData(a, b).settings).toEqual({theme: {value: 'dark', at: 5}, width: {value: null, at: 9}});
	});
});
