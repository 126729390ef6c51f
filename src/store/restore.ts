/**
 * Finding a saved reading position again after an article's text has changed.
 */

/** A saved position: the passage's content hash, its index when saved, and the offset in it. */
export interface SavedPosition {
	/** Content hash of the passage that was in focus (absent in data from schema v1). */
	readonly passageId?: string | undefined;
	/** Index of that passage when the position was saved. */
	readonly passageIndex: number;
	/** Character offset inside the passage (so a terminal resize does not move it). */
	readonly offset?: number | undefined;
}

/** Where to put the reader in the article as it is now. */
export interface RestoredPosition {
	readonly passageIndex: number;
	readonly offset: number;
	/** True when the saved passage was found by its hash (the offset is then meaningful). */
	readonly exact: boolean;
}

/**
 * Maps a saved position onto the article's current passages (pure).
 *
 * - If the saved passage hash is among `passageHashes`, that passage is restored with its
 *   offset; when the same text occurs more than once, the occurrence nearest the saved index wins.
 * - Otherwise (the passage was edited or removed, or no hash was saved) the nearest valid
 *   index is used, at offset 0, because an offset into changed text means nothing.
 * - With no passages at all, the result is index 0, offset 0.
 */
export function restorePosition(saved: SavedPosition | undefined, passageHashes: readonly string[]): RestoredPosition {
	if (saved === undefined || passageHashes.length === 0) {
		return {passageIndex: 0, offset: 0, exact: false};
	}
	const wanted = Number.isFinite(saved.passageIndex) ? Math.trunc(saved.passageIndex) : 0;
	if (saved.passageId !== undefined) {
		let best = -1;
		for (let i = 0; i < passageHashes.length; i++) {
			if (passageHashes[i] === saved.passageId && (best < 0 || Math.abs(i - wanted) < Math.abs(best - wanted))) {
				best = i;
			}
		}
		if (best >= 0) {
			const offset = saved.offset !== undefined && Number.isFinite(saved.offset) && saved.offset > 0 ? Math.trunc(saved.offset) : 0;
			return {passageIndex: best, offset, exact: true};
		}
	}
	const clamped = Math.min(Math.max(wanted, 0), passageHashes.length - 1);
	return {passageIndex: clamped, offset: 0, exact: false};
}
