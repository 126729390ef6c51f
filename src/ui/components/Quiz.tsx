import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {shorten} from '../../core/article.js';
import type {Question} from '../../core/quiz/types.js';
import type {Story} from '../../core/types.js';
import {displayText, wrapSpan} from '../layout.js';
import type {Theme} from '../theme.js';

/** One answered question of a round. */
export interface QuizAnswer {
	readonly question: Question;
	readonly choice: number;
	readonly correct: boolean;
}

/** What the quiz screen shows: a question, the feedback on an answer, or the round's summary. */
export interface QuizView {
	readonly questions: readonly Question[];
	readonly index: number;
	readonly answers: readonly QuizAnswer[];
	/** Set once the current question is answered (feedback is shown). */
	readonly answered?: QuizAnswer;
	readonly kind: 'round' | 'review';
}

const TYPE_LABEL: Record<string, string> = {
	'who-said': 'who said it',
	'said-what': 'what they said',
	'which-outlet': 'which outlet',
	'to-whom': 'to whom',
	'not-reported': 'who left it out',
	wording: 'whose wording',
};

/** Lines of `text` wrapped at `cols`, at most `max` (the last one ellipsised if cut). */
function wrapLines(text: string, cols: number, max: number): string[] {
	if (max <= 0) return [];
	const flat = text.replace(/\s+/g, ' ').trim();
	const spans = wrapSpan(flat, 0, flat.length, cols).map((l) => flat.slice(l.start, l.end));
	if (spans.length <= max) return spans;
	const kept = spans.slice(0, max);
	kept[kept.length - 1] = `${kept[kept.length - 1]!.replace(/.$/, '')}…`;
	return kept;
}

/** The evidence passage for a question: outlet and the sentence(s) holding the answer. */
export function evidenceOf(story: Story, q: Question): {outlet: string; text: string; article: number; sentence: number} | undefined {
	const ev = q.evidence[0];
	if (!ev) return undefined;
	const ai = story.articles.findIndex((a) => a.meta.id === ev.article);
	const a = story.articles[ai];
	if (!a) return undefined;
	const si = Math.max(0, a.sentences.findIndex((s) => s.end > ev.start));
	const last = Math.max(si, a.sentences.findIndex((s) => s.end >= ev.end));
	const first = a.sentences[si]!;
	const end = a.sentences[last]?.end ?? first.end;
	return {outlet: a.meta.outlet, text: a.text.slice(first.start, end), article: ai, sentence: si};
}

/** The quiz: a question with its choices (1–4 or arrows + Enter), then feedback with the evidence, then a summary. */
export function Quiz({
	theme,
	story,
	view,
	stats,
	onAnswer,
	width,
	height,
}: {
	theme: Theme;
	story: Story;
	view: QuizView;
	/** The story's quiz stats over every round (answered, accuracy overall and by type, due). */
	stats?: {answered: number; correct: number; byType: Record<string, {answered: number; correct: number}>; due: number};
	onAnswer: (choice: number) => void;
	width: number;
	height: number;
}) {
	const cols = Math.max(20, Math.min(width, 90) - 2);
	const total = view.questions.length;
	if (view.index >= total) {
		const right = view.answers.filter((a) => a.correct).length;
		const byType = new Map<string, {n: number; right: number}>();
		for (const a of view.answers) {
			const t = byType.get(a.question.type) ?? {n: 0, right: 0};
			t.n++;
			if (a.correct) t.right++;
			byType.set(a.question.type, t);
		}
		const missed = view.answers.filter((a) => !a.correct);
		// Two columns: this round, and every round on this story (saved with progress).
		const types = [...new Set([...byType.keys(), ...Object.keys(stats?.byType ?? {})])];
		const pct = (r: number, n: number) => (n ? `${Math.round((100 * r) / n)}%` : '–');
		return (
			<Box flexDirection="column" width={width} height={height}>
				<Text {...theme.headline} wrap="truncate-end">
					{view.kind === 'review' ? 'Review' : 'Round'} done: {right} of {total} right ({pct(right, total)})
				</Text>
				<Text> </Text>
				<Text {...theme.muted} wrap="truncate-end">
					{''.padEnd(18)}
					{'this round'.padEnd(12)}
					{stats ? 'all rounds on this story' : ''}
				</Text>
				{types.slice(0, Math.max(0, height - 8)).map((t) => {
					const r = byType.get(t);
					const all = stats?.byType[t];
					return (
						<Text key={t} wrap="truncate-end">
							<Text {...theme.muted}>{(TYPE_LABEL[t] ?? t).padEnd(18)}</Text>
							{(r ? `${r.right}/${r.n}` : '–').padEnd(12)}
							{all ? `${all.correct}/${all.answered} (${pct(all.correct, all.answered)})` : ''}
						</Text>
					);
				})}
				{stats ? (
					<Text wrap="truncate-end">
						<Text {...theme.muted}>{'overall'.padEnd(18)}</Text>
						{`${right}/${total}`.padEnd(12)}
						{`${stats.correct}/${stats.answered} (${pct(stats.correct, stats.answered)}) · ${stats.due} due`}
					</Text>
				) : null}
				<Text> </Text>
				<Text {...theme.muted} wrap="truncate-end">
					{missed.length ? `${missed.length} missed ${missed.length === 1 ? 'question comes' : 'questions come'} back soon for review.` : 'Nothing missed: these facts come back later.'}
				</Text>
			</Box>
		);
	}
	const q = view.questions[view.index]!;
	const head = `${view.kind === 'review' ? 'Review' : 'Quiz'} · question ${view.index + 1} of ${total} · ${TYPE_LABEL[q.type] ?? q.type}`;
	// On a short terminal the spacer lines go first, and choices get one line each, so the
	// prompt (often a quote) keeps its room and nothing grows past the frame.
	const roomy = height >= 16;
	const spacers = roomy ? 2 : 0;
	const twoLineChoices = !view.answered && height - 1 - spacers - 2 >= q.choices.length * 2;
	const choiceLines = view.answered ? q.choices.length + 2 : q.choices.length * (twoLineChoices ? 2 : 1);
	const prompt = wrapLines(displayText(q.prompt), cols, Math.max(1, height - 1 - spacers - choiceLines));
	// The question as it stands above both the choices and the feedback (bold while unanswered).
	const stem = (
		<>
			<Text {...theme.muted} wrap="truncate-end">
				{head}
			</Text>
			{roomy ? <Text> </Text> : null}
			{prompt.map((l, i) => (
				<Text key={i} {...(view.answered ? {} : theme.headline)}>
					{l}
				</Text>
			))}
			{roomy ? <Text> </Text> : null}
		</>
	);
	if (!view.answered) {
		// At most two lines per choice, so a long quote cannot push the frame past the terminal.
		const items = q.choices.map((c, i) => ({key: `${i}`, label: `${i + 1}. ${shorten(displayText(c), twoLineChoices ? cols * 2 - 12 : cols - 6)}`, value: i}));
		return (
			<Box flexDirection="column" width={width} height={height}>
				{stem}
				<SelectInput key={`${view.index}:${q.id}`} items={items} onSelect={(item) => onAnswer(item.value)} />
			</Box>
		);
	}
	const a = view.answered;
	const ev = evidenceOf(story, q);
	// Lines left for the evidence: less the stem, the choices, the verdict and the outlet line.
	const room = Math.max(0, height - 1 - spacers - prompt.length - q.choices.length - (roomy ? 1 : 0) - 2);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{stem}
			{q.choices.map((c, i) => {
				const right = i === q.answer;
				const picked = i === a.choice;
				return (
					<Text key={i} wrap="truncate-end" {...(right ? theme.success : picked ? theme.error : theme.muted)}>
						{right ? '✓' : picked ? '✗' : ' '} {i + 1}. {displayText(c).replace(/\s+/g, ' ')}
					</Text>
				);
			})}
			{roomy ? <Text> </Text> : null}
			<Text {...(a.correct ? theme.success : theme.error)} bold wrap="truncate-end">
				{a.correct ? 'Right.' : `Wrong: the answer is ${shorten(displayText(q.choices[q.answer] ?? ''), Math.max(10, cols - 24))}`}
			</Text>
			{ev ? (
				<>
					<Text {...theme.accent} wrap="truncate-end">
						{displayText(ev.outlet)}:
					</Text>
					{wrapLines(displayText(ev.text), cols, room).map((l, i) => (
						<Text key={i}>{l}</Text>
					))}
				</>
			) : null}
		</Box>
	);
}
