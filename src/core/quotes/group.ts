/**
 * Grouping the same utterance across outlets: quotes with the same speaker whose wordings
 * overlap enough, even when translated or trimmed differently ("We will definitely meet, I would
 * really like that" / "(We will) definitely see each other, I would really want that to happen").
 */

const WORD_RUNS = /[\p{L}\p{N}]+/gu;
const CONTRACTION = /n['’]t\b|['’](?:ll|re|ve|d|m|s)\b/g;
const EXPANSION: Record<string, string> = {"n't": ' not', ll: ' will', re: ' are', ve: ' have', d: ' would', m: ' am', s: ''};

const STOPWORDS = new Set(
	`a an the and or but of to in on at by for from with as is are was were be been being it its this that these those i we you he
	she they me us him her them my our your his their not no so do does did have has had will would can could shall should may might
	must there here what which who whom whose when where why how all any some such than then too very just also into over about`.split(/\s+/),
);

/** Lower-case word tokens of a quote, contractions expanded. */
export function wordsOf(s: string): string[] {
	const t = s.toLowerCase().replace(CONTRACTION, (m) => (m.endsWith('t') && m.length === 3 ? EXPANSION["n't"]! : (EXPANSION[m.slice(1)] ?? '')));
	return t.match(WORD_RUNS) ?? [];
}

/** The light stemmer of utterance matching: -ing, -ed, plural -s. */
export function stem(w: string): string {
	if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
	if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
	if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
	return w;
}

/** A wording's stemmed words, all and content only, as {@link sameUtterance} reads them. */
export interface Bag {
	readonly all: ReadonlySet<string>;
	readonly content: ReadonlySet<string>;
}

/** Whether a word of {@link wordsOf} counts as content (not a stop word) in utterance matching. */
export function isContentWord(w: string): boolean {
	return !STOPWORDS.has(w);
}

/** A wording read for matching: read each wording once and compare with {@link similar}. */
export function bag(s: string): Bag {
	return bagOf(wordsOf(s));
}

function bagOf(ws: readonly string[]): Bag {
	return {all: new Set(ws.map(stem)), content: new Set(ws.filter((w) => !STOPWORDS.has(w)).map(stem))};
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	let n = 0;
	const [x, y] = a.size <= b.size ? [a, b] : [b, a];
	for (const w of x) if (y.has(w)) n++;
	return n;
}

/** Whether two wordings are the same utterance. */
export function sameUtterance(a: string, b: string): boolean {
	return similar(bag(a), bag(b));
}

/** {@link sameUtterance} on wordings already read by {@link bag}. */
export function similar(a: Bag, b: Bag): boolean {
	return similarShared(a, b, shared(a.content, b.content));
}

/** {@link similar} given `sc`, the number of content words `a` and `b` share. */
function similarShared(a: Bag, b: Bag, sc: number): boolean {
	const minC = Math.min(a.content.size, b.content.size);
	// one shared content word is enough only between one-word wordings
	if (sc < 2) return minC === 1 && sc === 1 && Math.max(a.content.size, b.content.size) === 1;
	if (sc / minC >= 0.75) return true;
	const sa = shared(a.all, b.all);
	const dice = (2 * sa) / (a.all.size + b.all.size);
	return dice >= 0.5;
}

/** A wording's stem ids (see `groupItems`): `Bag`'s sets as arrays of distinct ids. */
interface IdBag {
	readonly all: readonly number[];
	readonly content: readonly number[];
}

/**
 * {@link similarShared} on id bags (the same tests on the same counts). `a.all`'s ids are those
 * with `marks[id] === stamp`: the words of `all` the two share are counted against them.
 */
function similarIds(a: IdBag, b: IdBag, sc: number, marks: readonly number[], stamp: number): boolean {
	const minC = Math.min(a.content.length, b.content.length);
	if (sc < 2) return minC === 1 && sc === 1 && Math.max(a.content.length, b.content.length) === 1;
	if (sc / minC >= 0.75) return true;
	let sa = 0;
	for (let i = 0; i < b.all.length; i++) if (marks[b.all[i]!] === stamp) sa++;
	const dice = (2 * sa) / (a.all.length + b.all.length);
	return dice >= 0.5;
}

/** An item to group: an id, its speaker and its words. */
export interface GroupItem {
	readonly id: string;
	readonly speaker: string;
	readonly text: string;
}

/** Groups of item ids (same speaker, same utterance), in order of first appearance. */
export function groupItems(items: readonly GroupItem[]): {speaker: string; ids: string[]}[] {
	const parent = items.map((_, i) => i);
	const find = (i: number): number => {
		while (parent[i] !== i) {
			parent[i] = parent[parent[i]!]!;
			i = parent[i]!;
		}
		return i;
	};
	const union = (a: number, b: number): void => {
		const x = find(a);
		const y = find(b);
		if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
	};
	const bySpeaker = new Map<string, number[]>();
	items.forEach((it, i) => {
		const l = bySpeaker.get(it.speaker) ?? [];
		l.push(i);
		bySpeaker.set(it.speaker, l);
	});
	// The same words recur across outlets: read each wording once. A wording's bag is read into
	// stem ids (numbers given to stems in order of first sight), each once: the sets of `bagOf` as
	// arrays of the same sizes, whose shared ids are counted by marking (no sets built or probed).
	const read = new Map<string, string[]>();
	const wordsOfText = (s: string): string[] => {
		let ws = read.get(s);
		if (ws === undefined) {
			ws = wordsOf(s);
			read.set(s, ws);
		}
		return ws;
	};
	const stemIds = new Map<string, number>();
	// per stem id: the last bag whose `all` / `content` took it (duplicates are skipped with no set)
	const lastAll: number[] = [];
	const lastContent: number[] = [];
	let bagCount = 0;
	// per stem id: the stamp of the bag whose `all` was last marked (see `similarIds`)
	const marks: number[] = [];
	let stamp = 0;
	// per stem id: the inverted list of one speaker's wordings (emptied after each speaker)
	const inv: number[][] = [];
	const used: number[] = [];
	const idBag = (ws: readonly string[]): IdBag => {
		const tag = bagCount++;
		const all: number[] = [];
		const content: number[] = [];
		for (let i = 0; i < ws.length; i++) {
			const w = ws[i]!;
			const st = stem(w);
			let id = stemIds.get(st);
			if (id === undefined) {
				id = stemIds.size;
				stemIds.set(st, id);
				lastAll.push(-1);
				lastContent.push(-1);
				marks.push(0);
				inv.push([]);
			}
			if (lastAll[id] !== tag) {
				lastAll[id] = tag;
				all.push(id);
			}
			if (!STOPWORDS.has(w) && lastContent[id] !== tag) {
				lastContent[id] = tag;
				content.push(id);
			}
		}
		return {all, content};
	};
	for (const idx of bySpeaker.values()) {
		// identical wordings first (cheap), then pairs of distinct wordings
		const byNorm = new Map<string, number>();
		const uniq: number[] = [];
		for (const i of idx) {
			const n = wordsOfText(items[i]!.text).join(' ');
			const seen = byNorm.get(n);
			if (seen !== undefined) union(seen, i);
			else {
				byNorm.set(n, i);
				uniq.push(i);
			}
		}
		const bags = uniq.map((i) => idBag(wordsOfText(items[i]!.text)));
		// Candidate pairs through shared content words, counted: a pair's count is the number of
		// content words the two share (`shared` of `similar`), so pairs sharing one word only (most
		// of them, when one speaker has many quotes) are settled without comparing their sets.
		// (Pairs sharing no content word are never similar. The groups are the connected parts of
		// the "similar" pairs, so the order the pairs are looked at in does not matter.)
		for (let k = 0; k < bags.length; k++) {
			const c = bags[k]!.content;
			for (let n = 0; n < c.length; n++) {
				const w = c[n]!;
				const l = inv[w]!;
				if (l.length === 0) used.push(w);
				l.push(k);
			}
		}
		const count = new Int32Array(bags.length);
		const touched: number[] = [];
		for (let k = 0; k < bags.length; k++) {
			const a = bags[k]!;
			// inverted lists are in increasing order: only partners after k
			for (let n = 0; n < a.content.length; n++) {
				const l = inv[a.content[n]!]!;
				for (let x = l.length - 1; x >= 0; x--) {
					const m = l[x]!;
					if (m <= k) break;
					if (count[m] === 0) touched.push(m);
					count[m]!++;
				}
			}
			if (touched.length > 0) {
				stamp++;
				for (let n = 0; n < a.all.length; n++) marks[a.all[n]!] = stamp;
			}
			for (let n = 0; n < touched.length; n++) {
				const m = touched[n]!;
				const sc = count[m]!;
				count[m] = 0;
				if (find(uniq[k]!) === find(uniq[m]!)) continue;
				if (similarIds(a, bags[m]!, sc, marks, stamp)) union(uniq[k]!, uniq[m]!);
			}
			touched.length = 0;
		}
		for (let n = 0; n < used.length; n++) inv[used[n]!]!.length = 0;
		used.length = 0;
	}
	const groups = new Map<number, number[]>();
	items.forEach((_, i) => {
		const r = find(i);
		const l = groups.get(r) ?? [];
		l.push(i);
		groups.set(r, l);
	});
	return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([r, l]) => ({speaker: items[r]!.speaker, ids: l.map((i) => items[i]!.id)}));
}
