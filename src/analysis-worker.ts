/**
 * The reader's story analysis (attribution, then alignment) on a worker thread, so a large story
 * (~1.5 s at 500 articles) never freezes the screen: keys, scrolling and the progress line keep
 * going while it runs.
 *
 * {@link startAnalysisWorker} starts `dist/analysis-worker.js` (src/analysis-worker-entry.ts, built
 * as its own entry point) with the story, reports each stage, and resolves with the analysis. The
 * worker runs the same functions as the in-process path and the `--json` commands (attributeStory,
 * then the aligner) and posts the alignment back as {@link AlignmentParts}: plain data and typed
 * arrays, wrapped here by `alignmentFromParts`. Then it saves the analysis to the cache (turning
 * an alignment into the cache's format takes ~0.3 s at 200 articles: not on the reader's thread).
 *
 * Without the bundle (tests, `tsx`) there is no worker script: the caller analyses in-process.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import type {AlignmentParts} from './core/align/index.js';
import type {StoryAnalysis} from './core/analysis.js';
import type {StoryQuotes} from './core/quotes/index.js';
import type {Story} from './core/types.js';
import {packageRoot} from './content/load.js';

declare const __NEWSREADER_CODE_VERSION__: string | undefined;

/** What the worker posts: the stage it starts, the analysis, or why it failed. */
export type WorkerMessage = {type: 'stage'; index: number} | {type: 'done'; quotes: StoryQuotes; alignment: AlignmentParts} | {type: 'error'; message: string};

/** Marks the worker's data (the entry checks it). */
export const WORKER_KIND = 'newsreader-analysis';

/** A running analysis: its result (rejects if the worker fails), and a way to stop it. */
export interface AnalysisRun {
	/** The analysis (the worker then saves it to the cache, off the reader's thread). */
	readonly result: Promise<StoryAnalysis>;
	stop(): void;
}

/** The built worker script next to the running bundle, or undefined when running from source. */
export function analysisWorkerScript(): string | undefined {
	if (typeof __NEWSREADER_CODE_VERSION__ !== 'string') return undefined;
	try {
		const file = path.join(packageRoot(), 'dist', 'analysis-worker.js');
		return existsSync(file) ? file : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Analyse `story` on a worker thread, calling `onStage(i)` as stage i starts. Undefined when no
 * worker script is available (then analyse in-process). `script` overrides the built one (tests).
 */
export async function startAnalysisWorker(story: Story, onStage: (index: number) => void, script = analysisWorkerScript()): Promise<AnalysisRun | undefined> {
	if (script === undefined) return undefined;
	// Loaded on first use, after the first frame.
	const [{Worker}, {alignmentFromParts}] = await Promise.all([import('node:worker_threads'), import('./core/align/index.js')]);
	// A small young generation keeps the two heaps' peak down: at 500 articles (bench/reader-live.py)
	// the process peaked at 311–322 MiB with the default, 256–284 MiB with this, no slower.
	const worker = new Worker(script, {workerData: {kind: WORKER_KIND, story}, resourceLimits: {maxYoungGenerationSizeMb: 8}});
	// Quitting the reader must not wait for the analysis.
	worker.unref();
	let ended = false;
	const result = new Promise<StoryAnalysis>((resolve, reject) => {
		worker.on('message', (m: WorkerMessage) => {
			if (m.type === 'stage') return onStage(m.index);
			ended = true;
			// After 'done' the worker writes the cache entry and ends by itself.
			if (m.type === 'error') {
				void worker.terminate();
				return reject(new Error(m.message));
			}
			try {
				resolve({quotes: m.quotes, alignment: alignmentFromParts(m.alignment)});
			} catch (e) {
				reject(e);
			}
		});
		worker.on('error', (e) => {
			ended = true;
			reject(e);
		});
		worker.on('exit', (code) => {
			if (!ended) reject(new Error(`the analysis worker stopped (exit code ${code})`));
		});
	});
	return {
		result,
		stop() {
			ended = true;
			void worker.terminate();
		},
	};
}
