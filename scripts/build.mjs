// Bundles src/cli.tsx into one production ESM file, dist/cli.js (run by `npm install` via
// `prepare`, so `npx newsreader` runs the local build). Dependencies are bundled for a fast
// start; react-devtools-core (Ink's dev-only import) is replaced by an empty stub.
import {build} from 'esbuild';
import {chmodSync} from 'node:fs';

await build({
	entryPoints: ['src/cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	sourcemap: false,
	legalComments: 'linked',
	splitting: false,
	jsx: 'automatic',
	define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"'},
	plugins: [
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
		js: "#!/usr/bin/env node\nimport {createRequire as __nrCreateRequire} from 'node:module';const require = __nrCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
