import {useInput, type Key} from 'ink';
import {useEffect, useRef, useState} from 'react';

const NO_KEY: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** The most keys one chunk of typing ahead is read as. */
export const TYPE_AHEAD_MAX = 32;

/**
 * The single keys in a chunk of typed text, or undefined when the input is one key already.
 *
 * Ink hands over plain text read in one go as one input ("jj"), as it would a paste. That happens
 * to keys typed before the reader started (the terminal held them, and "Enter" became "\n") or
 * faster than it read them: as commands they would all be lost. Only printable ASCII and line
 * ends are split; anything else (an escape sequence, non-ASCII text) stays one input, and so does
 * anything longer than {@link TYPE_AHEAD_MAX} (a paste, not keys).
 */
export function splitTypeAhead(input: string, key: Key): [string, Key][] | undefined {
	if (input.length < 2 || input.length > TYPE_AHEAD_MAX || key.ctrl || key.meta || !/^[\x20-\x7e\r\n]+$/.test(input)) return undefined;
	return Array.from(input, (ch): [string, Key] =>
		ch === '\r' || ch === '\n' ? ['', {...NO_KEY, return: true}] : [ch, {...NO_KEY, shift: /[A-Z]/.test(ch)}],
	);
}

/**
 * Ink's useInput, with keys typed ahead handled one by one: each after the previous one's update
 * has rendered (so it sees the state that key made), through the handler of the latest render.
 * (An update made in an input handler renders a little later, not before the next macrotask.)
 * `typeAhead: false` while a text field owns typing: a paste there is text, not keys.
 */
export function useKeys(handler: (input: string, key: Key) => void, options: {isActive?: boolean; typeAhead?: boolean} = {}): void {
	const latest = useRef(handler);
	latest.current = handler;
	const queue = useRef<[string, Key][]>([]);
	// A render per queued key: its effect runs the next key with that render's handler.
	const [turn, setTurn] = useState(0);
	useEffect(() => {
		const next = queue.current.shift();
		if (!next) return;
		latest.current(next[0], next[1]);
		if (queue.current.length > 0) setTurn((t) => t + 1);
	}, [turn]);
	useInput((input, key) => {
		const keys = (options.typeAhead !== false && splitTypeAhead(input, key)) || [[input, key]];
		if (queue.current.length === 0) {
			// The usual case, one key with nothing waiting: now.
			const [first, ...rest] = keys;
			latest.current(first![0], first![1]);
			if (rest.length === 0) return;
			queue.current.push(...rest);
		} else queue.current.push(...keys);
		setTurn((t) => t + 1);
	}, options.isActive === undefined ? undefined : {isActive: options.isActive});
}
