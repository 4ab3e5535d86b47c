import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, readManifest } from '../sources/manifest';

/** What the build report says of each source: the manifest's facts, and whether this build read it. */
export interface SourceFact {
	id: string;
	title: string;
	origin_url: string | null;
	retrieved: string | null;
	as_of: string | null;
	licence: string;
	attribution: string;
	terms: string;
	/** How `npm run sources:refresh` renews it, or null where it is renewed by hand. */
	refresh: 'overpass' | 'wikidata' | 'shl' | null;
	files: number;
	bytes: number;
	/** Optional and not yet fetched. */
	pending: boolean;
	read: boolean;
}

/** The facts of every source in the folder's manifest; none for a folder without one (test fixtures). */
export function sourceFacts(sourcesDir: string, read: ReadonlySet<string>): SourceFact[] {
	if (!existsSync(join(sourcesDir, MANIFEST_FILE))) return [];
	return readManifest(sourcesDir).sources.map((s) => ({
		id: s.id,
		title: s.title,
		origin_url: s.origin.url,
		retrieved: s.retrieved,
		as_of: s.as_of,
		licence: s.licence,
		attribution: s.attribution,
		terms: s.terms,
		refresh: s.refresh?.kind ?? null,
		files: s.files.length,
		bytes: s.files.reduce((n, f) => n + f.bytes, 0),
		pending: s.optional === true && s.files.length === 0,
		read: read.has(s.id)
	}));
}
