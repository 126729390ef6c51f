/**
 * Corpora for the alignment bench. The generated corpus: each article recombines 5–12 body paragraphs drawn from the five seed
 * articles with a seeded PRNG, and swaps some words for others (synonyms, numbers, names), so
 * articles overlap as a story's outlets do without being copies of each other.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArticle} from '../src/core/article.js';
import type {Article} from '../src/core/types.js';
import {mulberry32} from '../src/core/rng.js';


const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32 (src/core/rng.ts): the corpus's seeded PRNG. */
export const prng = mulberry32;

const SWAPS: Record<string, readonly string[]> = {
	talks: ['discussions', 'negotiations', 'consultations'],
	said: ['stated', 'told reporters', 'added'],
	meeting: ['summit', 'encounter', 'meeting'],
	troops: ['forces', 'soldiers', 'units'],
	Sunday: ['Monday', 'Saturday', 'Sunday'],
	tensions: ['frictions', 'strains', 'tensions'],
	Russian: ['Russian', 'Moscow', "Russia's"],
	video: ['video', 'virtual', 'online'],
	call: ['call', 'conversation', 'summit'],
	threat: ['threat', 'danger', 'menace'],
	Ukraine: ['Ukraine', 'Kyiv', 'Ukraine'],
	week: ['week', 'month', 'fortnight'],
};

function readSeeds(): {file: string; text: string; date?: string}[] {
	const manifest = JSON.parse(readFileSync(path.join(root, 'content/seed-story.json'), 'utf8')) as {
		articles: {file: string; date?: string}[];
	};
	return manifest.articles.map((e) => ({
		file: e.file,
		text: readFileSync(path.join(root, 'seeds', e.file), 'utf8').replace(/^\ufeff/, ''),
		...(e.date !== undefined && {date: e.date}),
	}));
}

/** `n` articles recombined from the seeds' body paragraphs, deterministic for a given `seed`. */
export function generatedCorpus(n: number, seed = 42): Article[] {
	const seeds = readSeeds();
	const paragraphs: string[] = [];
	for (const s of seeds) {
		const art = parseArticle(s.text, {id: s.file});
		for (const p of art.paragraphs) if (p.role === 'body') paragraphs.push(s.text.slice(p.start, p.end));
	}
	const rnd = prng(seed);
	const out: Article[] = [];
	for (let k = 0; k < n; k++) {
		const count = 5 + Math.floor(rnd() * 8);
		const picked = new Set<number>();
		while (picked.size < Math.min(count, paragraphs.length)) picked.add(Math.floor(rnd() * paragraphs.length));
		const body = [...picked].map((pi) =>
			paragraphs[pi]!.replace(/\b[A-Za-z]+\b/g, (w) => {
				const alts = SWAPS[w];
				if (alts && rnd() < 0.5) return alts[Math.floor(rnd() * alts.length)]!;
				if (/^\d+$/.test(w)) return String(Number(w) + Math.floor(rnd() * 3));
				return w;
			}),
		);
		const text = `Generated report ${k + 1} on the Biden–Putin call\n\n${body.join('\n\n')}\n`;
		out.push(parseArticle(text, {id: `gen_${String(k).padStart(4, '0')}`, outlet: `Outlet ${k % 97}`, date: '2021-12-12'}));
	}
	return out;
}

/** Every *.txt file of a folder, parsed (id = file name without extension). */
export function readFolder(dir: string): Article[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => parseArticle(readFileSync(path.join(dir, f), 'utf8').replace(/^\ufeff/, ''), {id: f.replace(/\.txt$/, ''), file: path.join(dir, f)}));
}
