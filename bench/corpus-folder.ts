/**
 * Write the deterministic generated corpus (bench/align-corpus.ts) as a folder of .txt files, one
 * article each, for benches that start the real CLI on it.
 *
 *   npx tsx bench/corpus-folder.ts OUT_DIR N
 */
import fs from 'node:fs';
import path from 'node:path';
import {generatedCorpus} from './align-corpus.js';
import {loadNlp} from '../src/core/segment.js';

const [out, n] = [process.argv[2], Number(process.argv[3] ?? 500)];
if (!out) throw new Error('usage: corpus-folder.ts OUT_DIR N');
await loadNlp();
fs.mkdirSync(out, {recursive: true});
for (const a of generatedCorpus(n)) fs.writeFileSync(path.join(out, `${a.meta.id}.txt`), a.text);
