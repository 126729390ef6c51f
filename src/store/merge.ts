/**
 * Merging two copies of the store: this process's memory and what is on disk now (another
 * window may have written since we loaded), or the store and an imported file.
 *
 * Every record carries the time it last changed, and each field is merged on its own:
 * positions and read flags by the later change, `furthest` by the maximum, quiz history as
 * a union by answer id (then capped), cards by the later `setCard`, reports as a union,
 * settings field by field. Nothing is deleted by a merge, with one exception: a reset.
 *
 * `resetAt` makes `newsreader progress reset` stick while a window is open. When the disk
 * copy has a later reset than we knew of, our records last changed before that reset are
 * dropped (theirs are kept: they were written after the reset, e.g. by an import).
 */
import {
	capHistory,
	compareAnswers,
	dict,
	emptyStory,
	HISTORY_CAP,
	type ArticleRecord,
	type CardRecord,
	type Dict,
	type QuizAnswer,
	type SettingRecord,
	type StoreData,
	type StoryRecord,
} from './schema.js';

function laterOf<T extends {at: number}>(a: T | undefined, b: T | undefined): T | undefined {
	if (a === undefined) return b;
	if (b === undefined) return a;
	return b.at > a.at ? b : a;
}

/** Merges two article records field by field (ties keep `a`). */
export function mergeArticle(a: ArticleRecord, b: ArticleRecord): ArticleRecord {
	const pos = b.posAt > a.posAt ? b : a;
	const rd = b.readAt > a.readAt ? b : a;
	return {
		...(pos.passageId === undefined ? {} : {passageId: pos.passageId}),
		passageIndex: pos.passageIndex,
		offset: pos.offset,
		...(pos.total === undefined ? {} : {total: pos.total}),
		furthest: Math.max(a.furthest, b.furthest),
		posAt: pos.posAt,
		read: rd.read,
		readAt: rd.readAt,
	};
}

/** Unions two answer lists by answer id, sorted by time and capped at the newest `cap`. */
export function mergeHistory(a: readonly QuizAnswer[], b: readonly QuizAnswer[], cap: number = HISTORY_CAP): QuizAnswer[] {
	const byId = new Map<string, QuizAnswer>();
	for (const answer of a) byId.set(answer.id, answer);
	for (const answer of b) if (!byId.has(answer.id)) byId.set(answer.id, answer);
	const all = [...byId.values()].sort(compareAnswers);
	return all.length > cap ? all.slice(-cap) : all;
}

function mergeMaps<T>(a: Dict<T>, b: Dict<T>, both: (x: T, y: T) => T): Dict<T> {
	const out = dict<T>();
	for (const [k, v] of Object.entries(a)) out[k] = v;
	for (const [k, v] of Object.entries(b)) {
		const mine = out[k];
		out[k] = mine === undefined ? v : both(mine, v);
	}
	return out;
}

/** Merges two copies of one story. */
export function mergeStory(a: StoryRecord, b: StoryRecord): StoryRecord {
	const story = emptyStory();
	const last = laterOf(a.lastArticle, b.lastArticle);
	if (last) story.lastArticle = last;
	story.articles = mergeMaps(a.articles, b.articles, mergeArticle);
	story.history = mergeHistory(a.history, b.history);
	story.cards = mergeMaps<CardRecord>(a.cards, b.cards, (x, y) => (y.at > x.at ? y : x));
	story.reported = mergeMaps(a.reported, b.reported, Math.min);
	return story;
}

function isEmptyStory(s: StoryRecord): boolean {
	return (
		s.lastArticle === undefined &&
		s.history.length === 0 &&
		Object.keys(s.articles).length === 0 &&
		Object.keys(s.cards).length === 0 &&
		Object.keys(s.reported).length === 0
	);
}

/** Drops what changed at or before `resetAt` (see the module comment). */
export function dropBefore(data: StoreData, resetAt: number): StoreData {
	const stories = dict<StoryRecord>();
	for (const [id, s] of Object.entries(data.stories)) {
		const story = emptyStory();
		if (s.lastArticle && s.lastArticle.at > resetAt) story.lastArticle = s.lastArticle;
		for (const [aid, a] of Object.entries(s.articles)) {
			const keepPos = a.posAt > resetAt;
			const keepRead = a.readAt > resetAt;
			if (!keepPos && !keepRead) continue;
			story.articles[aid] = keepPos
				? {...a, ...(keepRead ? {} : {read: false, readAt: 0})}
				: {passageIndex: 0, offset: 0, furthest: 0, posAt: 0, read: a.read, readAt: a.readAt};
		}
		story.history = s.history.filter((h) => h.at > resetAt);
		for (const [cid, c] of Object.entries(s.cards)) if (c.at > resetAt) story.cards[cid] = c;
		for (const [qid, at] of Object.entries(s.reported)) if (at > resetAt) story.reported[qid] = at;
		if (!isEmptyStory(story)) stories[id] = story;
	}
	const settings: StoreData['settings'] = {};
	if (data.settings.theme && data.settings.theme.at > resetAt) settings.theme = data.settings.theme;
	if (data.settings.width && data.settings.width.at > resetAt) settings.width = data.settings.width;
	return {schemaVersion: data.schemaVersion, resetAt: Math.max(resetAt, data.resetAt), stories, settings};
}

/**
 * Merges our copy (`mine`) with another (`theirs`: the file on disk, or an import).
 * If `theirs` saw a later reset, our older records are dropped first.
 */
export function mergeData(mine: StoreData, theirs: StoreData): StoreData {
	const base = theirs.resetAt > mine.resetAt ? dropBefore(mine, theirs.resetAt) : mine;
	const settings: StoreData['settings'] = {};
	const theme = laterOf<SettingRecord<string>>(base.settings.theme, theirs.settings.theme);
	const width = laterOf<SettingRecord<number>>(base.settings.width, theirs.settings.width);
	if (theme) settings.theme = theme;
	if (width) settings.width = width;
	const stories = mergeMaps(base.stories, theirs.stories, mergeStory);
	capHistory(stories);
	return {schemaVersion: base.schemaVersion, resetAt: Math.max(base.resetAt, theirs.resetAt), stories, settings};
}
