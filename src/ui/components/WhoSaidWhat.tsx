import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import type {Quote, StoryQuotes} from '../../core/quotes/index.js';
import {fold} from '../../core/fold.js';
import type {Story} from '../../core/types.js';
import {displayText} from '../layout.js';
import type {Theme} from '../theme.js';

/** A row of the Who-said-what screen: a speaker, or one outlet's wording of an utterance. */
export type WhoRow =
	| {readonly kind: 'speaker'; readonly name: string; readonly count: number; readonly aliases: readonly string[]; readonly article: number; readonly sentence: number}
	| {
			readonly kind: 'quote';
			readonly quote: Quote;
			readonly article: number;
			readonly sentence: number;
			/** Position in its utterance group: the bracket drawn beside it. */
			readonly place: 'only' | 'first' | 'middle' | 'last';
	  };

/**
 * Speakers (most quoted first), each followed by their utterances grouped across outlets: every
 * outlet's wording of the same utterance sits together. `filter` keeps speakers whose name or
 * aliases match and, for other speakers, only the quotes whose words match.
 */
export function whoRows(story: Story, quotes: StoryQuotes, filter = ''): WhoRow[] {
	const index = new Map(story.articles.map((a, i) => [a.meta.id, i]));
	const byId = new Map(quotes.quotes.map((q) => [q.id, q]));
	const f = fold(filter.trim());
	const rows: WhoRow[] = [];
	for (const sp of quotes.speakers) {
		const nameHit = !f || [sp.name, ...sp.aliases].some((n) => fold(n).includes(f));
		const own = quotes.quotes.filter((q) => q.speaker === sp.name && (q.kind === 'full' || q.kind === 'partial'));
		const groups = quotes.groups.filter((g) => g.speaker === sp.name).map((g) => g.quotes.map((id) => byId.get(id)).filter((q): q is Quote => q !== undefined));
		const grouped = new Set(groups.flat().map((q) => q.id));
		const clusters: Quote[][] = [...groups, ...own.filter((q) => !grouped.has(q.id)).map((q) => [q])];
		const order = (q: Quote) => (index.get(q.article) ?? 0) * 1e7 + q.start;
		clusters.sort((a, b) => order(a[0]!) - order(b[0]!));
		const kept = nameHit ? clusters : clusters.map((c) => c.filter((q) => fold(q.text).includes(f))).filter((c) => c.length > 0);
		if (kept.length === 0) continue;
		const first = kept[0]![0]!;
		rows.push({kind: 'speaker', name: sp.name, count: sp.count, aliases: sp.aliases, article: index.get(first.article) ?? 0, sentence: first.sentence ?? 0});
		for (const c of kept)
			c.forEach((q, i) =>
				rows.push({
					kind: 'quote',
					quote: q,
					article: index.get(q.article) ?? 0,
					sentence: q.sentence ?? 0,
					place: c.length === 1 ? 'only' : i === 0 ? 'first' : i === c.length - 1 ? 'last' : 'middle',
				}),
			);
	}
	return rows;
}

const BRACKET = {only: '─', first: '┌', middle: '│', last: '└'} as const;

/** Who said what: speakers with counts, their utterances across outlets; Enter reads one. */
export function WhoSaidWhat({
	theme,
	story,
	quotes,
	rows,
	selected,
	filter,
	editing,
	onFilter,
	onFilterDone,
	width,
	height,
}: {
	theme: Theme;
	story: Story;
	quotes: StoryQuotes;
	rows: readonly WhoRow[];
	selected: number;
	filter: string;
	editing: boolean;
	onFilter: (s: string) => void;
	onFilterDone: () => void;
	width: number;
	height: number;
}) {
	const speech = quotes.quotes.filter((q) => q.speaker !== null).length;
	const room = Math.max(1, height - 2);
	const top = Math.max(0, Math.min(selected - Math.floor(room / 2), rows.length - room));
	const outletW = Math.min(14, Math.max(6, ...story.articles.map((a) => a.meta.outlet.length)) + 2);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text {...theme.headline} wrap="truncate-end">
				Who said what · {quotes.speakers.length} speakers · {speech} attributed quotes
				{filter && !editing ? ` · filter “${displayText(filter)}” (Esc clears)` : ''}
			</Text>
			<Box flexDirection="column" height={room}>
				{rows.length === 0 ? <Text {...theme.muted}>{filter ? `Nobody matches “${displayText(filter)}”.` : 'No attributed quotes in this story.'}</Text> : null}
				{rows.slice(top, top + room).map((r, i) => {
					const idx = top + i;
					const sel = idx === selected;
					if (r.kind === 'speaker')
						return (
							<Box key={idx} height={1} width={width}>
								<Box width={2} flexShrink={0}>
									<Text {...theme.focusBar}>{sel ? '▌' : ' '}</Text>
								</Box>
								<Text {...(sel ? theme.selection : theme.headline)} wrap="truncate-end">
									{displayText(r.name)}
									<Text {...theme.muted}>
										{' '}
										· {r.count} {r.count === 1 ? 'quote' : 'quotes'}
										{r.aliases.length ? ` · also “${r.aliases.slice(0, 3).map(displayText).join('”, “')}”` : ''}
									</Text>
								</Text>
							</Box>
						);
					const q = r.quote;
					const to = q.addressee ? ` → ${q.addressee}` : '';
					return (
						<Box key={idx} height={1} width={width}>
							<Box width={4} flexShrink={0}>
								<Text {...theme.focusBar}>{sel ? '▌' : ' '}</Text>
								<Text {...theme.muted}> {BRACKET[r.place]}</Text>
							</Box>
							<Box width={outletW} flexShrink={0} marginRight={1}>
								<Text {...theme.accent} wrap="truncate-end">
									{displayText(story.articles[r.article]?.meta.outlet ?? '')}
								</Text>
							</Box>
							<Box flexGrow={1} flexShrink={1}>
								<Text {...(sel ? theme.selection : theme.text)} wrap="truncate-end">
									“{displayText(q.text.replace(/\s+/g, ' '))}”<Text {...theme.muted}>{to}</Text>
								</Text>
							</Box>
						</Box>
					);
				})}
			</Box>
			<Box height={1} width={width}>
				{editing ? (
					<>
						<Text {...theme.key}>filter: </Text>
						<TextInput value={filter} onChange={onFilter} onSubmit={onFilterDone} placeholder="name or words" />
					</>
				) : (
					<Text {...theme.muted}> </Text>
				)}
			</Box>
		</Box>
	);
}
