/**
 * The analysis worker's entry (built as dist/analysis-worker.js; started by
 * src/analysis-worker.ts): the stages of `analysisStages`, the alignment posted back as parts,
 * then the analysis saved to the cache.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {alignmentFromParts, alignStoryParts} from './core/align/index.js';
import {alignOptionsFor} from './core/analysis.js';
import {attributeStory} from './core/quotes/index.js';
import type {Story} from './core/types.js';
import {WORKER_KIND, type WorkerMessage} from './analysis-worker.js';
import {SAVE_LIMIT_LINKS, saveAnalysisSync} from './store/cache.js';

const data = workerData as {kind?: unknown; story?: Story} | null;
if (parentPort && data?.kind === WORKER_KIND && data.story) {
	const port = parentPort;
	const story = data.story;
	try {
		// As analysisStages (src/core/analysis.ts) runs them.
		port.postMessage({type: 'stage', index: 0} satisfies WorkerMessage);
		const quotes = attributeStory(story.articles);
		port.postMessage({type: 'stage', index: 1} satisfies WorkerMessage);
		const alignment = alignStoryParts(story.articles, alignOptionsFor(quotes));
		// Copied, not transferred (a memcpy of a few MB): the save below still needs the parts.
		port.postMessage({type: 'done', quotes, alignment} satisfies WorkerMessage);
		if (alignment.linkI.length <= SAVE_LIMIT_LINKS) saveAnalysisSync(story, {quotes, alignment: alignmentFromParts(alignment)});
	} catch (e) {
		port.postMessage({type: 'error', message: e instanceof Error ? e.message : String(e)} satisfies WorkerMessage);
	}
}
