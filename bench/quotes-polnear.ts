/**
 * PolNeAR quote benchmark: `npx tsx bench/quotes-polnear.ts <polnear-subset.jsonl>`.
 *
 * Writes each article's text to a temporary directory as `<id>.txt` (the texts are copyrighted
 * news with no licence: they are never copied into the repository), reads them back as the app
 * does, runs parsing and quote attribution (one story per article), and pipes the
 * `newsreader quotes --json` document to `score.py polnear`, which prints quote F1 and speaker
 * accuracy. Bars: quote F1 >= 0.90, speaker accuracy >= 0.85.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArticle} from '../src/core/article.js';
import {loadNlp} from '../src/core/segment.js';
import {attributeStory, toQuotesJson} from '../src/core/quotes/index.js';

await loadNlp(); // the sentence model loads on demand

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gold = process.argv[2];
if (!gold) {
	console.error('usage: npx tsx bench/quotes-polnear.ts <polnear-subset.jsonl> [--dump out.json]');
	process.exit(2);
}
const dumpAt = process.argv.indexOf('--dump');
const lines = readFileSync(gold, 'utf8').split('\n').filter((l) => l.trim());
const dir = mkdtempSync(path.join(tmpdir(), 'polnear-'));
try {
	const docs: {id: string; publisher: string}[] = [];
	for (const l of lines) {
		const a = JSON.parse(l) as {id: string; text: string; publisher: string};
		writeFileSync(path.join(dir, `${a.id}.txt`), a.text, 'utf8');
		docs.push({id: a.id, publisher: a.publisher});
	}
	const out: {articles: unknown[]} = {articles: []};
	let ms = 0;
	for (const d of docs) {
		const text = readFileSync(path.join(dir, `${d.id}.txt`), 'utf8').replace(/^\ufeff/, '');
		const art = parseArticle(text, {id: d.id, outlet: d.publisher});
		const t0 = performance.now();
		const res = attributeStory([art]);
		ms += performance.now() - t0;
		out.articles.push(...toQuotesJson([art], res).articles);
	}
	const json = JSON.stringify(out);
	if (dumpAt > 0 && process.argv[dumpAt + 1]) writeFileSync(process.argv[dumpAt + 1]!, json);
	const score = spawnSync('python3', [path.join(root, 'test/fixtures/eval/score.py'), 'polnear', '--gold', gold, '--min-f1', '0.90', '--min-speaker', '0.85'], {input: json, encoding: 'utf8'});
	process.stdout.write(score.stdout);
	process.stderr.write(score.stderr);
	console.log(`attribution time: ${ms.toFixed(1)} ms for ${docs.length} articles`);
	process.exitCode = score.status ?? 1;
} finally {
	rmSync(dir, {recursive: true, force: true});
}
