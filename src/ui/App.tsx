/**
 * The app root: owns navigation state and is the only input owner. Keys go through the keymap
 * to commands, commands through the reducer; progress is written as a side effect.
 */
import {Box, Text, useApp, useInput} from 'ink';
import {useEffect, useMemo, useReducer, useRef} from 'react';
import {contentId} from '../store/ids.js';
import {restorePosition} from '../store/restore.js';
import type {Story} from '../core/types.js';
import {HelpOverlay} from './components/HelpOverlay.js';
import {Overview} from './components/Overview.js';
import {Reader, textColumns} from './components/Reader.js';
import {StatusBar} from './components/StatusBar.js';
import {useTerminalSize, type Size} from './hooks/useTerminalSize.js';
import {hint, matchKey} from './keymap.js';
import {layoutArticle, type Layout} from './layout.js';
import type {ProgressPort} from './progress.js';
import {initialState, reduce, type CommandContext} from './state.js';
import {pickTheme, type Theme} from './theme.js';

/** Smallest terminal the reader lays out in. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/** Stable keys for the progress store: identity hashes for story and article, content hashes for passages. */
export function storyKeys(story: Story) {
	const articleKeys = story.articles.map((a) => contentId(`${a.meta.url ?? ''}\n${a.meta.id}\n${a.meta.outlet}`));
	return {
		story: contentId(articleKeys.slice().sort().join(',')),
		articles: articleKeys,
		passages: story.articles.map((a) => a.sentences.map((s) => contentId(a.text.slice(s.start, s.end)))),
	};
}

export interface AppProps {
	readonly story: Story;
	readonly progress: ProgressPort;
	/** Fixed size (tests); otherwise the terminal's, following resizes. */
	readonly size?: Size;
	readonly theme?: Theme;
	/** Called once when the user quits. */
	readonly onQuit?: () => void;
}

export function App({story, progress, size: fixedSize, theme = pickTheme(), onQuit}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const keys = useMemo(() => storyKeys(story), [story]);
	const [state, dispatch] = useReducer(reduce, undefined, () => initialState(0));
	// Progress lives in the store, not in React state: bump this to show a change made there.
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	// Frame: at most rows - 1 lines (Ink 6 clears the whole screen when a frame reaches the height).
	const frameHeight = size.rows - 1;
	const bodyHeight = Math.max(1, frameHeight - 3); // header, rule, status bar
	const cols = textColumns(size.columns);

	const layouts = useRef(new Map<string, Layout>());
	const layoutOf = (i: number): Layout | undefined => {
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
		return restorePosition(saved, keys.passages[i] ?? []).passageIndex;
	};

	const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;

	useInput((input, key) => {
		const screen = state.screen;
		const command = matchKey(screen, input, key);
		if (!command) return;
		if (tooSmall && command !== 'quit' && command !== 'back') return;
		if (command === 'toggleRead') {
			const i = screen === 'overview' ? state.selected : state.article;
			const p = progress.getArticle(keys.story, keys.articles[i]!);
			progress.setRead(keys.story, keys.articles[i]!, !p?.read);
			rerender();
			return;
		}
		const ctx = ctxFor(state.article, /^[1-9]$/.test(input) ? Number(input) : undefined);
		dispatch({type: 'command', command, ctx});
	});

	function ctxFor(article: number, digit?: number): CommandContext {
		const layout = state.screen === 'reader' ? layoutOf(article) : undefined;
		return {
			articleCount: story.articles.length,
			height: bodyHeight,
			startFor,
			...(layout && {layout}),
			...(digit !== undefined && {digit}),
		};
	}

	// Save the position (by passage) whenever it changes; mark read at the last passage.
	const pos = state.positions[state.article];
	useEffect(() => {
		if (state.screen !== 'reader' || !pos) return;
		const i = state.article;
		const passages = keys.passages[i] ?? [];
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

	const width = size.columns;
	if (tooSmall) {
		return (
			<Box flexDirection="column" height={Math.max(1, frameHeight)}>
				<Text {...theme.warning} wrap="truncate-end">
					Terminal too small: need at least {MIN_COLUMNS}x{MIN_ROWS}, have {size.columns}x{size.rows}.
				</Text>
				{frameHeight > 1 ? <Text {...theme.muted} wrap="truncate-end">Enlarge the window, or press Q to quit.</Text> : null}
			</Box>
		);
	}

	const screen = state.screen;
	const progressRows = story.articles.map((_, i) => progress.getArticle(keys.story, keys.articles[i]!));
	const warning = screen === 'overview' && !state.help ? progress.warnings[0] : undefined;
	const screenHeight = frameHeight - 1 - (warning ? 1 : 0);
	let body;
	if (state.help) {
		body = <HelpOverlay theme={theme} screen={screen} width={width} height={screenHeight} />;
	} else if (screen === 'overview') {
		body = <Overview theme={theme} story={story} selected={state.selected} progress={progressRows} width={width} height={screenHeight} />;
	} else {
		const article = story.articles[state.article]!;
		body = (
			<Reader
				theme={theme}
				article={article}
				layout={layoutOf(state.article)!}
				pos={pos ?? {focus: 0, row: 0}}
				width={width}
				height={bodyHeight}
				outletIndex={state.article}
				outletCount={story.articles.length}
			/>
		);
	}
	const hints = state.help
		? 'q/Esc/? close help'
		: screen === 'overview'
			? hint('overview', ['down', 'up', 'open', 'toggleRead', 'help', 'back'])
			: hint('reader', ['down', 'up', 'pageDown', 'nextOutlet', 'help', 'back']);
	return (
		<Box flexDirection="column" height={frameHeight} width={width}>
			<Box flexGrow={1} flexDirection="column">
				{body}
			</Box>
			{warning ? (
				<Text {...theme.warning} wrap="truncate-end">
					{warning}
				</Text>
			) : null}
			<StatusBar theme={theme} width={width - 1} hints={hints} note={screen === 'reader' && progressRows[state.article]?.read ? 'read' : ''} />
		</Box>
	);
}
