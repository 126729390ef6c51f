import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openInBrowser} from '../src/browser.js';

// On Linux `open` runs xdg-open, which (outside a desktop session) runs $BROWSER: a fake one here.
const dirs: string[] = [];
const saved = Object.fromEntries(['BROWSER', 'PATH', 'DISPLAY', 'WAYLAND_DISPLAY', 'XDG_CURRENT_DESKTOP', 'DESKTOP_SESSION'].map((k) => [k, process.env[k]]));
// No desktop session (xdg-open would ask it instead of $BROWSER), so a real browser never starts.
beforeEach(() => {
	for (const k of ['BROWSER', 'DISPLAY', 'WAYLAND_DISPLAY', 'XDG_CURRENT_DESKTOP', 'DESKTOP_SESSION']) delete process.env[k];
});
afterEach(() => {
	for (const [k, v] of Object.entries(saved)) {
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	}
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});
function fakeBrowser(exitCode: number): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'nr-browser-'));
	dirs.push(dir);
	const script = path.join(dir, 'fake-browser');
	writeFileSync(script, `#!/bin/sh\necho "$1" > "${dir}/opened"\nexit ${exitCode}\n`);
	chmodSync(script, 0o755);
	process.env.BROWSER = script;
	return dir;
}

describe.runIf(process.platform === 'linux')('opening an article in the browser (O)', () => {
	it('hands the address to the browser', async () => {
		const dir = fakeBrowser(0);
		await openInBrowser('https://example.com/news?id=1');
		expect(readFileSync(path.join(dir, 'opened'), 'utf8').trim()).toBe('https://example.com/news?id=1');
	});

	it('rejects, so the reader can say so, when no browser can be started', async () => {
		// Nothing xdg-open could use: an empty PATH but for the shell tools it needs.
		const empty = mkdtempSync(path.join(os.tmpdir(), 'nr-nobrowser-'));
		dirs.push(empty);
		process.env.PATH = `${empty}${path.delimiter}/bin`;
		await expect(openInBrowser('https://example.com/')).rejects.toThrow(/exited with code|ENOENT/);
	});
});
