/**
 * A short-lived lock file around each read-merge-write of the progress file, so two
 * newsreader windows cannot interleave (A reads, B reads, A writes, B writes and loses A's
 * change). It is held for a few milliseconds per save, never while the app is idle.
 *
 * Synchronous on purpose: the final save happens in an `exit` handler, where nothing
 * asynchronous runs. Waiting uses Atomics.wait, which sleeps without spinning the CPU.
 */
import fs from 'node:fs';

/** A lock left by a process that is gone, or older than this, is broken. */
const STALE_MS = 10_000;
/** A lock file with no pid written is abandoned after this long. */
const EMPTY_LOCK_MS = 200;
/** Give up waiting after this long and write anyway: losing a save is worse than a race. */
const MAX_WAIT_MS = 3_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
	Atomics.wait(sleeper, 0, 0, ms);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function isStale(lockPath: string): boolean {
	let text: string;
	let mtime: number;
	try {
		text = fs.readFileSync(lockPath, 'utf8');
		mtime = fs.statSync(lockPath).mtimeMs;
	} catch {
		return false; // gone already (or unreadable): just retry
	}
	const pid = Number.parseInt(text, 10);
	if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) return true;
	// No pid in it: its owner died between creating the file and writing its pid (microseconds
	// apart), e.g. under SIGKILL. Give a live writer a moment, then treat it as abandoned.
	if (!(Number.isInteger(pid) && pid > 0)) return Date.now() - mtime > EMPTY_LOCK_MS;
	return Date.now() - mtime > STALE_MS;
}

/**
 * Takes `lockPath` (creating it exclusively), waiting for another holder to finish and
 * breaking a stale lock. Returns a release function. If the lock cannot be had within
 * MAX_WAIT_MS (or the directory is not writable), proceeds without it: the release is a no-op.
 */
export function acquireLock(lockPath: string): () => void {
	const token = `${process.pid} ${Date.now()} ${Math.random().toString(36).slice(2)}`;
	const deadline = Date.now() + MAX_WAIT_MS;
	let pause = 1;
	for (;;) {
		try {
			const fd = fs.openSync(lockPath, 'wx');
			try {
				fs.writeSync(fd, token);
			} finally {
				fs.closeSync(fd);
			}
			return () => {
				try {
					if (fs.readFileSync(lockPath, 'utf8') === token) fs.unlinkSync(lockPath);
				} catch {
					// already gone
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return () => {};
		}
		if (isStale(lockPath)) {
			try {
				fs.unlinkSync(lockPath);
			} catch {
				// someone else broke it first
			}
			continue;
		}
		if (Date.now() >= deadline) return () => {};
		sleep(pause);
		pause = Math.min(pause * 2, 20);
	}
}
