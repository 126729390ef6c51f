/**
 * Runs the eval scorer (test/fixtures/eval/score.py, a copy of ../shared/eval/score.py) on a
 * `--json` document of the seed story, against the seed gold copied into test/fixtures/gold.
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {repoRoot, seedsDir} from './seedStory.js';

export interface ScoreResult {
	/** Every "name: number" line of the output. */
	readonly figures: Record<string, number>;
	/** The quiz scorer's "per type" counts. */
	readonly types: Record<string, number>;
	readonly out: string;
	readonly status: number | null;
}

const fx = path.join(repoRoot, 'test/fixtures');
const GOLD: Record<'quotes' | 'align' | 'quiz', string[]> = {
	quotes: ['--gold', path.join(fx, 'gold/seed-quotes.json'), '--speakers', path.join(fx, 'gold/speakers.json')],
	align: ['--gold', path.join(fx, 'gold/seed-facts.json')],
	quiz: ['--gold', path.join(fx, 'gold/seed-quotes.json'), '--facts', path.join(fx, 'gold/seed-facts.json'), '--speakers', path.join(fx, 'gold/speakers.json')],
};

/** Score `json` (the output of `newsreader <command> --json` on the seeds); `extra` adds bars like `--min-f1`. */
export function scoreSeed(command: 'quotes' | 'align' | 'quiz', json: unknown, extra: readonly string[] = []): ScoreResult {
	const r = spawnSync('python3', [path.join(fx, 'eval/score.py'), command, '--articles', seedsDir, ...GOLD[command], ...extra], {
		input: JSON.stringify(json),
		encoding: 'utf8',
	});
	if (r.error) throw new Error(`could not run python3 for score.py: ${r.error.message}`);
	const figures: Record<string, number> = {};
	let types: Record<string, number> = {};
	for (const line of r.stdout.split('\n')) {
		const m = /^([^:]+): ([\d.]+)$/.exec(line.trim());
		if (m) figures[m[1]!] = Number(m[2]);
		if (line.startsWith('per type: ')) types = JSON.parse(line.slice('per type: '.length)) as Record<string, number>;
	}
	return {figures, types, out: r.stdout + r.stderr, status: r.status};
}
