/**
 * Single-answer checks. A question is kept only when its key, re-derived from the texts at its
 * evidence (not from the generator's bookkeeping), agrees with its answer; no distractor is true
 * anywhere in the story (every outlet's wording included); and the stem does not give the key
 * away. Anything doubtful fails.
 */
import type {StoryAnalysis} from '../analysis.js';
import {sameUtterance, type Quote} from '../quotes/index.js';
import type {Story} from '../types.js';
import {
	attributionStrength,
	isPersonName,
	isSpeech,
	mentionsName,
	mentionsOutlet,
	outletCarries,
	outletHasVerbatim,
	quizContext,
	surname,
	wordingKey,
	type QuizContext,
} from './context.js';
import {cleanQuote, contentStems, excerpt, normText, wordCount} from './text.js';
import type {Question, Verdict} from './types.js';

/** Minimum words of a quote asked about in a who-said question. */
export const MIN_WHO_SAID_WORDS = 4;
/** Minimum words of a quote asked about in outlet questions. */
export const MIN_OUTLET_QUOTE_WORDS = 3;
/** Share of a passage's content words that, found in one sentence of another outlet, counts as that outlet having it. */
export const CARRY_SHARE = 0.6;
/** The same, for "did NOT report" and "which outlet wrote" (stricter: paraphrase counts). */
export const CARRY_SHARE_STRICT = 0.5;

const NOTA = /\b(?:all|none|both|neither) of (?:the )?(?:above|these|them)\b/i;

// Look-ups on a quote's versions, memoised on the versions array (quotes of the same utterance
// and wording share one, see `versionsOf`; each array belongs to one context), so a story's many
// copies of a quote cost one.
const speakersMemo = new WeakMap<readonly Quote[], ReadonlySet<string>>();
const outletsMemo = new WeakMap<readonly Quote[], ReadonlySet<string>>();
const strongMemo = new WeakMap<readonly Quote[], Map<string, boolean>>();

/** Speakers (non-null) of every version of a quote (shared: do not modify). */
export function versionSpeakers(ctx: QuizContext, q: Quote): ReadonlySet<string> {
	const versions = ctx.versionsOf(q);
	let s = speakersMemo.get(versions);
	if (!s) {
		const found = new Set<string>();
		for (const v of versions) if (v.speaker) found.add(v.speaker);
		speakersMemo.set(versions, found);
		s = found;
	}
	return s;
}

/**
 * Whether the quote is firmly the speaker's: some version names them or their office ("Peskov",
 * "the Russian leader"), and no version was read from another name ("Mr. King").
 */
export function stronglyAttributed(ctx: QuizContext, q: Quote, speaker: string): boolean {
	const all = ctx.versionsOf(q);
	let memo = strongMemo.get(all);
	if (!memo) {
		memo = new Map();
		strongMemo.set(all, memo);
	}
	let v = memo.get(speaker);
	if (v === undefined) {
		const strengths = all.filter((x) => x.speaker === speaker).map(attributionStrength);
		v = strengths.some((s) => s === 'named' || s === 'role') && !strengths.includes('inconsistent');
		memo.set(speaker, v);
	}
	return v;
}

/** Outlets whose articles hold a version of the quote (shared: do not modify). */
export function versionOutlets(ctx: QuizContext, q: Quote): ReadonlySet<string> {
	const versions = ctx.versionsOf(q);
	let s = outletsMemo.get(versions);
	if (!s) {
		const found = new Set<string>();
		for (const v of versions) found.add(ctx.outletOf.get(v.article) ?? v.article);
		outletsMemo.set(versions, found);
		s = found;
	}
	return s;
}

/**
 * Check one question against the story. `ok` is false with reasons when the key cannot be
 * re-derived from the texts, a distractor is true somewhere, or the stem gives the key away.
 */
export function verifyQuestion(q: Question, story: Story, analysis: StoryAnalysis): Verdict {
	const ctx = quizContext(story, analysis);
	const reasons: string[] = [];
	try {
		checkCommon(ctx, q, reasons);
		if (reasons.length === 0) {
			switch (q.type) {
				case 'who-said':
					checkWhoSaid(ctx, q, reasons);
					break;
				case 'said-what':
					checkSaidWhat(ctx, q, reasons);
					break;
				case 'to-whom':
					checkToWhom(ctx, q, reasons);
					break;
				case 'which-outlet':
					checkWhichOutlet(ctx, q, reasons);
					break;
				case 'not-reported':
					checkNotReported(ctx, q, reasons);
					break;
				case 'wording':
					checkWording(ctx, q, reasons);
					break;
				default:
					reasons.push(`unknown type ${String((q as {type: unknown}).type)}`);
			}
		}
	} catch (e) {
		reasons.push(`check failed: ${e instanceof Error ? e.message : String(e)}`);
	}
	return {ok: reasons.length === 0, reasons};
}

function checkCommon(ctx: QuizContext, q: Question, reasons: string[]): void {
	if (!q.id || !q.factId) reasons.push('missing id or factId');
	if (q.choices.length < 3 || q.choices.length > 4) reasons.push(`${q.choices.length} choices (3–4 wanted)`);
	if (!Number.isInteger(q.answer) || q.answer < 0 || q.answer >= q.choices.length) reasons.push('answer out of range');
	const norms = q.choices.map(normText);
	if (norms.some((n) => n.length === 0)) reasons.push('an empty choice');
	if (new Set(norms).size !== norms.length) reasons.push('choices repeat');
	if (q.choices.some((c) => NOTA.test(c))) reasons.push('"all/none of the above" choice');
	if (q.evidence.length === 0) reasons.push('no evidence');
	for (const e of q.evidence) {
		const a = ctx.articleById.get(e.article);
		if (!a) reasons.push(`evidence in unknown article ${e.article}`);
		else if (!(e.start >= 0 && e.end > e.start && e.end <= a.text.length)) reasons.push(`evidence span out of range in ${e.article}`);
	}
	if (q.quote !== undefined) {
		if (!normText(q.quote)) reasons.push('empty quote');
		else if (!q.prompt.includes(q.quote) && q.type !== 'said-what') reasons.push('the stem does not show the quote');
		const first = q.evidence[0];
		const a = first && ctx.articleById.get(first.article);
		if (a && first && !normText(a.text.slice(first.start, first.end)).includes(normText(q.quote))) reasons.push('the first evidence span does not hold the quote');
	}
}

/** The speech quote exactly at the first evidence span. */
function evidenceQuote(ctx: QuizContext, q: Question, reasons: string[]): Quote | undefined {
	const e = q.evidence[0];
	if (!e) return undefined;
	const found = ctx.quotesAtSpan(e.article, e.start, e.end).find(isSpeech);
	if (!found) reasons.push('no quote at the evidence span');
	return found;
}

function checkPeopleChoices(ctx: QuizContext, q: Question, reasons: string[]): void {
	for (const c of q.choices) {
		if (!isPersonName(c)) reasons.push(`choice ${c} is not a person's name`);
		else if (!ctx.people.includes(c)) reasons.push(`choice ${c} is not from the story`);
		if (mentionsName(q.prompt, c) && c !== q.speaker) reasons.push(`choice ${c} is named in the stem`);
	}
	const surnames = q.choices.map(surname);
	if (new Set(surnames).size !== surnames.length) reasons.push('two choices share a surname');
}

function checkSpeakerAgreement(ctx: QuizContext, q0: Quote, speaker: string, reasons: string[]): void {
	if (q0.speaker !== speaker) reasons.push(`the quote's speaker is ${q0.speaker ?? 'unknown'}, not ${speaker}`);
	if (q0.parent) reasons.push('a quote within a quote');
	const sp = versionSpeakers(ctx, q0);
	if (sp.size !== 1 || !sp.has(speaker)) reasons.push(`versions disagree on the speaker: ${[...sp].join(', ') || 'none'}`);
	if (!stronglyAttributed(ctx, q0, speaker)) reasons.push('not firmly attributed (pronoun only, or read from another name)');
}

const spansMemo = new WeakMap<readonly Quote[], ReadonlySet<string>>();
const spanKey = (article: string, start: number, end: number): string => `${start}:${end}:${article}`;

function checkEvidenceVersions(ctx: QuizContext, q: Question, q0: Quote, reasons: string[]): void {
	const versions = ctx.versionsOf(q0);
	let spans = spansMemo.get(versions);
	if (!spans) {
		spans = new Set(versions.map((v) => spanKey(v.article, v.start, v.end)));
		spansMemo.set(versions, spans);
	}
	for (const e of q.evidence.slice(1)) {
		if (!spans.has(spanKey(e.article, e.start, e.end))) reasons.push('an evidence span is not a version of the quote');
	}
}

function checkWhoSaid(ctx: QuizContext, q: Question, reasons: string[]): void {
	const key = q.choices[q.answer]!;
	const q0 = evidenceQuote(ctx, q, reasons);
	if (!q0) return;
	if (!isPersonName(key)) reasons.push('the key is not a person');
	checkSpeakerAgreement(ctx, q0, key, reasons);
	if (wordCount(q.quote ?? '') < MIN_WHO_SAID_WORDS) reasons.push('quote too short');
	if (excerpt(q0.text) !== q.quote) reasons.push('the quote shown is not the evidence quote');
	if (q.speaker !== undefined && q.speaker !== key) reasons.push('speaker field differs from the key');
	if (mentionsName(q.prompt, key)) reasons.push('the stem names the key');
	checkPeopleChoices(ctx, q, reasons);
	checkEvidenceVersions(ctx, q, q0, reasons);
}

function checkSaidWhat(ctx: QuizContext, q: Question, reasons: string[]): void {
	const speaker = q.speaker;
	if (!speaker || !isPersonName(speaker)) {
		reasons.push('no person to ask about');
		return;
	}
	if (!mentionsName(q.prompt, speaker)) reasons.push('the stem does not name the speaker');
	const key = q.choices[q.answer]!;
	const q0 = evidenceQuote(ctx, q, reasons);
	if (!q0) return;
	if (excerpt(q0.text) !== key) reasons.push('the key is not the evidence quote');
	checkSpeakerAgreement(ctx, q0, speaker, reasons);
	checkEvidenceVersions(ctx, q, q0, reasons);
	q.choices.forEach((c, i) => {
		if (mentionsName(c, speaker)) reasons.push('a choice names the speaker');
		for (let j = i + 1; j < q.choices.length; j++) if (sameUtterance(c, q.choices[j]!)) reasons.push('two choices are the same words');
		if (i === q.answer) return;
		const d = ctx.speechWithExcerpt(c);
		if (!d) {
			reasons.push(`choice not from the story: ${c}`);
			return;
		}
		const ds = versionSpeakers(ctx, d);
		if (ds.has(speaker)) reasons.push(`distractor is also ${speaker}'s: ${c}`);
		if (!d.speaker || ds.size !== 1 || !stronglyAttributed(ctx, d, d.speaker)) reasons.push(`distractor not firmly someone else's: ${c}`);
		if (ctx.sameWords(c).some((o) => o.speaker === speaker)) reasons.push(`distractor matches words of ${speaker}: ${c}`);
	});
}

function checkToWhom(ctx: QuizContext, q: Question, reasons: string[]): void {
	const speaker = q.speaker;
	const key = q.choices[q.answer]!;
	if (!speaker) {
		reasons.push('no speaker');
		return;
	}
	const q0 = evidenceQuote(ctx, q, reasons);
	if (!q0) return;
	checkSpeakerAgreement(ctx, q0, speaker, reasons);
	if (q0.addressee !== key) reasons.push(`the quote's addressee is ${q0.addressee ?? 'not given'}`);
	const addressees = new Set<string>();
	for (const v of ctx.versionsOf(q0)) if (v.addressee) addressees.add(v.addressee);
	if (addressees.size !== 1 || !addressees.has(key)) reasons.push(`versions disagree on the addressee: ${[...addressees].join(', ') || 'none'}`);
	if (q.choices.includes(speaker)) reasons.push('the speaker is a choice');
	if (mentionsName(q.prompt.replace(q.quote ?? '', ''), key) || mentionsName(q.quote ?? '', key)) reasons.push('the stem names the key');
	checkPeopleChoices(ctx, q, reasons);
	for (const e of q.evidence) {
		const v = ctx.quotesAtSpan(e.article, e.start, e.end)[0];
		if (!v || v.addressee !== key) reasons.push('an evidence quote does not name the addressee');
	}
	checkEvidenceVersions(ctx, q, q0, reasons);
}

function checkOutletChoices(ctx: QuizContext, q: Question, reasons: string[]): void {
	for (const c of q.choices) {
		if (!ctx.outlets.includes(c)) reasons.push(`choice ${c} is not an outlet of the story`);
		if (mentionsOutlet(q.prompt, c)) reasons.push(`the stem names the outlet ${c}`);
	}
}

function checkWhichOutlet(ctx: QuizContext, q: Question, reasons: string[]): void {
	const key = q.choices[q.answer]!;
	const quote = q.quote ?? '';
	checkOutletChoices(ctx, q, reasons);
	const e = q.evidence[0]!;
	if (ctx.outletOf.get(e.article) !== key) reasons.push('the evidence is not in the key outlet');
	if (!outletHasVerbatim(ctx, key, quote)) reasons.push('the key outlet does not have the words');
	if (wordCount(quote) < MIN_OUTLET_QUOTE_WORDS) reasons.push('quote too short');
	const q0 = ctx.quotesAtSpan(e.article, e.start, e.end).find(isSpeech);
	if (q0) {
		for (const o of versionOutlets(ctx, q0)) if (o !== key) reasons.push(`${o} has a version of the quote`);
		if (q.speaker !== undefined) {
			if (q0.speaker !== q.speaker) reasons.push('the stem names another speaker than the quote has');
			const sp = versionSpeakers(ctx, q0);
			if (sp.size !== 1 || !sp.has(q.speaker)) reasons.push('versions disagree on the speaker');
		}
	} else if (q.speaker !== undefined) reasons.push('a speaker named without a quote');
	const share = q0 ? CARRY_SHARE : CARRY_SHARE_STRICT;
	for (const o of ctx.outlets) {
		if (o === key) continue;
		if (outletCarries(ctx, o, quote, share)) reasons.push(`${o} also has these words`);
	}
	if (!q0) {
		// a sentence: the aligner must not know a parallel in another outlet either
		const a = ctx.articleById.get(e.article);
		const s = a?.sentences.findIndex((x) => x.start <= e.start && e.start < x.end) ?? -1;
		const fact = s >= 0 ? ctx.analysis.alignment.factOf(e.article, s) : undefined;
		if (fact && fact.articles.some((id) => ctx.outletOf.get(id) !== key)) reasons.push('the aligner finds this passage in another outlet');
	}
}

function checkNotReported(ctx: QuizContext, q: Question, reasons: string[]): void {
	const key = q.choices[q.answer]!;
	const speaker = q.speaker;
	if (!/\bNOT\b/.test(q.prompt)) reasons.push('negative stem without NOT in capitals');
	checkOutletChoices(ctx, q, reasons);
	const q0 = evidenceQuote(ctx, q, reasons);
	if (!q0 || !speaker) {
		if (!speaker) reasons.push('no speaker');
		return;
	}
	checkSpeakerAgreement(ctx, q0, speaker, reasons);
	const versions = ctx.versionsOf(q0);
	const carrying = versionOutlets(ctx, q0);
	q.choices.forEach((c, i) => {
		if (i !== q.answer && !carrying.has(c)) reasons.push(`${c} does not quote it either`);
	});
	if (carrying.has(key)) reasons.push(`${key} quotes it`);
	for (const v of versions) {
		if (outletCarries(ctx, key, v.text, CARRY_SHARE_STRICT)) reasons.push(`${key} has words close to a version`);
		const a = ctx.articleById.get(v.article);
		const s = v.sentence ?? a?.sentences.findIndex((x) => x.start <= v.start && v.start < x.end) ?? -1;
		const fact = s >= 0 ? ctx.analysis.alignment.factOf(v.article, s) : undefined;
		if (fact && fact.articles.some((id) => ctx.outletOf.get(id) === key)) reasons.push(`the aligner finds a parallel in ${key}`);
	}
	const closeInKey = new Map<string, number>(); // per distinct wording: its same-words quotes in the key outlet
	for (const v of versions) {
		let n = closeInKey.get(v.text);
		if (n === undefined) {
			n = ctx.sameWords(v.text).filter((x) => ctx.outletOf.get(x.article) === key).length;
			closeInKey.set(v.text, n);
		}
		for (let i = 0; i < n; i++) reasons.push(`${key} quotes close words`);
	}
	checkEvidenceVersions(ctx, q, q0, reasons);
}

function checkWording(ctx: QuizContext, q: Question, reasons: string[]): void {
	const key = q.choices[q.answer]!;
	const speaker = q.speaker;
	const quote = q.quote ?? '';
	checkOutletChoices(ctx, q, reasons);
	const q0 = evidenceQuote(ctx, q, reasons);
	if (!q0 || !speaker) {
		if (!speaker) reasons.push('no speaker');
		return;
	}
	if (ctx.outletOf.get(q0.article) !== key) reasons.push('the evidence is not in the key outlet');
	if (normText(cleanQuote(q0.text)) !== normText(quote)) reasons.push('the wording shown is not the evidence quote');
	checkSpeakerAgreement(ctx, q0, speaker, reasons);
	const versions = ctx.versionsOf(q0);
	const carrying = versionOutlets(ctx, q0);
	if (carrying.size < 2) reasons.push('only one outlet renders these words');
	if (wordCount(quote) < MIN_OUTLET_QUOTE_WORDS) reasons.push('wording too short');
	const k = wordingKey(quote);
	const stems = contentStems(quote);
	// whether a wording renders the quote the same way, once per distinct wording
	const same = new Map<string, boolean>();
	const sameWay = (text: string): boolean => {
		let v = same.get(text);
		if (v === undefined) {
			const vk = wordingKey(text);
			const vs = contentStems(text);
			const diff = [...stems].some((w) => !vs.has(w)) || [...vs].some((w) => !stems.has(w));
			v = vk === k || vk.includes(k) || !diff;
			same.set(text, v);
		}
		return v;
	};
	const byOutlet = new Map<string, Quote[]>();
	for (const v of versions) {
		const o = ctx.outletOf.get(v.article);
		if (o === undefined) continue;
		const l = byOutlet.get(o);
		if (l) l.push(v);
		else byOutlet.set(o, [v]);
	}
	for (const o of ctx.outlets) {
		if (o === key) continue;
		if (outletHasVerbatim(ctx, o, quote)) reasons.push(`${o} has the same wording`);
		for (const v of byOutlet.get(o) ?? []) if (sameWay(v.text)) reasons.push(`${o} renders it the same way`);
	}
}
