import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Article} from '../../core/types.js';
import {displayText, topLine, type Layout, type Line, type ReaderPos} from '../layout.js';
import type {Style, Theme} from '../theme.js';

/** Columns taken by the gutter left of the text. */
export const GUTTER = 2;

/** Text columns for a terminal width: min(width, 80) less the gutter and the last column. */
export function textColumns(columns: number): number {
	return Math.max(10, Math.min(columns - 1, 80) - GUTTER);
}

function roleStyle(theme: Theme, line: Line): Style {
	if (line.role === 'headline') return theme.headline;
	if (line.role === 'caption') return theme.caption;
	if (line.role === 'standfirst') return {...theme.text, italic: true};
	return theme.text;
}

/** One screen line: gutter, then the text with the focused sentence's part styled as focus. */
const BodyLine = memo(function BodyLine({
	theme,
	text,
	line,
	focus,
}: {
	theme: Theme;
	text: string;
	line: Line;
	focus: {start: number; end: number};
}) {
	if (line.blank) return <Text> </Text>;
	const base = roleStyle(theme, line);
	const a = Math.max(line.start, Math.min(line.end, focus.start));
	const b = Math.max(line.start, Math.min(line.end, focus.end));
	const inFocus = b > a;
	return (
		<Box height={1}>
			<Box width={GUTTER} flexShrink={0}>
				<Text {...theme.focusBar}>{inFocus ? '▌' : ' '}</Text>
			</Box>
			<Text wrap="truncate-end">
				<Text {...base}>{displayText(text.slice(line.start, a))}</Text>
				<Text {...base} {...theme.focus}>
					{displayText(text.slice(a, b))}
				</Text>
				<Text {...base}>{displayText(text.slice(b, line.end))}</Text>
			</Text>
		</Box>
	);
});

/** The article header: outlet · headline · date, and the position on the right. */
function Header({theme, article, pos, width, outletIndex, outletCount}: {theme: Theme; article: Article; pos: ReaderPos; width: number; outletIndex: number; outletCount: number}) {
	const n = article.sentences.length;
	const position = `${Math.min(n, pos.focus + 1)}/${n} · ${outletIndex + 1} of ${outletCount}`;
	return (
		<Box width={width} height={1}>
			<Box flexShrink={0}>
				<Text {...theme.accent} bold>
					{displayText(article.meta.outlet)}
				</Text>
			</Box>
			<Box flexGrow={1} flexShrink={1} marginLeft={1}>
				<Text wrap="truncate-end">
					· {displayText(article.meta.title)}
					{article.meta.date ? ` · ${article.meta.date.slice(0, 10)}` : ''}
				</Text>
			</Box>
			<Box flexShrink={0} marginLeft={1}>
				<Text {...theme.muted}>{position}</Text>
			</Box>
		</Box>
	);
}

/** The reader: header, a rule, the visible window of pre-wrapped lines. */
export function Reader({
	theme,
	article,
	layout,
	pos,
	width,
	height,
	outletIndex,
	outletCount,
}: {
	theme: Theme;
	article: Article;
	layout: Layout;
	pos: ReaderPos;
	width: number;
	/** Body lines available (the frame adds header and rule). */
	height: number;
	outletIndex: number;
	outletCount: number;
}) {
	const top = topLine(layout, pos, height);
	const visible = layout.lines.slice(top, top + height);
	const s = article.sentences[pos.focus];
	const focus = s ? {start: s.start, end: s.end} : {start: 0, end: 0};
	const measure = layout.width + GUTTER;
	const margin = Math.max(0, Math.floor((width - 1 - measure) / 2));
	const end = top + height >= layout.lines.length;
	return (
		<Box flexDirection="column" width={width} height={height + 2}>
			<Header theme={theme} article={article} pos={pos} width={width} outletIndex={outletIndex} outletCount={outletCount} />
			<Text {...theme.muted}>{'─'.repeat(Math.max(0, width - 1))}</Text>
			<Box flexDirection="column" marginLeft={margin} height={height} width={measure}>
				{visible.map((line, i) => (
					<BodyLine key={top + i} theme={theme} text={article.text} line={line} focus={focus} />
				))}
				{end && visible.length < height ? <Text {...theme.muted}>{'  (end)'}</Text> : null}
			</Box>
		</Box>
	);
}
