/** Test helper: the seed story's articles, parsed, read straight from seeds/ and content/. */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {parseArticle} from '../../src/core/article.js';
import './nlp.js';
import type {Article} from '../../src/core/types.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const seedsDir = path.join(repoRoot, 'seeds');

interface ManifestEntry {
	file: string;
	outlet?: string;
	title?: string;
	date?: string;
	url?: string;
}

/** The seed manifest's entries. */
export function seedManifest(): {title: string; articles: ManifestEntry[]} {
	return JSON.parse(readFileSync(path.join(repoRoot, 'content/seed-story.json'), 'utf8'));
}

/** Read one seed file's text as the app reads it (UTF-8, BOM dropped). */
export function seedText(file: string): string {
	return readFileSync(path.join(seedsDir, file), 'utf8').replace(/^\ufeff/, '');
}

/** The five seed articles, parsed with their manifest metadata. */
export function loadSeedArticles(): Article[] {
	return seedManifest().articles.map((e) =>
		parseArticle(seedText(e.file), {
			id: e.file.replace(/\.[^.]+$/, ''),
			...(e.outlet && {outlet: e.outlet}),
			...(e.title && {title: e.title}),
			...(e.date && {date: e.date}),
			...(e.url && {url: e.url}),
		}),
	);
}
