/**
 * The Porter (1980) stemming algorithm for lowercase English words, deterministic and
 * dependency-free. Words of one or two letters and words holding anything but a-z come back
 * unchanged.
 */

function isConsonant(w: string, i: number): boolean {
	const c = w.charCodeAt(i);
	// a e i o u
	if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) return false;
	if (c === 121) return i === 0 ? true : !isConsonant(w, i - 1); // y
	return true;
}

/** m(): the number of VC sequences in w[0, end). */
function measure(w: string, end: number): number {
	let n = 0;
	let i = 0;
	while (i < end && isConsonant(w, i)) i++;
	while (i < end) {
		while (i < end && !isConsonant(w, i)) i++;
		if (i >= end) break;
		while (i < end && isConsonant(w, i)) i++;
		n++;
	}
	return n;
}

function hasVowel(w: string, end: number): boolean {
	for (let i = 0; i < end; i++) if (!isConsonant(w, i)) return true;
	return false;
}

function endsDoubleConsonant(w: string): boolean {
	const n = w.length;
	return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** *o: stem ends cvc, where the second c is not w, x or y. */
function endsCvc(w: string, end: number): boolean {
	if (end < 3) return false;
	if (!isConsonant(w, end - 1) || isConsonant(w, end - 2) || !isConsonant(w, end - 3)) return false;
	const c = w[end - 1];
	return c !== 'w' && c !== 'x' && c !== 'y';
}

/** Replace `suffix` by `repl` when the remaining stem has measure > `minM`. Returns the new word or null when the suffix does not match. */
function replaceIf(w: string, suffix: string, repl: string, minM: number): string | null {
	if (!w.endsWith(suffix)) return null;
	const stemLen = w.length - suffix.length;
	return measure(w, stemLen) > minM ? w.slice(0, stemLen) + repl : w;
}

const STEP2: readonly (readonly [string, string])[] = [
	['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'],
	['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'],
	['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'],
	['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const STEP3: readonly (readonly [string, string])[] = [
	['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];
const STEP4 = [
	'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou',
	'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
];

/** Stem one lowercase English word with the Porter algorithm. */
export function porterStem(word: string): string {
	if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
	let w = word;
	// Step 1a
	if (w.endsWith('sses')) w = w.slice(0, -2);
	else if (w.endsWith('ies')) w = w.slice(0, -2);
	else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);
	// Step 1b
	let extra = false;
	if (w.endsWith('eed')) {
		if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
	} else if (w.endsWith('ed') && hasVowel(w, w.length - 2)) {
		w = w.slice(0, -2);
		extra = true;
	} else if (w.endsWith('ing') && hasVowel(w, w.length - 3)) {
		w = w.slice(0, -3);
		extra = true;
	}
	if (extra) {
		if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
		else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
		else if (measure(w, w.length) === 1 && endsCvc(w, w.length)) w += 'e';
	}
	// Step 1c
	if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = w.slice(0, -1) + 'i';
	// Step 2
	for (const [s, r] of STEP2) {
		if (w.endsWith(s)) {
			w = replaceIf(w, s, r, 0) ?? w;
			break;
		}
	}
	// Step 3
	for (const [s, r] of STEP3) {
		if (w.endsWith(s)) {
			w = replaceIf(w, s, r, 0) ?? w;
			break;
		}
	}
	// Step 4
	for (const s of STEP4) {
		if (w.endsWith(s)) {
			const stemLen = w.length - s.length;
			if (measure(w, stemLen) > 1) {
				if (s === 'ion') {
					const c = w[stemLen - 1];
					if (c === 's' || c === 't') w = w.slice(0, stemLen);
				} else {
					w = w.slice(0, stemLen);
				}
			}
			break;
		}
	}
	// Step 5a
	if (w.endsWith('e')) {
		const m = measure(w, w.length - 1);
		if (m > 1 || (m === 1 && !endsCvc(w, w.length - 1))) w = w.slice(0, -1);
	}
	// Step 5b
	if (measure(w, w.length) > 1 && endsDoubleConsonant(w) && w.endsWith('l')) w = w.slice(0, -1);
	return w;
}
