/**
 * Tokens and sentences of one region (paragraph) for the attributor. Outer quotes are single
 * tokens (kind `q`) so the rules read the reporter's words around them; words inside quotes
 * are never cues or speakers.
 */

/** A token of a region. */
export interface Tok {
	/** Offsets into the article text. */
	readonly s: number;
	readonly e: number;
	/** `w` word, `p` punctuation, `q` a whole quote (marks included). */
	readonly k: 'w' | 'p' | 'q';
	/** Text as written (for `q`: the quoted words). */
	readonly t: string;
	/** Lower case, curly apostrophes straightened. */
	readonly lc: string;
	/** Starts with an upper-case letter. */
	readonly cap: boolean;
	/** A possessive ("Russia’s", "leaders’"). */
	readonly poss: boolean;
	/** For `q` tokens: index of the quote in the article's quote list. */
	readonly q: number;
}

/** Abbreviations that keep their full stop (and do not end a sentence). */
const ABBR: ReadonlySet<string> = new Set(
	`mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep del st jr sr rev hon co corp inc ltd no vs etc jan feb mar apr
	jun jul aug sep sept oct nov dec ft mt pres supt insp det cmdr atty u.s u.k u.n e.u d.c a.m p.m u.s.a ph.d`.split(/\s+/),
);

const UPPER = /^\p{Lu}/u;
const CURLY_APOSTROPHES = /’/g;
const CLITIC = /^(he|she|it|they|we|i|you|who|that|there)'(s|re|ve|d|ll|m)$/;
const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*\s*$/;
const STOPS = /^[.!?…]+$/;
const DIGIT_START = /^\d/;
const OPEN_BRACKET = /^[(\[]$/;
const STOP_PUNCT = /^[.!?]$/;
const LETTER = /[\p{L}\p{N}\p{M}]/u;
const SPACE_RE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

function isCap(w: string): boolean {
	const c = w.charCodeAt(0);
	if (c < 128) return c >= 65 && c <= 90;
	return UPPER.test(w);
}

/** Letter, digit or combining mark (ASCII fast path). */
function wordCh(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	if (Number.isNaN(c)) return false;
	return LETTER.test(text[i]!);
}

/** An ASCII character that is not a capital letter (its own lower case). */
function lowerAscii(c: number): boolean {
	return c < 128 && !(c >= 65 && c <= 90);
}

function spaceCh(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (c < 128) return c === 32 || (c >= 9 && c <= 13);
	return SPACE_RE.test(text[i]!);
}

/** An outer quote to place as a single token: its mark-inclusive span and its index. */
export interface QuoteSlot {
	readonly open: number;
	readonly close: number;
	readonly start: number;
	readonly end: number;
	readonly index: number;
}

function pushWords(text: string, from: number, to: number, toks: Tok[]): void {
	let i = from;
	while (i < to) {
		if (spaceCh(text, i)) {
			i++;
			continue;
		}
		if (!wordCh(text, i)) {
			// punctuation: runs of dots and dashes stay together
			const c = text[i]!;
			let e = i + 1;
			if (c === '.' || c === '-' || c === '—' || c === '–') while (e < to && text[e] === c) e++;
			const t = text.slice(i, e);
			toks.push({s: i, e, k: 'p', t, lc: t, cap: false, poss: false, q: -1});
			i = e;
			continue;
		}
		let e = i + 1;
		// an apostrophe can only enter a word here (it is not a word character)
		let apostrophe = false;
		// most words are plain lower-case ASCII (the joining marks have no case either): their own
		// lower case, with no call to toLowerCase
		let lower = lowerAscii(text.charCodeAt(i));
		for (;;) {
			if (e < to && wordCh(text, e)) {
				lower &&= lowerAscii(text.charCodeAt(e));
				e++;
				continue;
			}
			const c = text[e];
			if (e + 1 < to && (c === '.' || c === "'" || c === '’' || c === '-' || c === '&') && wordCh(text, e + 1)) {
				if (c === "'" || c === '’') apostrophe = true;
				lower &&= lowerAscii(text.charCodeAt(e + 1));
				e += 2;
				continue;
			}
			break;
		}
		let w = text.slice(i, e);
		let lc = lower ? w : w.toLowerCase();
		const nextCh = text.charCodeAt(e);
		// keep the full stop of abbreviations and initials ("Mr.", "U.S.", "J.")
		if (nextCh === 46 && e < to) {
			if (ABBR.has(lc) || (w.length === 1 && isCap(w)) || (w.length > 2 && w[1] === '.' && INITIALS.test(w))) {
				e++;
				w += '.';
				lc += '.';
			}
		}
		let poss = false;
		if (apostrophe) {
			lc = lc.replace(CURLY_APOSTROPHES, "'");
			// pronoun contractions split into two tokens: "He’s" → "He" + "’s", "they’re" → "they" + "’re"
			const clitic = CLITIC.exec(lc);
			if (clitic) {
				const n = clitic[1]!.length;
				toks.push({s: i, e: i + n, k: 'w', t: w.slice(0, n), lc: clitic[1]!, cap: isCap(w), poss: false, q: -1});
				toks.push({s: i + n, e, k: 'w', t: w.slice(n), lc: `'${clitic[2]!}`, cap: false, poss: false, q: -1});
				i = e;
				continue;
			}
			poss = lc.endsWith("'s");
		}
		// possessive plural: leaders’ / leaders'
		if (!poss && (nextCh === 0x2019 || nextCh === 39) && e < to && (lc.endsWith('s') || lc.endsWith('z')) && !wordCh(text, e + 1)) {
			e++;
			w += "'";
			lc += "'";
			poss = true;
		}
		toks.push({s: i, e, k: 'w', t: w, lc, cap: isCap(w), poss, q: -1});
		i = e;
	}
}

/** Tokenize `text[start, end)`; `slots` (sorted, inside the range, not overlapping) become `q` tokens. */
export function tokenize(text: string, start: number, end: number, slots: readonly QuoteSlot[]): Tok[] {
	const toks: Tok[] = [];
	let i = start;
	for (let n = 0; n < slots.length; n++) {
		const slot = slots[n]!;
		if (slot.open < i) continue;
		pushWords(text, i, Math.min(slot.open, end), toks);
		const t = text.slice(slot.start, slot.end);
		toks.push({s: slot.open, e: slot.close, k: 'q', t, lc: t.toLowerCase(), cap: false, poss: false, q: slot.index});
		i = Math.max(i + 1, slot.close);
	}
	pushWords(text, i, end, toks);
	return toks;
}

/** True when a quote's words end a sentence (".", "?", "!" inside the marks). */
export function endsSentence(t: string): boolean {
	return ENDS_SENTENCE.test(t);
}

/**
 * Split tokens into sentences: [from, to) token ranges. A full stop, "?" or "!" ends a sentence
 * when a capitalised word, a digit or a quote follows; a quote whose words end with one does
 * too, unless `attributionFollows(i)` says the next tokens attribute it ("“Why?” Trump asked").
 */
export function sentences(toks: readonly Tok[], attributionFollows: (i: number) => boolean): [number, number][] {
	const out: [number, number][] = [];
	let from = 0;
	for (let i = 0; i < toks.length; i++) {
		const t = toks[i]!;
		const n = toks[i + 1];
		if (!n) break;
		let end = false;
		if (t.k === 'p' && STOPS.test(t.t)) end = n.k === 'q' || (n.k === 'w' && (n.cap || DIGIT_START.test(n.t))) || (n.k === 'p' && OPEN_BRACKET.test(n.t));
		else if (t.k === 'q' && endsSentence(t.t)) end = ((n.k === 'w' && n.cap) || n.k === 'q') && !attributionFollows(i);
		else if (t.k === 'p' && (t.t === '”' || t.t === '"') && i > 0 && STOP_PUNCT.test(toks[i - 1]!.t)) end = n.k === 'w' && n.cap;
		if (end) {
			out.push([from, i + 1]);
			from = i + 1;
		}
	}
	if (from < toks.length) out.push([from, toks.length]);
	return out;
}
