import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import type {SearchHit} from '../../core/search.js';
import type {Story} from '../../core/types.js';
import {displayText} from '../layout.js';
import type {Theme} from '../theme.js';

/** A snippet of a hit's text around its first match, with the matched parts marked. */
export function snippet(hit: SearchHit, room: number): {text: string; marked: boolean}[] {
	const text = hit.item.text.replace(/\s/g, ' ');
	const first = hit.matches[0];
	const lead = first ? Math.max(0, first.start - Math.min(24, Math.floor(room / 4))) : 0;
	const parts: {text: string; marked: boolean}[] = [];
	let pos = lead;
	if (lead > 0) parts.push({text: '…', marked: false});
	for (const m of hit.matches) {
		if (m.end <= pos) continue;
		const a = Math.max(pos, m.start);
		if (a > pos) parts.push({text: text.slice(pos, a), marked: false});
		parts.push({text: text.slice(a, m.end), marked: true});
		pos = m.end;
	}
	if (pos < text.length) parts.push({text: text.slice(pos), marked: false});
	return parts;
}

/** The search line and its results across every outlet. */
export function Search({
	theme,
	story,
	query,
	hits,
	selected,
	onChange,
	onSubmit,
	width,
	height,
}: {
	theme: Theme;
	story: Story;
	query: string;
	hits: readonly SearchHit[];
	selected: number;
	onChange: (q: string) => void;
	onSubmit: () => void;
	width: number;
	height: number;
}) {
	const room = Math.max(1, height - 3);
	const top = Math.max(0, Math.min(selected - room + 1, hits.length - room));
	const outletW = Math.min(14, Math.max(6, ...story.articles.map((a) => a.meta.outlet.length)) + 2);
	const title = !query.trim()
		? 'Search every outlet: type words, a name or part of a quote'
		: `${hits.length === 0 ? 'No' : hits.length}${hits.length >= 50 ? '+' : ''} ${hits.length === 1 ? 'result' : 'results'} for “${displayText(query.trim())}”`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text {...theme.headline} wrap="truncate-end">
				{title}
			</Text>
			<Box flexDirection="column" height={room + 1}>
				{hits.slice(top, top + room).map((h, i) => {
					const idx = top + i;
					const sel = idx === selected;
					const a = story.articles[h.item.article];
					return (
						<Box key={idx} height={1} width={width}>
							<Box width={2} flexShrink={0}>
								<Text {...theme.focusBar}>{sel ? '▌' : ' '}</Text>
							</Box>
							<Box width={outletW} flexShrink={0}>
								<Text {...(sel ? theme.selection : theme.accent)} wrap="truncate-end">
									{h.item.kind === 'speaker' ? 'Speaker' : displayText(a?.meta.outlet ?? '')}
								</Text>
							</Box>
							{h.item.label ? (
								<Box flexShrink={0} marginRight={1}>
									<Text {...theme.muted}>{displayText(h.item.label)}</Text>
								</Box>
							) : null}
							<Box flexGrow={1} flexShrink={1}>
								<Text wrap="truncate-end">
									{snippet(h, width - outletW - 2).map((p, k) => (
										<Text key={k} {...(p.marked ? {...theme.focus, underline: true} : theme.text)}>
											{displayText(p.text)}
										</Text>
									))}
								</Text>
							</Box>
						</Box>
					);
				})}
			</Box>
			<Box height={1} width={width}>
				<Text {...theme.key}>/ </Text>
				<TextInput value={query} onChange={onChange} onSubmit={onSubmit} placeholder="search" />
			</Box>
		</Box>
	);
}
