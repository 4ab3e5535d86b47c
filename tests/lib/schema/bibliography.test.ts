import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBibliography } from '../../../scripts/pipeline/bibliography';
import { bibliography, citationText, NEWSLETTER_FILE, NEWSLETTER_KEY } from '../../../src/lib/schema/bibliography';

const repoRoot = resolve(import.meta.dirname, '../../..');
const newsletters = join(repoRoot, 'data/sources/newsletters');
const entries = loadBibliography(join(repoRoot, 'data/bibliography.json')).entries;
// Line breaks and spaces fall where the newsletter's columns broke; they are not part of the words.
const squash = (s: string) => s.replace(/\s+/g, '');
const SEED_FILE_NAME = /\d{3}_[0-9a-f]{16}\.txt/;

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

describe('data/bibliography.json', () => {
	it('has one entry for every newsletter in data/sources/newsletters, and none for a file that is not there', () => {
		const held = readdirSync(newsletters).filter((f) => NEWSLETTER_FILE.test(f)).sort();
		expect(held.length).toBeGreaterThan(0);
		expect(entries.map((e) => e.file).sort()).toEqual(held);
	});

	it.each(entries.map((e) => [e.key, e] as const))('%s: its headline and the words its date rests on are the newsletter’s own', (_, e) => {
		const text = squash(readFileSync(join(newsletters, e.file), 'utf8'));
		expect(text).toContain(squash(e.headline));
		for (const q of e.date_basis.quotes) expect(text, q).toContain(squash(q));
	});

	it('refuses a duplicate key, a file name as key and an unknown date basis', () => {
		const one = entries[0];
		expect(bibliography.safeParse({ entries: [one, { ...one, file: '999_0000000000000000.txt' }] }).success).toBe(false);
		expect(bibliography.safeParse({ entries: [{ ...one, key: one.file }] }).success).toBe(false);
		expect(bibliography.safeParse({ entries: [{ ...one, date_basis: { ...one.date_basis, kind: 'guessed' } }] }).success).toBe(false);
		expect(NEWSLETTER_KEY.test('003_56d26621740f9aa2.txt')).toBe(false);
	});

	it('a citation shows the headline, the issuer and the date, never the file', () => {
		for (const e of entries) {
			const text = citationText({ headline: e.headline, issuer_zh: e.issuer.zh, date: e.date });
			expect(text).toContain(e.headline);
			expect(text).toContain(e.date);
			expect(text).not.toMatch(SEED_FILE_NAME);
		}
	});
});

describe('the project’s data cite newsletters by key', () => {
	const keys = new Set(entries.map((e) => e.key));
	const own = files(join(repoRoot, 'data')).filter((f) => !f.startsWith(join(repoRoot, 'data/sources')) && !f.endsWith('bibliography.json'));

	it('no data file outside the bibliography names a newsletter’s file', () => {
		const naming = own.filter((f) => SEED_FILE_NAME.test(readFileSync(f, 'utf8').replace(/"\$comment":.*$/gm, '')));
		expect(naming.map((f) => relative(repoRoot, f))).toEqual([]);
	});

	it('every key cited in the registers, the figures, the tours and the never-widened list is in the bibliography', () => {
		const cited = own.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\b(?:tianping|hunan|tianshan)-\d{4}-[a-z0-9-]+/g)].map((m) => m[0]));
		expect(cited.length).toBeGreaterThan(40);
		expect([...new Set(cited)].filter((k) => !keys.has(k))).toEqual([]);
	});
});
