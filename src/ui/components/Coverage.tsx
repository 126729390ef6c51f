import {Box, Text} from 'ink';
import type {Story} from '../../core/types.js';
import {displayText} from '../layout.js';
import type {CoverageState} from '../state.js';
import type {Theme} from '../theme.js';

/** A row of the coverage screen: a shared fact, or a passage only one outlet reports. */
export interface CoverageRow {
	/** Article indices carrying it (one for "only here" rows). */
	readonly carriers: readonly number[];
	/** Where Enter goes: article index and sentence. */
	readonly article: number;
	readonly sentence: number;
	readonly text: string;
}

/**
 * Coverage: the facts × outlets matrix (sortable by how many outlets carry each) or, per outlet,
 * the passages only it reports.
 */
export function Coverage({
	theme,
	story,
	state,
	rows,
	selected,
	width,
	height,
}: {
	theme: Theme;
	story: Story;
	state: CoverageState;
	rows: readonly CoverageRow[];
	selected: number;
	width: number;
	height: number;
}) {
	const n = story.articles.length;
	const matrixCols = Math.min(n, 12);
	const legend = story.articles
		.slice(0, matrixCols)
		.map((a, i) => `${(i + 1) % 10} ${a.meta.outlet}`)
		.join('  ');
	const title =
		state.view === 'facts'
			? `Coverage · ${rows.length} facts reported by two or more outlets · sorted ${state.sort === 'count' ? 'by outlets carrying' : 'in story order'}`
			: `Only in ${story.articles[state.outlet]?.meta.outlet ?? '?'} · ${rows.length} ${rows.length === 1 ? 'passage' : 'passages'} no other outlet reports`;
	const room = Math.max(1, height - 3);
	const top = Math.max(0, Math.min(selected - Math.floor(room / 2), rows.length - room));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text {...theme.headline} wrap="truncate-end">
				{displayText(title)}
			</Text>
			<Text {...theme.muted} wrap="truncate-end">
				{state.view === 'facts' ? displayText(legend) : 'h/l other outlet · Tab shared facts · Enter read it'}
			</Text>
			{rows.length === 0 ? (
				<Text {...theme.muted}>{state.view === 'facts' ? 'No fact is reported by more than one outlet.' : 'Nothing here that other outlets do not report.'}</Text>
			) : null}
			{rows.slice(top, top + room).map((r, i) => {
				const idx = top + i;
				const sel = idx === selected;
				const cells = state.view === 'facts' ? Array.from({length: matrixCols}, (_, k) => (r.carriers.includes(k) ? '■' : '·')).join('') : '';
				return (
					<Box key={idx} height={1} width={width}>
						<Box width={2} flexShrink={0}>
							<Text {...theme.focusBar}>{sel ? '▌' : ' '}</Text>
						</Box>
						{state.view === 'facts' ? (
							<Box flexShrink={0} marginRight={1}>
								<Text {...theme.accent}>{cells}</Text>
								<Text {...theme.muted}> {r.carriers.length}/{n}</Text>
							</Box>
						) : null}
						<Box flexGrow={1} flexShrink={1}>
							<Text {...(sel ? theme.selection : theme.text)} wrap="truncate-end">
								{displayText(r.text.replace(/\s+/g, ' '))}
							</Text>
						</Box>
					</Box>
				);
			})}
			<Text> </Text>
		</Box>
	);
}
