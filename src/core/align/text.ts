/**
 * Word-level normalisation for passage alignment: tokens with offsets, a stop-word list,
 * stems, number normalisation and a few orthographic unifications (U.S. → usa, Dec. → december).
 * Deterministic and dependency-free.
 */
import {porterStem} from './stem.js';

/** One word or number of a passage. */
export interface Token {
	/** Offsets relative to the string given to {@link tokenize}. */
	readonly start: number;
	readonly end: number;
	/** Lowercased surface form, quotes/dashes unified, possessive dropped ("moscow"). */
	readonly lower: string;
	/** Comparison key: stem of a word, digits of a number ("175000"). */
	readonly key: string;
	/** True for function words, reporting verbs and other words that carry no fact. */
	readonly stop: boolean;
	/** True for a number (digits). */
	readonly number: boolean;
	/** True when the word is written with a capital initial (a name or title, or a sentence start). */
	readonly capital: boolean;
}

/**
 * Function words, auxiliaries, pronouns, reporting verbs and attribution phrases: words two
 * outlets share whatever fact they report ("said on Sunday", "according to").
 */
const STOP_WORDS = new Set(
	`a about above across after afterwards again against all almost alone along already also although always am among
an and another any anybody anyone anything anyway anywhere are around as at be became because become becomes becoming
been before beforehand behind being below beside besides between beyond both but by can cannot could did do does doing
done down during each either else elsewhere enough etc even ever every everyone everything everywhere except few for
former formerly from further furthermore had has have having he hence her here hereby herein hers herself him himself his
how however i if in indeed into is it its itself just least less many may me meanwhile might mine more moreover most mostly
much must my myself namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on
once one only onto or other others otherwise our ours ourselves out over own per perhaps please quite rather re same
several she should since so some somehow someone something sometime sometimes somewhere still such than that the their
theirs them themselves then thence there thereafter thereby therefore therein thereupon these they this those though
through throughout thru thus to together too toward towards under until up upon us very via was we well were what
whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who
whoever whole whom whose why will with within without would yet you your yours yourself yourselves
s t d ll m ve re don doesn didn isn wasn weren aren hasn haven hadn won wouldn couldn shouldn can't won't don't doesn't
didn't isn't wasn't aren't weren't hasn't haven't hadn't wouldn't couldn't shouldn't it's he's she's that's there's
i'm i've i'd i'll we're we've we'd we'll you're you've they're they've they'd they'll let's
mr mrs ms dr say says said saying tell tells told telling add adds added adding according accordingly report reports
reported reporting reportedly claim claims claimed note noted notes state stated stating explain explained ask asked
asking comment comments commented statement remark remarks remarked
also just like get got make made go went come came take took put see seen seem seems seemed way thing things lot
new news yes`.split(/\s+/),
);

/**
 * A lookup table without a prototype: a word like "constructor" or "toString" must not find
 * Object.prototype's members in it.
 */
function lookup<T>(entries: Record<string, T>): Record<string, T> {
	return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const MONTHS = lookup<string>({
	jan: 'january', feb: 'february', mar: 'march', apr: 'april', jun: 'june', jul: 'july', aug: 'august',
	sep: 'september', sept: 'september', oct: 'october', nov: 'november', dec: 'december',
});

/** Multi-letter initialisms written with dots or in capitals that collide with a stop word. */
const INITIALISMS = lookup<string>({us: 'usa', usa: 'usa', uk: 'uk', un: 'un', eu: 'eu'});

// A word: letters/digits joined by inner apostrophes, dots (U.S., 2.5) or commas in numbers (175,000).
const WORD = /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** A string's first character is a number, an upper-case letter (the ASCII ones are tested by code). */
const NUMBER_START = /^\p{N}/u;
const UPPER_START = /^\p{Lu}/u;

/** True when a string is a stop word (lowercase input). */
export function isStopWord(lower: string): boolean {
	return STOP_WORDS.has(lower);
}

/**
 * Irregular past forms of common English verbs, each group "base form1 form2 …": Porter
 * stemming leaves "met", "held", "spoke" apart from "meet", "hold", "speak". General English
 * grammar, not any story's wording; forms that are also common nouns or adjectives in the news
 * ("left", "found", "shot", "ground", "wound", "rose", "fell", "lead") are left out.
 */
const IRREGULAR_VERBS: readonly string[] = [
	'arise arose arisen', 'awake awoke awoken', 'bear bore borne', 'begin began begun', 'bend bent', 'bite bit bitten',
	'bleed bled', 'blow blew blown', 'break broke broken', 'breed bred', 'bring brought', 'build built', 'buy bought',
	'catch caught', 'choose chose chosen', 'cling clung', 'deal dealt', 'dig dug', 'draw drew drawn', 'drink drank drunk',
	'drive drove driven', 'eat ate eaten', 'feed fed', 'feel felt', 'fight fought', 'flee fled', 'fly flew flown',
	'forbid forbade forbidden', 'forecast forecast', 'foresee foresaw foreseen', 'forget forgot forgotten',
	'forgive forgave forgiven', 'freeze froze frozen', 'give gave given', 'grow grew grown', 'hang hung', 'hear heard',
	'hide hid hidden', 'hold held', 'keep kept', 'know knew known', 'lay laid', 'lend lent', 'lose lost', 'mean meant',
	'meet met', 'mislead misled', 'mistake mistook mistaken', 'overcome overcame', 'oversee oversaw overseen',
	'overtake overtook overtaken', 'overthrow overthrew overthrown', 'pay paid', 'rebuild rebuilt', 'ride rode ridden',
	'ring rang rung', 'rise risen', 'run ran', 'seek sought', 'sell sold', 'send sent', 'shake shook shaken',
	'shrink shrank shrunk', 'sing sang sung', 'sink sank sunk', 'sleep slept', 'slide slid', 'speak spoke spoken',
	'speed sped', 'spend spent', 'spin spun', 'stand stood', 'steal stole stolen', 'stick stuck', 'sting stung',
	'strike struck stricken', 'strive strove striven', 'swear swore sworn', 'sweep swept', 'swim swam swum',
	'swing swung', 'teach taught', 'tear tore torn', 'think thought', 'throw threw thrown', 'undergo underwent undergone',
	'understand understood', 'undertake undertook undertaken', 'uphold upheld', 'wake woke woken', 'wear wore worn',
	'weep wept', 'win won', 'withdraw withdrew withdrawn', 'withhold withheld', 'withstand withstood', 'write wrote written',
];
const IRREGULAR = new Map<string, string>();
for (const group of IRREGULAR_VERBS) {
	const [base, ...forms] = group.split(' ');
	for (const f of forms) IRREGULAR.set(f, base!);
}

/** Comparison key of a lowercase word: its stem (irregular verb forms first brought to their base), with month abbreviations spelled out. */
export function wordKey(lower: string): string {
	// the memo first: it never holds a month (those return before being stemmed)
	let stem = STEMS.get(lower);
	if (stem !== undefined) return stem;
	const month = MONTHS[lower];
	if (month !== undefined) return month;
	stem = porterStem(IRREGULAR.get(lower) ?? lower);
	if (STEMS.size > 200_000) STEMS.clear();
	STEMS.set(lower, stem);
	return stem;
}

/** Memo of stems: a story repeats its words. */
const STEMS = new Map<string, string>();

/** What a token is, from its matched text alone: all of a {@link Token} but its offsets. */
export interface WordShape {
	readonly lower: string;
	readonly key: string;
	readonly stop: boolean;
	readonly number: boolean;
	readonly capital: boolean;
	/** Characters left off the end of the match (a possessive's "'s" or "'"). */
	readonly cut: number;
}

/** The shape of a word or number matched by WORD. */
function wordShape(raw: string): WordShape {
	// the first character's class, without a regular expression for ASCII
	const c = raw.charCodeAt(0);
	if (c < 128 ? c >= 48 && c <= 57 : NUMBER_START.test(raw)) {
		// numbers: drop thousands separators, keep a decimal point
		const digits = /^\p{N}{1,3}(?:,\p{N}{3})+$/u.test(raw) ? raw.replace(/,/g, '') : raw.replace(/,/g, '.');
		const clean = digits.replace(/\.$/, '');
		return {lower: clean, key: clean, stop: false, number: true, capital: false, cut: 0};
	}
	if (raw.includes('.')) {
		// U.S., U.K., D.C.
		const letters = raw.replace(/\./g, '').toLowerCase();
		const key = INITIALISMS[letters] ?? letters;
		return {lower: key, key, stop: false, number: false, capital: true, cut: 0};
	}
	let lower = raw.toLowerCase();
	if (lower.includes('’')) lower = lower.replace(/’/g, "'");
	let cut = 0;
	if (lower.endsWith("'s") && lower.length > 2 && !STOP_WORDS.has(lower)) {
		lower = lower.slice(0, -2);
		cut = 2;
	} else if (lower.endsWith("s'")) {
		lower = lower.slice(0, -1);
		cut = 1;
	}
	if (raw.length <= 6 && INITIALISMS[lower] !== undefined && /^\p{Lu}{2,3}$/u.test(raw)) {
		const key = INITIALISMS[lower]!;
		return {lower: key, key, stop: false, number: false, capital: true, cut};
	}
	const stop = STOP_WORDS.has(lower);
	const capital = c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(raw);
	return {lower, key: stop ? lower : wordKey(lower), stop, number: false, capital, cut};
}

/**
 * Memo of word shapes by matched text: a story repeats its words, and one lookup replaces the
 * lowercasing, the possessive and initialism tests and the stem memo's lookup of each.
 */
const SHAPES = new Map<string, WordShape>();

/**
 * Split a string into words and numbers with their offsets. Possessive "'s" is dropped,
 * "U.S."/"US" become "usa", "175,000" becomes "175000", hyphenated words give one token per part.
 */
export function tokenize(text: string): Token[] {
	const out: Token[] = [];
	scan(text, (w, start, end) => {
		out.push({start, end, lower: w.lower, key: w.key, stop: w.stop, number: w.number, capital: w.capital});
	});
	return out;
}

/**
 * A sentence's tokens without Token objects, for the feature extractor (thousands of sentences,
 * a story's worth of tokens): token i is shapes[i] (shared, memoised) at start[i] .. end[i].
 * The arrays are reused from one call of {@link tokenRun} to the next.
 */
export interface TokenRun {
	readonly shapes: WordShape[];
	readonly start: number[];
	readonly end: number[];
	n: number;
}

/** A new, empty {@link TokenRun}. */
export function newTokenRun(): TokenRun {
	return {shapes: [], start: [], end: [], n: 0};
}

/** The tokens of a text into `run` (the same tokens as {@link tokenize}'s). */
export function tokenRun(text: string, run: TokenRun): void {
	run.n = 0;
	scan(text, (w, start, end) => {
		run.shapes[run.n] = w;
		run.start[run.n] = start;
		run.end[run.n++] = end;
	});
}

/** Calls sink(shape, start, end) for each token of a text, in order. */
function scan(text: string, sink: (w: WordShape, start: number, end: number) => void): void {
	if (NOT_PLAIN.test(text)) {
		// exec on the shared pattern rather than matchAll, which copies it on every call: a story
		// tokenizes thousands of sentences
		WORD.lastIndex = 0;
		for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
			const w = shapeOf(m[0]);
			sink(w, m.index, m.index + m[0].length - w.cut);
		}
		return;
	}
	// plain text (ASCII, curly quotes, dashes): WORD's matches are those of PLAIN_WORD, WORD with
	// its Unicode classes cut down to the ASCII letters and digits, the only ones such text has
	// (the other characters allowed are neither letters nor digits, ’ aside, which both know).
	// Without the u flag and its property classes the pattern runs several times faster: the
	// scanning is native code from the first sentence on
	PLAIN_WORD.lastIndex = 0;
	for (let m = PLAIN_WORD.exec(text); m !== null; m = PLAIN_WORD.exec(text)) {
		const w = shapeOf(m[0]);
		sink(w, m.index, m.index + m[0].length - w.cut);
	}
}

/** {@link WORD} for plain text: `\p{Lu}` is [A-Z], `\p{N}` [0-9], `\p{L}` [A-Za-z] there. */
const PLAIN_WORD = /(?:[A-Z]\.){2,}|[0-9]+(?:[.,][0-9]+)*|[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g;

/**
 * Text holding a character other than ASCII, curly quotes, dashes, the ellipsis and the
 * no-break space, which {@link tokenize} leaves to WORD (all of those but ’, the apostrophe
 * WORD knows, are neither letters nor digits: they only separate words, like ASCII punctuation).
 */
const NOT_PLAIN = /[^\x00-\x7f‘’“”–—…\u00a0]/;

/** The shape of WORD's match `raw`, memoised. */
function shapeOf(raw: string): WordShape {
	let w = SHAPES.get(raw);
	if (w === undefined) {
		w = wordShape(raw);
		if (SHAPES.size > 200_000) SHAPES.clear();
		SHAPES.set(raw, w);
	}
	return w;
}

/**
 * Groups of words news writers use interchangeably for one idea, general political and
 * world-news vocabulary (not any one story's). Each word's stem maps to the group's concept key,
 * so "talks" and "discussions" or "Russian" and "Russia" share a feature. Exact matches still
 * score higher: a word keeps its own key as well.
 */
const SYNONYM_GROUPS: readonly string[] = [
	'talk talks discussion discuss negotiation negotiate conversation dialogue consultation consult speak communicate',
	'meet meeting summit encounter',
	'threat threaten menace danger endanger jeopardize jeopardise',
	'troop troops force forces soldier soldiers army',
	'buildup escalation escalate deployment deploy massing reinforcement',
	'invade invasion incursion attack offensive aggression aggressor',
	'agree agreed agreement deal accord',
	'concern concerns worry worries fear fears unease alarm anxiety',
	'warn warning warnings caution',
	'sanction sanctions penalty penalties measures',
	'optimism optimistic hope hopeful confident confidence upbeat',
	'reason reasons grounds cause basis',
	'country countries nation nations',
	'border borders frontier boundary adjacent neighbouring neighboring bordering neighbour neighbor',
	'expand expansion enlarge enlargement widen widening extend extension',
	'guarantee guarantees assurance assurances assure pledge',
	'weapon weapons arms armament armaments missile missiles',
	'president presidents leader leaders',
	'television tv broadcaster channel',
	'video virtual virtually online remote remotely videoconference',
	'early premature',
	'demand demanded seek sought request require insist',
	'kill killed killing dead death deaths die died fatal fatalities casualties',
	'injure injured injury injuries wound wounded hurt',
	'arrest arrested detain detained detention custody',
	'election elect vote voting ballot poll polls',
	'win won victory triumph',
	'increase rise rose risen surge jump climb soar',
	'decrease fall fell drop decline plunge reduce reduction cut',
	'plan plans planning intend intention prepare preparing',
	'shoot shooting shot gunfire gunman',
	'resign resignation quit',
	'investigate investigation probe inquiry',
	'ban prohibit prohibition outlaw',
	'release released free freed',
	'official officials authority authorities',
	'company firm business corporation',
	'law legislation bill statute',
	'protest protests demonstration demonstrations rally protester protesters demonstrator demonstrators',
	'economy economic',
	'allegation allegations accuse accusation allege alleged',
	'reject rejected deny denied dismiss refuse refused',
	'criticise criticize condemn denounce decry decried slam',
	'percent pct',
	'child children kid kids minor minors',
	'vehicle car automobile',
	'doctor physician',
	'spokesman spokeswoman spokesperson',
	'russia russian russians moscow',
	'ukraine ukrainian ukrainians kyiv kiev',
	'usa american americans america washington',
	'china chinese beijing',
	'britain british uk london',
	'france french paris',
	'germany german germans berlin',
	'iran iranian iranians tehran',
	'israel israeli israelis',
	'europe european europeans',
	'korea korean koreans',
	'japan japanese tokyo',
	'india indian indians',
	'turkey turkish',
	'syria syrian syrians',
	'mexico mexican mexicans',
	'canada canadian canadians',
];

const CONCEPT = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
	const words = group.split(' ');
	const concept = `~${words[0]!}`;
	for (const w of words) {
		const k = INITIALISMS[w] ?? wordKey(w);
		if (!CONCEPT.has(k)) CONCEPT.set(k, concept);
	}
}

/** The concept key ("~talk") of a comparison key, when the word belongs to a synonym group. */
export function conceptOf(key: string): string | undefined {
	return CONCEPT.get(key);
}

const MONTH_NUMBER = lookup<number>({
	january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
	november: 11, december: 12,
});
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Parse an ISO date (YYYY-MM-DD, optionally with a time) to a UTC day, or undefined. */
function isoDay(date: string | undefined): Date | undefined {
	const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
	if (!m) return undefined;
	return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Day keys made so far, by 32 * month + day: a story names the same few days again and again. */
const DAY_KEYS: string[] = [];

function dayKey(month: number, day: number): string {
	return (DAY_KEYS[32 * month + day] ??= `@${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** The last article date {@link dateKeys} was given, and its day. */
let lastDate: string | undefined;
let lastDay = isoDay(undefined);

/**
 * Calendar-day keys ("@12-07") of the dates a passage mentions: "Dec. 7", "7 December", and,
 * when the article's own date is known, weekdays ("on Tuesday" in an article of Sunday
 * 12 December is 7 December: the latest such day on or before publication).
 * Returned with the index of the token that names them.
 */
export function dateKeys(
	tokens: readonly Pick<Token, 'lower' | 'key' | 'number' | 'capital'>[],
	articleDate?: string,
	/** Read only tokens[0 .. count) (a reused array longer than the sentence). */
	count = tokens.length,
): {index: number; key: string}[] {
	const out: {index: number; key: string}[] = [];
	// an article's sentences come in a row: its date is parsed once (Date is immutable here: read only)
	if (articleDate !== lastDate) {
		lastDate = articleDate;
		lastDay = isoDay(articleDate);
	}
	const published = lastDay;
	for (let i = 0; i < count; i++) {
		const t = tokens[i]!;
		const month = MONTH_NUMBER[t.key] ?? MONTH_NUMBER[t.lower];
		if (month !== undefined && !(t.lower === 'may' && !t.capital)) {
			const next = i + 1 < count ? tokens[i + 1] : undefined;
			const prev = tokens[i - 1];
			const day = next?.number ? Number(next.lower) : prev?.number ? Number(prev.lower) : NaN;
			if (Number.isInteger(day) && day >= 1 && day <= 31) out.push({index: i, key: dayKey(month, day)});
			continue;
		}
		const wd = WEEKDAYS.indexOf(t.lower);
		if (wd >= 0 && published) {
			const back = (published.getUTCDay() - wd + 7) % 7;
			const d = new Date(published.getTime() - back * 86_400_000);
			out.push({index: i, key: dayKey(d.getUTCMonth() + 1, d.getUTCDate())});
		}
	}
	return out;
}
