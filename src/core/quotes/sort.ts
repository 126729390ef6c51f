/**
 * In-place sorting that leaves a list already in order alone: most of the lists sorted here (a
 * paragraph's quotes, an article's regions) already are, and `Array.prototype.sort` copies and
 * compares every time.
 */

/**
 * Sort `items` in place, stably, by `cmp`, and return them. A list whose neighbours already
 * compare <= 0 is what a stable sort returns unchanged (for the numeric comparators used here), so
 * it is not sorted again; any other result (> 0, NaN) sorts as usual.
 */
export function sortInPlace<T>(items: T[], cmp: (a: T, b: T) => number): T[] {
	for (let i = 1; i < items.length; i++) if (!(cmp(items[i - 1]!, items[i]!) <= 0)) return items.sort(cmp);
	return items;
}
