/**
 * The reader's story analysis (attribution, then alignment) on a worker thread, so a large story
 * (~1.5 s at 500 articles) never freezes the screen: keys, scrolling and the progress line keep
 * going while it runs.
 *
 * {@link startAnalysisWorker} starts `dist/analysis-worker.js` (src/analysis-worker-entry.ts, built
 * as its own entry point) with the story, reports each stage, and resolves with the analysis. The
 * worker runs the same functions as the in-process path and the `--json` commands (attributeStory,
 * then the aligner) and posts the alignment back as {@link AlignmentParts}: plain data and typed
 * arrays, transferred, not copied, and wrapped here by `alignmentFromParts`.
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
	/** The analysis, and its number of links (counted without making the links). */
	readonly result: Promise<{analysis: StoryAnalysis; linkCount: number}>;
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
	const worker = new Worker(script, {workerData: {kind: WORKER_KIND, story}});
	// Quitting the reader must not wait for the analysis.
	worker.unref();
	let ended = false;
	const result = new Promise<{analysis: StoryAnalysis; linkCount: number}>((resolve, reject) => {
		worker.on('message', (m: WorkerMessage) => {
			if (m.type === 'stage') return onStage(m.index);
			ended = true;
			void worker.terminate();
			if (m.type === 'error') return reject(new Error(m.message));
			try {
				resolve({analysis: {quotes: m.quotes, alignment: alignmentFromParts(m.alignment)}, linkCount: m.alignment.linkI.length});
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
