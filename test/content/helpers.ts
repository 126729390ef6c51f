/** Test helpers for the content tests: fixture paths and throw-away folders. */
import {mkdtempSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect} from 'vitest';
import type {Article} from '../../src/core/types.js';

export const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/content');

const made: string[] = [];

/** A fresh temporary folder, removed by {@link cleanTemp}. */
export function tempDir(prefix = 'nr-content-'): string {
	const d = mkdtempSync(path.join(os.tmpdir(), prefix));
	made.push(d);
	return d;
}

/** Remove every folder {@link tempDir} made. */
export function cleanTemp(): void {
	for (const d of made.splice(0)) rmSync(d, {recursive: true, force: true});
}

/** Write files (name → content) into a folder, creating subfolders; returns the folder. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string {
	for (const [name, content] of Object.entries(files)) {
		const file = path.join(dir, name);
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, content);
	}
	return dir;
}

/** The kept paragraphs of an article as text, with their roles: "role: text". */
export function paragraphs(a: Article): string[] {
	return a.paragraphs.map((p) => `${p.role}: ${a.text.slice(p.start, p.end)}`);
}

/** All kept text of an article, one paragraph a line. */
export function body(a: Article): string {
	return a.paragraphs.map((p) => a.text.slice(p.start, p.end)).join('\n');
}

/** Every span of the article is an exact, trimmed slice of its text, and none overlaps furniture. */
export function expectExactOffsets(a: Article): void {
	for (const s of a.sentences) {
		const t = a.text.slice(s.start, s.end);
		expect(t).toBe(t.trim());
		expect(s.end).toBeLessThanOrEqual(a.text.length);
	}
	for (const f of a.furniture) {
		expect(a.text.slice(f.start, f.end)).toBe(f.text);
		for (const p of a.paragraphs) expect(f.end <= p.start || f.start >= p.end).toBe(true);
	}
}
