import {Box, Text} from 'ink';
import type {Story} from '../../core/types.js';
import {displayText} from '../layout.js';
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
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text {...theme.headline} wrap="truncate-end">
				{displayText(story.title)}
			</Text>
			<Text {...theme.muted} wrap="truncate-end">
				{story.articles.length} {story.articles.length === 1 ? 'article' : 'articles'} · {new Set(story.articles.map((a) => a.meta.outlet)).size} outlets
				{note ? ` · ${note}` : ''}
			</Text>
			<Text> </Text>
			{rows.map((a, i) => {
				const idx = first + i;
				const sel = idx === selected;
				const style = sel ? theme.selection : theme.text;
				return (
					<Box key={a.meta.id} height={1} width={width}>
						<Box width={2} flexShrink={0}>
							<Text {...theme.focusBar}>{sel ? '▌' : ' '}</Text>
						</Box>
						<Box width={3} flexShrink={0}>
							<Text {...theme.muted}>{idx < 9 ? `${idx + 1}` : ' '}</Text>
						</Box>
						<Box width={outletW} flexShrink={0} marginRight={1}>
							<Text {...style} wrap="truncate-end">
								{displayText(a.meta.outlet)}
							</Text>
						</Box>
						<Box flexGrow={1} flexShrink={1} marginRight={1}>
							<Text {...style} wrap="truncate-end">
								{displayText(a.meta.title)}
							</Text>
						</Box>
						{width >= 70 ? (
							<Box width={dateW} flexShrink={0}>
								<Text {...theme.muted}>{(a.meta.date ?? '').slice(0, 10)}</Text>
							</Box>
						) : null}
						{width >= 60 ? (
							<Box width={wordsW} flexShrink={0} justifyContent="flex-end" marginRight={1}>
								<Text {...theme.muted}>{a.wordCount} w</Text>
							</Box>
						) : null}
						<Box width={progW} flexShrink={0} justifyContent="flex-end">
							<Text {...(progress[idx]?.read ? theme.success : theme.muted)}>{progressLabel(progress[idx], a.sentences.length)}</Text>
						</Box>
					</Box>
				);
			})}
		</Box>
	);
}
