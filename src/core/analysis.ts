/**
 * Everything newsreader works out about a story, computed once and shared by the screens and
 * the `--json` commands (so both always show the same analysis).
 */
import {alignStory, type AlignOptions, type Alignment, type QuoteGroup} from './align/index.js';

export {sharedWords} from './align/index.js';
export {buildSearchIndex, search} from './search.js';
export * as quiz from './quiz/index.js';
import {attributeStory, type StoryQuotes} from './quotes/index.js';
import type {Story} from './types.js';

/** The analysis of a story. */
export interface StoryAnalysis {
	readonly quotes: StoryQuotes;
	readonly alignment: Alignment;
}

/** A named step of the analysis, for progress display. */
export interface AnalysisStage {
	readonly label: string;
	readonly run: (partial: Partial<StoryAnalysis>) => Partial<StoryAnalysis>;
}

/** Same utterances across outlets, as spans the aligner can use as link evidence. */
export function quoteGroupsForAlignment(quotes: StoryQuotes): QuoteGroup[] {
	const byId = new Map(quotes.quotes.map((q) => [q.id, q]));
	return quotes.groups
		.map((g) => ({spans: g.quotes.map((id) => byId.get(id)).filter((q) => q !== undefined).map((q) => ({article: q.article, start: q.start, end: q.end}))}))
		.filter((g) => new Set(g.spans.map((s) => s.article)).size > 1);
}

/** The aligner's options given the attribution (its groups of the same utterance), as the stages use them. */
export function alignOptionsFor(quotes: StoryQuotes | undefined): AlignOptions {
	return quotes ? {quoteGroups: quoteGroupsForAlignment(quotes)} : {};
}

/** The analysis as a list of stages, so a UI can show progress between them. */
export function analysisStages(story: Story): AnalysisStage[] {
	return [
		{label: 'Finding quotes and who said them', run: () => ({quotes: attributeStory(story.articles)})},
		{
			label: 'Aligning passages across outlets',
			run: (p) => ({alignment: alignStory(story.articles, alignOptionsFor(p.quotes))}),
		},
	];
}

/** Run every stage at once (CLI, tests); `onStage` is told each stage's label as it starts. */
export function analyzeStory(story: Story, onStage?: (label: string) => void): StoryAnalysis {
	let partial: Partial<StoryAnalysis> = {};
	for (const stage of analysisStages(story)) {
		onStage?.(stage.label);
		partial = {...partial, ...stage.run(partial)};
	}
	return partial as StoryAnalysis;
}
