/** Test helpers for the quiz tests: the seed story, the made-up fixture stories, and a TS port of score.py's quiz checks. */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {buildStory} from '../../src/content/load.js';
import {parseArticle} from '../../src/core/article.js';
import {analyzeStory, type StoryAnalysis} from '../../src/core/analysis.js';
import type {Question} from '../../src/core/quiz/index.js';
import {normText} from '../../src/core/quiz/text.js';
import type {Article, Story} from '../../src/core/types.js';
import {loadSeedArticles, repoRoot} from '../helpers/seedStory.js';
import * as segment from '../../src/core/segment.js';

/** Load the sentence model when this build loads it lazily (parsing needs it first). */
export async function ensureNlp(): Promise<void> {
	await (segment as {loadNlp?: () => Promise<void>}).loadNlp?.();
}
await ensureNlp();

/** A story with its analysis. */
export interface Analysed {
	readonly story: Story;
	readonly analysis: StoryAnalysis;
}

/** Story and analysis of these articles. */
export function analysed(articles: readonly Article[], title?: string): Analysed {
	const story = buildStory(articles, title);
	return {story, analysis: analyzeStory(story)};
}

let seedCache: Analysed | undefined;
/** The seed story (five outlets), analysed once per test file. */
export function seed(): Analysed {
	seedCache ??= analysed(loadSeedArticles(), 'seed');
	return seedCache;
}

export const quizFixtures = path.join(repoRoot, 'test/fixtures/quiz');

/** The made-up three-outlet bridge story of test/fixtures/quiz/bridge. */
export function bridgeArticles(): Article[] {
	const dir = path.join(quizFixtures, 'bridge');
	const m = JSON.parse(readFileSync(path.join(dir, 'story.json'), 'utf8')) as {articles: {file: string; outlet: string}[]};
	return m.articles.map((e) => parseArticle(readFileSync(path.join(dir, e.file), 'utf8'), {id: e.file.replace(/\.txt$/, ''), outlet: e.outlet}));
}

/** One fixture file as a one-article story. */
export function fixtureArticle(file: string, outlet = 'Town Paper'): Article {
	return parseArticle(readFileSync(path.join(quizFixtures, file), 'utf8'), {id: file.replace(/\.txt$/, ''), outlet});
}

interface GoldQuote {
	article: string;
	quote: string;
	speaker: string | null;
	alt_speaker?: string | null;
	addressee: string | null;
	kind: string;
}

/** score.py's speaker match: same name, an alias, or the same surname (3+ letters). */
function sameSpeaker(system: string | undefined, gold: string | null | undefined, aliases: Map<string, string>): boolean {
	if (!system || !gold) return false;
	const s = normText(system);
	const g = normText(gold);
	if (s === g || aliases.get(s) === gold) return true;
	const gt = g.split(' ');
	const st = s.split(' ');
	const gl = gt[gt.length - 1] ?? '';
	return gl.length > 2 && gl === st[st.length - 1];
}

/** A port of score.py `cmd_quiz`'s per-question check, for properties over many stories. Undefined when not checkable. */
export function goldCheck(q: Question, texts: ReadonlyMap<string, string>): boolean | undefined {
	const g = goldData();
	const key = q.choices[q.answer];
	const spans: {g: GoldQuote; s: [number, number]}[] = [];
	const seen = new Map<string, number>();
	for (const gq of g.quotes) {
		const text = texts.get(gq.article);
		if (text === undefined) continue;
		const k = `${gq.article}|${gq.quote}`;
		const n = seen.get(k) ?? 0;
		let i = -1;
		for (let j = 0; j <= n; j++) {
			i = text.indexOf(gq.quote, i + 1);
			if (i < 0) break;
		}
		if (i >= 0) spans.push({g: gq, s: [i, i + gq.quote.length]});
		seen.set(k, n + 1);
	}
	const on = spans.filter(({g: gq, s}) => (gq.kind === 'full' || gq.kind === 'partial') && q.evidence.some((e) => e.article === gq.article && Math.min(s[1], e.end) - Math.max(s[0], e.start) > 0));
	const first = on[0]?.g;
	if (q.type === 'who-said' && first) {
		const others = q.choices.filter((c) => c !== key);
		const ok = (c: string | undefined): boolean => sameSpeaker(c, first.speaker, g.aliases) || sameSpeaker(c, first.alt_speaker, g.aliases);
		return Boolean(first.speaker) && ok(key) && !others.some(ok) && new Set(q.choices.map(normText)).size === q.choices.length;
	}
	if (q.type === 'which-outlet') {
		const quote = normText(q.quote ?? '');
		return q.evidence.some((e) => quote.length > 0 && normText(texts.get(e.article) ?? '').includes(quote));
	}
	if (q.type === 'to-whom' && first) return Boolean(first.addressee) && sameSpeaker(key, first.addressee, g.aliases);
	return undefined;
}

let gold: {quotes: GoldQuote[]; aliases: Map<string, string>} | undefined;
function goldData(): {quotes: GoldQuote[]; aliases: Map<string, string>} {
	if (gold) return gold;
	const fx = path.join(repoRoot, 'test/fixtures/gold');
	const quotes = JSON.parse(readFileSync(path.join(fx, 'seed-quotes.json'), 'utf8')) as GoldQuote[];
	const speakers = JSON.parse(readFileSync(path.join(fx, 'speakers.json'), 'utf8')) as Record<string, string[]>;
	const aliases = new Map<string, string>();
	for (const [canon, forms] of Object.entries(speakers)) for (const f of [canon, ...forms]) aliases.set(normText(f), canon);
	gold = {quotes, aliases};
	return gold;
}
