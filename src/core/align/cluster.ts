/**
 * Grouping of linked passages into facts, strictly enough that chains do not merge unrelated
 * passages: links are taken best first, and two groups merge only when
 * - they share no article (one passage per article and fact), and
 * - more than half of the pairs across them are linked (average link, a missing link counting
 *   as zero), so A–B–C becomes one fact only when A–C is linked too.
 */

/** An undirected weighted edge between two nodes. */
export interface Edge {
	readonly i: number;
	readonly j: number;
	readonly s: number;
}

/**
 * Cluster `n` nodes (each belonging to the article `articleOf[node]`) along `edges`.
 * Returns the groups of two or more nodes, each sorted ascending, ordered by number of
 * articles (descending) and then by first node. Deterministic.
 */
export function groupFacts(n: number, articleOf: ArrayLike<number>, edges: readonly Edge[]): number[][] {
	const root = new Int32Array(n);
	for (let i = 0; i < n; i++) root[i] = i;
	const members: number[][] = Array.from({length: n}, (_, i) => [i]);
	const arts: Set<number>[] = Array.from({length: n}, (_, i) => new Set([articleOf[i]!]));
	// links between clusters, keyed by the other cluster's root
	const between: Map<number, number>[] = Array.from({length: n}, () => new Map());
	for (const {i, j} of edges) {
		if (i === j) continue;
		between[i]!.set(j, (between[i]!.get(j) ?? 0) + 1);
		between[j]!.set(i, (between[j]!.get(i) ?? 0) + 1);
	}
	const find = (x: number): number => {
		while (root[x] !== x) {
			root[x] = root[root[x]!]!;
			x = root[x]!;
		}
		return x;
	};
	const order = [...edges].sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
	for (const {i, j} of order) {
		let a = find(i);
		let b = find(j);
		if (a === b) continue;
		if (between[a]!.size > between[b]!.size) [a, b] = [b, a];
		const artsA = arts[a]!;
		const artsB = arts[b]!;
		let clash = false;
		const [small, big] = artsA.size <= artsB.size ? [artsA, artsB] : [artsB, artsA];
		for (const x of small) {
			if (big.has(x)) {
				clash = true;
				break;
			}
		}
		if (clash) continue;
		const linked = between[a]!.get(b) ?? 0;
		if (2 * linked <= members[a]!.length * members[b]!.length) continue;
		// merge a into b
		root[a] = b;
		for (const x of members[a]!) members[b]!.push(x);
		members[a] = [];
		for (const x of artsA) artsB.add(x);
		arts[a] = new Set();
		const mb = between[b]!;
		for (const [c, k] of between[a]!) {
			if (c === b) continue;
			mb.set(c, (mb.get(c) ?? 0) + k);
			const mc = between[c]!;
			mc.delete(a);
			mc.set(b, (mc.get(b) ?? 0) + k);
		}
		mb.delete(a);
		between[a] = new Map();
	}
	const groups: number[][] = [];
	for (let i = 0; i < n; i++) {
		if (root[i] === i && members[i]!.length >= 2) groups.push([...members[i]!].sort((x, y) => x - y));
	}
	const artCount = (g: readonly number[]) => new Set(g.map((x) => articleOf[x]!)).size;
	const counts = new Map(groups.map((g) => [g, artCount(g)] as const));
	groups.sort((x, y) => counts.get(y)! - counts.get(x)! || x[0]! - y[0]!);
	return groups;
}
