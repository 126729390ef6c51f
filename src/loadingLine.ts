/**
 * The progress line shown while articles load, before the reader's first frame, and while a
 * `--json` command loads and analyses: parsing a large folder the first time, loading the
 * sentence model or analysing 500 articles can take a second or more. Written to stderr, on a terminal only, and only once the
 * load has taken 300 ms (a quick start never flashes it); redrawn in place at most every 50 ms,
 * as a bar with counts; cleared when the load ends, whatever the outcome.
 */
import type {LoadEvent} from './content/load.js';

/** Where the line goes: a terminal stream (process.stderr). */
export interface LineStream {
	readonly isTTY?: boolean;
	/** 0 or undefined when the terminal does not say (80 is assumed). */
	readonly columns?: number;
	write(s: string): unknown;
}

/** Shown after this long. */
const DELAY_MS = 300;
/** Redrawn at most this often. */
const FRAME_MS = 50;

/** A progress listener for the loaders, `stage()` for a step of work after them, and `done()` to clear the line. */
export interface LoadingLine {
	readonly onProgress: (event: LoadEvent) => void;
	stage(label: string): void;
	done(): void;
}

export function loadingLine(stream: LineStream, now: () => number = () => performance.now()): LoadingLine {
	const start = now();
	let shown = false;
	let drawnAt = -Infinity;
	// The model loads without events: a timer shows its line once the delay is up.
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** `force`: whatever the frame rate; `due`: the delay is known to be up (the timer). */
	const draw = (text: string, force: boolean, due = false) => {
		const t = now();
		if (!stream.isTTY || (!due && t - start < DELAY_MS) || (!force && t - drawnAt < FRAME_MS)) return;
		drawnAt = t;
		shown = true;
		const width = Math.max(10, (stream.columns || 80) - 1);
		stream.write(`\r\u001B[K${text.length > width ? text.slice(0, width) : text}`);
	};
	return {
		onProgress(event) {
			if (event.stage === 'model') {
				const text = 'Loading the sentence model…';
				draw(text, true);
				if (!shown && stream.isTTY) timer = setTimeout(() => draw(text, true, true), Math.max(0, DELAY_MS - (now() - start))).unref();
				return;
			}
			if (timer) clearTimeout(timer);
			const counts = ` ${event.done}/${event.total}`;
			const label = 'Reading articles ';
			const barWidth = Math.max(0, Math.min(30, (stream.columns || 80) - 1 - label.length - counts.length - 1));
			const filled = event.total > 0 ? Math.round((barWidth * event.done) / event.total) : 0;
			draw(`${label}${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}${counts}`, event.done === event.total);
		},
		stage(label) {
			if (timer) clearTimeout(timer);
			draw(label, true);
		},
		done() {
			if (timer) clearTimeout(timer);
			if (shown) stream.write('\r\u001B[K');
			shown = false;
		},
	};
}
