/**
 * Saving the last changes when the process ends, without changing how it ends.
 */

/** Signals after which pending progress is saved. */
export const FLUSH_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Flushes `store` on normal exit (`process.exit`, end of the event loop, an uncaught
 * exception) and on SIGINT, SIGTERM and SIGHUP. Returns a function that removes the handlers.
 *
 * It never keeps the process alive or swallows a signal. Our signal handler runs first
 * (prepended), saves, then removes itself; if no other handler is left for that signal
 * it re-raises it, so the default action (exit with the signal) happens as if we had never
 * listened. If others remain (Ink's signal-exit, the app's own), they run next in the same
 * dispatch and see the listeners as they would be without us, so they behave as usual.
 * Under Ink's raw mode Ctrl-C is a key, not a SIGINT; Ink then exits and `exit` saves.
 * (Importing conf also loads atomically's `when-exit`, which listens once to every signal,
 * deletes its temporary files and re-raises; that is conf's behaviour, not ours.)
 */
export function installExitFlush(store: {flush(): void}): () => void {
	const save = (): void => {
		try {
			store.flush();
		} catch {
			// flush() reports its own failures as warnings; an exit path must not throw.
		}
	};
	const onSignal = (signal: NodeJS.Signals): void => {
		save();
		process.removeListener(signal, onSignal);
		if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
	};
	process.on('exit', save);
	for (const signal of FLUSH_SIGNALS) process.prependListener(signal, onSignal);
	return () => {
		process.removeListener('exit', save);
		for (const signal of FLUSH_SIGNALS) process.removeListener(signal, onSignal);
	};
}
