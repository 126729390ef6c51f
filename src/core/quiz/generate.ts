/**
 * Question generation: overgenerate candidates of every type from the story's attributed
 * quotes, utterance groups and outlets, keep only those {@link verifyQuestion} accepts, rank,
 * keep the best. Pure and deterministic given the seed.
 */
import type {StoryAnalysis} from '../analysis.js';
import type {Quote} from '../quotes/index.js';
import type {Story} from '../types.js';
import {attributionStrength, isPersonName, isSpeech, mentionsName, mentionsOutlet, quizContext, surname, type QuizContext} from './context.js';
import {cleanQuote, excerpt, hashString, normText, rngFor, shuffled, wordCount, type Rng} from './text.js';
import type {Evidence, Question, QuestionType} from './types.js';
import {MIN_OUTLET_QUOTE_WORDS, MIN_WHO_SAID_WORDS, stronglyAttributed, verifyQuestion, versionOutlets, versionSpeakers} from './verify.js';

/** Default cap on the number of questions kept. */
export const MAX_QUESTIONS = 60;
/** Default seed (the same questions and option order on every run). */
export const DEFAULT_SEED = 1;
/** Longest quote (in words) asked about (longer ones are shown as an excerpt; see {@link excerpt}). */
export const MAX_QUOTE_WORDS = 150;

/** Options of {@link generateQuestions}. */
export interface GenerateOptions {
	/** Seed of option order and distractor draws (default {@link DEFAULT_SEED}). */
	readonly seed?: number;
	/** Keep at most this many questions (default {@link MAX_QUESTIONS}). */
	readonly max?: number;
	/** Question types to generate (default all). */
	readonly types?: readonly QuestionType[];
}

interface Candidate {
	readonly type: QuestionType;
	readonly prompt: string;
	readonly key: string;
	readonly distractors: readonly string[];
	readonly quote?: string;
	readonly evidence: readonly Evidence[];
	readonly factId: string;
	readonly speaker?: string;
	readonly explanation?: string;
	readonly score: number;
	/** Content that identifies the question (beside type and key) for its id. */
	readonly idKey: string;
}

/** Id of the utterance fact a quote belongs to (stable for the same texts). */
export function utteranceFactId(ctx: QuizContext, q: Quote): string {
	return `u-${hashString(`${q.speaker ?? ''}|${firstNormText(ctx.versionsOf(q)) ?? normText(q.text)}`)}`;
}

/** Memo of {@link firstNormText} per versions list (lists are shared, see `versionsOf`). */
const firstNormMemo = new WeakMap<readonly Quote[], string | undefined>();

/** The least (in code unit order, as `sort` orders) normalised text of the versions. */
function firstNormText(versions: readonly Quote[]): string | undefined {
	if (firstNormMemo.has(versions)) return firstNormMemo.get(versions);
	let first: string | undefined;
	for (const v of versions) {
		const n = normText(v.text);
		if (first === undefined || n < first) first = n;
	}
	firstNormMemo.set(versions, first);
	return first;
}

function possessive(name: string): string {
	return `${name}’s`;
}

function lengthScore(words: number): number {
	if (words >= 6 && words <= 25) return 1;
	if (words >= 4 && words <= 35) return 0.5;
	return 0;
}

/** A quote fit to show: speech, not nested, not too long. */
function showable(q: Quote): boolean {
	return isSpeech(q) && !q.parent && wordCount(q.text) <= MAX_QUOTE_WORDS && cleanQuote(q.text).length > 0;
}

/** The best version of an utterance to show: full quotes first, then longer (up to 30 words), then story order. */
function representatives(versions: readonly Quote[]): readonly Quote[] {
	let memo = representativesMemo.get(versions);
	if (!memo) {
		memo = representativesOnce(versions);
		representativesMemo.set(versions, memo);
	}
	return memo;
}

/** Memo of {@link representatives} per list (utterance groups and version lists are shared, see `utterances` and `versionsOf`). */
const representativesMemo = new WeakMap<readonly Quote[], readonly Quote[]>();

function representativesOnce(versions: readonly Quote[]): Quote[] {
	const ranked: {q: Quote; r: number}[] = [];
	for (const q of versions) {
		const r = showRank(q);
		if (r !== null) ranked.push({q, r});
	}
	// the sort is stable: equal ranks keep story order
	return ranked.sort((a, b) => b.r - a.r).map((x) => x.q);
}

/** Memo of {@link showRank} per quote (a quote is in the versions lists of all its versions). */
const showRankMemo = new WeakMap<Quote, number | null>();

/** A quote's rank as a representative (full quotes first, then longer up to 30 words); null when not {@link showable}. */
function showRank(q: Quote): number | null {
	let r = showRankMemo.get(q);
	if (r === undefined) {
		r = showable(q) ? (q.kind === 'full' ? 2 : 0) + Math.min(wordCount(q.text), 30) / 30 : null;
		showRankMemo.set(q, r);
	}
	return r;
}

const utterancesMemo = new WeakMap<QuizContext, readonly (readonly Quote[])[]>();

/** Utterances: one entry per utterance group (or ungrouped speech quote), in story order (shared: do not modify). */
function utterances(ctx: QuizContext): readonly (readonly Quote[])[] {
	let memo = utterancesMemo.get(ctx);
	if (!memo) {
		memo = utterancesOnce(ctx);
		utterancesMemo.set(ctx, memo);
	}
	return memo;
}

function utterancesOnce(ctx: QuizContext): Quote[][] {
	const seen = new Set<string>();
	const out: Quote[][] = [];
	for (const q of ctx.quotes) {
		if (!isSpeech(q) || !q.speaker || seen.has(q.id)) continue;
		const members = q.group ? (ctx.groupMembers.get(q.group) ?? [q]) : [q];
		for (const m of members) seen.add(m.id);
		out.push([...members]);
	}
	return out;
}

/** A version firmly its speaker's by its own words (named, or an office): safe to cite as evidence. */
function firmVersion(q: Quote, speaker: string): boolean {
	const s = attributionStrength(q);
	return q.speaker === speaker && (s === 'named' || s === 'role');
}

function evidenceOf(first: Quote, versions: readonly Quote[], filter: (q: Quote) => boolean = () => true): Evidence[] {
	const ev: Evidence[] = [{article: first.article, start: first.start, end: first.end}];
	const articles = new Set([first.article]);
	for (const v of versions) {
		if (v.id === first.id || articles.has(v.article) || !filter(v)) continue;
		articles.add(v.article);
		ev.push({article: v.article, start: v.start, end: v.end});
	}
	return ev;
}

/** Pick up to `n` distractors: preferred ones first (in order), the rest drawn by the rng. */
function draw(pool: readonly string[], n: number, rng: Rng): string[] {
	return shuffled(pool, rng).slice(0, n);
}

function personDistractors(ctx: QuizContext, exclude: ReadonlySet<string>, stem: string, key: string, rng: Rng): string[] {
	const keySurname = surname(key);
	const usedSurnames = new Set([keySurname]);
	const speakers = ctx.people.filter((p) => (ctx.speakerQuoteCount.get(p) ?? 0) > 0);
	const others = ctx.people.filter((p) => !speakers.includes(p));
	const ok = (p: string): boolean => p !== key && !exclude.has(p) && !mentionsName(stem, p) && !usedSurnames.has(surname(p));
	const out: string[] = [];
	// quoted people first (most plausible), then people only spoken to
	for (const pool of [speakers, others]) {
		for (const p of draw(pool.filter(ok), 3, rng)) {
			if (out.length >= 3 || usedSurnames.has(surname(p))) continue;
			out.push(p);
			usedSurnames.add(surname(p));
		}
	}
	return out;
}

function whoSaid(ctx: QuizContext, seed: number): Candidate[] {
	const out: Candidate[] = [];
	for (const group of utterances(ctx)) {
		const speaker = group[0]!.speaker!;
		if (!isPersonName(speaker)) continue;
		for (const rep of representatives(group)) {
			const quote = excerpt(rep.text);
			if (wordCount(quote) < MIN_WHO_SAID_WORDS || mentionsName(quote, speaker)) continue;
			const versions = ctx.versionsOf(rep);
			const speakers = versionSpeakers(ctx, rep);
			if (speakers.size !== 1 || !stronglyAttributed(ctx, rep, speaker)) break;
			const prompt = `Who said “${quote}”?`;
			const rng = rngFor(seed, `who-said|${rep.id}`);
			const distractors = personDistractors(ctx, speakers, prompt, speaker, rng);
			if (distractors.length < 2) break;
			const outlets = versionOutlets(ctx, rep);
			out.push({
				type: 'who-said',
				prompt,
				key: speaker,
				distractors,
				quote,
				evidence: evidenceOf(rep, versions, (v) => firmVersion(v, speaker)),
				factId: utteranceFactId(ctx, rep),
				speaker,
				explanation: `${speaker} said it (${[...outlets].join(', ')}).`,
				score: 10 + (rep.kind === 'full' ? 2 : 0) + Math.min(outlets.size, 4) * 0.5 + lengthScore(wordCount(quote)) + (distractors.length >= 3 ? 0.5 : 0),
				idKey: normText(quote),
			});
			break;
		}
	}
	return out;
}

function saidWhat(ctx: QuizContext, seed: number): Candidate[] {
	const out: Candidate[] = [];
	const groups = utterances(ctx);
	// one firm representative per utterance
	const firm: {speaker: string; rep: Quote; text: string}[] = [];
	for (const group of groups) {
		const speaker = group[0]!.speaker!;
		if (!isPersonName(speaker)) continue;
		const rep = representatives(group).find((r) => wordCount(r.text) >= 3);
		if (!rep) continue;
		const sp = versionSpeakers(ctx, rep);
		if (sp.size !== 1 || !stronglyAttributed(ctx, rep, speaker)) continue;
		firm.push({speaker, rep, text: excerpt(rep.text)});
	}
	// the other speakers' quotes that do not name a speaker, once per speaker
	const pools = new Map<string, typeof firm>();
	for (const f of firm) {
		const prompt = `Which of these did ${f.speaker} say?`;
		if (mentionsName(f.text, f.speaker)) continue;
		const words = wordCount(f.text);
		let pool = pools.get(f.speaker);
		if (!pool) {
			pool = firm.filter((o) => o.speaker !== f.speaker && !mentionsName(o.text, f.speaker));
			pools.set(f.speaker, pool);
		}
		const rng = rngFor(seed, `said-what|${f.rep.id}`);
		// similar length first (within ±50 %), one quote per other speaker where possible
		const near = pool.filter((o) => {
			const w = wordCount(o.text);
			return w >= words * 0.5 && w <= words * 1.5 + 2;
		});
		const picks: typeof firm = [];
		const bySpeaker = new Set<string>();
		for (const list of [shuffled(near, rng), shuffled(pool, rng)]) {
			for (const o of list) {
				if (picks.length >= 3 || picks.includes(o) || bySpeaker.has(o.speaker)) continue;
				picks.push(o);
				bySpeaker.add(o.speaker);
			}
		}
		if (picks.length < 2) continue;
		const outlets = versionOutlets(ctx, f.rep);
		out.push({
			type: 'said-what',
			prompt,
			key: f.text,
			distractors: picks.map((p) => p.text),
			quote: f.text,
			evidence: evidenceOf(f.rep, ctx.versionsOf(f.rep), (v) => firmVersion(v, f.speaker)),
			factId: utteranceFactId(ctx, f.rep),
			speaker: f.speaker,
			explanation: `${f.speaker} said it (${[...outlets].join(', ')}); ${picks.map((p) => `“${p.text}” was ${p.speaker}`).join('; ')}.`,
			score: 9 + (f.rep.kind === 'full' ? 1 : 0) + Math.min(outlets.size, 4) * 0.3 + lengthScore(words) + (picks.length >= 3 ? 0.5 : 0),
			idKey: normText(f.text),
		});
	}
	return out;
}

function toWhom(ctx: QuizContext, seed: number): Candidate[] {
	const out: Candidate[] = [];
	for (const group of utterances(ctx)) {
		const speaker = group[0]!.speaker!;
		if (!isPersonName(speaker)) continue;
		const addressed = group.filter((q) => q.addressee && isPersonName(q.addressee));
		const addressee = addressed[0]?.addressee;
		if (!addressee || addressee === speaker) continue;
		for (const rep of representatives(addressed)) {
			const quote = excerpt(rep.text);
			if (wordCount(quote) < 2 || mentionsName(quote, addressee)) continue;
			const versions = ctx.versionsOf(rep);
			const prompt = `To whom did ${speaker} say “${quote}”?`;
			const exclude = new Set<string>([speaker]);
			for (const v of versions) if (v.addressee) exclude.add(v.addressee);
			const rng = rngFor(seed, `to-whom|${rep.id}`);
			const distractors = personDistractors(ctx, exclude, prompt, addressee, rng);
			if (distractors.length < 2) break;
			out.push({
				type: 'to-whom',
				prompt,
				key: addressee,
				distractors,
				quote,
				evidence: evidenceOf(rep, versions, (v) => v.addressee === addressee && firmVersion(v, speaker)),
				factId: utteranceFactId(ctx, rep),
				speaker,
				explanation: `${speaker} said it to ${addressee}.`,
				score: 9.5 + lengthScore(wordCount(quote)),
				idKey: normText(quote),
			});
			break;
		}
	}
	return out;
}

function outletDistractors(ctx: QuizContext, key: string, preferred: readonly string[], stem: string, rng: Rng): string[] {
	const ok = (o: string): boolean => o !== key && !mentionsOutlet(stem, o);
	const first = shuffled(preferred.filter(ok), rng);
	const rest = shuffled(ctx.outlets.filter((o) => ok(o) && !preferred.includes(o)), rng);
	return [...first, ...rest].slice(0, 3);
}

function speakerPhrase(ctx: QuizContext, speaker: string | null): string | undefined {
	if (!speaker) return undefined;
	return isPersonName(speaker) ? speaker : undefined;
}

function whichOutletQuotes(ctx: QuizContext, seed: number): Candidate[] {
	const out: Candidate[] = [];
	if (ctx.outlets.length < 3) return out;
	for (const q of ctx.quotes) {
		if (!showable(q) || !q.speaker) continue;
		const quote = excerpt(q.text);
		if (wordCount(quote) < MIN_OUTLET_QUOTE_WORDS) continue;
		const outlets = versionOutlets(ctx, q);
		const key = ctx.outletOf.get(q.article)!;
		if (outlets.size !== 1) continue;
		const speaker = speakerPhrase(ctx, q.speaker);
		const firm = speaker !== undefined && versionSpeakers(ctx, q).size === 1 && stronglyAttributed(ctx, q, speaker);
		const prompt = firm ? `Which outlet quoted ${speaker} as saying “${quote}”?` : `Which outlet quoted the words “${quote}”?`;
		if (mentionsOutlet(prompt, key)) continue;
		const rng = rngFor(seed, `which-outlet|${q.id}`);
		const distractors = outletDistractors(ctx, key, [], prompt, rng);
		if (distractors.length < 2) continue;
		out.push({
			type: 'which-outlet',
			prompt,
			key,
			distractors,
			quote,
			evidence: [{article: q.article, start: q.start, end: q.end}],
			factId: utteranceFactId(ctx, q),
			...(firm && {speaker}),
			explanation: `Only ${key} quoted these words.`,
			score: 8.5 + (q.kind === 'full' ? 0.5 : 0) + lengthScore(wordCount(quote)),
			idKey: normText(quote),
		});
	}
	return out;
}

/** Sentences only one outlet has: "Which outlet wrote …?" (at most two per outlet, lowest ranked). */
function whichOutletSentences(ctx: QuizContext, seed: number): Candidate[] {
	const out: Candidate[] = [];
	if (ctx.outlets.length < 3) return out;
	const unique = ctx.analysis.alignment.unique;
	for (const outlet of ctx.outlets) {
		const cands: Candidate[] = [];
		for (const a of ctx.articlesOf.get(outlet) ?? []) {
			const body = new Set(a.paragraphs.map((p, i) => (p.role === 'body' ? i : -1)).filter((i) => i >= 0));
			for (const si of unique[a.meta.id] ?? []) {
				const s = a.sentences[si];
				if (!s || !body.has(s.paragraph)) continue;
				const text = a.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
				const words = wordCount(text);
				if (words < 10 || words > 35) continue;
				if (/["“”«»‘’]|'\s|\s'/.test(text)) continue; // quotes are asked about elsewhere
				if (/^(?:but|and|so|however|he|she|they|it|this|that|these|those|his|her|their)\b/i.test(text)) continue; // needs its context
				if (!/[.!?]$/.test(text)) continue;
				if (ctx.outlets.some((o) => mentionsOutlet(text, o))) continue;
				const prompt = `Which outlet wrote this: “${text}”?`;
				const rng = rngFor(seed, `which-outlet|${a.meta.id}|${si}`);
				const distractors = outletDistractors(ctx, outlet, [], prompt, rng);
				if (distractors.length < 2) continue;
				const start = s.start + (a.text.slice(s.start, s.end).length - a.text.slice(s.start, s.end).trimStart().length);
				cands.push({
					type: 'which-outlet',
					prompt,
					key: outlet,
					distractors,
					quote: text,
					evidence: [{article: a.meta.id, start, end: s.end}],
					factId: `s-${hashString(`${outlet}|${normText(text)}`)}`,
					explanation: `Only ${outlet} reported this.`,
					score: 4 + lengthScore(words) - Math.abs(words - 20) / 40,
					idKey: normText(text),
				});
			}
		}
		cands.sort((x, y) => y.score - x.score || x.idKey.localeCompare(y.idKey));
		out.push(...cands.slice(0, 6));
	}
	return out;
}

function notReported(ctx: QuizContext, seed: number): Candidate[] {
	const out: Candidate[] = [];
	if (ctx.outlets.length < 3) return out;
	for (const group of utterances(ctx)) {
		const speaker = group[0]!.speaker!;
		if (!isPersonName(speaker)) continue;
		const rep = representatives(group).find((r) => wordCount(r.text) >= MIN_OUTLET_QUOTE_WORDS);
		if (!rep) continue;
		const carrying = versionOutlets(ctx, rep);
		const missing = ctx.outlets.filter((o) => !carrying.has(o));
		if (carrying.size < 2 || missing.length === 0) continue;
		const quote = excerpt(rep.text);
		const prompt = `Which outlet did NOT report ${possessive(speaker)} words “${quote}”?`;
		const rng = rngFor(seed, `not-reported|${rep.id}`);
		const ok = missing.filter((o) => !mentionsOutlet(prompt, o));
		const key = shuffled(ok, rng)[0];
		if (!key) continue;
		const distractors = shuffled([...carrying].filter((o) => !mentionsOutlet(prompt, o)), rng).slice(0, 3);
		if (distractors.length < 2) continue;
		out.push({
			type: 'not-reported',
			prompt,
			key,
			distractors,
			quote,
			evidence: evidenceOf(rep, ctx.versionsOf(rep), (v) => v.speaker === speaker),
			factId: utteranceFactId(ctx, rep),
			speaker,
			explanation: `${[...carrying].join(', ')} quoted it; ${key} did not.`,
			score: 7 + Math.min(carrying.size, 4) * 0.3,
			idKey: `${normText(quote)}|${key}`,
		});
	}
	return out;
}

function wording(ctx: QuizContext, seed: number): Candidate[] {
	const out: Candidate[] = [];
	if (ctx.outlets.length < 3) return out;
	for (const group of utterances(ctx)) {
		const speaker = group[0]!.speaker!;
		if (!isPersonName(speaker)) continue;
		const carrying = versionOutlets(ctx, group[0]!);
		if (carrying.size < 2) continue;
		for (const rep of representatives(ctx.versionsOf(group[0]!))) {
			const quote = cleanQuote(rep.text);
			if (wordCount(quote) < 5 || excerpt(quote) !== quote) continue;
			const key = ctx.outletOf.get(rep.article)!;
			const prompt = `Which outlet rendered ${possessive(speaker)} words as “${quote}”?`;
			if (mentionsOutlet(prompt, key)) continue;
			const rng = rngFor(seed, `wording|${rep.id}`);
			const distractors = outletDistractors(ctx, key, [...carrying], prompt, rng);
			if (distractors.length < 2) continue;
			out.push({
				type: 'wording',
				prompt,
				key,
				distractors,
				quote,
				evidence: [{article: rep.article, start: rep.start, end: rep.end}],
				factId: utteranceFactId(ctx, rep),
				speaker,
				explanation: `${key} wrote it this way; ${[...carrying].filter((o) => o !== key).join(', ')} worded it differently.`,
				score: 6.5 + lengthScore(wordCount(quote)),
				idKey: normText(quote),
			});
		}
	}
	return out;
}

/** Turn a candidate into a question with seeded option order. */
function finish(c: Candidate, seed: number): Question {
	const id = `${c.type}-${hashString(`${c.type}|${c.key}|${c.idKey}`)}`;
	const rng = rngFor(seed, `order|${id}`);
	const choices = shuffled([c.key, ...c.distractors], rng);
	return {
		id,
		type: c.type,
		prompt: c.prompt,
		choices,
		answer: choices.indexOf(c.key),
		...(c.quote !== undefined && {quote: c.quote}),
		evidence: c.evidence,
		factId: c.factId,
		...(c.speaker !== undefined && {speaker: c.speaker}),
		...(c.explanation !== undefined && {explanation: c.explanation}),
		score: Math.round(c.score * 100) / 100,
	};
}

const GENERATORS: Record<QuestionType, ((ctx: QuizContext, seed: number) => Candidate[])[]> = {
	'who-said': [whoSaid],
	'said-what': [saidWhat],
	'which-outlet': [whichOutletQuotes, whichOutletSentences],
	'to-whom': [toWhom],
	'not-reported': [notReported],
	wording: [wording],
};

/** Every verified question of the story, unranked and uncapped (for tests and tools). */
export function allQuestions(story: Story, analysis: StoryAnalysis, options: GenerateOptions = {}): Question[] {
	const seed = options.seed ?? DEFAULT_SEED;
	const ctx = quizContext(story, analysis);
	const types = options.types ?? (Object.keys(GENERATORS) as QuestionType[]);
	const seen = new Set<string>();
	const out: Question[] = [];
	for (const t of types) {
		for (const gen of GENERATORS[t] ?? []) {
			let cands: Candidate[] = [];
			try {
				cands = gen(ctx, seed);
			} catch {
				cands = []; // odd text never breaks the quiz: that type yields nothing
			}
			for (const c of cands) {
				const q = finish(c, seed);
				if (seen.has(q.id)) continue;
				if (!verifyQuestion(q, story, analysis).ok) continue;
				seen.add(q.id);
				out.push(q);
			}
		}
	}
	return out;
}

/**
 * Generate the story's questions: every candidate verified, ranked (full, cross-outlet,
 * well-sized quotes first; types and facts mixed), the best `max` kept, in ranked order.
 * Returns [] when the story has too little material (see {@link notEnoughMaterial}).
 */
export function generateQuestions(story: Story, analysis: StoryAnalysis, options: GenerateOptions = {}): Question[] {
	const max = Math.max(0, Math.floor(options.max ?? MAX_QUESTIONS));
	const all = allQuestions(story, analysis, options);
	all.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.id.localeCompare(b.id));
	// greedy pick with diversity: repeated types and facts cost rank
	const picked: Question[] = [];
	const typeCount = new Map<string, number>();
	const factCount = new Map<string, number>();
	const left = [...all];
	while (picked.length < max && left.length > 0) {
		let bestI = 0;
		let best = -Infinity;
		left.forEach((q, i) => {
			const v = (q.score ?? 0) - 0.6 * (typeCount.get(q.type) ?? 0) - 2 * (factCount.get(q.factId) ?? 0);
			if (v > best) {
				best = v;
				bestI = i;
			}
		});
		const [q] = left.splice(bestI, 1);
		picked.push(q!);
		typeCount.set(q!.type, (typeCount.get(q!.type) ?? 0) + 1);
		factCount.set(q!.factId, (factCount.get(q!.factId) ?? 0) + 1);
	}
	return picked;
}

/** Shuffle a question's options (a fresh order at every showing), keeping `answer` on the right option. */
export function shuffleChoices(q: Question, rng: Rng): Question {
	const order = shuffled(
		q.choices.map((_, i) => i),
		rng,
	);
	return {...q, choices: order.map((i) => q.choices[i]!), answer: order.indexOf(q.answer)};
}

/**
 * Why a story yields no (or too few) questions, for the UI: "Not enough material for a quiz: …".
 * Undefined when there are questions enough (at least `min`, default 1).
 */
export function notEnoughMaterial(story: Story, analysis: StoryAnalysis, questions: readonly Question[], min = 1): string | undefined {
	if (questions.length >= min) return undefined;
	const ctx = quizContext(story, analysis);
	const why: string[] = [];
	if (story.articles.length === 0) why.push('the story has no articles');
	else {
		const attributed = ctx.quotes.filter((q) => isSpeech(q) && q.speaker && isPersonName(q.speaker));
		const people = new Set(attributed.map((q) => q.speaker));
		if (attributed.length === 0) why.push('no quotes attributed to a named person');
		else if (people.size < 3) why.push(`only ${people.size === 1 ? 'one person is' : `${people.size} people are`} quoted (3 needed for options)`);
		if (ctx.outlets.length < 3) why.push(`only ${ctx.outlets.length === 1 ? 'one outlet' : `${ctx.outlets.length} outlets`} (3 needed for outlet questions)`);
		if (why.length === 0) why.push('no question passed the single-answer checks');
	}
	return `Not enough material for a quiz: ${why.join('; ')}.`;
}
