import {Text} from 'ink';
import {useEffect, useState} from 'react';
import type {Style} from '../theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A braille-dots spinner (ink-spinner's "dots", without its 30 KB table of other spinners). */
export function Spinner({style}: {style: Style}) {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		const t = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 80);
		return () => clearInterval(t);
	}, []);
	return <Text {...style}>{FRAMES[frame]}</Text>;
}
