/**
 * The library: the first screen when several stories are opened (two or more folders, or a
 * folder of story folders). Each story opens in the full app; q there comes back here.
 */
import {Box, Text, useApp} from 'ink';
import {useMemo, useState} from 'react';
import type {Story} from '../core/types.js';
import {App, storyKeys} from './App.js';
import {StatusBar} from './components/StatusBar.js';
import {useTerminalSize, type Size} from './hooks/useTerminalSize.js';
import {displayText} from './layout.js';
import type {ProgressPort} from './progress.js';
import {pickTheme, type Theme} from './theme.js';
import {useKeys} from './hooks/useKeys.js';

/** Share of a story's articles marked read, for the library list. */
function readShare(keys: ReturnType<typeof storyKeys>, progress: ProgressPort): string {
	const read = keys.articles.filter((k) => progress.getArticle(keys.story, k)?.read).length;
	return `${read}/${keys.articles.length} read`;
}

export function Library({
	stories,
	progress,
	size: fixedSize,
	theme = pickTheme(),
	onQuit,
	openUrl,
}: {
	stories: readonly Story[];
	progress: ProgressPort;
	size?: Size;
	theme?: Theme;
	onQuit?: () => void;
	openUrl?: (url: string) => Promise<void>;
}) {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const [selected, setSelected] = useState(0);
	const [open, setOpen] = useState<number | undefined>(undefined);
	// Hashing every passage of every story is not work for each key press: once per library.
	const keys = useMemo(() => stories.map(storyKeys), [stories]);
	const quit = () => {
		onQuit?.();
		exit();
	};
	useKeys(
		(input, key) => {
			if (input === 'j' || key.downArrow) setSelected((s) => Math.min(stories.length - 1, s + 1));
			else if (input === 'k' || key.upArrow) setSelected((s) => Math.max(0, s - 1));
			else if (input === 'g' || key.home) setSelected(0);
			else if (input === 'G' || key.end) setSelected(stories.length - 1);
			else if (key.return) setOpen(selected);
			else if (/^[1-9]$/.test(input) && Number(input) <= stories.length) setOpen(Number(input) - 1);
			else if (input === 'q' || input === 'Q' || key.escape || (key.ctrl && input === 'c')) quit();
		},
		{isActive: open === undefined},
	);
	const story = open === undefined ? undefined : stories[open];
	if (story)
		return <App key={story.id} story={story} progress={progress} theme={theme} {...(fixedSize && {size: fixedSize})} onBack={() => setOpen(undefined)} onQuit={quit} {...(openUrl && {openUrl})} />;
	const width = size.columns - 1;
	const room = Math.max(1, size.rows - 5);
	const top = Math.max(0, Math.min(selected - room + 1, stories.length - room));
	return (
		<Box flexDirection="column" height={size.rows - 1} width={width}>
			<Text {...theme.headline}>Library · {stories.length} stories</Text>
			<Text> </Text>
			<Box flexDirection="column" flexGrow={1}>
				{stories.slice(top, top + room).map((s, i) => {
					const idx = top + i;
					const sel = idx === selected;
					const outlets = [...new Set(s.articles.map((a) => a.meta.outlet))];
					return (
						<Box key={s.id} height={1} width={width}>
							<Box width={2} flexShrink={0}>
								<Text {...theme.focusBar}>{sel ? '▌' : ' '}</Text>
							</Box>
							<Box flexGrow={1} flexShrink={1} marginRight={1}>
								<Text {...(sel ? theme.selection : theme.text)} wrap="truncate-end">
									{displayText(s.title)}
									<Text {...theme.muted}> · {displayText(outlets.join(', '))}</Text>
								</Text>
							</Box>
							<Box flexShrink={0}>
								<Text {...theme.muted}>{readShare(keys[idx]!, progress)}</Text>
							</Box>
						</Box>
					);
				})}
			</Box>
			<StatusBar theme={theme} width={width} hints="j/k move  Enter open  q quit" help={false} />
		</Box>
	);
}
