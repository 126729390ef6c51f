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
			// Sentence boundaries only: the part-of-speech pass ran after them and nothing read its tags.
			nlp ??= wink.default(model.default, ['sbd']);
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

/**
 * The shared wink-nlp instance. Throws {@link NlpNotLoadedError} before {@link loadNlp} has finished.
 * Read documents with it only through this module: the memo of segmented units tracks what wink's
 * lexicon has met ({@link readTokens}).
 */
export function getNlp(): Nlp {
	if (!nlp) throw new NlpNotLoadedError();
	return nlp;
}

/**
 * wink's lexicon grows as it meets new words (every out-of-vocabulary token is added, with its
 * lower-case form), and its tokenizer consults the lexicon: a string it has met whole may later be
 * kept whole where it would otherwise be split. So how a text tokenizes can depend on the texts read
 * before it. To reuse a unit's segmentation safely ({@link unitMemo}) we log every lexeme that may
 * have been added: new lexemes get ids above all existing ones, so a token whose id is above every
 * id seen before it may have added one (a known word with a high id is logged too, harmlessly).
 * Every `readDoc` of the shared instance must go through {@link readTokens}.
 */
let maxLexemeId = -1;
let lexemeLog: string[] = [];

interface ReadTokens {
	readonly values: string[];
	readonly spaces: string[];
	/** Token index pairs `[first, last]` of each sentence. */
	readonly sentences: [number, number][];
	/** Indexes of the tokens that may have added a lexeme, in order. */
	readonly fresh: number[];
	/** For each of `fresh`, the length of {@link lexemeLog} once it is logged. */
	readonly loggedTo: number[];
}

function readTokens(text: string): ReadTokens {
	const n = getNlp();
	const its = n.its;
	const doc = n.readDoc(text);
	const tokens = doc.tokens();
	const values = tokens.out(its.value) as string[];
	const spaces = tokens.out(its.precedingSpaces) as string[];
	const ids = tokens.out(its.uniqueId) as unknown as number[];
	const fresh: number[] = [];
	const loggedTo: number[] = [];
	let max = maxLexemeId;
	for (let i = 0; i < ids.length; i++) {
		const id = ids[i]!;
		if (id <= max) continue;
		max = id;
		const v = values[i]!;
		lexemeLog.push(v);
		const lower = v.toLowerCase();
		if (lower !== v) lexemeLog.push(lower);
		fresh.push(i);
		loggedTo.push(lexemeLog.length);
	}
	maxLexemeId = max;
	return {values, spaces, sentences: doc.sentences().out(its.span) as unknown as [number, number][], fresh, loggedTo};
}

/** Log length past which the log (and with it the memo, whose entries point into it) starts afresh. */
const LOG_MAX = 1 << 20;

function trimLog(): void {
	if (lexemeLog.length <= LOG_MAX) return;
	lexemeLog = [];
	unitMemo.clear();
}

/**
 * Token offsets of a text, or undefined when the tokens do not reproduce it exactly (`strict`:
 * every token where the offsets put it, ending at the text's end; otherwise only the last token
 * is checked, as {@link sentenceSpans} always has).
 */
function tokenOffsets(text: string, r: ReadTokens, strict: boolean): {start: number[]; end: number[]} | undefined {
	const {values, spaces} = r;
	const start: number[] = new Array(values.length);
	const end: number[] = new Array(values.length);
	let pos = 0;
	for (let i = 0; i < values.length; i++) {
		pos += spaces[i]!.length;
		start[i] = pos;
		if (strict && !text.startsWith(values[i]!, pos)) return undefined;
		pos += values[i]!.length;
		end[i] = pos;
	}
	if (strict ? pos !== text.length : pos > text.length || (values.length > 0 && text.slice(start[values.length - 1], pos) !== values[values.length - 1]))
		return undefined;
	return {start, end};
}

/** Sentence spans from token offsets (sentences whose tokens span nothing are left out). */
function sentenceSpansOf(r: ReadTokens, at: {start: number[]; end: number[]}): Span[] {
	const spans: Span[] = [];
	for (const [first, last] of r.sentences) {
		const s = at.start[first];
		const e = at.end[last];
		if (s === undefined || e === undefined || e <= s) continue;
		spans.push({start: s, end: e});
	}
	return spans;
}

/**
 * Sentence spans of `text` (all of it, trimmed of surrounding whitespace), in order.
 * Spans never cross a newline pair: callers clip them to paragraphs anyway.
 */
export function sentenceSpans(text: string): Span[] {
	if (!text.trim()) return [];
	const r = readTokens(text);
	const at = tokenOffsets(text, r, false);
	// Defensive: if the model ever failed to reproduce the text, fall back to one span.
	return at ? sentenceSpansOf(r, at) : [trimSpan(text, 0, text.length)];
}

/**
 * Text units that wink segments independently. wink splits text into chunks at runs of spaces
 * (which only count as the next token's preceding spaces) and runs of `[\n\r\t]` (each one token).
 * Its sentence-boundary machine reads tokens left to right, skipping single `"\n"` tokens,
 * matching patterns of at most four tokens that start at `.`, `!`/`?`, an abbreviation or
 * `"\n\n"`. A newline run holding two or more `\n` is either `"\n\n"`, which ends any pattern
 * (every state either ends a match on it, placing the boundary where the end of the text would, or
 * falls back to the root, where `"\n\n"` alone is a match), or another token no pattern contains,
 * which acts exactly like the end of the text. Either way the machine starts afresh after it, so
 * the boundaries on each side are those found reading that side alone. Such a run is also always a
 * blank line, which no paragraph spans (clean.ts), so the one difference, that a unit read alone
 * always ends a sentence at its last token, never changes a clipped paragraph. Whitespace tokens
 * trimmed off a unit's edges (single `"\n"`, `"\r\n"`, tabs) are skipped by the machine or act like
 * the end of the text too. For the same reasons, units joined by `"\n\n"` and read as one text give
 * each unit's own sentences. (Read from wink-nlp 2.4.0 and wink-eng-lite-web-model 1.8.1, both
 * pinned; test/core/segment.test.ts compares with segmenting whole texts.)
 */
const UNIT_BREAK = /[\n\r\t]*\n[\n\r\t]*\n[\n\r\t]*/g;
/** wink's chunk separators: the characters trimmed off a unit. */
const WINK_SPACE = /[ \u00a0\u2002-\u2005\u2009\u200a\u202f\u205f\n\r\t]/;
/** Pure space runs this long lose length in wink's offsets (it caps preceding spaces at 65534). */
const LONG_SPACES = / {65535}/;

/**
 * A unit's sentences relative to it, flat (`[start0, end0, start1, end1, …]`), and how far
 * {@link lexemeLog} had been checked for it.
 */
interface UnitEntry {
	readonly spans: readonly number[];
	logAt: number;
}

/**
 * Segmentations of units by their text; the oldest entries go first. (Keys are slices of article
 * texts, so the memo can keep up to this many texts alive.)
 */
const unitMemo = new Map<string, UnitEntry>();
const UNIT_MEMO_MAX = 8192;

/**
 * Whether a memoized unit's sentences are what reading the unit now would give: no lexeme logged
 * since they were computed occurs in the unit (every string the tokenizer looks up is a piece of
 * the unit). A stale entry is dropped.
 */
function stillValid(unit: string, entry: UnitEntry): boolean {
	for (let i = entry.logAt; i < lexemeLog.length; i++) {
		if (unit.includes(lexemeLog[i]!)) {
			unitMemo.delete(unit);
			return false;
		}
	}
	entry.logAt = lexemeLog.length;
	return true;
}

/**
 * Read units (consecutive in the text, none memoized; `units` holds their `[from, to)` in `text`,
 * `parts` their strings) as one wink document, joined by `"\n\n"`,
 * and push their sentences (offsets into `text`, flat) onto `found`. A unit's result is memoized
 * unless its own tokens may have grown the lexicon (its new words could change how its earlier
 * part tokenizes on a second read). False when wink does not reproduce the units exactly.
 */
function readUnits(text: string, units: readonly number[], parts: readonly string[], found: number[]): boolean {
	const joined = parts.length === 1 ? parts[0]! : parts.join('\n\n');
	const logBefore = lexemeLog.length;
	const r = readTokens(joined);
	const at = tokenOffsets(joined, r, true);
	if (!at) return false;
	const sentences = r.sentences;
	let k = 0; // sentence
	let f = 0; // fresh token
	let t = 0; // token
	let offset = 0; // of the unit in `joined`
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i]!;
		const from = units[2 * i]!;
		const end = offset + part.length;
		const rel: number[] = [];
		for (; k < sentences.length; k++) {
			const [first, last] = sentences[k]!;
			const s = at.start[first];
			const e = at.end[last];
			if (s === undefined || e === undefined || e <= s || e <= offset) continue; // empty, or before this unit
			if (s >= end) break;
			const rs = Math.max(s, offset) - offset;
			const re = Math.min(e, end) - offset;
			rel.push(rs, re);
			found.push(from + rs, from + re);
			if (e > end) break; // runs on over the join: its rest is clipped off the next unit
		}
		while (t < at.start.length && at.start[t]! < end) t++;
		let grew = false;
		let logAt = f > 0 ? r.loggedTo[f - 1]! : logBefore;
		while (f < r.fresh.length && r.fresh[f]! < t) {
			grew = true;
			logAt = r.loggedTo[f]!;
			f++;
		}
		if (!grew) {
			if (unitMemo.size >= UNIT_MEMO_MAX) unitMemo.delete(unitMemo.keys().next().value!);
			unitMemo.set(part, {spans: rel, logAt});
		}
		offset = end + 2;
	}
	return true;
}

/**
 * The same spans as {@link sentenceSpans} (flat) wherever a paragraph can be (inside one unit), read
 * unit by unit so that repeated units (wire copy republished verbatim) are segmented once; units
 * not seen before are read together. Falls back to reading the whole text when wink does not
 * reproduce a unit exactly (wink then reads part of the text twice; no text we have does that).
 */
function sentenceSpansByUnit(text: string): number[] {
	const whole = (): number[] => sentenceSpans(text).flatMap((s) => [s.start, s.end]);
	if (!text.trim()) return [];
	if (text.length >= 65535 && LONG_SPACES.test(text)) return whole();
	const found: number[] = [];
	let pending: number[] = [];
	// The strings of the pending units, as looked up in the memo: the same strings are memoized,
	// so their hashes, computed for the lookup, are not computed again.
	let pendingParts: string[] = [];
	const flush = (): boolean => {
		if (pending.length === 0) return true;
		const ok = readUnits(text, pending, pendingParts, found);
		pending = [];
		pendingParts = [];
		return ok;
	};
	const unit = (from: number, to: number): boolean => {
		while (from < to && WINK_SPACE.test(text[from]!)) from++;
		while (to > from && WINK_SPACE.test(text[to - 1]!)) to--;
		if (to === from) return true;
		const part = text.slice(from, to);
		const entry = unitMemo.get(part);
		if (entry) {
			// Units before it are read first: their new words may make the entry stale.
			if (!flush()) return false;
			if (stillValid(part, entry)) {
				const spans = entry.spans;
				for (let i = 0; i < spans.length; i++) found.push(from + spans[i]!);
				return true;
			}
		}
		pending.push(from, to);
		pendingParts.push(part);
		return true;
	};
	let from = 0;
	UNIT_BREAK.lastIndex = 0;
	for (let m = UNIT_BREAK.exec(text); m; m = UNIT_BREAK.exec(text)) {
		if (!unit(from, m.index)) return whole();
		from = m.index + m[0].length;
	}
	if (!unit(from, text.length) || !flush()) return whole();
	trimLog();
	return found;
}

const WS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
/** A fragment that is only punctuation and spaces (a closing quote or bracket left over). */
const ONLY_PUNCTUATION = /^[\p{P}\s]*$/u;

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
	const found = sentenceSpansByUnit(text); // flat: start, end, start, end, …
	const n = found.length;
	let k = 0;
	return paragraphs.map((p) => {
		const out: Span[] = [];
		while (k < n && found[k + 1]! <= p.start) k += 2;
		let j = k;
		while (j < n && found[j]! < p.end) {
			const s = Math.max(found[j]!, p.start);
			const e = Math.min(found[j + 1]!, p.end);
			const span = trimSpan(text, s, e);
			if (span.end > span.start) {
				const prev = out[out.length - 1];
				if (prev && ONLY_PUNCTUATION.test(text.slice(span.start, span.end))) out[out.length - 1] = {start: prev.start, end: span.end};
				else out.push(span);
			}
			if (found[j + 1]! > p.end) break; // the sentence runs on into the next paragraph
			j += 2;
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
