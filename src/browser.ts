/**
 * Opening an article's web page in the user's browser (the reader's `O`), through the `open`
 * package (xdg-open on Linux, `open` on macOS, `start` on Windows), loaded on first use.
 */

/** How long a launcher that is still running counts as having opened the page. */
const SETTLE_MS = 1500;

/**
 * Open `url` in the browser. Resolves once the launcher has started and not failed within
 * {@link SETTLE_MS} (some launchers stay until the browser closes); rejects if it cannot be
 * started (no xdg-open over SSH, say) or exits with an error, so the reader can say so.
 */
export async function openInBrowser(url: string): Promise<void> {
	const {default: open} = await import('open');
	const child = await open(url);
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(resolve, SETTLE_MS).unref();
		child.once('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.once('close', (code) => {
			clearTimeout(timer);
			if (code === 0 || code === null) resolve();
			else reject(new Error(`${child.spawnfile} exited with code ${code}`));
		});
	});
}
