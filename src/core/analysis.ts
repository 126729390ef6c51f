/**
 * Everything newsreader works out about a story, computed once and shared by the screens and
 * the `--json` commands (so both always show the same analysis).
 */
import {alignStory, type Alignment} from './align/index.js';
import type {Story} from './types.js';

/** The analysis of a story. */
export interface StoryAnalysis {
	readonly alignment: Alignment;
}

/** A named step of the analysis, for progress display. */
export interface AnalysisStage {
	readonly label: string;
	readonly run: (partial: Partial<StoryAnalysis>) => Partial<StoryAnalysis>;
}

/** The analysis as a list of stages, so a UI can show progress between them. */
export function analysisStages(story: Story): AnalysisStage[] {
	return [{label: 'Aligning passages across outlets', run: () => ({alignment: alignStory(story.articles)})}];
}

/** Run every stage at once (CLI, tests). */
export function analyzeStory(story: Story): StoryAnalysis {
	let partial: Partial<StoryAnalysis> = {};
	for (const stage of analysisStages(story)) partial = {...partial, ...stage.run(partial)};
	return partial as StoryAnalysis;
}
