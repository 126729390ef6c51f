/** Case and accent folding that keeps string length, so offsets found in folded text hold in the original. */

/** Lower-case and strip accents so "Peskóv" finds "Peskov". Keeps string length (one char each). */
export function fold(s: string): string {
	const lower = s.toLowerCase();
	if (lower.length === s.length) return lower.replace(/[^\x00-\x7f]/g, stripAccent);
	// Lower-casing changed the length (e.g. "İ"): go char by char, keeping such chars as they are.
	let out = '';
	for (const ch of s) {
		const l = ch.toLowerCase();
		out += l.length === ch.length ? stripAccent(l) : ch;
	}
	return out;
}

function stripAccent(ch: string): string {
	const base = ch.normalize('NFD')[0];
	return base !== undefined && base.length === ch.length ? base : ch;
}
