import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {Span, Story} from '../../core/types.js';
import {displayText, wrapSpan} from '../layout.js';
import type {Theme} from '../theme.js';

/** One outlet's version of the passage being compared. */
export interface CompareRow {
	readonly article: number;
	readonly sentence: number;
	/** Link score to the focused passage; undefined for the focused passage itself. */
	readonly score?: number;
}

/** Lines of one block: each line a list of [text, marked] segments. */
type Seg = readonly [string, boolean];

function markedLines(text: string, marks: readonly Span[], cols: number): Seg[][] {
	return wrapSpan(text, 0, text.length, cols).map((l) => {
		const segs: Seg[] = [];
		let pos = l.start;
		for (const m of marks) {
			if (m.end <= pos || m.start >= l.end) continue;
			const a = Math.max(pos, m.start);
			const b = Math.min(l.end, m.end);
			if (a > pos) segs.push([text.slice(pos, a), false]);
			segs.push([text.slice(a, b), true]);
			pos = b;
		}
		if (pos < l.end) segs.push([text.slice(pos, l.end), false]);
		return segs;
	});
}

/**
 * Compare: the focused passage and each outlet's counterpart stacked, the words each shares with
 * the focused passage marked, and the outlets that do not report it.
 */
export function Compare({
	theme,
	story,
	rows,
	missing,
	selected,
	shared,
	width,
	height,
}: {
	theme: Theme;
	story: Story;
	/** Spans of the words two passages share (the alignment's own notion of a shared word). */
	shared: (a: string, b: string) => {a: readonly Span[]; b: readonly Span[]};
	/** The focused passage first, then its counterparts. */
	rows: readonly CompareRow[];
	/** Outlets (article indices) that do not report it. */
	missing: readonly number[];
	selected: number;
	width: number;
	height: number;
}) {
	const cols = Math.max(10, Math.min(width - 1, 84) - 2);
	const textOf = (r: CompareRow) => {
		const a = story.articles[r.article]!;
		const s = a.sentences[r.sentence]!;
		return a.text.slice(s.start, s.end);
	};
	const base = rows[0] ? textOf(rows[0]) : '';
	type Out = {key: string; block: number; node: ReactNode};
	const lines: Out[] = [];
	rows.forEach((r, i) => {
		const text = textOf(r);
		const a = story.articles[r.article]!;
		const marks = i === 0 ? [] : shared(base, text).b;
		const sel = i === selected;
		lines.push({
			key: `h${i}`,
			block: i,
			node: (
				<Text wrap="truncate-end">
					<Text {...theme.focusBar}>{sel ? '▌ ' : '  '}</Text>
					<Text {...theme.accent} bold>
						{displayText(a.meta.outlet)}
					</Text>
					<Text {...theme.muted}>
						{i === 0 ? '  (this passage)' : `  match ${Math.round((r.score ?? 0) * 100)}%`} · passage {r.sentence + 1}
					</Text>
				</Text>
			),
		});
		markedLines(text, marks, cols).forEach((segs, j) =>
			lines.push({
				key: `t${i}.${j}`,
				block: i,
				node: (
					<Text wrap="truncate-end">
						<Text {...theme.focusBar}>{sel ? '▌ ' : '  '}</Text>
						{segs.map(([t, m], k) => (
							<Text key={k} {...(m ? {...theme.focus, underline: true} : theme.text)}>
								{displayText(t)}
							</Text>
						))}
					</Text>
				),
			}),
		);
		lines.push({key: `b${i}`, block: i, node: <Text> </Text>});
	});
	const names = missing.map((m) => story.articles[m]!.meta.outlet);
	const footer = rows.length <= 1 ? 'No other outlet reports this passage.' : names.length ? `Not reported by: ${names.join(', ')}` : 'Reported by every outlet.';
	const room = Math.max(1, height - 2);
	const firstOfSel = lines.findIndex((l) => l.block === selected);
	let lastOfSel = firstOfSel;
	while (lastOfSel + 1 < lines.length && lines[lastOfSel + 1]!.block === selected) lastOfSel++;
	let top = 0;
	if (lastOfSel >= room) top = Math.min(firstOfSel, lastOfSel - room + 1);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text {...theme.headline} wrap="truncate-end">
				Compare · {rows.length} {rows.length === 1 ? 'outlet' : 'outlets'} · shared words marked
			</Text>
			{lines.slice(top, top + room).map((l) => (
				<Box key={l.key} height={1}>
					{l.node}
				</Box>
			))}
			<Text {...theme.muted} wrap="truncate-end">
				{footer}
			</Text>
		</Box>
	);
}
