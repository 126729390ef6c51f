import {Box, Text} from 'ink';
import type {Theme} from '../theme.js';

/**
 * One line at the bottom: key hints on the left (truncated when narrow), then a note (position,
 * match counter), and `? help` pinned at the right so it shows at any width.
 */
export function StatusBar({theme, width, hints, note, help = true}: {theme: Theme; width: number; hints: string; note?: string; help?: boolean}) {
	return (
		<Box width={width} height={1}>
			<Box flexGrow={1} flexShrink={1}>
				<Text {...theme.statusBar} wrap="truncate-end">
					{hints}
				</Text>
			</Box>
			{note ? (
				<Box flexShrink={0} marginLeft={1}>
					<Text {...theme.muted}>{note}</Text>
				</Box>
			) : null}
			{help ? (
				<Box flexShrink={0} marginLeft={2}>
					<Text {...theme.key}>?</Text>
					<Text {...theme.statusBar}> help</Text>
				</Box>
			) : null}
		</Box>
	);
}
