/**
 * Named colour tokens. Components never use literal colours: they ask the theme.
 * Colours are the 16 ANSI ones (readable on dark and light terminals); state is also carried
 * by bold, dim, underline and the gutter bar, so the colourless theme loses no information.
 */
export interface Style {
	readonly color?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly underline?: boolean;
	readonly inverse?: boolean;
	readonly italic?: boolean;
}

export interface Theme {
	readonly name: 'default' | 'no-color';
	readonly text: Style;
	readonly muted: Style;
	readonly accent: Style;
	readonly headline: Style;
	readonly caption: Style;
	readonly focus: Style;
	readonly focusBar: Style;
	readonly selection: Style;
	/** Search matches in the text. */
	readonly match: Style;
	/** Quoted speech in the text. */
	readonly quote: Style;
	readonly statusBar: Style;
	readonly key: Style;
	readonly warning: Style;
	readonly error: Style;
	readonly success: Style;
}

export const defaultTheme: Theme = {
	name: 'default',
	text: {},
	muted: {dimColor: true},
	accent: {color: 'cyan'},
	headline: {bold: true},
	caption: {italic: true, dimColor: true},
	focus: {color: 'cyan', bold: true},
	focusBar: {color: 'cyan', bold: true},
	selection: {color: 'cyan', bold: true},
	match: {inverse: true},
	quote: {color: 'green'},
	statusBar: {dimColor: true},
	key: {color: 'cyan', bold: true},
	warning: {color: 'yellow'},
	error: {color: 'red', bold: true},
	success: {color: 'green'},
};

export const noColorTheme: Theme = {
	name: 'no-color',
	text: {},
	muted: {dimColor: true},
	accent: {bold: true},
	headline: {bold: true},
	caption: {italic: true, dimColor: true},
	focus: {bold: true, underline: true},
	focusBar: {bold: true},
	selection: {inverse: true},
	match: {inverse: true},
	quote: {italic: true},
	statusBar: {dimColor: true},
	key: {bold: true},
	warning: {bold: true},
	error: {bold: true},
	success: {bold: true},
};

/** The theme for this environment: NO_COLOR (any non-empty value) selects the colourless one. */
export function pickTheme(env: NodeJS.ProcessEnv = process.env): Theme {
	if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return defaultTheme;
	return env.NO_COLOR ? noColorTheme : defaultTheme;
}
