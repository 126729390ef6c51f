/**
 * Story folders often carry a notes file beside the articles (SOURCES.md, README.md) whose
 * Markdown table lists each file with its outlet, headline, date and address:
 *
 *   | file | outlet | headline | published | original address |
 *   |---|---|---|---|---|
 *   | 000_a.txt | The Hill | Kremlin says … | 2021-12-12 | thehill.com/… |
 *
 * Such a file is the folder's manifest, not an article. This module recognises the table and
 * reads it into manifest entries. Pure: the caller reads the files.
 */
import type {ManifestEntry} from './load.js';

/** File names that are a folder's notes, never its articles (compared case-insensitively, without extension). */
const NOTES_NAMES = new Set(['readme', 'sources', 'source', 'license', 'licence', 'changelog', 'contributing', 'copying', 'authors', 'notes', 'manifest', 'index']);

/** Whether a file in a folder is, by its name, the folder's notes rather than an article. */
export function isNotesFileName(name: string): boolean {
	const stem = name.replace(/\.[^.]+$/, '').toLowerCase();
	return NOTES_NAMES.has(stem);
}

type Field = 'file' | 'outlet' | 'title' | 'date' | 'url';

/** Which manifest field a table header names (first match wins), or undefined. */
function fieldOf(header: string): Field | undefined {
	const h = header.toLowerCase().replace(/[*_`]/g, '').trim();
	if (/^(file|file ?name|path|article|article file)$/.test(h)) return 'file';
	if (/\b(url|address|link|permalink)\b/.test(h)) return 'url';
	if (/\b(outlet|publication|publisher|source|site|newspaper|paper|network|media)\b/.test(h)) return 'outlet';
	if (/\b(headline|title)\b/.test(h)) return 'title';
	if (/\b(published|date|dated|time)\b/.test(h)) return 'date';
	return undefined;
}

/** Cells of a Markdown table row (`| a | b |`), trimmed; escaped pipes kept. */
function cells(line: string): string[] {
	let s = line.trim();
	if (s.startsWith('|')) s = s.slice(1);
	if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
	return s.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

const isDivider = (line: string) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);

/** A cell's plain text: links, code ticks and emphasis markers removed. */
function plain(cell: string): string {
	return cell
		.replace(/!?\[([^\]]*)\]\(([^)]*)\)/g, '$1')
		.replace(/<(https?:\/\/[^>]+)>/g, '$1')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(^|\s)[*_](\S(?:.*?\S)?)[*_](?=\s|$)/g, '$1$2')
		.trim();
}

/** A cell that says nothing is known ("not known", "n/a", "—"). */
const PLACEHOLDER = /^(?:not (?:in the text|known|given|available|stated)|unknown|none|n\/?a|tbd|\?+|-+|—|–)$/i;

function value(cell: string): string | undefined {
	const v = plain(cell);
	return v && !PLACEHOLDER.test(v) ? v : undefined;
}

/** The outlet's name without a note in parentheses ("NBC News (Reuters wire copy)" → "NBC News"). */
function outletName(v: string): string | undefined {
	const name = v.replace(/\s*\((?:[^()]|\([^()]*\))*\)\s*$/, '').trim();
	return name || undefined;
}

/** A headline without an editor's trailing note in lower case ("… (from the address)"). */
function headline(v: string): string | undefined {
	const t = v.replace(/\s*\((?=[a-z])[^()]*\)\s*$/, '').trim();
	return t || undefined;
}

/** An address: as given when it has a scheme, with https:// when it starts with a host name; else undefined. */
function address(cell: string): string | undefined {
	const link = /\]\(([^)\s]+)\)/.exec(cell)?.[1] ?? /<(https?:\/\/[^>]+)>/.exec(cell)?.[1];
	const v = link ?? plain(cell);
	if (/^https?:\/\/\S+$/i.test(v)) return v;
	if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?$/i.test(v)) return `https://${v}`;
	return undefined;
}

/**
 * The manifest entries of the first Markdown table in `text` that has a file column naming at
 * least one of `files` (the folder's article file names); undefined when there is none.
 * Rows naming other files are kept (the caller reports them).
 */
export function readSourcesTable(text: string, files: readonly string[]): ManifestEntry[] | undefined {
	const present = new Set(files.map((f) => f.toLowerCase()));
	const lines = text.split(/\r?\n/);
	for (let i = 0; i + 1 < lines.length; i++) {
		if (!lines[i]!.includes('|') || !isDivider(lines[i + 1]!)) continue;
		const fields = cells(lines[i]!).map(fieldOf);
		const fileCol = fields.indexOf('file');
		if (fileCol < 0) continue;
		const entries: ManifestEntry[] = [];
		let k = i + 2;
		for (; k < lines.length && lines[k]!.includes('|') && lines[k]!.trim() !== ''; k++) {
			const row = cells(lines[k]!);
			const file = plain(row[fileCol] ?? '');
			if (!file) continue;
			const entry: {-readonly [K in keyof ManifestEntry]: ManifestEntry[K]} = {file};
			fields.forEach((f, c) => {
				const cell = row[c];
				if (f === undefined || f === 'file' || cell === undefined) return;
				if (f === 'url') {
					const url = address(cell);
					if (url !== undefined && entry.url === undefined) entry.url = url;
					return;
				}
				const v = value(cell);
				if (v === undefined) return;
				if (f === 'outlet' && entry.outlet === undefined) {
					const name = outletName(v);
					if (name !== undefined) entry.outlet = name;
				} else if (f === 'title' && entry.title === undefined) {
					const t = headline(v);
					if (t !== undefined) entry.title = t;
				} else if (f === 'date' && entry.date === undefined) entry.date = v;
			});
			entries.push(entry);
		}
		if (entries.some((e) => present.has(e.file.toLowerCase()))) return entries;
		i = k - 1;
	}
	return undefined;
}
