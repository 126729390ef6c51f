/**
 * The app root: owns navigation state and is the only input owner. Keys go through the keymap
 * to commands, commands through the reducer; progress is written as a side effect.
 */
import {Box, Text, useApp} from 'ink';
import {useEffect, useMemo, useReducer, useRef} from 'react';
import type {StoryAnalysis} from '../core/analysis.js';
import type {Story} from '../core/types.js';
import {contentId} from '../store/ids.js';
import {restorePosition} from '../store/restore.js';
import {Compare, type CompareRow} from './components/Compare.js';
import {Coverage, type CoverageRow} from './components/Coverage.js';
import {HelpOverlay} from './components/HelpOverlay.js';
import {Overview} from './components/Overview.js';
import {Reader, textColumns} from './components/Reader.js';
import {Search} from './components/Search.js';
import {Spinner} from './components/Spinner.js';
import {Quiz, evidenceOf} from './components/Quiz.js';
import {WhoSaidWhat, whoRows} from './components/WhoSaidWhat.js';
import {markupSpans} from '../content/load.js';
import {fold} from '../core/fold.js';
import type {SearchIndex, SearchItem} from '../core/search.js';
import type {Span} from '../core/types.js';
import {StatusBar} from './components/StatusBar.js';
import {useAnalysis} from './hooks/useAnalysis.js';
import {useTerminalSize, type Size} from './hooks/useTerminalSize.js';
import {hint, matchKey, type Command} from './keymap.js';
import {layoutArticle, type Layout} from './layout.js';
import type {ProgressPort} from './progress.js';
import {initialState, reduce, type AppState, type CommandContext} from './state.js';
import {pickTheme, type Theme} from './theme.js';
import {useKeys} from './hooks/useKeys.js';

/** Smallest terminal the reader lays out in. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/**
 * Stable keys for the progress store: identity hashes for story and article, content hashes for
 * passages. An article's passage keys are hashed when first asked for (a 500-article story has
 * thousands of passages; the first frame needs none of them).
 */
export function storyKeys(story: Story) {
	const articleKeys = story.articles.map((a) => contentId(`${a.meta.url ?? ''}\n${a.meta.id}\n${a.meta.outlet}`));
	const passages: (readonly string[] | undefined)[] = [];
	return {
		story: contentId(articleKeys.slice().sort().join(',')),
		articles: articleKeys,
		/** The passage keys of article `i` (empty for an unknown article). */
		passagesOf(i: number): readonly string[] {
			const a = story.articles[i];
			if (!a) return [];
			return (passages[i] ??= a.sentences.map((s) => contentId(a.text.slice(s.start, s.end))));
		},
	};
}

/** The other outlets' counterparts of a passage: best parallel per article, story order. */
export function counterparts(story: Story, analysis: StoryAnalysis, article: number, sentence: number): CompareRow[] {
	const id = story.articles[article]?.meta.id;
	if (id === undefined) return [];
	const best = new Map<number, CompareRow>();
	const index = new Map(story.articles.map((a, i) => [a.meta.id, i]));
	for (const p of analysis.alignment.parallelsOf(id, sentence)) {
		const ai = index.get(p.article);
		if (ai === undefined || ai === article) continue;
		const cur = best.get(ai);
		if (!cur || (cur.score ?? 0) < p.score) best.set(ai, {article: ai, sentence: p.sentence, score: p.score});
	}
	return [...best.values()].sort((a, b) => a.article - b.article);
}

/** Rows of the coverage screen for its current view. */
export function coverageRows(story: Story, analysis: StoryAnalysis, state: AppState): CoverageRow[] {
	const index = new Map(story.articles.map((a, i) => [a.meta.id, i]));
	const textOf = (ai: number, si: number) => {
		const a = story.articles[ai]!;
		const s = a.sentences[si]!;
		return a.text.slice(s.start, s.end);
	};
	if (state.coverage.view === 'unique') {
		const ai = state.coverage.outlet;
		const a = story.articles[ai];
		if (!a) return [];
		return (analysis.alignment.unique[a.meta.id] ?? []).map((si) => ({carriers: [ai], article: ai, sentence: si, text: textOf(ai, si)}));
	}
	const rows = analysis.alignment.facts.map((f, order) => {
		const refs = f.passages
			.map((p) => ({ai: index.get(p.article) ?? -1, si: p.sentence}))
			.filter((r) => r.ai >= 0)
			.sort((x, y) => x.ai - y.ai || x.si - y.si);
		// Enter opens the fact in the outlet being read, if it carries it.
		const target = refs.find((r) => r.ai === state.article) ?? refs[0]!;
		return {carriers: [...new Set(refs.map((r) => r.ai))], article: target.ai, sentence: target.si, text: textOf(refs[0]!.ai, refs[0]!.si), order, first: refs[0]!};
	});
	if (state.coverage.sort === 'story') rows.sort((x, y) => x.first.ai - y.first.ai || x.first.si - y.first.si);
	else rows.sort((x, y) => y.carriers.length - x.carriers.length || x.order - y.order);
	return rows;
}

/**
 * What `/` searches: every passage of every outlet, and, once the story is analysed, every
 * speaker (found by any name they appear under; Enter opens their first quote, even one the text
 * gives to "he") and every attributed quote's words, labelled with the speaker.
 */
export function searchItems(story: Story, analysis?: StoryAnalysis): SearchItem[] {
	const items: SearchItem[] = [];
	story.articles.forEach((a, ai) => a.sentences.forEach((s, si) => items.push({kind: 'passage', article: ai, sentence: si, text: a.text.slice(s.start, s.end)})));
	if (!analysis) return items;
	const index = new Map(story.articles.map((a, i) => [a.meta.id, i]));
	const {quotes, speakers} = analysis.quotes;
	for (const sp of speakers) {
		const first = quotes.find((q) => q.speaker === sp.name);
		if (!first) continue;
		const names = [sp.name, ...sp.aliases.filter((x) => x !== sp.name)].join(' · ');
		items.push({kind: 'speaker', article: index.get(first.article) ?? 0, sentence: first.sentence ?? 0, text: names, label: `speaker, ${sp.count} ${sp.count === 1 ? 'quote' : 'quotes'}`});
	}
	for (const q of quotes) {
		if (q.speaker === null || (q.kind !== 'full' && q.kind !== 'partial')) continue;
		items.push({kind: 'quote', article: index.get(q.article) ?? 0, sentence: q.sentence ?? 0, text: q.text.replace(/\s+/g, ' '), label: `${q.speaker}:`});
	}
	return items;
}

/** Every occurrence of `query` in `text`, ignoring case and accents (for the reader's marks). */
export function occurrences(text: string, query: string): Span[] {
	const q = fold(query.trim());
	if (!q) return [];
	const t = fold(text);
	const out: Span[] = [];
	for (let i = t.indexOf(q); i >= 0 && out.length < 1000; i = t.indexOf(q, i + q.length)) out.push({start: i, end: i + q.length});
	return out;
}

/** The reader's line about the focused passage: who is quoted in it, else which outlets also carry it. */
export function passageInfo(story: Story, analysis: StoryAnalysis | undefined, article: number, sentence: number): string {
	if (!analysis) return '';
	const a = story.articles[article];
	if (!a) return '';
	const quoted = analysis.quotes.quotes.filter((q) => q.article === a.meta.id && q.sentence === sentence && q.speaker !== null);
	if (quoted.length > 0) {
		const who = [...new Set(quoted.map((q) => `${q.speaker}${q.addressee ? ` → ${q.addressee}` : ''}`))];
		return `❝ ${who.join(' · ')}`;
	}
	const others = counterparts(story, analysis, article, sentence).map((r) => story.articles[r.article]!.meta.outlet);
	return others.length ? `Also in ${others.join(', ')}` : `Only in ${a.meta.outlet}`;
}

export interface AppProps {
	readonly story: Story;
	readonly progress: ProgressPort;
	/** Precomputed analysis (tests, cache); otherwise computed after the first frame. */
	readonly analysis?: StoryAnalysis;
	/** Fixed size (tests); otherwise the terminal's, following resizes. */
	readonly size?: Size;
	readonly theme?: Theme;
	/** Called once when the user quits. */
	readonly onQuit?: () => void;
	/** When set (the story was opened from a library), q on the overview calls it instead of quitting. */
	readonly onBack?: () => void;
	/** Start with a review round of the questions due (`newsreader review`). */
	readonly startReview?: boolean;
	/** The clock (tests move it forward to make reviews due). */
	readonly now?: () => Date;
	/** Opens a web address in the user's browser (O); absent, O says it cannot. */
	readonly openUrl?: (url: string) => Promise<void>;
}

/** Questions per round. */
export const ROUND_SIZE = 10;

export function App({story, progress, analysis: precomputed, size: fixedSize, theme = pickTheme(), onQuit, onBack, startReview, now: clock = () => new Date(), openUrl}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const keys = useMemo(() => storyKeys(story), [story]);
	const {analysis, module, stage, done, total} = useAnalysis(story, precomputed);
	const [state, dispatch] = useReducer(reduce, undefined, () => initialState(0));
	// Progress lives in the store, not in React state: bump this to show a change made there.
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	// Frame: at most rows - 1 lines (Ink 6 clears the whole screen when a frame reaches the height).
	const frameHeight = size.rows - 1;
	const bodyHeight = Math.max(1, frameHeight - 3); // header, rule, status bar
	// Reader text lines: less the passage-info line and a message line when one shows.
	const readerLines = Math.max(1, bodyHeight - 1 - (state.flash ? 1 : 0));
	const cols = textColumns(size.columns);

	const layouts = useRef(new Map<string, Layout>());
	const layoutFor = (i: number): Layout | undefined => {
		const a = story.articles[i];
		if (!a) return undefined;
		const k = `${i}:${cols}`;
		let l = layouts.current.get(k);
		if (!l) {
			l = layoutArticle(a, cols);
			layouts.current.set(k, l);
		}
		return l;
	};

	const startFor = (i: number): number => {
		const saved = progress.getArticle(keys.story, keys.articles[i]!);
		return restorePosition(saved, keys.passagesOf(i)).passageIndex;
	};

	const pos = state.positions[state.article];
	const compareRows = useMemo<CompareRow[]>(() => {
		if (state.screen !== 'compare' || !analysis || !pos) return [];
		return [{article: state.article, sentence: pos.focus}, ...counterparts(story, analysis, state.article, pos.focus)];
	}, [state.screen, state.article, pos?.focus, analysis]);
	const whoList = useMemo(() => (state.screen === 'who' && analysis ? whoRows(story, analysis.quotes, state.who.filter) : []), [state.screen, state.who.filter, analysis]);
	const covRows = useMemo(() => (state.screen === 'coverage' && analysis ? coverageRows(story, analysis, state) : []), [state.screen, state.coverage, state.article, analysis]);

	// The search index is built the first time it is needed, then kept for the story.
	const searchIndex = useRef<SearchIndex | undefined>(undefined);
	// Search code arrives with the analysis module (after the first frame); until then, no results.
	const indexFor = (): SearchIndex | undefined => (module && analysis ? (searchIndex.current ??= module.buildSearchIndex(searchItems(story, analysis))) : undefined);
	// (Not built before a search needs it: ~0.1 s at 500 articles, right when the analysis arrives.)
	const hits = useMemo(() => {
		if (!module || !state.search.open || !state.search.query.trim()) return [];
		const index = indexFor();
		return index ? module.search(index, state.search.query) : [];
	}, [state.search.open, state.search.query, module, analysis]);
	/** Sentences of the open article that match the last search, in order. */
	const matchSentences = useMemo(() => {
		const last = state.search.last;
		if (!last || !module) return [];
		const index = indexFor();
		if (!index) return [];
		const ai = state.article;
		const found = module.search(index, last, {limit: 1000, within: (it) => it.kind === 'passage' && it.article === ai});
		return [...new Set(found.map((h) => h.item.sentence))].sort((a, b) => a - b);
	}, [state.search.last, state.article, module, analysis]);
	const quoteSpans = useMemo(() => {
		const id = story.articles[state.article]?.meta.id;
		return analysis ? analysis.quotes.quotes.filter((q) => q.article === id && q.speaker !== null).map((q) => ({start: q.start, end: q.end})) : [];
	}, [analysis, state.article]);
	// A Markdown article's inline markup (emphasis markers, link addresses) is not shown.
	const markup = useMemo(() => markupSpans(story.articles[state.article]!), [state.article]);
	const highlights = useMemo(() => (state.search.last ? occurrences(story.articles[state.article]!.text, state.search.last) : []), [state.search.last, state.article]);

	const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;

	function ctxFor(digit?: number): CommandContext {
		const rows = state.screen === 'compare' ? compareRows.length : state.screen === 'coverage' ? covRows.length : state.screen === 'who' ? whoList.length : undefined;
		return {
			articleCount: story.articles.length,
			height: state.screen === 'reader' ? readerLines : Math.max(1, frameHeight - 4),
			layoutFor,
			startFor,
			...(digit !== undefined && {digit}),
			...(rows !== undefined && {rows}),
		};
	}

	/** `]` / `[`: the passage's parallel in the next / previous outlet (story order, wrapping) that carries it. */
	function jumpParallel(direction: 1 | -1): void {
		if (!analysis || !pos) return dispatch({type: 'flash', message: 'Still analysing the story…'});
		const rows = counterparts(story, analysis, state.article, pos.focus);
		if (rows.length === 0) return dispatch({type: 'flash', message: 'No other outlet reports this passage'});
		const n = story.articles.length;
		const dist = (ai: number) => (((ai - state.article) * direction) % n + n) % n;
		const target = rows.reduce((b, r) => (dist(r.article) < dist(b.article) ? r : b));
		dispatch({type: 'jump', article: target.article, sentence: target.sentence, ctx: ctxFor()});
	}

	function submitSearch(): void {
		const hit = hits[state.search.selected];
		const query = state.search.query;
		dispatch({type: 'searchClose', submitted: query});
		if (hit) dispatch({type: 'jump', article: hit.item.article, sentence: hit.item.sentence, ctx: ctxFor()});
		else if (query.trim()) dispatch({type: 'flash', message: `Nothing found for “${query.trim()}”`});
	}

	/** n / N: the next / previous passage of this article matching the last search (wrapping). */
	function stepMatch(direction: 1 | -1): void {
		if (!state.search.last) return dispatch({type: 'flash', message: 'No search yet: press / to search'});
		if (matchSentences.length === 0 || !pos) return dispatch({type: 'flash', message: `No match for “${state.search.last}” in this article`});
		const next =
			direction === 1
				? (matchSentences.find((s) => s > pos.focus) ?? matchSentences[0]!)
				: ([...matchSentences].reverse().find((s) => s < pos.focus) ?? matchSentences[matchSentences.length - 1]!);
		dispatch({type: 'goto', sentence: next, ctx: ctxFor()});
	}

	// ----- quiz
	// Questions are generated when first needed (t, review): on a large story this takes a while.
	const questionCache = useRef<ReturnType<NonNullable<typeof module>['quiz']['generateQuestions']> | undefined>(undefined);
	const questionsNow = () => (module && analysis ? (questionCache.current ??= module.quiz.generateQuestions(story, analysis)) : undefined);
	/** The story's cards as the store keeps them (JSON); the quiz functions read JSON cards. */
	const cardsNow = (): Readonly<Record<string, unknown>> => progress.cards(keys.story);

	function startQuiz(kind: 'round' | 'review'): void {
		const questions = questionsNow();
		if (!module || !analysis || !questions) return dispatch({type: 'flash', message: 'Still analysing the story…'});
		const usable = questions.filter((q) => !progress.isReported(keys.story, q.id));
		const reason = module.quiz.notEnoughMaterial(story, analysis, usable);
		if (reason || usable.length === 0) return dispatch({type: 'flash', message: reason ?? 'Not enough material for a quiz in this story'});
		const seed = Date.now() % 2147483647;
		const round = module.quiz.pickRound(usable, cardsNow(), clock(), {size: ROUND_SIZE, seed, dueOnly: kind === 'review', history: progress.history(keys.story)});
		if (round.length === 0) return dispatch({type: 'flash', message: kind === 'review' ? 'Nothing is due for review: press t for a new round' : 'No questions left'});
		const rng = module.quiz.createRng(seed);
		// Choices are reshuffled at every showing.
		dispatch({type: 'quizStart', questions: round.map((q) => module.quiz.shuffleChoices(q, rng)), kind});
	}

	function answer(choice: number): void {
		const view = state.quiz?.view;
		const q = view?.questions[view.index];
		if (!q || view?.answered || !module) return;
		const correct = choice === q.answer;
		const now = clock();
		progress.recordAnswer(keys.story, {id: `${q.id}@${now.getTime()}`, questionId: q.id, factId: q.factId, type: q.type, correct, at: now.getTime()});
		const saved = progress.getCard(keys.story, q.factId);
		const card = saved === undefined ? undefined : module.quiz.cardFromJson(saved);
		progress.setCard(keys.story, q.factId, module.quiz.cardToJson(module.quiz.review(card, correct, now, {questionId: q.id, type: q.type})));
		dispatch({type: 'quizAnswer', choice});
	}

	const reviewStarted = useRef(false);
	useEffect(() => {
		if (startReview && !reviewStarted.current && module && analysis) {
			reviewStarted.current = true;
			startQuiz('review');
		}
	}, [module, analysis]);

	useKeys((input, key) => {
		if (state.screen === 'quiz' && state.quiz && !state.help) {
			const view = state.quiz.view;
			const finished = view.index >= view.questions.length;
			const command = matchKey('quiz', input, key);
			// While a question waits for its answer, the choice list owns 1–4, arrows, j/k and Enter.
			if (!view.answered && !finished) {
				if (command === 'back' || command === 'quit' || command === 'help') dispatch(command === 'back' ? {type: 'quizClose'} : {type: 'command', command, ctx: ctxFor()});
				return;
			}
			if (finished) {
				if (command === 'nextQuestion' || command === 'back') dispatch({type: 'quizClose'});
				else if (command === 'quit') dispatch({type: 'command', command, ctx: ctxFor()});
				return;
			}
			const q = view.questions[view.index]!;
			if (command === 'nextQuestion') return dispatch({type: 'quizNext'});
			if (command === 'back') return dispatch({type: 'quizClose'});
			if (command === 'report') {
				progress.reportQuestion(keys.story, q.id);
				return dispatch({type: 'flash', message: 'Reported: this question will not be shown again'});
			}
			if (command === 'evidence') {
				const ev = evidenceOf(story, q);
				if (ev) dispatch({type: 'jump', article: ev.article, sentence: ev.sentence, ctx: ctxFor()});
				return;
			}
			if (command === 'quit' || command === 'help') dispatch({type: 'command', command, ctx: ctxFor()});
			return;
		}
		if (state.screen === 'who' && state.who.editing) {
			// The filter line owns typing; Enter (its submit) keeps the filter, Esc drops it.
			if (key.escape) dispatch({type: 'whoFilter', filter: '', editing: false});
			else if (key.upArrow || key.downArrow) dispatch({type: 'command', command: key.upArrow ? 'up' : 'down', ctx: ctxFor()});
			else if (key.ctrl && input === 'c') dispatch({type: 'command', command: 'quit', ctx: ctxFor()});
			return;
		}
		if (state.search.open) {
			// The search line owns typing; only these keys are ours while it is open.
			if (key.escape) dispatch({type: 'searchClose'});
			else if (key.upArrow || key.downArrow) dispatch({type: 'searchSelect', delta: key.upArrow ? -1 : 1, results: hits.length});
			else if (key.ctrl && input === 'c') dispatch({type: 'command', command: 'quit', ctx: ctxFor()});
			return;
		}
		const screen = state.screen;
		const command: Command | undefined = matchKey(state.help ? 'reader' : screen, input, key);
		if (!command) return;
		if (command === 'back' && screen === 'overview' && !state.help && onBack) return onBack();
		if (tooSmall && command !== 'quit' && command !== 'back') return;
		if (state.help) return dispatch({type: 'command', command, ctx: ctxFor()});
		if (command === 'openInBrowser') {
			const a = story.articles[screen === 'overview' ? state.selected : state.article]!;
			const url = a.meta.url;
			if (!url) return dispatch({type: 'flash', message: `${a.meta.outlet}'s article has no web address`});
			if (!openUrl) return dispatch({type: 'flash', message: `No browser to open: ${url}`});
			openUrl(url).then(
				() => dispatch({type: 'flash', message: `Opened ${url}`}),
				(e: unknown) => dispatch({type: 'flash', message: `Could not open a browser (${e instanceof Error ? e.message : String(e)}): ${url}`}),
			);
			return;
		}
		if (command === 'toggleRead') {
			const i = screen === 'overview' ? state.selected : state.article;
			const p = progress.getArticle(keys.story, keys.articles[i]!);
			progress.setRead(keys.story, keys.articles[i]!, !p?.read);
			rerender();
			return;
		}
		if ((command === 'nextParallel' || command === 'prevParallel') && screen === 'reader') return jumpParallel(command === 'nextParallel' ? 1 : -1);
		if (command === 'nextMatch' || command === 'prevMatch') return stepMatch(command === 'nextMatch' ? 1 : -1);
		if (command === 'quiz') return startQuiz('round');
		if ((command === 'compare' || command === 'coverage' || command === 'who') && !analysis) return dispatch({type: 'flash', message: 'Still analysing the story…'});
		if (command === 'open' && (screen === 'compare' || screen === 'coverage' || screen === 'who')) {
			const r = screen === 'compare' ? compareRows[state.row] : screen === 'coverage' ? covRows[state.row] : whoList[state.row];
			if (!r) return;
			if (screen === 'compare' && state.row === 0) return dispatch({type: 'command', command: 'back', ctx: ctxFor()});
			return dispatch({type: 'jump', article: r.article, sentence: r.sentence, ctx: ctxFor()});
		}
		dispatch({type: 'command', command, ctx: ctxFor(/^[1-9]$/.test(input) ? Number(input) : undefined)});
	}, {typeAhead: !state.search.open && !(state.screen === 'who' && state.who.editing)});

	// Save the position (by passage) whenever it changes; mark read at the last passage.
	useEffect(() => {
		if (state.screen !== 'reader' || !pos) return;
		const i = state.article;
		const passages = keys.passagesOf(i);
		const passageId = passages[pos.focus];
		if (passageId === undefined) return;
		progress.setPosition(keys.story, keys.articles[i]!, {passageId, passageIndex: pos.focus, total: passages.length});
		if (pos.focus >= passages.length - 1) progress.setRead(keys.story, keys.articles[i]!, true);
	}, [state.screen, state.article, pos?.focus]);

	useEffect(() => {
		if (state.quit) {
			onQuit?.();
			exit();
		}
	}, [state.quit]);

	// Never paint the last column: a full-width line makes some terminals wrap (and Ink's
	// truncation inside flex rows can run one column over).
	const width = size.columns - 1;
	if (tooSmall) {
		// Wrapped within the real size: at 20x5 the whole message still shows.
		return (
			<Box flexDirection="column" height={Math.max(1, frameHeight)} width={Math.max(1, width)} overflow="hidden">
				<Text {...theme.warning}>
					Terminal too small: need at least {MIN_COLUMNS}x{MIN_ROWS}, have {size.columns}x{size.rows}.
				</Text>
				<Text {...theme.muted}>Enlarge the window, or press Q to quit.</Text>
			</Box>
		);
	}

	const screen = state.screen;
	const progressRows = story.articles.map((_, i) => progress.getArticle(keys.story, keys.articles[i]!));
	const warning = screen === 'overview' && !state.help ? progress.warnings[0] : undefined;
	const message = state.flash ?? warning;
	const screenHeight = frameHeight - 1 - (message ? 1 : 0);
	let body;
	if (state.search.open) {
		body = (
			<Search
				theme={theme}
				story={story}
				query={state.search.query}
				hits={hits}
				selected={state.search.selected}
				onChange={(query) => dispatch({type: 'searchQuery', query})}
				onSubmit={submitSearch}
				width={width}
				height={screenHeight}
			/>
		);
	} else if (state.help) {
		body = <HelpOverlay theme={theme} screen={screen} width={width} height={screenHeight} />;
	} else if (screen === 'overview') {
		const stats = module && analysis ? module.quiz.quizStats(progress.history(keys.story), cardsNow(), clock()) : undefined;
		// Cards only ever exist for this story's facts, so stats.due needs no questions.
		const quizNote = !stats
			? ''
			: `${stats.due > 0 ? `${stats.due} due for review (t)` : 'quiz: t'}${stats.answered > 0 ? ` · ${stats.answered} answered, ${Math.round(stats.accuracy * 100)}% right` : ''}`;
		body = <Overview theme={theme} story={story} selected={state.selected} progress={progressRows} note={quizNote} width={width} height={screenHeight} />;
	} else if (screen === 'compare' && analysis && pos) {
		const carried = new Set(compareRows.map((r) => r.article));
		const missing = story.articles.map((_, i) => i).filter((i) => !carried.has(i));
		body = (
			<Compare
				theme={theme}
				story={story}
				rows={compareRows}
				missing={missing}
				selected={state.row}
				shared={module?.sharedWords ?? (() => ({a: [], b: []}))}
				width={width}
				height={screenHeight}
			/>
		);
	} else if (screen === 'quiz' && state.quiz) {
		const finished = state.quiz.view.index >= state.quiz.view.questions.length;
		const stats = finished && module ? module.quiz.quizStats(progress.history(keys.story), cardsNow(), clock()) : undefined;
		body = <Quiz theme={theme} story={story} view={state.quiz.view} {...(stats && {stats})} onAnswer={answer} width={width} height={screenHeight} />;
	} else if (screen === 'who' && analysis) {
		body = (
			<WhoSaidWhat
				theme={theme}
				story={story}
				quotes={analysis.quotes}
				rows={whoList}
				selected={state.row}
				filter={state.who.filter}
				editing={state.who.editing}
				onFilter={(filter) => dispatch({type: 'whoFilter', filter, editing: true})}
				onFilterDone={() => dispatch({type: 'whoFilter', filter: state.who.filter, editing: false})}
				width={width}
				height={screenHeight}
			/>
		);
	} else if (screen === 'coverage' && analysis) {
		body = <Coverage theme={theme} story={story} state={state.coverage} rows={covRows} selected={state.row} width={width} height={screenHeight} />;
	} else {
		const article = story.articles[state.article]!;
		const id = article.meta.id;
		const marks = analysis ? (s: number) => new Set(analysis.alignment.parallelsOf(id, s).map((p) => p.article)).size : undefined;
		body = (
			<Reader
				theme={theme}
				article={article}
				layout={layoutFor(state.article)!}
				pos={pos ?? {focus: 0, row: 0}}
				width={width}
				height={readerLines}
				outletIndex={state.article}
				outletCount={story.articles.length}
				{...(marks && {marks})}
				highlights={highlights}
				quotes={quoteSpans}
				hidden={markup}
				info={passageInfo(story, analysis, state.article, pos?.focus ?? 0)}
			/>
		);
	}
	const hints = state.search.open
		? '↑↓ select  Enter open  Esc close'
		: state.help
		? 'q/Esc/? close help'
		: screen === 'overview'
			? hint('overview', ['down', 'open', 'quiz', 'who', 'coverage', 'search', 'toggleRead', 'back'])
			: screen === 'reader'
				? hint('reader', ['down', 'pageDown', 'nextOutlet', 'nextParallel', 'jumpBack', 'compare', 'who', 'coverage', 'search', 'quiz', 'back'])
				: screen === 'quiz'
					? state.quiz?.view.answered
						? hint('quiz', ['nextQuestion', 'evidence', 'report', 'back'])
						: state.quiz && state.quiz.view.index >= state.quiz.view.questions.length
							? 'Enter/q close'
							: '1–4 answer  ↑↓ Enter choose  q stop'
				: screen === 'compare'
					? hint('compare', ['down', 'open', 'back'])
					: screen === 'who'
					? state.who.editing
						? 'type to filter  ↑↓ move  Enter keep  Esc clear'
						: hint('who', ['down', 'open', 'search', 'back'])
					: hint('coverage', ['down', 'open', 'sort', 'switchView', 'nextOutlet', 'back']);
	const busy = !analysis && stage;
	let note = screen === 'reader' && progressRows[state.article]?.read ? 'read' : '';
	if (screen === 'reader' && state.search.last && !state.search.open && pos) {
		const k = matchSentences.indexOf(pos.focus);
		const counter = matchSentences.length === 0 ? '0/0' : k >= 0 ? `${k + 1}/${matchSentences.length}` : `–/${matchSentences.length}`;
		note = `${counter} “${state.search.last.length > 16 ? `${state.search.last.slice(0, 15)}…` : state.search.last}”${note ? ` · ${note}` : ''}`;
	}
	return (
		<Box flexDirection="column" height={frameHeight} width={width} overflow="hidden">
			{/* Clipped: whatever a screen draws, the frame stays within the terminal and the status bar shows. */}
			<Box flexGrow={1} flexShrink={1} flexDirection="column" overflow="hidden">
				{body}
			</Box>
			{message ? (
				<Text {...theme.warning} wrap="truncate-end">
					{message}
				</Text>
			) : null}
			{busy ? (
				<Box width={width} height={1}>
					<Spinner style={theme.accent} />
					<Text {...theme.muted} wrap="truncate-end">
						{' '}
						{stage}… ({done}/{total})
					</Text>
				</Box>
			) : (
				<StatusBar theme={theme} width={width} hints={hints} note={note} help={!state.help && !state.search.open && !(screen === 'who' && state.who.editing)} />
			)}
		</Box>
	);
}
