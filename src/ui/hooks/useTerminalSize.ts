import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

/** Terminal size in cells. */
export interface Size {
	readonly columns: number;
	readonly rows: number;
}

/** Current terminal size, updated on resize; falls back to 80x24 where the stream has none. */
export function useTerminalSize(override?: Size): Size {
	const {stdout} = useStdout();
	const read = (): Size => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState<Size>(read);
	useEffect(() => {
		if (override) return;
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, override]);
	return override ?? size;
}
