/**
 * The one keymap. Every key the app answers to is declared here, per screen; the input owner
 * (App) resolves keys through {@link matchKey} and the help overlay is generated from
 * {@link KEYMAP}, so help can never disagree with behaviour.
 *
 * Reserved for features that follow (do not bind): ] [ c o w / n N t - Backspace.
 */
import type {Key} from 'ink';

export type Screen = 'overview' | 'reader';

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
	| 'toggleRead';

/** A key as the user types it: a character, or a named special key. */
export type KeySpec =
	| {readonly char: string}
	| {readonly special: 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab'}
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

export const KEYMAP: readonly Binding[] = [
	{command: 'down', keys: [c('j'), s('down')], screens: ['overview', 'reader'], help: 'next passage / next article'},
	{command: 'up', keys: [c('k'), s('up')], screens: ['overview', 'reader'], help: 'previous passage / previous article'},
	{command: 'open', keys: [s('return')], screens: ['overview'], help: 'read the selected article'},
	{command: 'pageDown', keys: [c(' '), s('pageDown'), c('f')], screens: ['reader'], help: 'page down'},
	{command: 'pageUp', keys: [c('b'), s('pageUp')], screens: ['reader'], help: 'page up'},
	{command: 'halfDown', keys: [c('d')], screens: ['reader'], help: 'half a page down'},
	{command: 'halfUp', keys: [c('u')], screens: ['reader'], help: 'half a page up'},
	{command: 'top', keys: [c('g'), s('home')], screens: ['overview', 'reader'], help: 'top'},
	{command: 'bottom', keys: [c('G'), s('end')], screens: ['overview', 'reader'], help: 'bottom'},
	{command: 'nextOutlet', keys: [c('l'), s('right')], screens: ['reader'], help: 'next outlet'},
	{command: 'prevOutlet', keys: [c('h'), s('left')], screens: ['reader'], help: 'previous outlet'},
	{command: 'outletN', keys: [{digit: true}], screens: ['overview', 'reader'], help: 'outlet number 1–9'},
	{command: 'toggleRead', keys: [c('m')], screens: ['overview', 'reader'], help: 'mark read / unread'},
	{command: 'help', keys: [c('?')], screens: ['overview', 'reader'], help: 'this help'},
	{command: 'back', keys: [c('q'), s('escape')], screens: ['overview', 'reader'], help: 'back (quit on the overview)'},
	{command: 'quit', keys: [c('Q'), {ctrl: 'c'}], screens: ['overview', 'reader'], help: 'quit'},
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
	return {up: '↑', down: '↓', left: '←', right: '→', pageUp: 'PgUp', pageDown: 'PgDn', home: 'Home', end: 'End', return: 'Enter', escape: 'Esc', tab: 'Tab'}[spec.special];
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
};
