import {Box, Text} from 'ink';
import type {Theme} from '../theme.js';

/** One line at the bottom: key hints on the left, a note (position, message) on the right. */
export function StatusBar({theme, width, hints, note}: {theme: Theme; width: number; hints: string; note?: string}) {
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
		</Box>
	);
}
