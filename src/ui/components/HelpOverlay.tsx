import {Box, Text} from 'ink';
import {helpRows, type Screen} from '../keymap.js';
import type {Theme} from '../theme.js';

/** The key list for a screen, generated from the keymap; clipped to `height` lines. */
export function HelpOverlay({theme, screen, width, height}: {theme: Theme; screen: Screen; width: number; height: number}) {
	const rows = helpRows(screen);
	const keyWidth = Math.min(22, Math.max(...rows.map((r) => r.keys.length)) + 2);
	const room = Math.max(0, height - 2);
	const shown = rows.slice(0, room);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text {...theme.headline} wrap="truncate-end">
				Keys — {screen === 'overview' ? 'story overview' : 'reader'}
				{rows.length > shown.length ? `  (${rows.length - shown.length} more: enlarge the terminal)` : ''}
			</Text>
			<Text> </Text>
			{shown.map((r) => (
				<Box key={r.help} height={1}>
					<Box width={keyWidth} flexShrink={0}>
						<Text {...theme.key} wrap="truncate-end">
							{r.keys}
						</Text>
					</Box>
					<Text wrap="truncate-end">{r.help}</Text>
				</Box>
			))}
		</Box>
	);
}
