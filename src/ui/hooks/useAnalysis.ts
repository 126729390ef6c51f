import {useEffect, useState} from 'react';
import {analysisStages, type StoryAnalysis} from '../../core/analysis.js';
import type {Story} from '../../core/types.js';

/** Progress of the story analysis, for the status bar. */
export interface AnalysisProgress {
	readonly analysis?: StoryAnalysis;
	/** Label of the stage running now. */
	readonly stage?: string;
	readonly done: number;
	readonly total: number;
}

/**
 * Analyse the story after the first frame, one stage per macrotask, so the reader appears at
 * once and the status bar can say what is being worked on. A precomputed analysis skips this.
 */
export function useAnalysis(story: Story, precomputed?: StoryAnalysis): AnalysisProgress {
	const stages = analysisStages(story);
	const [state, setState] = useState<AnalysisProgress>(() =>
		precomputed ? {analysis: precomputed, done: stages.length, total: stages.length} : {stage: stages[0]?.label, done: 0, total: stages.length},
	);
	useEffect(() => {
		if (precomputed) return;
		let cancelled = false;
		let partial: Partial<StoryAnalysis> = {};
		let i = 0;
		const step = () => {
			if (cancelled) return;
			const stage = stages[i];
			if (!stage) {
				setState({analysis: partial as StoryAnalysis, done: stages.length, total: stages.length});
				return;
			}
			partial = {...partial, ...stage.run(partial)};
			i++;
			setState({stage: stages[i]?.label ?? 'Finishing', done: i, total: stages.length});
			setTimeout(step, 0);
		};
		const t = setTimeout(step, 0);
		return () => {
			cancelled = true;
			clearTimeout(t);
		};
	}, [story]);
	return state;
}
