/**
 * newsreader's progress store: everything a reader did, kept across sessions.
 *
 * ```ts
 * const store = openProgressStore();            // loads once; never throws for a bad file
 * for (const w of store.warnings) console.error(w); // tell the user once (the app shows them too)
 * installExitFlush(store);                       // save on exit, Ctrl-C, SIGTERM, SIGHUP
 *
 * const saved = store.getArticle(storyId, articleId);
 * const at = restorePosition(saved, passages.map((p) => contentId(p.text)));
 * store.setPosition(storyId, articleId, {passageId, passageIndex, offset, total});
 * store.setRead(storyId, articleId, true);
 * store.setLastArticle(storyId, articleId);   store.getStory(storyId)?.lastArticleId
 * store.recordAnswer(storyId, {id, questionId, factId, type, correct, at});  store.history(storyId)
 * store.setCard(storyId, cardId, card);  store.getCard(storyId, cardId);  store.cards(storyId)
 * store.reportQuestion(storyId, questionId);  store.isReported(storyId, questionId)
 * store.getSettings();  store.setSettings({theme: 'dark', width: 80})
 * store.flush();  store.close();
 * void preloadWriter();                        // once the first frame is up: conf for later saves
 * ```
 *
 * Ids are content hashes (`contentId`). The file lives in conf's config directory
 * (`store.path`; e.g. ~/.config/newsreader-nodejs/progress.json on Linux). See
 * progressStore.ts for how saving works, merge.ts for two windows at once, schema.ts for
 * the format and migrations, and progressCommand.ts for `newsreader progress …`.
 */
export {contentId, normaliseForId, CONTENT_ID_LENGTH} from './ids.js';
export {restorePosition, type SavedPosition, type RestoredPosition} from './restore.js';
export {installExitFlush, FLUSH_SIGNALS} from './exitFlush.js';
export {
	openProgressStore,
	preloadWriter,
	configDir,
	type ProgressStore,
	type OpenProgressStoreOptions,
	type ArticleProgress,
	type PositionInput,
	type StoryProgress,
	type ImportResult,
} from './progressStore.js';
export {SCHEMA_VERSION, HISTORY_CAP, type QuizAnswer, type Settings, type StoreData} from './schema.js';
export {runProgressCommand, PROGRESS_USAGE, type ProgressCommandIo} from './progressCommand.js';
