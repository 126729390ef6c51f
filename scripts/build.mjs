// Bundles src/cli.tsx into a production ESM build in dist/ (run by `npm install` via `prepare`,
// so `npx newsreader` runs the local build):
// - dist/cli.js is the bin: small, so the first frame comes fast. Everything heavy is split into
//   dist/chunks/ and loaded on demand with import(): the sentence model (wink, only when an
//   article must be parsed), Ink and the screens, the analysis (after the first frame), HTML
//   extraction, conf. Licence notices go to a .LEGAL.txt next to each file that has any.
// - dist/cache/ holds the seed story's parses and analysis (the package's read-only cache, see
//   src/store/cache.ts), so even a first start never loads the sentence model for it.
// - __NEWSREADER_CODE_VERSION__ is a hash of src/core and the model's version: cache keys include
//   it, so a new build never reads entries an older parser wrote.
// - Text measuring gets a fast path for common text (scripts/fast-text.mjs): every `string-width`
//   import, and the module-level Intl.Segmenter of those libraries (created on first use, and
//   never for simple strings, which include every line Ink writes in plain text).
// - yaml (front matter of .md files) is required on first use instead of evaluated at startup.
// react-devtools-core (Ink's dev-only import) is replaced by an empty stub.
// - Yoga's WebAssembly is decoded from its embedded base64 without fetch() (which loads undici).
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fastText = path.join(root, 'scripts', 'fast-text.mjs');
/** Libraries that create an Intl.Segmenter when loaded. */
const SEGMENTER_USERS = /[\\/]node_modules[\\/](?:string-width|wrap-ansi|slice-ansi|@alcalzone[\\/]ansi-tokenize)[\\/].*\.js$/;

/** The library's source with a lazy segmenter (which also splits simple strings itself) and a lazy emoji regex. */
function patchSegmenters(file, src) {
	let n = 0;
	let out = src.replace(/^const (\w+) = new Intl\.Segmenter\(([^)]*)\);$/m, (_, name, args) => {
		n++;
		return `import {lazySegmenter as __nrLazySegmenter} from ${JSON.stringify(fastText)};\nconst ${name} = __nrLazySegmenter(${args});`;
	});
	// A module-level `const x = /…\p{RGI_Emoji}…/v;` only ever used as `x.test(…)`: compiled on first use.
	out = out.replace(/^const (\w+) = (\/.*\\p\{RGI_Emoji\}.*\/v);$/m, (line, name, re) => {
		if (out.split(name).length - 1 !== out.split(`${name}.test(`).length) return line;
		n++;
		return `import {lazyRegExp as __nrLazyRegExp} from ${JSON.stringify(fastText)};\nconst ${name} = __nrLazyRegExp(() => ${re});`;
	});
	if (n <= 0) console.warn(`build: ${path.relative(root, file)} changed; its text measuring is not sped up (scripts/build.mjs)`);
	return out;
}
const dist = path.join(root, 'dist');
/** yaml's own bundle, relative to the chunks that require it (see the lazy-yaml plugin). */
const YAML_VENDOR = 'vendor/yaml.cjs';

/** Hash of every source file under src/core, and of the versions of the model packages. */
function codeVersion() {
	const h = createHash('sha256');
	const core = path.join(root, 'src', 'core');
	const walk = (dir) => {
		for (const e of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			const full = path.join(dir, e.name);
			if (e.isDirectory()) walk(full);
			else if (/\.tsx?$/.test(e.name)) h.update(`${path.relative(core, full)}\0`).update(readFileSync(full)).update('\0');
		}
	};
	walk(core);
	for (const pkg of ['wink-nlp', 'wink-eng-lite-web-model']) {
		h.update(JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version).update('\0');
	}
	return h.digest('hex').slice(0, 16);
}

/** The options shared by the app and the hello-world floor of bench/startup.mjs. */
export function bundleOptions(define = {}) {
	return {
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		minify: true,
		sourcemap: false,
		legalComments: 'linked',
		splitting: true,
		jsx: 'automatic',
		define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"', ...define},
		plugins: [
			{
				name: 'fast-text',
				setup(b) {
					b.onResolve({filter: /^string-width$/}, (args) => (args.importer === fastText ? undefined : {path: fastText}));
					b.onLoad({filter: SEGMENTER_USERS}, (args) => {
						const src = readFileSync(args.path, 'utf8');
						if (!src.includes('new Intl.Segmenter(')) return undefined;
						let out = patchSegmenters(args.path, src);
						// slice-ansi measures each grapheme with an emoji-property expression: one simple
						// character is one column (isSimpleCharacter), as test/build/fastText.test.ts checks.
						if (/[\\/]slice-ansi[\\/]tokenize-ansi\.js$/.test(args.path)) {
							const head = 'function getGraphemeWidth(grapheme) {';
							if (out.split(head).length === 2) out = `import {isSimpleCharacter as __nrIsSimpleCharacter} from ${JSON.stringify(fastText)};\n${out.replace(head, `${head}\n\tif (__nrIsSimpleCharacter(grapheme)) return 1;`)}`;
							else console.warn(`build: ${path.relative(root, args.path)} changed; its grapheme widths are not sped up (scripts/build.mjs)`);
						}
						return {contents: out, loader: 'js'};
					});
				},
			},
			{
				// Ink writes each row of a frame through a per-cell style diff, trailing blanks included
				// (most of a full-screen frame): rowToString skips those first (same string).
				name: 'ink-rows',
				setup(b) {
					b.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, (args) => {
						const src = readFileSync(args.path, 'utf8');
						const call = 'return styledCharsToString(lineWithoutEmptyItems).trimEnd();';
						if (src.split(call).length !== 2) {
							console.warn(`build: ${path.relative(root, args.path)} changed; its rows are not sped up (scripts/build.mjs)`);
							return undefined;
						}
						let patched = src.replace(call, 'return __nrRowToString(lineWithoutEmptyItems);');
						// Lines of simple text become styled characters directly; frames share the caches.
						const chars = 'cached = styledCharsFromTokens(tokenize(line));';
						const caches = '    caches = new OutputCaches();';
						if (patched.split(chars).length === 2 && patched.split(caches).length === 2) {
							patched = patched.replace(chars, 'cached = __nrStyledChars(line, tokenize, styledCharsFromTokens);').replace(caches, '    caches = __nrSharedCaches(OutputCaches);');
						} else console.warn(`build: ${path.relative(root, args.path)} changed; its caches are not shared (scripts/build.mjs)`);
						// Lines clipped by an overflow="hidden" box: simple text is sliced directly (clipLine).
						const clip = 'return sliceAnsi(line, from, to);';
						if (patched.split(clip).length === 2) patched = patched.replace(clip, 'return __nrClipLine(line, from, to, sliceAnsi);');
						else console.warn(`build: ${path.relative(root, args.path)} changed; its clipped lines are not sped up (scripts/build.mjs)`);
						return {contents: `import {rowToString as __nrRowToString, clipLine as __nrClipLine, styledChars as __nrStyledChars, sharedCaches as __nrSharedCaches} from ${JSON.stringify(fastText)};\n${patched}`, loader: 'js'};
					});
				},
			},
			{
				// markdown.ts needs yaml only for a file with front matter; its static import would make
				// every start evaluate yaml (~15 ms), and even bundled as a lazy require() its 114 kB
				// sat in the startup chunk (compiled at every start). So the require() goes to a file of
				// its own, dist/chunks/vendor/yaml.cjs (built by main() below), read on first call.
				name: 'lazy-yaml',
				setup(b) {
					b.onResolve({filter: /^yaml$/}, (args) => (args.kind === 'require-call' && /[\\/]src[\\/]content[\\/]markdown\.ts$/.test(args.importer) ? {path: `./${YAML_VENDOR}`, external: true} : undefined));
					b.onLoad({filter: /[\\/]src[\\/]content[\\/]markdown\.ts$/}, (args) => {
						const src = readFileSync(args.path, 'utf8');
						const line = "import {parse as parseYaml} from 'yaml';";
						if (!src.includes(line)) {
							console.warn('build: src/content/markdown.ts no longer imports yaml as expected; yaml is loaded at startup (scripts/build.mjs)');
							return undefined;
						}
						return {contents: src.replace(line, "const parseYaml = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text);"), loader: 'ts'};
					});
				},
			},
			{
				// Yoga (Ink's layout engine) is WebAssembly embedded as a data: URI. Its Emscripten loader
				// fetch()es that URI when a global fetch exists, as on Node 18+: the first fetch loads
				// undici and costs ~50 ms of startup. Without fetch it decodes the bytes itself.
				name: 'yoga-no-fetch',
				setup(b) {
					b.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/][^\\/]+\.js$/}, (args) => {
						const src = readFileSync(args.path, 'utf8');
						const probe = '"function"!=typeof fetch';
						const n = src.split(probe).length - 1;
						if (n === 0) {
							console.warn(`build: ${path.relative(root, args.path)} no longer probes for fetch as expected; Yoga may load undici at startup (scripts/build.mjs)`);
							return undefined;
						}
						return {contents: src.replaceAll(probe, '(true)'), loader: 'js'};
					});
				},
			},
			{
				// Ink loads react-devtools-core only when DEV=true; bundled, its import would be eager.
				name: 'no-devtools',
				setup(b) {
					b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
					b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};', loader: 'js'}));
				},
			},
		],
		banner: {
			// CommonJS dependencies bundled into ESM still call require() for Node built-ins.
			js: "import {createRequire as __nrCreateRequire} from 'node:module';const require = __nrCreateRequire(import.meta.url);",
		},
		logLevel: 'warning',
	};
}

/** Prepend the shebang to the bin (only there: chunks are not run directly). */
export function addShebang(file) {
	writeFileSync(file, `#!/usr/bin/env node\n${readFileSync(file, 'utf8')}`);
	chmodSync(file, 0o755);
}

async function main() {
	const define = {__NEWSREADER_CODE_VERSION__: JSON.stringify(codeVersion())};
	rmSync(dist, {recursive: true, force: true});
	await build({
		...bundleOptions(define),
		// The analysis worker (src/analysis-worker.ts) is an entry of its own, sharing chunks with the app.
		entryPoints: {cli: path.join(root, 'src/cli.tsx'), 'analysis-worker': path.join(root, 'src/analysis-worker-entry.ts')},
		outdir: dist,
		entryNames: '[name]',
		chunkNames: 'chunks/[name]-[hash]',
	});
	addShebang(path.join(dist, 'cli.js'));
	await build({
		entryPoints: [path.join(root, 'node_modules', 'yaml', 'dist', 'index.js')],
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		minify: true,
		legalComments: 'linked',
		outfile: path.join(dist, 'chunks', YAML_VENDOR),
		logLevel: 'warning',
	});
	// Every file that requires the yaml bundle must find it where the require() points.
	for (const f of readdirSync(dist, {recursive: true})) {
		const file = path.join(dist, String(f));
		if (!file.endsWith('.js') || !readFileSync(file, 'utf8').includes(YAML_VENDOR)) continue;
		if (!existsSync(path.join(path.dirname(file), YAML_VENDOR))) throw new Error(`build: ${path.relative(root, file)} requires ./${YAML_VENDOR}, which is not next to it`);
	}

	// The seed story's parses and analysis, made by the same code (same define, same keys).
	const gen = path.join(dist, '.seed-cache');
	try {
		await build({
			...bundleOptions(define),
			stdin: {
				contents: [
					"import {loadSeedStoryAsync} from './src/content/load.js';",
					"import {analyzeStory} from './src/core/analysis.js';",
					"import {saveAnalysisSync} from './src/store/cache.js';",
					'const story = await loadSeedStoryAsync();',
					'saveAnalysisSync(story, analyzeStory(story));',
				].join('\n'),
				resolveDir: root,
				sourcefile: 'seed-cache.ts',
				loader: 'ts',
			},
			outdir: gen,
			entryNames: 'seed-cache',
		});
		execFileSync(process.execPath, [path.join(gen, 'seed-cache.js')], {
			env: {...process.env, NEWSREADER_CACHE_DIR: path.join(dist, 'cache'), NEWSREADER_NO_CACHE: ''},
			stdio: 'inherit',
		});
	} finally {
		rmSync(gen, {recursive: true, force: true});
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
