/**
 * Seed story accuracy, scored by the project's score.py against the hand-made gold
 * (test/fixtures/gold, copied from ../shared/gold): speaker F1 >= 0.95, detection recall >= 0.97,
 * addressee accuracy >= 0.90.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {attributeStory, toQuotesJson} from '../../src/core/quotes/index.js';
import {loadSeedArticles, repoRoot, seedsDir} from '../helpers/seedStory.js';

/** Run score.py quotes on the seed story and return its figures by name. */
function score(): {figures: Record<string, number>; out: string; status: number | null} {
	const articles = loadSeedArticles();
	const json = toQuotesJson(articles, attributeStory(articles));
	const dir = mkdtempSync(path.join(tmpdir(), 'quotes-seeds-'));
	try {
		const file = path.join(dir, 'quotes.json');
		writeFileSync(file, JSON.stringify(json));
		const fx = path.join(repoRoot, 'test/fixtures');
		const r = spawnSync(
			'python3',
			[path.join(fx, 'eval/score.py'), 'quotes', '--articles', seedsDir, '--gold', path.join(fx, 'gold/seed-quotes.json'), '--speakers', path.join(fx, 'gold/speakers.json'), '--min-speaker', '0.95'],
			{input: JSON.stringify(json), encoding: 'utf8'},
		);
		const figures: Record<string, number> = {};
		for (const line of r.stdout.split('\n')) {
			const m = /^([^:]+): ([\d.]+)$/.exec(line.trim());
			if (m) figures[m[1]!] = Number(m[2]);
		}
		return {figures, out: r.stdout + r.stderr, status: r.status};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

describe('seed story, scored by score.py', () => {
	const {figures, out, status} = score();

	it('runs the scorer', () => {
		expect(status, out).toBe(0);
		expect(figures['gold speech quotes'], out).toBeGreaterThan(0);
	});

	it('speaker F1 >= 0.95', () => {
		expect(figures['speaker F1'], out).toBeGreaterThanOrEqual(0.95);
	});

	it('detection recall >= 0.97', () => {
		expect(figures['detection recall'], out).toBeGreaterThanOrEqual(0.97);
	});

	it('addressee accuracy >= 0.90', () => {
		expect(figures['addressee accuracy'], out).toBeGreaterThanOrEqual(0.9);
	});

	it('speakers are canonical across the five outlets', () => {
		const articles = loadSeedArticles();
		const r = attributeStory(articles);
		const names = r.speakers.map((s) => s.name);
		// one entry per person whatever the outlet calls them
		expect(new Set(names).size).toBe(names.length);
		for (const n of names) expect(names.filter((m) => m !== n && m.endsWith(` ${n}`))).toEqual([]);
		// the same utterance in different outlets' wording is one group
		const multi = r.groups.filter((g) => new Set(g.quotes.map((id) => id.split(':')[0])).size >= 3);
		expect(multi.length).toBeGreaterThanOrEqual(1);
	});
});
