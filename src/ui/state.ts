/**
 * The app's navigation state and its reducer (pure). Components dispatch commands; reader
 * motions need the current layouts and viewport height, which the component passes along.
 */
import type {Question} from '../core/quiz/types.js';
import type {QuizView} from './components/Quiz.js';
import type {Command} from './keymap.js';
import {motions, type Layout, type ReaderPos} from './layout.js';

export type ScreenName = 'overview' | 'reader' | 'compare' | 'coverage' | 'who' | 'quiz';

/** The search line: open while typing; `last` is what n/N look for. */
export interface SearchState {
	readonly open: boolean;
	readonly query: string;
	/** Selected result. */
	readonly selected: number;
	/** The last query submitted (n/N move between its matches in the article being read). */
	readonly last?: string;
}

/** A place in the story: an article and a reader position in it, and the screen it was on. */
export interface Place {
	readonly article: number;
	readonly pos?: ReaderPos;
	readonly screen: ScreenName;
	/** Selected row, when the place is a list screen. */
	readonly row?: number;
}

export interface CoverageState {
	readonly view: 'facts' | 'unique';
	readonly sort: 'count' | 'story';
	/** Outlet whose "only here" list is shown. */
	readonly outlet: number;
}

export interface AppState {
	readonly screen: ScreenName;
	readonly help: boolean;
	/** Selected row on the overview. */
	readonly selected: number;
	/** Article open in the reader. */
	readonly article: number;
	/** Reader position per article index (absent: not opened yet this session). */
	readonly positions: Readonly<Record<number, ReaderPos>>;
	/** Where each jump came from, most recent last. */
	readonly history: readonly Place[];
	/** Selected row on a list screen (compare, coverage). */
	readonly row: number;
	readonly coverage: CoverageState;
	readonly search: SearchState;
	/** Who said what: the filter, and whether it is being typed. */
	readonly who: {readonly filter: string; readonly editing: boolean};
	/** The quiz round in progress: where it was started from, and whether the reader is open on its evidence. */
	readonly quiz?: {readonly view: QuizView; readonly returnTo: ScreenName; readonly peek: boolean};
	/** A one-line message shown until the next key. */
	readonly flash?: string;
	readonly quit: boolean;
}

export const initialState = (selected = 0): AppState => ({
	screen: 'overview',
	help: false,
	selected,
	article: selected,
	positions: {},
	history: [],
	row: 0,
	coverage: {view: 'facts', sort: 'count', outlet: 0},
	search: {open: false, query: '', selected: 0},
	who: {filter: '', editing: false},
	quit: false,
});

/** What the reducer needs to know about the screen to carry out a command. */
export interface CommandContext {
	readonly articleCount: number;
	/** Layout of an article at the current width. */
	readonly layoutFor: (article: number) => Layout | undefined;
	/** Body viewport height in lines. */
	readonly height: number;
	/** Where to start an article not yet opened this session (restored from progress). */
	readonly startFor?: (article: number) => number;
	/** The digit typed, for outletN. */
	readonly digit?: number;
	/** Rows on the current list screen. */
	readonly rows?: number;
}

export type Action =
	| {readonly type: 'command'; readonly command: Command; readonly ctx: CommandContext}
	| {readonly type: 'open'; readonly article: number; readonly ctx: CommandContext}
	/** Jump to a passage (recorded in the history). */
	| {readonly type: 'jump'; readonly article: number; readonly sentence: number; readonly ctx: CommandContext}
	| {readonly type: 'flash'; readonly message: string}
	/** Search line: typing, moving the selection, closing. */
	| {readonly type: 'searchQuery'; readonly query: string}
	| {readonly type: 'searchSelect'; readonly delta: number; readonly results: number}
	| {readonly type: 'searchClose'; readonly submitted?: string}
	/** Who-said-what filter: typing, done (keep it), cleared. */
	| {readonly type: 'whoFilter'; readonly filter: string; readonly editing: boolean}
	/** Quiz: start a round, answer the current question, go on, stop. */
	| {readonly type: 'quizStart'; readonly questions: readonly Question[]; readonly kind: 'round' | 'review'}
	| {readonly type: 'quizAnswer'; readonly choice: number}
	| {readonly type: 'quizNext'}
	| {readonly type: 'quizClose'}
	/** Move the reader's focus to a passage of the open article (no history entry). */
	| {readonly type: 'goto'; readonly sentence: number; readonly ctx: CommandContext};

const HISTORY_MAX = 100;

/** Position to show when an article is opened: its saved passage a third of the way down. */
function entry(state: AppState, article: number, ctx: CommandContext): ReaderPos {
	const existing = state.positions[article];
	if (existing) return existing;
	const focus = ctx.startFor?.(article) ?? 0;
	return {focus, row: focus === 0 ? 0 : Math.floor(ctx.height / 3)};
}

function wrap(i: number, n: number): number {
	return ((i % n) + n) % n;
}

function openArticle(state: AppState, article: number, ctx: CommandContext): AppState {
	const a = wrap(article, ctx.articleCount);
	return {...state, screen: 'reader', help: false, article: a, selected: a, positions: {...state.positions, [a]: entry(state, a, ctx)}};
}

function here(state: AppState): Place {
	const pos = state.positions[state.article];
	return {article: state.article, screen: state.screen, row: state.row, ...(pos && {pos})};
}

/** Move a list selection, clamped. */
function moveRow(state: AppState, cmd: Command, rows: number, page: number): AppState {
	const last = Math.max(0, rows - 1);
	const delta = {down: 1, up: -1, pageDown: page, pageUp: -page}[cmd as 'down'];
	if (delta !== undefined) return {...state, row: Math.min(last, Math.max(0, state.row + delta))};
	if (cmd === 'top') return {...state, row: 0};
	if (cmd === 'bottom') return {...state, row: last};
	return state;
}

/** Apply an action. */
export function reduce(prev: AppState, action: Action): AppState {
	if (action.type === 'flash') return {...prev, flash: action.message};
	if (action.type === 'searchQuery') return {...prev, search: {...prev.search, open: true, query: action.query, selected: 0}};
	if (action.type === 'searchSelect')
		return {...prev, search: {...prev.search, selected: Math.min(Math.max(0, action.results - 1), Math.max(0, prev.search.selected + action.delta))}};
	if (action.type === 'quizStart')
		return {
			...prev,
			help: false,
			screen: 'quiz',
			quiz: {view: {questions: action.questions, index: 0, answers: [], kind: action.kind}, returnTo: prev.screen === 'quiz' ? 'overview' : prev.screen, peek: false},
		};
	if (action.type === 'quizAnswer') {
		const qz = prev.quiz;
		const q = qz?.view.questions[qz.view.index];
		if (!qz || !q || qz.view.answered) return prev;
		const answer = {question: q, choice: action.choice, correct: action.choice === q.answer};
		return {...prev, quiz: {...qz, view: {...qz.view, answered: answer, answers: [...qz.view.answers, answer]}}};
	}
	if (action.type === 'quizNext') {
		const qz = prev.quiz;
		if (!qz) return prev;
		const {answered: _done, ...rest} = qz.view;
		return {...prev, quiz: {...qz, view: {...rest, index: qz.view.index + 1}}};
	}
	if (action.type === 'quizClose') {
		const {quiz: _q, ...rest} = prev;
		return {...rest, screen: prev.quiz?.returnTo === 'reader' && !prev.positions[prev.article] ? 'overview' : (prev.quiz?.returnTo ?? 'overview')};
	}
	if (action.type === 'whoFilter') return {...prev, row: 0, who: {filter: action.filter, editing: action.editing}};
	if (action.type === 'searchClose') {
		const last = action.submitted?.trim() ? action.submitted.trim() : prev.search.last;
		return {...prev, search: {open: false, query: '', selected: 0, ...(last !== undefined && {last})}};
	}
	const state: AppState = prev.flash === undefined ? prev : {...prev, flash: undefined};
	const {ctx} = action;
	if (action.type === 'goto') {
		const layout = ctx.layoutFor(state.article);
		return layout ? {...state, positions: {...state.positions, [state.article]: motions.goTo(layout, action.sentence, ctx.height)}} : state;
	}
	if (action.type === 'open') return openArticle(state, action.article, ctx);
	if (action.type === 'jump') {
		const from = here(state);
		const layout = ctx.layoutFor(wrap(action.article, ctx.articleCount));
		const opened = openArticle(state, action.article, ctx);
		if (!layout) return opened;
		return {
			...opened,
			...(state.screen === 'quiz' && state.quiz && {quiz: {...state.quiz, peek: true}}),
			history: state.screen === 'quiz' ? state.history : [...state.history, from].slice(-HISTORY_MAX),
			positions: {...opened.positions, [opened.article]: motions.goTo(layout, action.sentence, ctx.height)},
		};
	}
	const cmd = action.command;
	if (cmd === 'quit') return {...state, quit: true};
	if (state.help) return cmd === 'back' || cmd === 'help' ? {...state, help: false} : state;
	if (cmd === 'help') return {...state, help: true};

	if (state.screen === 'overview') {
		const n = ctx.articleCount;
		switch (cmd) {
			case 'down':
			case 'pageDown':
				return {...state, selected: Math.min(n - 1, state.selected + (cmd === 'down' ? 1 : Math.max(1, ctx.height - 1)))};
			case 'up':
			case 'pageUp':
				return {...state, selected: Math.max(0, state.selected - (cmd === 'up' ? 1 : Math.max(1, ctx.height - 1)))};
			case 'top':
				return {...state, selected: 0};
			case 'bottom':
				return {...state, selected: n - 1};
			case 'open':
				return openArticle(state, state.selected, ctx);
			case 'outletN':
				return ctx.digit !== undefined && ctx.digit <= n ? openArticle(state, ctx.digit - 1, ctx) : state;
			case 'coverage':
				return {...state, screen: 'coverage', row: 0, coverage: {...state.coverage, outlet: state.selected}};
			case 'search':
				return {...state, search: {...state.search, open: true, query: '', selected: 0}};
			case 'who':
				return {...state, screen: 'who', row: 0};
			case 'back':
				return {...state, quit: true};
			default:
				return state;
		}
	}

	if (state.screen === 'compare' || state.screen === 'coverage' || state.screen === 'who') {
		if (state.screen === 'who') {
			if (cmd === 'search') return {...state, who: {...state.who, editing: true}};
			if (cmd === 'back' && state.who.filter) return {...state, row: 0, who: {filter: '', editing: false}};
		}
		if (cmd === 'back') return {...state, screen: state.positions[state.article] ? 'reader' : 'overview'};
		if (state.screen === 'coverage') {
			const c = state.coverage;
			if (cmd === 'sort') return {...state, row: 0, coverage: {...c, sort: c.sort === 'count' ? 'story' : 'count'}};
			if (cmd === 'switchView') return {...state, row: 0, coverage: {...c, view: c.view === 'facts' ? 'unique' : 'facts'}};
			if (cmd === 'nextOutlet' || cmd === 'prevOutlet')
				return {...state, row: 0, coverage: {...c, view: 'unique', outlet: wrap(c.outlet + (cmd === 'nextOutlet' ? 1 : -1), ctx.articleCount)}};
		}
		return moveRow(state, cmd, ctx.rows ?? 0, Math.max(1, ctx.height - 1));
	}

	// Reader.
	switch (cmd) {
		case 'back':
			// Reading a quiz answer's evidence: q goes back to the quiz.
			if (state.quiz?.peek) return {...state, screen: 'quiz', quiz: {...state.quiz, peek: false}};
			return {...state, screen: 'overview', selected: state.article};
		case 'nextOutlet':
			return openArticle(state, state.article + 1, ctx);
		case 'prevOutlet':
			return openArticle(state, state.article - 1, ctx);
		case 'outletN':
			return ctx.digit !== undefined && ctx.digit <= ctx.articleCount ? openArticle(state, ctx.digit - 1, ctx) : state;
		case 'compare':
			return {...state, screen: 'compare', row: 0};
		case 'search':
			return {...state, search: {...state.search, open: true, query: '', selected: 0}};
		case 'who':
			return {...state, screen: 'who', row: 0};
		case 'coverage':
			return {...state, screen: 'coverage', row: 0, coverage: {...state.coverage, outlet: state.article}};
		case 'jumpBack': {
			const back = state.history[state.history.length - 1];
			if (!back) return {...state, flash: 'No jump to go back to'};
			return {
				...state,
				screen: back.screen,
				row: back.row ?? 0,
				article: back.article,
				selected: back.article,
				positions: back.pos ? {...state.positions, [back.article]: back.pos} : state.positions,
				history: state.history.slice(0, -1),
			};
		}
		default:
			break;
	}
	const layout = ctx.layoutFor(state.article);
	const pos = state.positions[state.article];
	if (!layout || !pos) return state;
	const h = Math.max(1, ctx.height);
	let next: ReaderPos = pos;
	switch (cmd) {
		case 'down':
			next = motions.step(layout, pos, h, 1);
			break;
		case 'up':
			next = motions.step(layout, pos, h, -1);
			break;
		case 'pageDown':
			next = motions.scroll(layout, pos, h, Math.max(1, h - 1));
			break;
		case 'pageUp':
			next = motions.scroll(layout, pos, h, -Math.max(1, h - 1));
			break;
		case 'halfDown':
			next = motions.scroll(layout, pos, h, Math.max(1, Math.floor(h / 2)));
			break;
		case 'halfUp':
			next = motions.scroll(layout, pos, h, -Math.max(1, Math.floor(h / 2)));
			break;
		case 'top':
			next = motions.top(layout);
			break;
		case 'bottom':
			next = motions.bottom(layout, h);
			break;
		default:
			return state;
	}
	return next === pos ? state : {...state, positions: {...state.positions, [state.article]: next}};
}
