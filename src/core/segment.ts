/**
 * Sentence segmentation with wink-nlp's English web model, mapped back to exact offsets.
 *
 * wink-nlp is lossless: every token carries its preceding whitespace, so summing
 * `precedingSpaces + value` over the tokens walks the input exactly. That gives each sentence
 * a `[start, end)` span in the original string without any re-searching.
 *
 * The model is large (a few MB of data, ~200 ms to compile and set up), so it is never imported
 * statically: call {@link loadNlp} (async) before anything that parses; articles found in the parse
 * cache (src/store/cache.ts) never need it.
 */
import type {Span} from './types.js';

type WinkNlp = typeof import('wink-nlp').default;
type Nlp = ReturnType<WinkNlp>;
let nlp: Nlp | undefined;
let loading: Promise<void> | undefined;

/** Thrown by {@link getNlp} when {@link loadNlp} has not finished: a programming error, not the user's. */
export class NlpNotLoadedError extends Error {
	override readonly name = 'NlpNotLoadedError';
	constructor() {
		super('the sentence model is not loaded: await loadNlp() (src/core/segment.ts) before parsing articles');
	}
}

/**
 * Load wink-nlp and its English model (once; later calls return the same promise). Parsing
 * ({@link sentenceSpans}, `parseArticle`) needs it done.
 */
export function loadNlp(): Promise<void> {
	loading ??= Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]).then(
		([wink, model]) => {
			nlp ??= wink.default(model.default, ['sbd', 'pos']);
		},
		(e: unknown) => {
			loading = undefined;
			throw e;
		},
	);
	return loading;
}

/** Whether {@link loadNlp} has finished, so parsing works synchronously. */
export function nlpLoaded(): boolean {
	return nlp !== undefined;
}

/** The shared wink-nlp instance. Throws {@link NlpNotLoadedError} before {@link loadNlp} has finished. */
export function getNlp(): Nlp {
	if (!nlp) throw new NlpNotLoadedError();
	return nlp;
}

/**
 * Sentence spans of `text` (all of it, trimmed of surrounding whitespace), in order.
 * Spans never cross a newline pair: callers clip them to paragraphs anyway.
 */
export function sentenceSpans(text: string): Span[] {
	if (!text.trim()) return [];
	const n = getNlp();
	const its = n.its;
	const doc = n.readDoc(text);
	const values = doc.tokens().out(its.value) as string[];
	const spaces = doc.tokens().out(its.precedingSpaces) as string[];
	const tokenStart: number[] = new Array(values.length);
	const tokenEnd: number[] = new Array(values.length);
	let pos = 0;
	for (let i = 0; i < values.length; i++) {
		pos += spaces[i]!.length;
		tokenStart[i] = pos;
		pos += values[i]!.length;
		tokenEnd[i] = pos;
	}
	// Defensive: if the model ever failed to reproduce the text, fall back to one span.
	if (pos > text.length || (values.length > 0 && text.slice(tokenStart[values.length - 1]!, pos) !== values[values.length - 1]))
		return [trimSpan(text, 0, text.length)];
	const spans: Span[] = [];
	for (const [first, last] of doc.sentences().out(its.span) as unknown as [number, number][]) {
		const s = tokenStart[first];
		const e = tokenEnd[last];
		if (s === undefined || e === undefined || e <= s) continue;
		spans.push({start: s, end: e});
	}
	return spans;
}

const WS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

/** Shrink `[start, end)` of `text` to exclude surrounding whitespace. */
export function trimSpan(text: string, start: number, end: number): Span {
	while (start < end && WS.test(text[start]!)) start++;
	while (end > start && WS.test(text[end - 1]!)) end--;
	return {start, end};
}

/**
 * Split each paragraph span into sentence spans. Sentences found over the whole text are clipped
 * to paragraph boundaries, then lightly repaired: a fragment that is only closing punctuation or
 * a closing quote is glued to the sentence before it.
 */
export function segmentParagraphs(text: string, paragraphs: readonly Span[]): Span[][] {
	const found = sentenceSpans(text);
	let k = 0;
	return paragraphs.map((p) => {
		const out: Span[] = [];
		while (k < found.length && found[k]!.end <= p.start) k++;
		let j = k;
		while (j < found.length && found[j]!.start < p.end) {
			const s = Math.max(found[j]!.start, p.start);
			const e = Math.min(found[j]!.end, p.end);
			const span = trimSpan(text, s, e);
			if (span.end > span.start) {
				const prev = out[out.length - 1];
				if (prev && /^[\p{P}\s]*$/u.test(text.slice(span.start, span.end))) out[out.length - 1] = {start: prev.start, end: span.end};
				else out.push(span);
			}
			if (found[j]!.end > p.end) break; // the sentence runs on into the next paragraph
			j++;
		}
		k = j;
		// Text the model skipped (should not happen) still belongs to the paragraph.
		if (out.length === 0) out.push(trimSpan(text, p.start, p.end));
		else {
			out[0] = {start: p.start, end: out[0]!.end};
			const last = out.length - 1;
			out[last] = {start: out[last]!.start, end: p.end};
		}
		return out;
	});
}
