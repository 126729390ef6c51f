/**
 * Grouping of linked passages into facts, strictly enough that chains do not merge unrelated
 * passages: links are taken best first, and two groups merge only when
 * - they share no article (one passage per article and fact), and
 * - more than half of the pairs across them are linked (average link, a missing link counting
 *   as zero), so A–B–C becomes one fact only when A–C is linked too.
 *
 * Built for stories of hundreds of thousands of links: typed arrays only, no object, Map or Set
 * per node or edge. Each group keeps its members as a linked list and its articles as a bitset;
 * the links between two groups are counted when a merge is considered (after the cheap article
 * test, which rejects most candidates), from the smaller group's adjacency.
 */

/** An undirected weighted edge between two nodes. */
export interface Edge {
	readonly i: number;
	readonly j: number;
	readonly s: number;
}

/** Edges as parallel arrays: edge e joins i[e] and j[e] with weight s[e]. */
export interface EdgeList {
	readonly i: ArrayLike<number>;
	readonly j: ArrayLike<number>;
	readonly s: ArrayLike<number>;
	/**
	 * Each node's neighbours along these edges, when the caller has them: node x's are
	 * nodes[start[x] .. start[x+1]) (CSR), an edge listed twice there twice, self-loops left out.
	 */
	readonly adjacency?: {readonly start: Int32Array; readonly nodes: Int32Array};
}

function isEdgeList(edges: readonly Edge[] | EdgeList): edges is EdgeList {
	return !Array.isArray(edges);
}

/** Neighbours of each of n nodes along the edges (CSR), self-loops left out. */
function adjacencyOf(n: number, ei: ArrayLike<number>, ej: ArrayLike<number>): {start: Int32Array; nodes: Int32Array} {
	const m = ei.length;
	const start = new Int32Array(n + 1);
	for (let e = 0; e < m; e++) {
		if (ei[e] === ej[e]) continue;
		start[ei[e]! + 1]!++;
		start[ej[e]! + 1]!++;
	}
	for (let x = 0; x < n; x++) start[x + 1]! += start[x]!;
	const nodes = new Int32Array(start[n]!);
	const fill = start.slice(0, n);
	for (let e = 0; e < m; e++) {
		if (ei[e] === ej[e]) continue;
		nodes[fill[ei[e]!]!++] = ej[e]!;
		nodes[fill[ej[e]!]!++] = ei[e]!;
	}
	return {start, nodes};
}

/** 0, 1, …, n-1. */
function identity(n: number): Int32Array {
	const out = new Int32Array(n);
	for (let k = 0; k < n; k++) out[k] = k;
	return out;
}

/** 1 + the largest article index of nodes 0 … n-1. */
function articleCount(articleOf: ArrayLike<number>, n: number): number {
	let count = 0;
	for (let x = 0; x < n; x++) count = Math.max(count, articleOf[x]! + 1);
	return count;
}

/** Hash of a double's bits (lo, hi: its two 32-bit halves). */
function hashBits(lo: number, hi: number): number {
	return Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

/** An open-addressing table (mask + 1 slots, -1 for empty) of the first d of `values`. */
function hashTable(values: Float64Array, d: number, mask: number): Int32Array {
	const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * d);
	const table = new Int32Array(mask + 1).fill(-1);
	for (let v = 0; v < d; v++) {
		let h = hashBits(bits[2 * v]!, bits[2 * v + 1]!) & mask;
		while (table[h] !== -1) h = (h + 1) & mask;
		table[h] = v;
	}
	return table;
}

/** The weights as doubles, -0 as 0 (the sorts below read their bits). */
function weightsOf(m: number, es: ArrayLike<number>): Float64Array {
	const w = new Float64Array(m);
	for (let e = 0; e < m; e++) {
		const x = es[e]!;
		w[e] = x === 0 ? 0 : x;
	}
	return w;
}

/**
 * For each weight, the index of its value among the distinct values, in order of first
 * appearance, found with an open-addressing hash table on the values' bits (a Map of numbers is
 * several times slower on hundreds of thousands of edges); undefined as soon as there are more
 * than `maxDistinct` distinct values.
 */
function distinctWeights(
	w: Float64Array,
	maxDistinct: number,
): {id: Int32Array; values: Float64Array; d: number; table: Int32Array; mask: number} | undefined {
	const m = w.length;
	const bits = new Uint32Array(w.buffer, w.byteOffset, 2 * m);
	let values = new Float64Array(1024);
	let d = 0;
	let mask = 2047;
	let table = hashTable(values, d, mask);
	const id = new Int32Array(m);
	for (let e = 0; e < m; e++) {
		const x = w[e]!;
		let h = hashBits(bits[2 * e]!, bits[2 * e + 1]!) & mask;
		let v = table[h]!;
		while (v !== -1 && values[v] !== x) {
			h = (h + 1) & mask;
			v = table[h]!;
		}
		if (v === -1) {
			if (d === maxDistinct) return undefined;
			v = d++;
			table[h] = v;
			if (d > values.length) {
				const grown = new Float64Array(2 * values.length);
				grown.set(values);
				values = grown;
			}
			values[v] = x;
			if (2 * d > mask) table = hashTable(values, d, (mask = 2 * mask + 1));
		}
		id[e] = v;
	}
	return {id, values, d, table, mask};
}

/**
 * Rank of each weight among the distinct weights, 0 for the largest, and the number of distinct
 * weights (`nan`: whether a weight is NaN); undefined when there are more than `maxDistinct` of them.
 */
function weightRanks(w: Float64Array, nan: boolean, maxDistinct: number): {rank: Int32Array; d: number} | undefined {
	const distinct = distinctWeights(w, maxDistinct);
	if (!distinct) return undefined;
	const {id, values, d, table, mask} = distinct;
	const rankOfId = new Int32Array(d);
	if (!nan) {
		// a typed-array sort of the distinct values (no comparator calls), each value's id found
		// again in the hash table
		const sorted = values.slice(0, d).sort();
		const bits = new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * d);
		for (let k = 0; k < d; k++) {
			const x = sorted[k]!;
			let h = hashBits(bits[2 * k]!, bits[2 * k + 1]!) & mask;
			while (values[table[h]!] !== x) h = (h + 1) & mask;
			rankOfId[table[h]!] = d - 1 - k;
		}
	} else {
		// each NaN is a distinct value of its own, placed where V8's comparator sort puts it
		const byWeight = Array.from({length: d}, (_, v) => v).sort((x, y) => values[y]! - values[x]!);
		byWeight.forEach((v, r) => {
			rankOfId[v] = r;
		});
	}
	return {rank: renumber(id, rankOfId), d};
}

/** ids[k] = to[ids[k]] for every k, in place. */
function renumber(ids: Int32Array, to: Int32Array): Int32Array {
	for (let k = 0; k < ids.length; k++) ids[k] = to[ids[k]!]!;
	return ids;
}

/** Whether the edges are in (i, j) order. */
function pairSorted(m: number, ei: ArrayLike<number>, ej: ArrayLike<number>): boolean {
	for (let e = 1; e < m; e++) if (ei[e - 1]! > ei[e]! || (ei[e - 1] === ei[e] && ej[e - 1]! > ej[e]!)) return false;
	return true;
}

/**
 * Edge indices ordered best first: by weight descending, then i, then j (ascending). A stable
 * sort by weight of the edges in (i, j) order (no comparator calls for the usually already
 * (i, j)-sorted edges of a story): a counting sort on the ranks of the distinct weights when
 * they are few (a story of wire copy repeats its scores; up to an eighth of the edges, measured
 * as about where the two meet), else, unless a weight is NaN, a radix sort on their bits (a story
 * of distinct sentences has about as many distinct scores as links, too many for a hash table of
 * them to pay).
 */
function bestFirst(m: number, ei: ArrayLike<number>, ej: ArrayLike<number>, es: ArrayLike<number>): Int32Array {
	let byPair = identity(m);
	if (!pairSorted(m, ei, ej)) byPair = byPair.sort((x, y) => ei[x]! - ei[y]! || ej[x]! - ej[y]!);
	const w = weightsOf(m, es);
	let nan = false;
	for (let e = 0; e < m && !nan; e++) nan = Number.isNaN(w[e]!);
	const ranks = weightRanks(w, nan, nan ? m : Math.max(1024, m >>> 3));
	return ranks ? countingOrder(byPair, ranks.rank, ranks.d) : radixDescending(byPair, w);
}

/** Whether the platform stores a double's low 32-bit half first (in a Uint32Array view). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The indices of `order` stably sorted by w[index] descending (no NaN in w, no -0): an LSD radix
 * sort, 16 bits a pass, on keys that order as unsigned integers the way the doubles order
 * descending (a non-negative double's bits all flipped but the sign, a negative one's as they are).
 * A pass whose digit is the same for every key is skipped (the weights of a story's links
 * share their sign and often their exponent).
 */
function radixDescending(order: Int32Array, w: Float64Array): Int32Array {
	const m = order.length;
	const bits = new Uint32Array(w.buffer, w.byteOffset, 2 * m);
	const loAt = LITTLE_ENDIAN ? 0 : 1;
	const keyLo = new Uint32Array(m);
	const keyHi = new Uint32Array(m);
	for (let e = 0; e < m; e++) {
		const lo = bits[2 * e + loAt]!;
		const hi = bits[2 * e + 1 - loAt]!;
		const negative = hi >>> 31 === 1;
		keyLo[e] = negative ? lo : ~lo;
		keyHi[e] = negative ? hi : hi ^ 0x7fffffff;
	}
	let src = Int32Array.from(order);
	let dst = new Int32Array(m);
	const count = new Int32Array(0x10001);
	for (let pass = 0; pass < 4; pass++) {
		const key = pass < 2 ? keyLo : keyHi;
		const shift = (pass & 1) * 16;
		count.fill(0);
		for (let e = 0; e < m; e++) count[((key[e]! >>> shift) & 0xffff) + 1]!++;
		if (m === 0 || count[((key[0]! >>> shift) & 0xffff) + 1] === m) continue;
		for (let v = 0; v < 0x10000; v++) count[v + 1]! += count[v]!;
		for (let k = 0; k < m; k++) {
			const e = src[k]!;
			dst[count[(key[e]! >>> shift) & 0xffff]!++] = e;
		}
		const swap = src;
		src = dst;
		dst = swap;
	}
	return src;
}

/** The indices of `order` stably sorted by rank[index] (ranks in 0 … d-1). */
function countingOrder(order: Int32Array, rank: Int32Array, d: number): Int32Array {
	const m = order.length;
	const start = new Int32Array(d + 1);
	for (let e = 0; e < m; e++) start[rank[e]! + 1]!++;
	for (let r = 0; r < d; r++) start[r + 1]! += start[r]!;
	const out = new Int32Array(m);
	for (let k = 0; k < m; k++) {
		const e = order[k]!;
		out[start[rank[e]!]!++] = e;
	}
	return out;
}

/**
 * Cluster `n` nodes (each belonging to the article `articleOf[node]`) along `edges`.
 * Returns the groups of two or more nodes, each sorted ascending, ordered by number of
 * articles (descending) and then by first node. Deterministic.
 */
export function groupFacts(n: number, articleOf: ArrayLike<number>, edges: readonly Edge[] | EdgeList): number[][] {
	const list = isEdgeList(edges) ? edges : {i: edges.map((e) => e.i), j: edges.map((e) => e.j), s: edges.map((e) => e.s)};
	const {i: ei, j: ej, s: es} = list;
	const m = ei.length;
	const {start: adjStart, nodes: adj} = list.adjacency ?? adjacencyOf(n, ei, ej);

	// groups: `group[x]` is the id of x's group (one of its nodes); members as a linked list
	// (from the id, along `next`); articles as a bitset of `words` 32-bit words in `pool` at
	// slot[g] * words, given when a group first grows past one node (a single node's article
	// is articleOf[node]) and freed when it is merged into another
	const group = identity(n);
	const size = new Int32Array(n).fill(1);
	const next = new Int32Array(n).fill(-1);
	const tail = identity(n);
	const words = Math.max(1, (articleCount(articleOf, n) + 31) >>> 5);
	const slot = new Int32Array(n).fill(-1);
	let pool = new Uint32Array(words * 64);
	let slots = 0;
	const freeSlots: number[] = [];

	const order = bestFirst(m, ei, ej, es);
	for (let k = 0; k < m; k++) {
		const e = order[k]!;
		let a = group[ei[e]!]!;
		let b = group[ej[e]!]!;
		if (a === b) continue;
		if (size[a]! > size[b]!) {
			const c = a;
			a = b;
			b = c;
		}
		// a shared article? (a is the smaller group: if it has a bitset, so has b)
		const sa = slot[a]!;
		let sb = slot[b]!;
		let clash = false;
		if (sa < 0) {
			const art = articleOf[a]!;
			clash = sb < 0 ? articleOf[b] === art : (pool[sb * words + (art >>> 5)]! & (1 << (art & 31))) !== 0;
		} else {
			for (let w = 0, pa = sa * words, pb = sb * words; w < words; w++) {
				if ((pool[pa + w]! & pool[pb + w]!) !== 0) {
					clash = true;
					break;
				}
			}
		}
		if (clash) continue;
		// links across: more than half of the size[a] * size[b] pairs?
		const need = size[a]! * size[b]!;
		let linked = 0;
		for (let x = a; x !== -1 && 2 * linked <= need; x = next[x]!) {
			for (let p = adjStart[x]!, end = adjStart[x + 1]!; p < end; p++) if (group[adj[p]!] === b) linked++;
		}
		if (2 * linked <= need) continue;
		// merge the smaller group a into b
		if (sb < 0) {
			if (freeSlots.length > 0) sb = freeSlots.pop()!;
			else {
				if ((slots + 1) * words > pool.length) {
					const grown = new Uint32Array(pool.length * 2);
					grown.set(pool);
					pool = grown;
				}
				sb = slots++;
			}
			pool.fill(0, sb * words, (sb + 1) * words);
			slot[b] = sb;
			pool[sb * words + (articleOf[b]! >>> 5)]! |= 1 << (articleOf[b]! & 31);
		}
		if (sa < 0) pool[sb * words + (articleOf[a]! >>> 5)]! |= 1 << (articleOf[a]! & 31);
		else {
			for (let w = 0; w < words; w++) pool[sb * words + w]! |= pool[sa * words + w]!;
			slot[a] = -1;
			freeSlots.push(sa);
		}
		for (let x = a; x !== -1; x = next[x]!) group[x] = b;
		next[tail[b]!] = a;
		tail[b] = tail[a]!;
		size[b]! += size[a]!;
	}

	const groups: number[][] = [];
	for (let g = 0; g < n; g++) {
		if (group[g] !== g || size[g]! < 2) continue;
		const members: number[] = [];
		for (let x = g; x !== -1; x = next[x]!) members.push(x);
		groups.push(members.sort((x, y) => x - y));
	}
	// a group has one node per article: its size is its number of articles
	groups.sort((x, y) => y.length - x.length || x[0]! - y[0]!);
	return groups;
}
