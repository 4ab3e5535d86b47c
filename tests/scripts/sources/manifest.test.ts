import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../../scripts/pipeline/manifest';
import { readManifest } from '../../../scripts/sources/manifest';
import { CREDITS } from '../../../src/lib/sources';

const repoRoot = resolve(import.meta.dirname, '../../..');
const manifest = readManifest(join(repoRoot, 'data/sources'));
const record = (id: string) => manifest.sources.find((s) => s.id === id);

describe('data/sources/sources.json beside the pipeline', () => {
	it.each(SOURCES.map((s) => [s.id, s] as const))('%s: the file the pipeline reads is the one the manifest records', (id, entry) => {
		const r = record(id);
		expect(r, `${id} is not in sources.json`).toBeDefined();
		if (entry.format === 'photos') {
			expect(r!.files.length).toBeGreaterThan(0);
			expect(r!.files.every((f) => f.path.startsWith(`${entry.file}/`))).toBe(true);
		} else if (entry.optional && r!.files.length === 0) {
			// Not fetched yet: the refresh writes the file the pipeline will read.
			expect(r!.optional).toBe(true);
			expect(r!.refresh && 'query' in r!.refresh && r!.refresh.query.replace(/\.overpassql$/, '.geojson')).toBe(entry.file);
		} else {
			expect(r!.files.map((f) => f.path)).toEqual([entry.file]);
		}
	});

	it('lists nothing the project does not read: the pipeline’s sources, and the newsletters the quote test reads', () => {
		const read = new Set([...SOURCES.map((s) => s.id), 'newsletters']);
		expect(manifest.sources.map((s) => s.id).filter((id) => !read.has(id))).toEqual([]);
	});

	it('credits each source as the map and the catalogue do', () => {
		for (const s of manifest.sources) {
			const credit = CREDITS[s.id];
			if (!credit) continue;
			expect({ id: s.id, licence: s.licence, attribution: s.attribution }).toEqual({ id: s.id, licence: credit.licence, attribution: credit.attribution });
		}
	});

	it('is described, source by source, in data/sources/README.md', () => {
		const readme = readFileSync(join(repoRoot, 'data/sources/README.md'), 'utf8');
		for (const s of manifest.sources) expect(readme, s.id).toContain(`\`${s.id}\``);
	});
});
