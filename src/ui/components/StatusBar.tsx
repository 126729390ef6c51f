import {Text} from 'ink';
import {displayText, fitColumns, width as columns} from '../layout.js';
import type {Theme} from '../theme.js';

/**
 * One line at the bottom: key hints on the left (truncated when narrow), then a note (position,
 * match counter), and `? help` pinned at the right so it shows at any width. One Text with its
 * parts fitted here, not a Box per part (the status bar is in every frame, the first included).
 */
export function StatusBar({theme, width, hints, note, help = true}: {theme: Theme; width: number; hints: string; note?: string; help?: boolean}) {
	const noteText = note ? ` ${displayText(note)}` : '';
	const helpW = help ? 8 : 0; // "  ? help"
	const hintsW = Math.max(0, width - columns(noteText) - helpW);
	return (
		<Text wrap="truncate-end">
			<Text {...theme.statusBar}>{fitColumns(hints, hintsW)}</Text>
			{noteText ? <Text {...theme.muted}>{noteText}</Text> : null}
			{help ? (
				<>
					<Text {...theme.key}>{'  ?'}</Text>
					<Text {...theme.statusBar}> help</Text>
				</>
			) : null}
		</Text>
	);
}
