import {Box, Text} from 'ink';
import {memo, useMemo} from 'react';
import type {Article, Span} from '../../core/types.js';
import {displayText, topLine, type Layout, type Line, type ReaderPos} from '../layout.js';
import type {Style, Theme} from '../theme.js';

const NONE: readonly Span[] = [];

/** Columns taken by the gutter left of the text. */
export const GUTTER = 3;

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
	focusStart,
	focusEnd,
	mark,
	highlights,
	quotes,
	hidden,
}: {
	theme: Theme;
	text: string;
	line: Line;
	/** The focused sentence (absolute offsets); numbers, so memo sees when nothing changed. */
	focusStart: number;
	focusEnd: number;
	/** Gutter mark: how many other outlets carry the passage starting on this line. */
	mark: string;
	/** Search matches (absolute offsets, the whole article's: the same array every render). */
	highlights: readonly Span[];
	/** Quoted speech (absolute offsets, the whole article's). */
	quotes: readonly Span[];
	/** Markup not to show (a Markdown file's emphasis markers, link addresses; the whole article's). */
	hidden: readonly Span[];
}) {
	const focus = {start: focusStart, end: focusEnd};
	const onLine = (h: Span) => h.end > line.start && h.start < line.end;
	if (line.blank) return <Text> </Text>;
	const base = roleStyle(theme, line);
	const inFocus = Math.min(line.end, focus.end) > Math.max(line.start, focus.start);
	// Cut the line where focus or a search match starts or ends, and style each piece.
	const cuts = new Set<number>([line.start, line.end]);
	const hl = highlights.filter(onLine);
	const qs = quotes.filter(onLine);
	const hide = hidden.filter(onLine);
	for (const p of [focus, ...hl, ...qs, ...hide]) for (const x of [p.start, p.end]) if (x > line.start && x < line.end) cuts.add(x);
	const points = [...cuts].sort((a, b) => a - b);
	const pieces = points.slice(0, -1).flatMap((a, i) => {
		const b = points[i + 1]!;
		// Hidden markup is cut out (the line comes out a little shorter than it was wrapped for).
		if (hide.some((h) => a >= h.start && b <= h.end)) return [];
		const focused = a >= focus.start && b <= focus.end;
		const hit = hl.some((h) => a >= h.start && b <= h.end);
		const quoted = qs.some((h) => a >= h.start && b <= h.end);
		const style = {...base, ...(quoted ? theme.quote : {}), ...(focused ? theme.focus : {}), ...(hit ? theme.match : {})};
		return (
			<Text key={a} {...style}>
				{displayText(text.slice(a, b))}
			</Text>
		);
	});
	return (
		<Box height={1}>
			<Box width={GUTTER} flexShrink={0}>
				<Text {...theme.muted}>{mark}</Text>
				<Text {...theme.focusBar}>{inFocus ? '▌' : ' '}</Text>
				<Text> </Text>
			</Box>
			<Text wrap="truncate-end">{pieces}</Text>
		</Box>
	);
});

/** The article header: outlet · headline · date, and the position on the right. */
function Header({
	theme,
	article,
	pos,
	width,
	outletIndex,
	outletCount,
	carriers,
}: {
	theme: Theme;
	article: Article;
	pos: ReaderPos;
	width: number;
	outletIndex: number;
	outletCount: number;
	carriers: number | undefined;
}) {
	const n = article.sentences.length;
	const also = carriers === undefined ? '' : carriers === 0 ? ' · only here' : ` · in ${carriers} other${carriers === 1 ? '' : 's'}`;
	const position = `${Math.min(n, pos.focus + 1)}/${n}${also} · ${outletIndex + 1} of ${outletCount}`;
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
	marks,
	highlights = NONE,
	quotes = NONE,
	hidden = NONE,
	info,
}: {
	theme: Theme;
	article: Article;
	layout: Layout;
	/** Search matches to mark (absolute offsets, sorted). */
	highlights?: readonly Span[];
	/** Quoted speech to mark (absolute offsets). */
	quotes?: readonly Span[];
	/** Markup to hide (absolute offsets): see `markupSpans`. */
	hidden?: readonly Span[];
	/** One line about the focused passage (its speakers, or which outlets also carry it). */
	info?: string;
	/** How many other outlets carry sentence i (shown in the gutter); absent while analysing. */
	marks?: (sentence: number) => number;
	pos: ReaderPos;
	width: number;
	/** Body lines available (the frame adds header and rule). */
	height: number;
	outletIndex: number;
	outletCount: number;
}) {
	const top = topLine(layout, pos, height);
	// The sentence whose mark a line shows: the focused one if it starts there, else the first.
	const starts = useMemo(() => {
		const m = new Map<number, number[]>();
		layout.firstLine.forEach((li, si) => m.set(li, [...(m.get(li) ?? []), si]));
		return m;
	}, [layout]);
	const markOf = (li: number): string => {
		const ss = starts.get(li);
		if (!ss || !marks) return ' ';
		const si = ss.includes(pos.focus) ? pos.focus : ss[0]!;
		const n = marks(si);
		return n === 0 ? ' ' : n > 9 ? '+' : String(n);
	};
	const visible = layout.lines.slice(top, top + height);
	const s = article.sentences[pos.focus];
	const focus = s ? {start: s.start, end: s.end} : {start: 0, end: 0};
	const measure = layout.width + GUTTER;
	const margin = Math.max(0, Math.floor((width - measure) / 2));
	const end = top + height >= layout.lines.length;
	return (
		<Box flexDirection="column" width={width} height={height + 3}>
			<Header theme={theme} article={article} pos={pos} width={width} outletIndex={outletIndex} outletCount={outletCount} carriers={marks?.(pos.focus)} />
			<Text {...theme.muted}>{'─'.repeat(Math.max(0, width))}</Text>
			<Box flexDirection="column" marginLeft={margin} height={height} width={measure}>
				{visible.map((line, i) => (
					<BodyLine
						key={top + i}
						theme={theme}
						text={article.text}
						line={line}
						// Lines the focus does not touch get a constant, so memo skips them on j/k.
						focusStart={line.end > focus.start && line.start < focus.end ? focus.start : -1}
						focusEnd={line.end > focus.start && line.start < focus.end ? focus.end : -1}
						mark={markOf(top + i)}
						highlights={highlights}
						quotes={quotes}
						hidden={hidden}
					/>
				))}
				{end && visible.length < height ? <Text {...theme.muted}>{'   (end)'}</Text> : null}
			</Box>
			<Box height={1} width={width}>
				<Text {...theme.accent} wrap="truncate-end">
					{info ? displayText(info) : ' '}
				</Text>
			</Box>
		</Box>
	);
}
