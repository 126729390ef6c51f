import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs build helper without type declarations
import fastStringWidth, {clipLine, isSimpleCharacter, lazySegmenter, SIMPLE_GRAPHEMES, SIMPLE_WIDTH} from '../../scripts/fast-text.mjs';
import sliceAnsi from 'slice-ansi';
import {SIMPLE_TEXT} from '../../src/ui/simple-text.js';

type Seg = {segment: string; index: number};
const fast = fastStringWidth as (s: unknown, o?: object) => number;
const simple = SIMPLE_WIDTH as RegExp;
const lazy = lazySegmenter as (l?: string, o?: Intl.SegmenterOptions) => {segment(t: string): Iterable<Seg>};

/** Every character the fast path accepts. */
function simpleChars(): string[] {
	const out: string[] = [];
	for (let c = 0; c <= 0xffff; c++) {
		const ch = String.fromCharCode(c);
		if (c >= 0xd800 && c <= 0xdfff) continue;
		if (simple.test(ch)) out.push(ch);
	}
	return out;
}

describe('the bundle’s fast text measuring', () => {
	const chars = simpleChars();

	it('gives every accepted character string-width’s width, alone and between others', () => {
		expect(chars.length).toBeGreaterThan(700);
		for (const ch of chars) {
			expect(stringWidth(ch), `U+${ch.charCodeAt(0).toString(16)}`).toBe(1);
			expect(stringWidth(`a${ch}${ch}a`), `U+${ch.charCodeAt(0).toString(16)} twice`).toBe(4);
			expect(/\p{Extended_Pictographic}/u.test(ch)).toBe(false);
		}
	});

	it('agrees with string-width on mixed strings, and defers on everything else', () => {
		let x = 7;
		const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let i = 0; i < 2000; i++) {
			const s = Array.from({length: 1 + Math.floor(rnd() * 40)}, () => chars[Math.floor(rnd() * chars.length)]).join('');
			expect(fast(s)).toBe(stringWidth(s));
		}
		for (const s of ['\u001b[1m“Bold” · text\u001b[22m', '\u001b]8;;http://x\u0007link\u001b]8;;\u0007', '', 'e\u0301', '日本語', '👍🏽 ok', '\u001b[31mred\u001b[0m', 'soft\u00adhyphen', '©', '\u200b', 'tab\there', 'a\u2028b'])
			expect(fast(s), JSON.stringify(s)).toBe(stringWidth(s));
		expect(fast('±½', {ambiguousIsNarrow: false})).toBe(stringWidth('±½', {ambiguousIsNarrow: false}));
		expect(fast(42)).toBe(0);
		expect(fast('\u001b[31m·\u001b[0m', {countAnsiEscapeCodes: true})).toBe(stringWidth('\u001b[31m·\u001b[0m', {countAnsiEscapeCodes: true}));
	});

	it('splits simple strings (and ANSI codes) into the graphemes Intl.Segmenter finds', () => {
		expect((SIMPLE_GRAPHEMES as RegExp).test('\u001b[31m“Yes”\u001b[39m · \u001b]8;;x\u0007link')).toBe(true);
		const seg = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		const mine = lazy(undefined, {granularity: 'grapheme'});
		const codes = ['\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b]8;;http://x\u0007', '\u001b]8;;\u0007'];
		let x = 11;
		const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
		const pick = () => (rnd() < 0.1 ? codes[Math.floor(rnd() * codes.length)]! : chars[Math.floor(rnd() * chars.length)]!);
		const plain = (it: Iterable<Seg>) => [...it].map(({segment, index}) => [segment, index]);
		for (let i = 0; i < 2000; i++) {
			const s = Array.from({length: Math.floor(rnd() * 60)}, pick).join('');
			expect(plain(mine.segment(s))).toEqual(plain(seg.segment(s)));
		}
		for (const s of ['e\u0301', 'a\r\nb', '👍🏽', '日本'])
			expect(plain(mine.segment(s))).toEqual(plain(seg.segment(s)));
		expect(plain(lazy(undefined, {granularity: 'grapheme'}).segment('ab'))).toEqual([['a', 0], ['b', 1]]);
	});

	it('answers containing() and iteration like Intl.Segmenter, simple strings or not', () => {
		type Segs = Iterable<Seg> & {containing(i?: number): Seg | undefined};
		const real = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		const mine = lazy(undefined, {granularity: 'grapheme'}) as unknown as {segment(t: string): Segs};
		const view = (x: Seg | undefined) => (x === undefined ? undefined : [x.segment, x.index]);
		let x = 5;
		const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
		const samples = ['', 'a', 'plain ASCII line', '“Curly” – dash · dot…', 'e\u0301x', 'a\r\nb', '👍🏽 ok', '日本語', '\u001b[31mred\u001b[39m'];
		for (let i = 0; i < 300; i++) samples.push(Array.from({length: Math.floor(rnd() * 30)}, () => chars[Math.floor(rnd() * chars.length)]).join(''));
		for (const s of samples) {
			const a = real.segment(s) as unknown as Segs;
			const b = mine.segment(s);
			expect([...b].map(view), JSON.stringify(s)).toEqual([...a].map(view));
			for (const i of [-1, 0, 1, 2, Math.floor(s.length / 2), s.length - 1, s.length, s.length + 3])
				expect(view(b.containing(i)), `${JSON.stringify(s)} at ${i}`).toEqual(view(a.containing(i)));
			expect(view(b.containing()), JSON.stringify(s)).toEqual(view(a.containing()));
		}
	});
});

describe('Ink rows without their trailing blanks (rowToString)', () => {
	it('makes the same string as styling every cell and trimming the end', async () => {
		const fc = (await import('fast-check')).default;
		const {styledCharsFromTokens, styledCharsToString, tokenize} = await import('@alcalzone/ansi-tokenize');
		// @ts-expect-error: a plain .mjs build helper without type declarations
		const {rowToString, fastStyledCharsToString} = (await import('../../scripts/fast-text.mjs')) as {rowToString: (cells: unknown[]) => string; fastStyledCharsToString: (cells: unknown[]) => string};
		const piece = fc.constantFrom('a', 'Putin', ' ', '  ', '\u00a0', '\u3000', '…', '日本', '\u001b[1m', '\u001b[22m', '\u001b[2m', '\u001b[36m', '\u001b[39m', '\u001b[7m', '\u001b[27m', '\u001b[0m', '\u001b[4m', '\u001b[24m', '\u001b[38;5;208m', '\u001b[41m', '\u001b[49m');
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 30}), fc.integer({min: 0, max: 40}), (pieces, blanks) => {
				const cells = [...styledCharsFromTokens(tokenize(pieces.join(''))), ...Array.from({length: blanks}, () => ({type: 'char' as const, value: ' ', fullWidth: false, styles: []}))];
				expect(rowToString(cells)).toBe(styledCharsToString(cells).trimEnd());
				expect(fastStyledCharsToString(cells)).toBe(styledCharsToString(cells));
			}),
			{numRuns: 3000},
		);
	});

	it('makes simple lines’ styled characters as ansi-tokenize does', async () => {
		const fc = (await import('fast-check')).default;
		const {styledCharsFromTokens, tokenize} = await import('@alcalzone/ansi-tokenize');
		// @ts-expect-error: a plain .mjs build helper without type declarations
		const {styledChars} = (await import('../../scripts/fast-text.mjs')) as {styledChars: (line: string, t: typeof tokenize, f: typeof styledCharsFromTokens) => unknown[]};
		expect(styledChars(simpleChars().join(''), tokenize, styledCharsFromTokens)).toEqual(styledCharsFromTokens(tokenize(simpleChars().join(''))));
		const piece = fc.constantFrom('a', 'Putin', ' ', '\u00a0', '…', '“', '—', '▌', '日本', 'e\u0301', '👍', '\u001b[1m', '\u001b[22m', '\u001b[36m', '\u001b[0m');
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 25}), (pieces) => {
				const line = pieces.join('');
				expect(styledChars(line, tokenize, styledCharsFromTokens)).toEqual(styledCharsFromTokens(tokenize(line)));
			}),
			{numRuns: 2000},
		);
	});

	it('gives the same frames with the build’s patched Ink output (shared caches, fast paths) as Ink’s own', async () => {
		const fc = (await import('fast-check')).default;
		const {build} = await import('esbuild');
		const os = await import('node:os');
		const fs = await import('node:fs');
		const path = await import('node:path');
		const {pathToFileURL} = await import('node:url');
		// @ts-expect-error: a plain .mjs build script without type declarations
		const {bundleOptions} = (await import('../../scripts/build.mjs')) as {bundleOptions: () => Record<string, unknown>};
		const inkOutput = path.resolve('node_modules/ink/build/output.js');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-output-'));
		try {
			await build({...bundleOptions(), minify: false, splitting: false, banner: {}, stdin: {contents: `export {default} from ${JSON.stringify(inkOutput)};`, resolveDir: process.cwd(), loader: 'js'}, outfile: path.join(dir, 'output.mjs'), logLevel: 'error'});
			const patchedSource = fs.readFileSync(path.join(dir, 'output.mjs'), 'utf8');
			expect(patchedSource).toContain('caches = sharedCaches(OutputCaches)');
			expect(patchedSource).toContain('return clipLine(line, from, to, sliceAnsi)');
			expect(patchedSource).toContain('styledChars(line, tokenize, styledCharsFromTokens)');
			type Out = {write(x: number, y: number, t: string, o: {transformers: ((s: string, i: number) => string)[]}): void; clip(c: object): void; unclip(): void; get(): {output: string; height: number}};
			type OutCtor = new (o: {width: number; height: number}) => Out;
			const Patched = (await import(pathToFileURL(path.join(dir, 'output.mjs')).href)).default as OutCtor;
			const Original = (await import(pathToFileURL(inkOutput).href)).default as OutCtor;
			const word = fc.constantFrom('Putin', 'said', ' ', '“Biden”', '—', '…', '日本', 'e\u0301', '👍', '\u001b[1m', '\u001b[22m', '\u001b[36m', '\u001b[39m', '\u001b[7m', '\u001b[27m');
			const text = fc.array(word, {maxLength: 12}).map((w) => w.join(''));
			const op = fc.oneof(
				fc.record({kind: fc.constant('write' as const), x: fc.integer({min: 0, max: 30}), y: fc.integer({min: 0, max: 8}), lines: fc.array(text, {minLength: 1, maxLength: 3}), bold: fc.boolean()}),
				fc.record({kind: fc.constant('clip' as const), x1: fc.integer({min: 0, max: 10}), x2: fc.integer({min: 5, max: 40}), y1: fc.integer({min: 0, max: 3}), y2: fc.integer({min: 2, max: 9})}),
				fc.constant({kind: 'unclip' as const}),
			);
			const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
			fc.assert(
				fc.property(fc.array(fc.array(op, {maxLength: 12}), {minLength: 1, maxLength: 4}), fc.integer({min: 1, max: 40}), fc.integer({min: 1, max: 10}), (frames, width, height) => {
					// Several frames in a row: the patched output shares its caches between them.
					for (const ops of frames) {
						const a = new Original({width, height});
						const b = new Patched({width, height});
						let clips = 0;
						for (const o of ops) {
							for (const out of [a, b]) {
								if (o.kind === 'write') out.write(o.x, o.y, o.lines.join('\n'), {transformers: o.bold ? [bold] : []});
								else if (o.kind === 'clip') out.clip({x1: o.x1, x2: o.x2, y1: o.y1, y2: o.y2});
								else if (clips > 0) out.unclip();
							}
							if (o.kind === 'clip') clips++;
							else if (o.kind === 'unclip' && clips > 0) clips--;
						}
						expect(b.get()).toEqual(a.get());
					}
				}),
				{numRuns: 1500},
			);
		} finally {
			fs.rmSync(dir, {recursive: true, force: true});
		}
	});
});

describe('clipped lines (clipLine) and slice-ansi grapheme widths (isSimpleCharacter)', () => {
	const clip = clipLine as (line: string, from: number, to: number, slice: typeof sliceAnsi) => string;
	const simpleChar = isSimpleCharacter as (g: string) => boolean;

	it('accepts only characters slice-ansi measures as one column', () => {
		let n = 0;
		for (let c = 0; c <= 0xffff; c++) {
			if (c >= 0xd800 && c <= 0xdfff) continue;
			const ch = String.fromCharCode(c);
			if (!simpleChar(ch)) continue;
			n++;
			// One column: slicing after it starts at the next character, and [0, 1) is the character itself.
			expect(sliceAnsi(`${ch}Z`, 1), `U+${c.toString(16)}`).toBe('Z');
			expect(sliceAnsi(`${ch}Z`, 0, 1), `U+${c.toString(16)}`).toBe(ch);
		}
		expect(n).toBeGreaterThan(700);
		expect(simpleChar('ab')).toBe(false);
		expect(simpleChar('\u001b')).toBe(false);
		expect(simpleChar('日')).toBe(false);
	});

	it('slices every line as slice-ansi does', async () => {
		const fc = (await import('fast-check')).default;
		const piece = fc.constantFrom('a', 'Putin', ' ', '\u00a0', '…', '“', '—', '·', '▌', '日本', 'é', 'e\u0301', '👍', '\u001b[1m', '\u001b[22m', '\u001b[36m', '\u001b[39m', '\u001b[7m', '\u001b[0m');
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 25}), fc.integer({min: 0, max: 60}), fc.integer({min: -5, max: 80}), (pieces, from, to) => {
				const line = pieces.join('');
				expect(clip(line, from, to, sliceAnsi)).toBe(sliceAnsi(line, from, to));
			}),
			{numRuns: 3000},
		);
	});

	it('shares its characters with the app’s own simple-text test', () => {
		expect(SIMPLE_TEXT.source).toBe((SIMPLE_WIDTH as RegExp).source);
	});
});
