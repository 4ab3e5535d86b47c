import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, sourceRecord } from '../../../scripts/sources/manifest';
import { bboxOfQuery, toMetroLines } from '../../../scripts/sources/refresh/convert/metro';
import { describeIds, diffById } from '../../../scripts/sources/refresh/diff';
import { describePage, retryAfter } from '../../../scripts/sources/refresh/http';
import { detectLayout, formatJson } from '../../../scripts/sources/refresh/layout';
import { targetFile } from '../../../scripts/sources/refresh/refresh';
import { fixture } from '../../support/replay-server';
import { realSources } from './sources-copy';

describe('the JSON layout a refresh keeps', () => {
	// Every file a refresh may rewrite, plus the hand-refreshed ones: each was written by another
	// tool (JSON.stringify, Python, Prettier), and each must come out byte for byte.
	const files = readManifest(realSources)
		.sources.flatMap((s) => s.files.map((f) => f.path))
		.filter((p) => /\.(geo)?json$/.test(p));

	it.each(files)('rewrites %s byte for byte from its parsed value', (file) => {
		const text = readFileSync(join(realSources, file), 'utf8');
		expect(formatJson(JSON.parse(text), detectLayout(text)) === text).toBe(true);
	});

	it('tells the layouts apart', () => {
		expect(detectLayout('{"a":1}')).toMatchObject({ indent: '', spaced: false, finalNewline: false });
		expect(detectLayout('{"a": 1, "b": [1, 2]}\n')).toMatchObject({ indent: '', spaced: true, finalNewline: true });
		expect(detectLayout('{\n\t"a": 1\n}')).toMatchObject({ indent: '\t', inlineWidth: 0 });
		expect(detectLayout('{\n  "a": ["x", "y"]\n}\n')).toMatchObject({ indent: '  ', inlineWidth: 80 });
	});

	it('keeps a short array of scalars on one line in a Prettier file, counting CJK characters double', () => {
		const layout = detectLayout('{\n  "a": ["x"]\n}\n');
		expect(formatJson({ a: ['短'], b: ['太长的名字'.repeat(8)] }, layout)).toBe(`{\n  "a": ["短"],\n  "b": [\n    "${'太长的名字'.repeat(8)}"\n  ]\n}\n`);
	});
});

describe('Retry-After', () => {
	const now = Date.parse('2026-12-01T10:00:00Z');
	it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
		expect(retryAfter('120', now)).toBe(120_000);
		expect(retryAfter('Tue, 01 Dec 2026 10:01:00 GMT', now)).toBe(60_000);
		expect(retryAfter('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
		expect(retryAfter('soon', now)).toBeNull();
		expect(retryAfter(null, now)).toBeNull();
	});
});

describe('describePage', () => {
	it('quotes an Overpass error page by its title and the paragraph naming the error, not the copyright line', () => {
		expect(describePage(fixture('overpass-400.html'), 'text/html')).toBe('OSM3S Response — Error: line 6: parse error: Unknown type "wy"');
	});
	it('takes the first line of a text answer', () => {
		expect(describePage('java.util.concurrent.TimeoutException\n\tat x.y', 'text/plain')).toBe('java.util.concurrent.TimeoutException');
	});
});

describe('diffById', () => {
	it('compares repeated ids as a group and ignores key order', () => {
		const changes = diffById(
			[
				{ id: 'Q1', value: { a: 1, b: 2 } },
				{ id: 'Q2', value: { x: 1 } },
				{ id: 'Q2', value: { x: 2 } },
				{ id: 'Q3', value: {} }
			],
			[
				{ id: 'Q1', value: { b: 2, a: 1 } },
				{ id: 'Q2', value: { x: 2 } },
				{ id: 'Q2', value: { x: 1 } },
				{ id: 'Q4', value: {} }
			]
		);
		expect(changes).toEqual({ added: ['Q4'], removed: ['Q3'], changed: [], unchanged: 2, before: 4, after: 4 });
		expect(diffById([{ id: 'Q2', value: 1 }], [{ id: 'Q2', value: 1 }, { id: 'Q2', value: 2 }]).changed).toEqual(['Q2']);
	});
	it('prints a count and the first ids', () => {
		expect(describeIds('added', ['a', 'b', 'c', 'd', 'e', 'f'])).toBe('6 added: a, b, c, d, e, …');
		expect(describeIds('removed', [])).toBe('0 removed');
	});
});

describe('metro lines', () => {
	it('reads the bbox of the query file', () => {
		const query = readFileSync(join(realSources, 'osm/metro_lines_hengfu.overpassql'), 'utf8');
		expect(bboxOfQuery(query, 'osm/metro_lines_hengfu.overpassql')).toEqual([121.38, 31.19, 121.47, 31.235]);
	});

	it('joins both directions of a line into one MultiLineString clipped to the bbox, each track way once', () => {
		const way = (ref: number, points: Array<[number, number]>, role = '') => ({ type: 'way', ref, role, geometry: points.map(([lon, lat]) => ({ lat, lon })) });
		const a = way(1, [[121.30, 31.20], [121.40, 31.20]]);
		const b = way(2, [[121.40, 31.20], [121.45, 31.21]]);
		const answer = {
			elements: [
				{ type: 'relation' as const, id: 10, tags: { route: 'subway', ref: '1', name: '上海地铁1号线 (莘庄→富锦路)' }, members: [a, b, way(3, [[121.41, 31.2], [121.41, 31.2]], 'platform')] },
				{ type: 'relation' as const, id: 11, tags: { route: 'subway', ref: '1', name: '上海地铁1号线 (富锦路→莘庄)' }, members: [b, a] },
				{ type: 'relation' as const, id: 12, tags: { route: 'subway', ref: '99', name: '远方线' }, members: [way(4, [[120, 30], [120.1, 30]])] }
			]
		};
		const doc = toMetroLines(answer, [121.38, 31.19, 121.47, 31.235], { previous: null, queryFile: 'q.overpassql', osmBase: null, notes: [] });
		expect(doc.features).toEqual([
			{
				type: 'Feature',
				properties: { id: 'metro-1', name: '上海地铁1号线', route: '1', kind: 'metro_line' },
				geometry: { type: 'MultiLineString', coordinates: [[[121.38, 31.2], [121.4, 31.2], [121.45, 31.21]]] }
			}
		]);
	});
});

describe('the file a first refresh writes', () => {
	const manifest = readManifest(realSources);
	it('is named after the query file', () => {
		const pois = sourceRecord(manifest, 'osm-pois')!;
		expect(targetFile(pois, pois.refresh!)).toBe('osm/pois_hengfu.geojson');
		const streets = { ...sourceRecord(manifest, 'osm-streets')!, files: [] };
		expect(targetFile(streets, streets.refresh!)).toBe('osm/streets_hengfu.overpass.json');
		const wikidata = { ...sourceRecord(manifest, 'wikidata-places')!, files: [] };
		expect(targetFile(wikidata, wikidata.refresh!)).toBe('wikidata/places_shanghai.geojson');
	});
});
