/**
 * Where newsreader keeps what the user saves (`newsreader add`): the user data directory, in
 * the env-paths layout. Linux and other Unix: `$XDG_DATA_HOME/newsreader` (default
 * `~/.local/share/newsreader`); macOS: `~/Library/Application Support/newsreader`; Windows:
 * `%LOCALAPPDATA%\newsreader\Data`. `NEWSREADER_DATA_DIR` overrides all of them.
 */
import {readdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The app's name in data paths. */
export const APP_NAME = 'newsreader';

/** The user data directory (see the module comment); pure, creates nothing. */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
	if (env.NEWSREADER_DATA_DIR) return path.resolve(env.NEWSREADER_DATA_DIR);
	if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
	if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), APP_NAME, 'Data');
	const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
	return path.join(xdg, APP_NAME);
}

/** The folder holding saved stories, one subfolder each: `<dataDir>/stories`. */
export function storiesDir(base: string = dataDir()): string {
	return path.join(base, 'stories');
}

/** The saved story folders (sorted by name); empty when nothing has been saved yet. */
export function savedStoryFolders(base: string = dataDir()): string[] {
	const dir = storiesDir(base);
	try {
		return readdirSync(dir, {withFileTypes: true})
			.filter((d) => d.isDirectory() && !d.name.startsWith('.'))
			.map((d) => path.join(dir, d.name))
			.sort();
	} catch {
		return [];
	}
}
