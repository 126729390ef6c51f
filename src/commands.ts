/**
 * The scriptable commands (`newsreader quotes|align|quiz PATH... --json`): the same analysis
 * the screens use, printed as JSON (contract: shared eval README) or as readable text.
 */
import {toAlignJson} from './core/align/index.js';
import {analyzeStory, type StoryAnalysis} from './core/analysis.js';
import {attributeStory, toQuotesJson} from './core/quotes/index.js';
import {generateQuestions, notEnoughMaterial, toQuizJson} from './core/quiz/index.js';
import type {Story} from './core/types.js';
import {displayText} from './ui/layout.js';

export type AnalysisCommand = 'quotes' | 'align' | 'quiz';

export interface AnalysisOptions {
	readonly json: boolean;
	readonly seed?: string;
	/** Told each step as it starts (a progress line), and when the output begins. */
	readonly progress?: {stage(label: string): void; done(): void};
}

/** The story overview as plain text, for pipes and non-interactive terminals. */
export function plainOverview(story: Story): string {
	const outletWidth = Math.min(16, Math.max(...story.articles.map((a) => a.meta.outlet.length)));
	const rows = story.articles.map((a, i) => {
		const outlet = displayText(a.meta.outlet).padEnd(outletWidth);
		const date = a.meta.date ? `  ${a.meta.date.slice(0, 10)}` : '';
		return `${String(i + 1).padStart(2)}  ${outlet}  ${displayText(a.meta.title)}${date}  (${a.wordCount} words)`;
	});
	const outlets = new Set(story.articles.map((a) => a.meta.outlet)).size;
	return [displayText(story.title), `${story.articles.length} ${story.articles.length === 1 ? 'article' : 'articles'} from ${outlets} ${outlets === 1 ? 'outlet' : 'outlets'}`, '', ...rows, ''].join('\n');
}

/** Run an analysis command; returns the exit code. */
export function runAnalysisCommand(kind: AnalysisCommand, story: Story, options: AnalysisOptions, out: (s: string) => void): number {
	const articles = story.articles;
	const {progress} = options;
	if (kind === 'quotes') {
		// Attribution only: the alignment (the slow part on large stories) is not needed here.
		progress?.stage('Finding quotes and who said them…');
		const attributed = attributeStory(articles);
		const json = toQuotesJson(articles, attributed);
		progress?.done();
		if (options.json) out(JSON.stringify(json, null, 2));
		else {
			const {quotes, speakers} = attributed;
			out(`${quotes.length} quoted spans, ${speakers.length} speakers`);
			for (const sp of speakers) {
				out(`\n${displayText(sp.name)} (${sp.count})`);
				for (const q of quotes.filter((x) => x.speaker === sp.name)) {
					const outlet = articles.find((a) => a.meta.id === q.article)?.meta.outlet ?? q.article;
					const to = q.addressee ? ` to ${q.addressee}` : '';
					out(`  [${displayText(outlet)}] “${displayText(q.text.replace(/\s+/g, ' '))}” (${q.cue ?? 'quoted'}${to})`);
				}
			}
		}
		return 0;
	}
	const analysis: StoryAnalysis = analyzeStory(story, (label) => progress?.stage(`${label}…`));
	switch (kind) {
		case 'align': {
			const json = toAlignJson(articles, analysis.alignment);
			progress?.done();
			if (options.json) out(JSON.stringify(json, null, 2));
			else {
				out(`${json.facts.length} facts shared by two or more outlets, ${json.links.length} parallel passages`);
				for (const f of analysis.alignment.facts) {
					const first = f.passages[0];
					const a = articles.find((x) => x.meta.id === first?.article);
					const s = a?.sentences[first?.sentence ?? 0];
					if (a && s) out(`- [${f.articles.length}/${articles.length}] ${displayText(a.text.slice(s.start, s.end))}`);
				}
			}
			return 0;
		}
		case 'quiz': {
			const seed = options.seed === undefined ? undefined : Number(options.seed);
			if (seed !== undefined && !Number.isInteger(seed)) {
				process.stderr.write(`newsreader: --seed takes a whole number, not '${options.seed}'\n`);
				return 2;
			}
			progress?.stage('Writing the questions…');
			const questions = generateQuestions(story, analysis, seed === undefined ? {} : {seed});
			progress?.done();
			if (options.json) out(JSON.stringify(toQuizJson(questions), null, 2));
			else {
				const reason = notEnoughMaterial(story, analysis, questions);
				if (reason) out(reason);
				questions.forEach((q, i) => {
					out(`\n${i + 1}. [${q.type}] ${displayText(q.prompt)}`);
					q.choices.forEach((c, k) => out(`   ${k === q.answer ? '*' : ' '} ${k + 1}. ${displayText(c)}`));
				});
			}
			return 0;
		}
	}
}

