import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		// Ink renders only the last frame when CI is set, and colours depend on FORCE_COLOR:
		// pin both so component tests see every frame, colourless, on every machine.
		env: {CI: 'false', FORCE_COLOR: '0'},
		testTimeout: 20_000,
		pool: 'forks',
	},
});
