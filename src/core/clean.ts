/**
 * Page furniture removal: decides which lines of a saved article are news and which are the
 * page around it (banners, buttons, repeated captions, photo credits, wire credits, datelines).
 *
 * The rules are about the *shape* of furniture, not about particular sites: a short line made
 * only of an interface word, a line repeated within a few lines (photo captions are printed
 * twice by many templates), a trailing "/AGENCY" photo credit, "(With input from X)".
 * Nothing here rewrites the text: it returns spans into it.
 */
import type {Furniture, ParagraphRole, Span} from './types.js';

/** A block of text the cleaner keeps: a paragraph candidate with its role. */
export interface KeptBlock extends Span {
	readonly role: ParagraphRole;
}

/** What the cleaner found in an article's text. */
export interface CleanResult {
	readonly blocks: readonly KeptBlock[];
	readonly furniture: readonly Furniture[];
	/** The article's own headline, when its first line is one. */
	readonly headline?: string;
	/** Wire service credited in the text ("Reuters"). */
	readonly wire?: string;
	/** ISO date or date-time read from a dateline ("Updated 22:15, 12-Dec-2021"). */
	readonly date?: string;
	/** Outlet named on a line of its own: the outlet hint, or (with no hint) a masthead-shaped line. */
	readonly outlet?: string;
}

/** Options for {@link cleanText}. */
export interface CleanOptions {
	/** The outlet's name, if known: a header line that is only this name is furniture. */
	readonly outlet?: string;
}

/** A line of the text, trimmed, with its span. */
interface Line extends Span {
	readonly value: string;
	/** Index of the blank-line-separated block the line belongs to. */
	readonly block: number;
}

// Whitespace including no-break and other Unicode spaces that pages leave at line ends.
const SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

/** Interface words that make up a whole line of page chrome. */
const CHROME_LINE =
	/^(?:download(?: (?:the )?app)?|search trends|trending(?: now| topics)?|advertisement|advertising|sponsored(?: content)?|share(?: this(?: article| story)?)?|share on (?:facebook|twitter|x|linkedin|whatsapp)|facebook|twitter|linkedin|whatsapp|email|e-mail|print|copy link|link copied|comments?|show comments|view comments|skip to (?:main )?content|most (?:read|popular)|related(?: articles| stories| coverage)?|recommended(?: for you)?|more from [\w .]+|watch(?: now| live)?|listen(?: to (?:this )?(?:article|story))?|play video|video|photos?|gallery|image|close|menu|subscribe|sign in|log in|sign up|newsletter|follow us|top stories|latest news|breaking news|read more|see more|load more|back to top|continue reading|story continues below)[.:!]?$/i;

/** Site banners and prompts: browser warnings, cookie and newsletter prompts. */
const BANNER =
	/\b(?:IE ?\d+ is not supported|not supported\.? For an optimal experience|(?:upgrade|update) your browser|enable javascript|javascript is (?:disabled|required)|we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|sign up for (?:our|the) [\w ]*newsletter|subscribe to (?:our|the) [\w ]*newsletter|get (?:our|the) [\w ]*newsletter|already a subscriber|create a free account|you have reached your (?:free )?article limit|ad blocker|disable your ad ?block)/i;

/** "Read more:", "Related:", "READ MORE: …" teaser lines. */
const TEASER = /^(?:read more|related|more|see also|also read|recommended|watch|listen)\s*[:|>»]/i;

/** A wire-service credit on a line of its own: "/ Source: Reuters", "(With input from Reuters)". */
const WIRE_LINE: readonly RegExp[] = [
	/^\/?\s*Source:\s*(?<wire>[\p{L}][\p{L}\p{N} .&'-]{0,40}?)\s*$/u,
	/^\(\s*(?:With (?:additional )?(?:input|inputs|reporting|agency inputs?) (?:from|by)|Additional reporting by|Reporting by|Source:)\s+(?<wire>[^)]{1,120}?)\s*\)\.?$/iu,
	/^(?:With (?:input|inputs|reporting) from)\s+(?<wire>[\p{L}][\p{L} .&,-]{0,60}?)\.?$/iu,
];

/**
 * What each {@link WIRE_LINE} rule cannot match without: "Source:"; a leading "("; a leading "with ".
 * Most lines fail these cheap tests, so the rules, whose Unicode classes cost milliseconds to
 * compile, often never run at all.
 */
const WIRE_NEEDS: readonly RegExp[] = [/Source:/, /^\(/, /^with /i];

/**
 * The agency named in a wire line: the first name, up to "and", "&" or ";". "Reporting by Ann Lee"
 * names reporters, not an agency: only a one-word name ("Reuters") counts there.
 */
function wireName(captured: string, line: string): string | undefined {
	const name = captured.replace(/\s*(?:;|\s(?:and|&)\s).*$/, '').trim();
	if (/^\(?\s*(?:With (?:additional )?reporting|Additional reporting|Reporting) by/i.test(line) && /\s/.test(name)) return undefined;
	return name || undefined;
}

/** Bylines on their own line. */
const BYLINE = /^(?:By|Reporting by|Written by|Words by)\s+\p{Lu}[\p{L}.'-]*(?:[ ,]+(?:and\s+)?\p{Lu}[\p{L}.'-]*){0,6}(?:\s*[|,]\s*[\p{L} ]{0,40})?$/u;

/** What {@link BYLINE} cannot match without (a cheap test, as {@link WIRE_NEEDS}). */
const BYLINE_NEEDS = /^(?:By|Reporting by|Written by|Words by)\s/;

/** Datelines that carry the publication time: "Updated 22:15, 12-Dec-2021", "Published Dec. 12, 2021". */
const DATELINE =
	/^(?:(?:Updated|Published|Posted|Last updated|First published)\b[:\s]*)?(?:[\p{L}]+,?\s+)?(?:\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s*[A-Z]{2,4})?,?\s*)?(?:\d{1,2}[-\s/.](?:\p{L}{3,9}|\d{1,2})\.?[-\s/.,]+\d{4}|\p{L}{3,9}\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})(?:,?\s*\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s*[A-Z]{2,4})?)?\.?$/iu;

/** What {@link DATELINE} cannot match without: every form of the date ends in or starts with a year. */
const DATELINE_NEEDS = /\d{4}/;

/**
 * A photo credit at the end of a line: " /CFP", ". /Xinhua", "Mikhail Metzel / Pool via Reuters",
 * "(Photo: AP)", "Getty Images". Group `credit` is the credit itself.
 */
const TRAILING_CREDIT: readonly RegExp[] = [
	// "… 2024. REUTERS/Jon Moe", "AFP/Getty Images" — an agency in capitals, a slash, a name.
	/(?<=[.!?)\]"”’\p{L}\p{N}])\s+(?<credit>\p{Lu}{2,}(?:\s\p{Lu}{2,})?\s?\/\s?\p{Lu}[\p{L}'.-]*(?:\s\p{Lu}[\p{L}'.-]*){0,3})\s*$/u,
	// "… 2021. /CFP" or "… 2021 / Reuters" — a slash, then one to five capitalised words.
	/(?<=[.!?)\]"”’\p{L}\p{N}])\s*(?<credit>\/\s?\p{Lu}[\p{L}\p{N}&.'-]*(?:\s(?:via\s)?\p{Lu}[\p{L}\p{N}&.'-]*){0,4})\s*$/u,
	// "…2021.Mikhail Metzel / Pool via Reuters" — a name, a slash, then an agency, right after the caption.
	/(?<=[.!?])\s*(?<credit>\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+){0,3}\s?\/\s?[\p{L}][\p{L} .&-]{1,40})\s*$/u,
	/\s*(?<credit>\((?:Photo|Image|Picture|Credit|Photograph)s?(?: by)?:?\s[^)]{1,80}\))\s*$/iu,
	/\s*(?<credit>(?:Photo|Image|Picture|Photograph)(?: by|:)\s[^.]{1,80}|(?:AP|AFP|Getty Images|Reuters|EPA|Shutterstock)(?: Photo)?(?:\s?\/\s?[\p{L} .]{1,40})?)\s*$/u,
];

/**
 * A header line that only names an outlet, when no outlet is known: an acronym ("CGTN", "BBC",
 * "NBC News") or a masthead-shaped name ("The Guardian", "Harbour Gazette").
 */
const OUTLET_LINE =
	/^(?:\p{Lu}{2,5}(?: News)?|(?:The )?(?:\p{Lu}[\p{L}'.&-]*\s){0,2}(?:News|Times|Post|Herald|Gazette|Tribune|Journal|Telegraph|Guardian|Wire|Chronicle|Observer|Independent|Standard|Express|Mail|Daily|Today|Courier|Sentinel|Examiner|Dispatch|Ledger)(?: Online)?)$/u;
/** Capitalised words that stand alone above headlines but are not outlets. */
const NOT_OUTLET = /^(?:LIVE|NEWS|VIDEO|PHOTO|PHOTOS|WATCH|UPDATE|OPINION|ANALYSIS|BREAKING|EXCLUSIVE|FILE|AUDIO|MORE|MENU|HOME|TOP|NEW|FAQ|The News|Breaking News|Latest News|World News|Top News)$/;

/** Lines at most this long can be chrome, bylines or credits. */
const SHORT = 80;

/**
 * Split text into trimmed non-empty lines with their spans and block numbers
 * (blocks are separated by blank lines).
 */
function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let block = 0;
	let sawBlank = false;
	let pos = 0;
	while (pos <= text.length) {
		let end = text.indexOf('\n', pos);
		if (end === -1) end = text.length;
		let s = pos;
		let e = end;
		while (s < e && SPACE.test(text[s]!)) s++;
		while (e > s && SPACE.test(text[e - 1]!)) e--;
		if (e > s) {
			if (sawBlank && lines.length > 0) block++;
			sawBlank = false;
			lines.push({start: s, end: e, value: text.slice(s, e), block});
		} else {
			sawBlank = true;
		}
		pos = end + 1;
	}
	return lines;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Whether each BMP code unit is a letter or digit: 0 not yet known, 1 yes, 2 no. */
const bmpLetterOrDigit = new Uint8Array(0x10000);

/**
 * If the code point at `i` of `s` is a letter or digit (`[\p{L}\p{N}]`, read as a u-flag regex
 * reads it: a lone surrogate is neither), its length in code units (1 or 2); otherwise 0.
 */
export function letterOrDigitAt(s: string, i: number): number {
	const c = s.charCodeAt(i);
	if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0;
	if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00)
		return LETTER_OR_DIGIT.test(s.slice(i, i + 2)) ? 2 : 0;
	let known = bmpLetterOrDigit[c]!;
	if (known === 0) bmpLetterOrDigit[c] = known = LETTER_OR_DIGIT.test(s[i]!) ? 1 : 2;
	return known === 1 ? 1 : 0;
}

/**
 * Normalise a line for duplicate detection: `s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`,
 * that is the runs of letters and digits of the lower-cased line, joined by single spaces
 * (written out: the Unicode-class regex is slow on long lines). The key is assembled from slices
 * of the lower-cased line joined once at the end (growing it run by run made a deep string that
 * had to be flattened again to be hashed). Fast path: a stretch of runs separated by exactly one
 * `' '` already reads as the key there, so it is taken as one slice; a slice ends only at another
 * separator (punctuation, several spaces, any other character) or at the line's end.
 */
function key(s: string): string {
	const lower = s.toLowerCase();
	const n = lower.length;
	const parts: string[] = [];
	let from = -1; // start of the current stretch, or -1 between stretches
	for (let i = 0; i < n; ) {
		const len = letterOrDigitAt(lower, i);
		if (len > 0) {
			if (from < 0) from = i;
			i += len;
			continue;
		}
		// A separator: the characters up to the next letter or digit (or the end).
		const sep = i;
		for (i++; i < n && letterOrDigitAt(lower, i) === 0; i++);
		// One space between two runs stays in the stretch; anything else ends it.
		if (from >= 0 && (i === n || i - sep !== 1 || lower.charCodeAt(sep) !== 32)) {
			parts.push(lower.slice(from, sep));
			from = -1;
		}
	}
	if (from >= 0) parts.push(lower.slice(from));
	return parts.length === 1 ? parts[0]! : parts.join(' ');
}

/** Whether a code unit is JavaScript whitespace (`\s`: Unicode spaces, line terminators, BOM). */
function isJsSpace(c: number): boolean {
	return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * Words of a line: `s.split(/\s+/).filter(Boolean).length`, i.e. its runs of non-whitespace, counted
 * up to {@link WORDS_CAP}: the rules only compare the count with small bounds (at most 40), so a
 * long paragraph need not be scanned to its end.
 */
function words(s: string): number {
	let n = 0;
	let inWord = false;
	for (let i = 0; i < s.length; i++) {
		const space = isJsSpace(s.charCodeAt(i));
		if (!space && !inWord && ++n === WORDS_CAP) return n;
		inWord = !space;
	}
	return n;
}

/** Where {@link words} stops counting: above every bound a rule compares a word count with. */
const WORDS_CAP = 41;

/** Ends like a sentence (possibly followed by a closing quote or bracket). */
function endsSentence(s: string): boolean {
	// `/[.!?…]["”’)\]]*$/.test(s)`, read from the end (the regex tries every position of a long
	// line): skip the closing quotes and brackets, then look at the character before them.
	let e = s.length;
	while (e > 0 && CLOSERS.includes(s[e - 1]!)) e--;
	return e > 0 && ENDERS.includes(s[e - 1]!);
}
const CLOSERS = '"”’)]';
const ENDERS = '.!?…';

const MONTHS: Record<string, number> = {
	jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Parse the date (and time, when given) in a dateline into ISO form; undefined if none. */
export function parseDateline(s: string): string | undefined {
	const pad = (n: number) => String(n).padStart(2, '0');
	const time = /(\d{1,2}):(\d{2})(?:\s*([AP])M)?/i.exec(s);
	let t = '';
	if (time) {
		let h = Number(time[1]);
		if (time[3]?.toUpperCase() === 'P' && h < 12) h += 12;
		if (time[3]?.toUpperCase() === 'A' && h === 12) h = 0;
		if (h < 24) t = `T${pad(h)}:${time[2]}`;
	}
	let y: number | undefined;
	let m: number | undefined;
	let d: number | undefined;
	let r: RegExpExecArray | null;
	if ((r = /(\d{4})-(\d{2})-(\d{2})/.exec(s))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
	else if ((r = /(\d{1,2})[-\s/.]([\p{L}]{3,9})\.?[-\s/.,]+(\d{4})/u.exec(s)))
		[d, m, y] = [Number(r[1]), MONTHS[r[2]!.slice(0, r[2]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()], Number(r[3])];
	else if ((r = /([\p{L}]{3,9})\.? (\d{1,2}),? (\d{4})/u.exec(s)))
		[m, d, y] = [MONTHS[r[1]!.slice(0, r[1]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()], Number(r[2]), Number(r[3])];
	if (!y || !m || !d || d > 31) return undefined;
	return `${y}-${pad(m)}-${pad(d)}${t}`;
}

/**
 * What each {@link TRAILING_CREDIT} rule cannot match without: a slash; a slash; a slash; a final ")"
 * (tested by {@link endsWithParen}); a name.
 */
const CREDIT_NEEDS: readonly RegExp[] = [/\//, /\//, /\//, /\)\s*$/, /Photo|Image|Picture|AP|AFP|Getty Images|Reuters|EPA|Shutterstock/];

/**
 * `/\)\s*$/.test(s)` read from the end: the regex tries every position of the line (slow on long
 * lines, slower still before V8 compiles it), while only the trailing whitespace need be looked at.
 */
function endsWithParen(s: string): boolean {
	let e = s.length;
	while (e > 0 && isJsSpace(s.charCodeAt(e - 1))) e--;
	return e > 0 && s.charCodeAt(e - 1) === 41;
}

/** The credit at the end of a line, if any: its span relative to the line. */
function trailingCredit(value: string): {start: number; credit: string} | undefined {
	// Of the rules that match, the one that starts earliest takes the whole credit
	// ("Photo: Erik Dahl/The Gazette", not just "/The Gazette").
	let best: {start: number; credit: string} | undefined;
	const slash = value.includes('/');
	for (let r = 0; r < TRAILING_CREDIT.length; r++) {
		// Most lines hold none of what a credit needs: skip the rule without running it.
		if (r < 3 ? !slash : r === 3 ? !endsWithParen(value) : !CREDIT_NEEDS[r]!.test(value)) continue;
		const m = TRAILING_CREDIT[r]!.exec(value);
		if (m?.groups?.credit && m.index > 0) {
			const start = value.indexOf(m.groups.credit, m.index);
			// Never strip the whole line, and never strip text that itself ends a sentence:
			// a credit is a bare name, not a clause.
			if (start > 15 && !/[.!?]$/.test(m.groups.credit) && (!best || start < best.start)) best = {start, credit: m.groups.credit};
		}
	}
	return best;
}

/** A header line that starts the story with a city dateline ("MOSCOW —"). */
const CITY_DATELINE = /^[\p{Lu}][\p{Lu} .,'-]{2,40}\s?(?:\([\p{L} ]+\)\s?)?[—–-]{1,2}\s/u;
/** What {@link CITY_DATELINE} cannot match without (a cheap test, as {@link WIRE_NEEDS}). */
const CITY_DATELINE_NEEDS = /[—–-]\s/;
const BARE_CREDIT_NAME = /\b(?:via|Pool|AP|AFP|Reuters|Getty|CFP|Xinhua|EPA|Images?)\b/;
const UPPER_WORD = /^\p{Lu}+$/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** What a line's text alone says about it (whatever its place in the article). */
interface LineFacts {
	/** {@link key} of the line. */
	readonly key: string;
	/** The first of the position-free furniture rules that the line meets (banner, boilerplate, wire, byline, dateline). */
	readonly kind: Furniture['kind'] | undefined;
	/** For a wire line, the agency it names; for a dateline, its date. */
	readonly wire: string | undefined;
	readonly date: string | undefined;
	readonly words: number;
	readonly endsSentence: boolean;
	/** {@link trailingCredit} of the line, when no furniture rule took it. */
	readonly credit: {start: number; credit: string} | undefined;
}

function lineFacts(v: string): LineFacts {
	const short = v.length <= SHORT;
	let kind: Furniture['kind'] | undefined;
	let wire: string | undefined;
	let date: string | undefined;
	// The length first: BANNER, unanchored, scans the whole line.
	if (v.length < 300 && BANNER.test(v)) kind = 'banner';
	else if (short && (CHROME_LINE.test(v) || TEASER.test(v))) kind = 'boilerplate';
	else {
		for (let r = 0; r < WIRE_LINE.length; r++) {
			if (!WIRE_NEEDS[r]!.test(v)) continue;
			const m = WIRE_LINE[r]!.exec(v);
			if (m?.groups?.wire) {
				kind = 'wire';
				wire = wireName(m.groups.wire, v);
				break;
			}
		}
		if (kind === undefined) {
			if (short && BYLINE_NEEDS.test(v) && BYLINE.test(v)) kind = 'byline';
			else if (v.length <= 60 && DATELINE_NEEDS.test(v) && DATELINE.test(v)) {
				kind = 'dateline';
				date = parseDateline(v);
			}
		}
	}
	return {key: key(v), kind, wire, date, words: words(v), endsSentence: endsSentence(v), credit: kind === undefined ? trailingCredit(v) : undefined};
}

/**
 * {@link lineFacts} by line text: stories repeat lines verbatim (wire copy, captions), so each
 * distinct line's rules run once. Bounded; the oldest entries go first.
 */
const factsMemo = new Map<string, LineFacts>();
const FACTS_MEMO_MAX = 16384;

function factsOf(v: string): LineFacts {
	let f = factsMemo.get(v);
	if (f === undefined) {
		f = lineFacts(v);
		if (factsMemo.size >= FACTS_MEMO_MAX) factsMemo.delete(factsMemo.keys().next().value!);
		factsMemo.set(v, f);
	}
	return f;
}

/**
 * Classify the lines of an article's text into kept blocks (with roles) and furniture.
 *
 * Header lines (before the first long body paragraph) may be a headline, a standfirst,
 * captions, credits, a dateline or an outlet name; anywhere, a line may be chrome, a banner,
 * a wire credit or the second copy of a caption.
 */
export function cleanText(text: string, options: CleanOptions = {}): CleanResult {
	const lines = splitLines(text);
	const facts = lines.map((l) => factsOf(l.value));
	const furniture: Furniture[] = [];
	const kept: {line: Line; role: ParagraphRole; end: number}[] = [];
	let wire: string | undefined;
	let date: string | undefined;
	let outlet: string | undefined;
	let headline: string | undefined;
	const outletKey = options.outlet ? key(options.outlet) : undefined;

	const drop = (l: Span & {value?: string}, kind: Furniture['kind'], start = l.start, end = l.end) =>
		furniture.push({start, end, kind, text: text.slice(start, end)});

	// Header zone: lines before the first long paragraph, or before a city dateline ("MOSCOW —").
	let headerEnd = lines.findIndex((l) => l.value.length > 200 || (CITY_DATELINE_NEEDS.test(l.value) && CITY_DATELINE.test(l.value)));
	if (headerEnd === -1) headerEnd = Math.min(lines.length, 6);

	// Repeated lines (captions printed twice): the first copy stays, later copies go. A line is a
	// copy of the latest line j (at most 4 lines up) recorded under an equal key, or under a key
	// that starts it and is at least 0.6 of its length; when several qualify, the key recorded
	// first wins. Keys are recorded by lines that are not copies (a key seen again moves to its
	// new line but keeps its rank).
	const seenAt = new Map<string, {line: number; rank: number}>();
	const recordedKey: (string | undefined)[] = new Array(lines.length);
	const duplicateOf = new Map<number, number>();
	lines.forEach((_l, i) => {
		const k = facts[i]!.key;
		if (k.length < 25) return;
		let best: {line: number; rank: number} | undefined;
		for (let j = Math.max(0, i - 4); j < i; j++) {
			const prevKey = recordedKey[j];
			if (prevKey === undefined) continue;
			const at = seenAt.get(prevKey)!;
			if (at.line !== j) continue; // recorded again further down
			if ((k === prevKey || (k.startsWith(prevKey) && prevKey.length >= 0.6 * k.length)) && (!best || at.rank < best.rank)) best = at;
		}
		if (best) duplicateOf.set(i, best.line);
		else {
			const at = seenAt.get(k);
			if (at) at.line = i;
			else seenAt.set(k, {line: i, rank: seenAt.size});
			recordedKey[i] = k;
		}
	});
	const captionLines = new Set<number>(duplicateOf.values());

	lines.forEach((l, i) => {
		const v = l.value;
		const f = facts[i]!;
		const short = v.length <= SHORT;
		if (duplicateOf.has(i)) return drop(l, 'caption');
		if (f.kind !== undefined) {
			if (f.kind === 'wire') wire ??= f.wire;
			else if (f.kind === 'dateline') date ??= f.date;
			return drop(l, f.kind);
		}
		if (i < headerEnd && outletKey && f.key === outletKey) {
			outlet = v;
			return drop(l, 'outlet');
		}
		// OUTLET_LINE matches at most five words ("The Harbour Daily News Online"); testing that
		// first spares compiling it for headlines.
		if (i < headerEnd && !outletKey && outlet === undefined && f.words <= 5 && OUTLET_LINE.test(v) && !NOT_OUTLET.test(v) && (f.words >= 2 || UPPER_WORD.test(v))) {
			outlet = v;
			return drop(l, 'outlet');
		}
		// A bare photo credit line ("Mikhail Metzel / Pool via Reuters", "Getty Images").
		if (short && f.words <= 8 && v.includes('/') && !f.endsSentence && STARTS_UPPER.test(v) && i < headerEnd + 3 && BARE_CREDIT_NAME.test(v))
			return drop(l, 'credit');

		let end = l.end;
		const credit = f.credit;
		const isCaption = captionLines.has(i) || (credit !== undefined && i < headerEnd + 20 && f.words >= 6);
		if (credit && isCaption) {
			// Keep the caption, drop its credit; trim the space before the credit.
			let cut = l.start + credit.start;
			while (cut > l.start && SPACE.test(text[cut - 1]!)) cut--;
			drop(l, 'credit', l.start + credit.start, l.end);
			end = cut;
		}
		let role: ParagraphRole = isCaption ? 'caption' : 'body';
		if (role === 'body' && i < headerEnd) {
			const firstKept = kept.length === 0;
			if (firstKept && f.words <= 25 && !f.endsSentence && lines.length > 1) {
				role = 'headline';
				headline = v;
			} else if (kept.length === 1 && kept[0]!.role === 'headline' && f.endsSentence && f.words <= 40) {
				// One complete sentence right under the headline: the standfirst (dek).
				role = 'standfirst';
			}
		}
		kept.push({line: l, role, end});
	});

	// Hard-wrapped text: a blank-line-separated block whose body lines all look wrapped
	// (every line but the last 40–100 columns, and some line breaking mid-sentence) is one
	// paragraph; otherwise every line is a paragraph of its own.
	const wrappedBlocks = new Set<number>();
	const byBlock = new Map<number, string[]>();
	for (const k of kept) {
		if (k.role !== 'body') continue;
		const vals = byBlock.get(k.line.block);
		if (vals) vals.push(k.line.value);
		else byBlock.set(k.line.block, [k.line.value]);
	}
	for (const [b, vals] of byBlock) {
		if (
			vals.length >= 2 &&
			vals.every((v) => v.length <= 100) &&
			vals.slice(0, -1).every((v) => v.length >= 40) &&
			vals.slice(0, -1).some((v) => !endsSentence(v))
		)
			wrappedBlocks.add(b);
	}
	const blocks: KeptBlock[] = [];
	for (let i = 0; i < kept.length; i++) {
		const k = kept[i]!;
		let end = k.end;
		if (k.role === 'body' && wrappedBlocks.has(k.line.block)) {
			let j = i;
			while (j + 1 < kept.length && kept[j + 1]!.role === 'body' && kept[j + 1]!.line.block === k.line.block) j++;
			end = kept[j]!.end;
			i = j;
		}
		blocks.push({start: k.line.start, end, role: k.role});
	}
	furniture.sort((a, b) => a.start - b.start);
	return {
		blocks,
		furniture,
		...(headline !== undefined && {headline}),
		...(wire !== undefined && {wire}),
		...(date !== undefined && {date}),
		...(outlet !== undefined && {outlet}),
	};
}
