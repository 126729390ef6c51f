import {useEffect, useState} from 'react';
import type {StoryAnalysis} from '../../core/analysis.js';
import type {Story} from '../../core/types.js';
import {loadCachedAnalysis, SAVE_LIMIT_LINKS, saveAnalysis} from '../../store/cache.js';
import {startAnalysisWorker, type AnalysisRun} from '../../analysis-worker.js';

/** The analysis module, loaded after the first frame (it is large: attribution, alignment, search). */
export type AnalysisModule = typeof import('../../core/analysis.js');

/** Progress of the story analysis, for the status bar. */
export interface AnalysisProgress {
	readonly analysis?: StoryAnalysis;
	/** The analysis module, once loaded (search and compare use its functions). */
	readonly module?: AnalysisModule;
	/** Label of the stage running now. */
	readonly stage?: string;
	readonly done: number;
	readonly total: number;
}

const STAGE_COUNT = 2;

/**
 * Load the analysis code and analyse the story after the first frame, so the reader appears at
 * once and the status bar can say what is being worked on: on a worker thread when the app is
 * built (src/analysis-worker.ts: the screen stays live however long it takes), else in-process,
 * one stage per macrotask. A precomputed analysis still loads the module (for search and compare)
 * but skips the work.
 */
export function useAnalysis(story: Story, precomputed?: StoryAnalysis): AnalysisProgress {
	const [state, setState] = useState<AnalysisProgress>(() =>
		precomputed ? {analysis: precomputed, done: STAGE_COUNT, total: STAGE_COUNT} : {stage: 'Loading the analysis', done: 0, total: STAGE_COUNT},
	);
	useEffect(() => {
		let cancelled = false;
		let timer: NodeJS.Timeout | undefined;
		let run: AnalysisRun | undefined;
		void import('../../core/analysis.js').then(async (module) => {
			if (cancelled) return;
			if (precomputed) return setState({analysis: precomputed, module, done: STAGE_COUNT, total: STAGE_COUNT});
			// A story analysed before (same content) comes from the cache; a bad entry is just recomputed.
			const cached = await loadCachedAnalysis(story).catch(() => undefined);
			if (cancelled) return;
			if (cached) return setState({analysis: cached, module, done: STAGE_COUNT, total: STAGE_COUNT});
			const stages = module.analysisStages(story);
			const finish = (analysis: StoryAnalysis, save: boolean) => {
				setState({analysis, module, done: stages.length, total: stages.length});
				// Save later, off the first keystrokes: a large story's cache entry takes a while to make.
				if (save && analysis.alignment.links.length <= SAVE_LIMIT_LINKS) timer = setTimeout(() => void saveAnalysis(story, analysis).catch(() => undefined), 1000);
			};
			let partial: Partial<StoryAnalysis> = {};
			let i = 0;
			const step = () => {
				if (cancelled) return;
				const stage = stages[i];
				if (!stage) return finish(partial as StoryAnalysis, true);
				partial = {...partial, ...stage.run(partial)};
				i++;
				setState({module, stage: stages[i]?.label ?? 'Finishing', done: i, total: stages.length});
				timer = setTimeout(step, 0);
			};
			setState({module, stage: stages[0]?.label, done: 0, total: stages.length});
			try {
				run = await startAnalysisWorker(story, (index) => {
					if (!cancelled) setState({module, stage: stages[index]?.label ?? 'Finishing', done: index, total: stages.length});
				});
			} catch {
				run = undefined;
			}
			if (cancelled) return run?.stop();
			if (!run) {
				timer = setTimeout(step, 0);
				return;
			}
			// A worker that fails (out of memory, say) leaves the work to this thread, as without one.
			// The worker saves the analysis to the cache itself, after handing it over.
			run.result.then(
				(analysis) => {
					if (!cancelled) finish(analysis, false);
				},
				() => {
					if (!cancelled) timer = setTimeout(step, 0);
				},
			);
		});
		return () => {
			cancelled = true;
			if (timer) clearTimeout(timer);
			run?.stop();
		};
	}, [story]);
	return state;
}
