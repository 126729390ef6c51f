import {Box, Text} from 'ink';
import type {Story} from '../../core/types.js';
import {displayText, fitColumns} from '../layout.js';
import type {ArticleProgressView} from '../progress.js';
import type {Theme} from '../theme.js';

/** Read progress of an article as shown on the overview. */
export function progressLabel(p: ArticleProgressView | undefined, total: number): string {
	if (p?.read) return 'read';
	if (!p) return 'new';
	const pct = Math.round((100 * Math.min(total, p.furthest + 1)) / Math.max(1, total));
	return `${pct}%`;
}

/** The story overview: one row per article, the selected one marked. */
export function Overview({
	theme,
	story,
	selected,
	progress,
	width,
	height,
	note,
}: {
	theme: Theme;
	story: Story;
	selected: number;
	progress: readonly (ArticleProgressView | undefined)[];
	/** Quiz line: reviews due and the story's quiz stats. */
	note?: string;
	width: number;
	height: number;
}) {
	const outletW = Math.min(20, Math.max(6, ...story.articles.map((a) => a.meta.outlet.length)));
	const dateW = 11;
	const wordsW = 8;
	const progW = 6;
	const room = Math.max(1, height - 3);
	const first = Math.max(0, Math.min(selected - room + 1, story.articles.length - room));
	const rows = story.articles.slice(first, first + room);
	const outlets = new Set(story.articles.map((a) => a.meta.outlet)).size;
	const showDate = width >= 70;
	const showWords = width >= 60;
	// gutter 2, number 3, outlet and a space, title and a space, date, words and a space, progress
	const titleW = Math.max(1, width - 2 - 3 - (outletW + 1) - 1 - (showDate ? dateW : 0) - (showWords ? wordsW + 1 : 0) - progW);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text {...theme.headline} wrap="truncate-end">
				{displayText(story.title)}
			</Text>
			<Text {...theme.muted} wrap="truncate-end">
				{story.articles.length} {story.articles.length === 1 ? 'article' : 'articles'} · {outlets} {outlets === 1 ? 'outlet' : 'outlets'}
				{note ? ` · ${note}` : ''}
			</Text>
			<Text> </Text>
			{rows.map((a, i) => {
				const idx = first + i;
				const sel = idx === selected;
				const style = sel ? theme.selection : theme.text;
				// One Text per row, its columns fitted here (a Box per column made the first frame slower).
				return (
					<Text key={a.meta.id} wrap="truncate-end">
						<Text {...theme.focusBar}>{sel ? '▌ ' : '  '}</Text>
						<Text {...theme.muted}>{fitColumns(idx < 9 ? `${idx + 1}` : '', 3)}</Text>
						<Text {...style}>
							{fitColumns(displayText(a.meta.outlet), outletW)} {fitColumns(displayText(a.meta.title), titleW)}{' '}
						</Text>
						<Text {...theme.muted}>
							{showDate ? fitColumns((a.meta.date ?? '').slice(0, 10), dateW) : ''}
							{showWords ? `${`${a.wordCount} w`.padStart(wordsW)} ` : ''}
						</Text>
						<Text {...(progress[idx]?.read ? theme.success : theme.muted)}>{progressLabel(progress[idx], a.sentences.length).padStart(progW)}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
