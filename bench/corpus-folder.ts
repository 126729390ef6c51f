/**
 * Write the deterministic generated corpus (bench/align-corpus.ts) as a folder of .txt files, one
 * article each, for benches that start the real CLI on it.
 *
 *   npx tsx bench/corpus-folder.ts OUT_DIR N [--unique]
 *
 * --unique: also swap about one word in six for another word of the corpus (seeded), so that
 * hardly any sentence or paragraph recurs verbatim: the case where the analysis's memos (by
 * paragraph and sentence text, made for wire copy) cannot help.
 */
import fs from 'node:fs';
import path from 'node:path';
import {generatedCorpus} from './align-corpus.js';
import {loadNlp} from '../src/core/segment.js';
import {mulberry32} from '../src/core/rng.js';

const args = process.argv.slice(2).filter((a) => a !== '--unique');
const unique = process.argv.includes('--unique');
const [out, n] = [args[0], Number(args[1] ?? 500)];
if (!out) throw new Error('usage: corpus-folder.ts OUT_DIR N [--unique]');
await loadNlp();
fs.mkdirSync(out, {recursive: true});
const corpus = generatedCorpus(n);
const vocabulary = [...new Set(corpus.flatMap((a) => a.text.match(/\b[a-z]{3,}\b/g) ?? []))].sort();
const rnd = mulberry32(7);
for (const a of corpus) {
	// the first line is the headline; keep it, so the outlet and title stay readable
	const text = unique ? a.text.replace(/(?<=\n[^]*)\b[a-z]{3,}\b/g, (w) => (rnd() < 0.17 ? vocabulary[Math.floor(rnd() * vocabulary.length)]! : w)) : a.text;
	fs.writeFileSync(path.join(out, `${a.meta.id}.txt`), text);
}
