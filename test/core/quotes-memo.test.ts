/**
 * The story-wide region memo (a paragraph that recurs in several articles is attributed once) must
 * not change what attribution finds: each article attributed with a shared memo reads exactly as it
 * does alone, wherever the paragraph sits in the article.
 */
import {describe, expect, it} from 'vitest';
import {attributeArticle, type Mention, type RegionMemo} from '../../src/core/quotes/attribute.js';
import {attributeStory} from '../../src/core/quotes/index.js';
import {articleOf} from './quotes-article.js';

const P = [
	'“We will definitely meet, I would really like that,” Putin told Biden on Tuesday.',
	'The Russian leader said he was “ready to talk” and that the West was “drawing red lines”.',
	'Kremlin spokesman Dmitry Peskov, a veteran of such calls, said: “The conversation was frank.”',
	'“It was useful,” he added. “Nobody expected a breakthrough.”',
	'“We are not going to put up with this,',
	'“and we will not,” said Jake Sullivan, the national security adviser.',
	'According to Reuters, officials familiar with the talks described the mood as “businesslike”.',
	'She told reporters that Moscow’s “so-called guarantees” were “a non-starter”.',
];

/** What attribution read in an article, with mentions as offsets and words (their tokens are shared by design). */
function reading(text: string, memo?: RegionMemo): unknown {
	const a = attributeArticle(articleOf(text), memo);
	const m = (x: Mention | null) => x && {start: x.start, end: x.end, text: x.text, kind: x.kind, words: x.toks.map((t) => t.t)};
	return {
		quotes: a.quotes.map((q) => ({start: q.start, end: q.end, kind: q.kind, via: q.via, cue: q.cue, speaker: m(q.speaker), addressee: m(q.addressee)})),
		sentences: a.sentences.map((s) => ({region: s.region, start: s.start, end: s.end, subject: m(s.subject), cueSubjects: s.cueSubjects.map(m), names: s.names.map(m)})),
	};
}

describe('region memo', () => {
	const texts = [
		[P[0], P[1], P[2], P[3]].join('\n\n'),
		['Headline: talks end', P[3], P[0], P[4], P[5]].join('\n\n'),
		[P[2], P[3], P[6], P[7], P[1]].join('\n'),
		[P[4], P[5], P[0], P[0], P[3]].join('\n\n  '),
		[P[7], P[1], P[2], P[3], P[4], P[5]].join('\n\n') + '\n',
	];

	it('reads each article as it reads it alone', () => {
		const memo: RegionMemo = new Map();
		for (const t of texts) expect(reading(t, memo)).toEqual(reading(t));
		expect([...memo.values()].reduce((n, b) => n + b.size, 0)).toBeLessThan(texts.join('\n\n').split(/\n+/).length);
	});

	it('gives each article of a story the quotes and speaker mentions it has alone', () => {
		const arts = texts.map((t, i) => articleOf(t, `a${i}`));
		const forward = attributeStory(arts);
		expect(forward.quotes.length).toBeGreaterThan(10);
		for (const a of arts) {
			const alone = attributeStory([a]).quotes.map((q) => ({start: q.start, end: q.end, kind: q.kind, mention: q.speakerMention, cue: q.cue}));
			const within = forward.quotes.filter((q) => q.article === a.meta.id).map((q) => ({start: q.start, end: q.end, kind: q.kind, mention: q.speakerMention, cue: q.cue}));
			expect(within).toEqual(alone);
		}
	});
});
