/**
 * PolNeAR quote benchmark: `npx tsx bench/quotes-polnear.ts <polnear-subset.jsonl>`.
 *
 * Writes each article's text to a temporary directory as `<id>.txt` (the texts are copyrighted
 * news with no licence: they are never copied into the repository), reads them back as the app
 * does, runs parsing and quote attribution (one story per article), and pipes the
 * `newsreader quotes --json` document to `score.py polnear`, which prints quote F1 and speaker
 * accuracy. Bars: quote F1 >= 0.90, speaker accuracy >= 0.85.
 *
 * `--one-story` attributes all the articles as one story instead, as `newsreader quotes DIR` does
 * with a folder of unrelated news: names and descriptions must not be resolved to people of other
 * articles ("Mr. King" to Barack Obama), so speaker accuracy should stay close to the per-article run.
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
	console.error('usage: npx tsx bench/quotes-polnear.ts <polnear-subset.jsonl> [--one-story] [--dump out.json]');
	process.exit(2);
}
const dumpAt = process.argv.indexOf('--dump');
const oneStory = process.argv.includes('--one-story');
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
	const arts = docs.map((d) => parseArticle(readFileSync(path.join(dir, `${d.id}.txt`), 'utf8').replace(/^\ufeff/, ''), {id: d.id, outlet: d.publisher}));
	for (const group of oneStory ? [arts] : arts.map((a) => [a])) {
		const t0 = performance.now();
		const res = attributeStory(group);
		ms += performance.now() - t0;
		out.articles.push(...toQuotesJson(group, res).articles);
	}
	// Borrowed names: a speaker whose surname never appears in the quote's own article can only
	// have come from another article of the story (the cross-article resolution errors above).
	const texts = new Map(arts.map((a) => [a.meta.id, a.text]));
	let named = 0;
	let borrowed = 0;
	for (const a of out.articles as {id: string; quotes: {speaker?: string | null}[]}[]) {
		for (const q of a.quotes) {
			if (!q.speaker) continue;
			named++;
			if (!texts.get(a.id)!.toLowerCase().includes(q.speaker.split(' ').pop()!.toLowerCase())) borrowed++;
		}
	}
	console.log(`speakers named from another article: ${borrowed} of ${named} attributed quotes`);
	const json = JSON.stringify(out);
	if (dumpAt > 0 && process.argv[dumpAt + 1]) writeFileSync(process.argv[dumpAt + 1]!, json);
	const score = spawnSync('python3', [path.join(root, 'test/fixtures/eval/score.py'), 'polnear', '--gold', gold, '--min-f1', '0.90', '--min-speaker', '0.85'], {input: json, encoding: 'utf8'});
	process.stdout.write(score.stdout);
	process.stderr.write(score.stderr);
	console.log(`attribution time: ${ms.toFixed(1)} ms for ${docs.length} articles${oneStory ? ' (one story)' : ' (one story each)'}`);
	process.exitCode = score.status ?? 1;
} finally {
	rmSync(dir, {recursive: true, force: true});
}
