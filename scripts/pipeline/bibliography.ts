/**
 * Reads data/bibliography.json: a broken file stops the build, naming what is wrong, and every
 * entry's file must be a newsletter of the sources folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bibliography, type Bibliography, type BibliographyEntry } from '../../src/lib/schema/bibliography';
import { SourceError } from './report';

export const BIBLIOGRAPHY_FILE = 'data/bibliography.json';

export function bibliographyPath(root = '.'): string {
	return resolve(process.env.HENGFU_BIBLIOGRAPHY ?? join(root, BIBLIOGRAPHY_FILE));
}

export function loadBibliography(path = bibliographyPath()): Bibliography {
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(path, 'utf8'));
	} catch (err) {
		throw new SourceError(path, `cannot read the bibliography (${(err as Error).message})`);
	}
	const parsed = bibliography.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new SourceError(path, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
	}
	return parsed.data;
}

/** Key → entry, and whether the newsletter behind each is in the sources folder. */
export function bibliographyIndex(b: Bibliography, sourcesDir?: string): Map<string, BibliographyEntry> {
	if (sourcesDir) {
		const missing = b.entries.filter((e) => !existsSync(join(sourcesDir, 'newsletters', e.file)));
		if (missing.length) throw new SourceError(BIBLIOGRAPHY_FILE, `${missing.map((e) => `${e.key} (${e.file})`).join(', ')}: no such newsletter in ${sourcesDir}/newsletters`);
	}
	return new Map(b.entries.map((e) => [e.key, e]));
}
