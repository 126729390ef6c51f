/**
 * The one keymap. Every key the app answers to is declared here, per screen; the input owner
 * (App) resolves keys through {@link matchKey} and the help overlay is generated from
 * {@link KEYMAP}, so help can never disagree with behaviour.
 *
 * Every key in the brief is bound; keep new ones out of j k h l g G q ? / and the digits.
 */
import type {Key} from 'ink';

export type Screen = 'overview' | 'reader' | 'compare' | 'coverage' | 'who' | 'quiz';

export type Command =
	| 'quit'
	| 'back'
	| 'help'
	| 'up'
	| 'down'
	| 'open'
	| 'pageDown'
	| 'pageUp'
	| 'halfDown'
	| 'halfUp'
	| 'top'
	| 'bottom'
	| 'prevOutlet'
	| 'nextOutlet'
	| 'outletN'
	| 'toggleRead'
	| 'openInBrowser'
	| 'nextParallel'
	| 'prevParallel'
	| 'jumpBack'
	| 'compare'
	| 'coverage'
	| 'sort'
	| 'switchView'
	| 'search'
	| 'nextMatch'
	| 'prevMatch'
	| 'who'
	| 'quiz'
	| 'nextQuestion'
	| 'evidence'
	| 'report';

/** A key as the user types it: a character, or a named special key. */
export type KeySpec =
	| {readonly char: string}
	| {readonly special: 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace'}
	| {readonly ctrl: string}
	| {readonly digit: true};

export interface Binding {
	readonly command: Command;
	readonly keys: readonly KeySpec[];
	readonly screens: readonly Screen[];
	/** What the help overlay says it does. */
	readonly help: string;
}

const c = (char: string): KeySpec => ({char});
const s = (special: Extract<KeySpec, {special: string}>['special']): KeySpec => ({special});

const LISTS: readonly Screen[] = ['overview', 'compare', 'coverage', 'who'];

export const KEYMAP: readonly Binding[] = [
	{command: 'down', keys: [c('j'), s('down')], screens: ['reader', ...LISTS], help: 'next passage / next row'},
	{command: 'up', keys: [c('k'), s('up')], screens: ['reader', ...LISTS], help: 'previous passage / previous row'},
	{command: 'open', keys: [s('return')], screens: LISTS, help: 'open the selected article or passage'},
	{command: 'pageDown', keys: [c(' '), s('pageDown'), c('f')], screens: ['reader', ...LISTS], help: 'page down'},
	{command: 'pageUp', keys: [c('b'), s('pageUp')], screens: ['reader', ...LISTS], help: 'page up'},
	{command: 'halfDown', keys: [c('d')], screens: ['reader'], help: 'half a page down'},
	{command: 'halfUp', keys: [c('u')], screens: ['reader'], help: 'half a page up'},
	{command: 'top', keys: [c('g'), s('home')], screens: ['reader', ...LISTS], help: 'top'},
	{command: 'bottom', keys: [c('G'), s('end')], screens: ['reader', ...LISTS], help: 'bottom'},
	{command: 'nextOutlet', keys: [c('l'), s('right')], screens: ['reader', 'coverage'], help: 'next outlet'},
	{command: 'prevOutlet', keys: [c('h'), s('left')], screens: ['reader', 'coverage'], help: 'previous outlet'},
	{command: 'outletN', keys: [{digit: true}], screens: ['overview', 'reader'], help: 'outlet number 1–9'},
	{command: 'nextParallel', keys: [c(']'), c('J')], screens: ['reader'], help: 'same passage in the next outlet that carries it'},
	{command: 'prevParallel', keys: [c('['), c('K')], screens: ['reader'], help: 'same passage in the previous outlet that carries it'},
	{command: 'jumpBack', keys: [c('-'), s('backspace')], screens: ['reader'], help: 'back along the jump history'},
	{command: 'compare', keys: [c('c')], screens: ['reader'], help: 'compare this passage across outlets'},
	{command: 'coverage', keys: [c('o')], screens: ['overview', 'reader'], help: 'coverage: facts × outlets, and what only one outlet reports'},
	{command: 'sort', keys: [c('s')], screens: ['coverage'], help: 'sort facts by how many outlets carry them / story order'},
	{command: 'switchView', keys: [s('tab')], screens: ['coverage'], help: 'switch between shared facts and "only in this outlet"'},
	{command: 'who', keys: [c('w')], screens: ['overview', 'reader'], help: 'who said what: speakers and their quotes across outlets'},
	{command: 'search', keys: [c('/')], screens: ['overview', 'reader', 'who'], help: 'search every outlet (on Who said what: filter as you type)'},
	{command: 'nextMatch', keys: [c('n')], screens: ['reader'], help: 'next match of the last search in this article'},
	{command: 'prevMatch', keys: [c('N')], screens: ['reader'], help: 'previous match of the last search in this article'},
	{command: 'quiz', keys: [c('t')], screens: ['overview', 'reader'], help: 'test yourself: a round of 10 questions (missed ones come back for review)'},
	{command: 'nextQuestion', keys: [s('return'), c(' '), c('n')], screens: ['quiz'], help: 'next question (after answering with 1–4 or ↑↓ Enter)'},
	{command: 'evidence', keys: [c('g')], screens: ['quiz'], help: 'read the evidence passage (q comes back)'},
	{command: 'report', keys: [c('r')], screens: ['quiz'], help: 'report a bad question (never shown again)'},
	{command: 'toggleRead', keys: [c('m')], screens: ['overview', 'reader'], help: 'mark read / unread'},
	{command: 'openInBrowser', keys: [c('O')], screens: ['overview', 'reader'], help: "open the article's web page in your browser"},
	{command: 'help', keys: [c('?')], screens: ['reader', 'quiz', ...LISTS], help: 'this help'},
	{command: 'back', keys: [c('q'), s('escape')], screens: ['reader', 'quiz', ...LISTS], help: 'back (quit on the overview)'},
	{command: 'quit', keys: [c('Q'), {ctrl: 'c'}], screens: ['reader', 'quiz', ...LISTS], help: 'quit'},
];

function specMatches(spec: KeySpec, input: string, key: Key): boolean {
	if ('digit' in spec) return /^[1-9]$/.test(input) && !key.ctrl && !key.meta;
	if ('ctrl' in spec) return key.ctrl && input === spec.ctrl;
	if ('char' in spec) return input === spec.char && !key.ctrl && !key.meta;
	switch (spec.special) {
		case 'up':
			return key.upArrow;
		case 'down':
			return key.downArrow;
		case 'left':
			return key.leftArrow;
		case 'right':
			return key.rightArrow;
		case 'pageUp':
			return key.pageUp;
		case 'pageDown':
			return key.pageDown;
		case 'home':
			return key.home;
		case 'end':
			return key.end;
		case 'return':
			return key.return;
		case 'escape':
			return key.escape;
		case 'tab':
			return key.tab && !key.shift;
		case 'backspace':
			// Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
			return key.backspace || (key.delete && input === '');
	}
}

/** Resolve a key press on a screen to a command, or undefined if the key means nothing there. */
export function matchKey(screen: Screen, input: string, key: Key): Command | undefined {
	for (const b of KEYMAP) if (b.screens.includes(screen) && b.keys.some((k) => specMatches(k, input, key))) return b.command;
	return undefined;
}

/** How a key is written in help and hints. */
export function keyLabel(spec: KeySpec): string {
	if ('digit' in spec) return '1–9';
	if ('ctrl' in spec) return `Ctrl-${spec.ctrl.toUpperCase()}`;
	if ('char' in spec) return spec.char === ' ' ? 'Space' : spec.char;
	return {up: '↑', down: '↓', left: '←', right: '→', pageUp: 'PgUp', pageDown: 'PgDn', home: 'Home', end: 'End', return: 'Enter', escape: 'Esc', tab: 'Tab', backspace: 'Backspace'}[spec.special];
}

/** Help rows for a screen: keys and what they do, straight from the keymap. */
export function helpRows(screen: Screen): {keys: string; help: string}[] {
	return KEYMAP.filter((b) => b.screens.includes(screen)).map((b) => ({keys: b.keys.map(keyLabel).join(' '), help: b.help}));
}

/** A compact hint for the status bar: the first key of each listed command. */
export function hint(screen: Screen, commands: readonly Command[]): string {
	return commands
		.map((cmd) => KEYMAP.find((b) => b.command === cmd && b.screens.includes(screen)))
		.filter((b): b is Binding => b !== undefined)
		.map((b) => `${keyLabel(b.keys[0]!)} ${shortHelp[b.command] ?? b.help}`)
		.join('  ');
}

const shortHelp: Partial<Record<Command, string>> = {
	down: 'next',
	up: 'prev',
	open: 'read',
	pageDown: 'page',
	nextOutlet: 'outlet',
	prevOutlet: 'outlet',
	help: 'help',
	back: 'back',
	quit: 'quit',
	toggleRead: 'read/unread',
	nextParallel: 'parallel',
	prevParallel: 'parallel',
	jumpBack: 'jump back',
	compare: 'compare',
	coverage: 'coverage',
	sort: 'sort',
	switchView: 'facts/only-here',
	search: 'search',
	nextMatch: 'match',
	who: 'who said what',
	quiz: 'quiz',
	nextQuestion: 'next',
	evidence: 'evidence',
	report: 'report',
};
