/**
 * The app's navigation state and its reducer (pure). Components dispatch commands; reader
 * motions need the current layout and viewport height, which the component passes along.
 */
import type {Command} from './keymap.js';
import {motions, type Layout, type ReaderPos} from './layout.js';

export interface AppState {
	readonly screen: 'overview' | 'reader';
	readonly help: boolean;
	/** Selected row on the overview. */
	readonly selected: number;
	/** Article open in the reader. */
	readonly article: number;
	/** Reader position per article index (absent: not opened yet this session). */
	readonly positions: Readonly<Record<number, ReaderPos>>;
	readonly quit: boolean;
}

export const initialState = (selected = 0): AppState => ({
	screen: 'overview',
	help: false,
	selected,
	article: selected,
	positions: {},
	quit: false,
});

/** What the reducer needs to know about the screen to carry out a command. */
export interface CommandContext {
	readonly articleCount: number;
	/** Layout of the open article at the current width (reader only). */
	readonly layout?: Layout;
	/** Body viewport height in lines. */
	readonly height: number;
	/** Where to start an article not yet opened this session (restored from progress). */
	readonly startFor?: (article: number) => number;
	/** The digit typed, for outletN. */
	readonly digit?: number;
}

export type Action =
	| {readonly type: 'command'; readonly command: Command; readonly ctx: CommandContext}
	| {readonly type: 'open'; readonly article: number; readonly ctx: CommandContext};

/** Position to show when an article is opened: its saved passage a third of the way down. */
function entry(state: AppState, article: number, ctx: CommandContext): ReaderPos {
	const existing = state.positions[article];
	if (existing) return existing;
	const focus = ctx.startFor?.(article) ?? 0;
	return {focus, row: focus === 0 ? 0 : Math.floor(ctx.height / 3)};
}

function openArticle(state: AppState, article: number, ctx: CommandContext): AppState {
	const a = ((article % ctx.articleCount) + ctx.articleCount) % ctx.articleCount;
	return {...state, screen: 'reader', help: false, article: a, selected: a, positions: {...state.positions, [a]: entry(state, a, ctx)}};
}

/** Apply an action. */
export function reduce(state: AppState, action: Action): AppState {
	const {ctx} = action;
	if (action.type === 'open') return openArticle(state, action.article, ctx);
	const cmd = action.command;
	if (cmd === 'quit') return {...state, quit: true};
	if (state.help) return cmd === 'back' || cmd === 'help' ? {...state, help: false} : state;
	if (cmd === 'help') return {...state, help: true};

	if (state.screen === 'overview') {
		const n = ctx.articleCount;
		switch (cmd) {
			case 'down':
				return {...state, selected: Math.min(n - 1, state.selected + 1)};
			case 'up':
				return {...state, selected: Math.max(0, state.selected - 1)};
			case 'top':
				return {...state, selected: 0};
			case 'bottom':
				return {...state, selected: n - 1};
			case 'open':
				return openArticle(state, state.selected, ctx);
			case 'outletN':
				return ctx.digit !== undefined && ctx.digit <= n ? openArticle(state, ctx.digit - 1, ctx) : state;
			case 'back':
				return {...state, quit: true};
			default:
				return state;
		}
	}

	// Reader.
	switch (cmd) {
		case 'back':
			return {...state, screen: 'overview', selected: state.article};
		case 'nextOutlet':
			return openArticle(state, state.article + 1, ctx);
		case 'prevOutlet':
			return openArticle(state, state.article - 1, ctx);
		case 'outletN':
			return ctx.digit !== undefined && ctx.digit <= ctx.articleCount ? openArticle(state, ctx.digit - 1, ctx) : state;
		default:
			break;
	}
	const layout = ctx.layout;
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
