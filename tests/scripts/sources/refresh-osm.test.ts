import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import { checkSources } from '../../../scripts/sources/check';
import { readManifest, sha256, sourceRecord, writeManifest, describeFile } from '../../../scripts/sources/manifest';
import { refreshSource } from '../../../scripts/sources/refresh/refresh';
import { fixture, json, startReplayServer, type ReplayServer } from '../../support/replay-server';
import { copySources, readJson, realSources, removeCopies, refreshed, replayOptions, snapshot, TODAY } from './sources-copy';

let server: ReplayServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
	removeCopies();
});

/** The manifest entry matches the file on disk, and the whole folder matches its manifest. */
function expectRecorded(dir: string, id: string, file: string, asOf: string | null) {
	const entry = sourceRecord(readManifest(dir), id)!;
	const bytes = readFileSync(join(dir, file));
	expect(entry.files).toEqual([{ path: file, sha256: sha256(bytes), bytes: bytes.byteLength }]);
	expect(entry.retrieved).toBe(TODAY);
	expect(entry.retrieved_basis).toBe(`npm run sources:refresh on ${TODAY}`);
	expect(entry.as_of).toBe(asOf);
	const check = checkSources(dir);
	expect(check.problems).toEqual([]);
	expect(check.pending.map((s) => s.id)).not.toContain(id);
}

describe('sources:refresh of OSM sources from recorded Overpass answers', () => {
	it('fetches osm-buildings for the first time: a new 2-space GeoJSON named after its query, recorded in sources.json', async () => {
		const dir = copySources();
		server = await startReplayServer([json('overpass-buildings.json')]);
		const result = refreshed(await refreshSource(dir, 'osm-buildings', replayOptions({ OVERPASS_URL: server.url })));

		expect(result.file).toBe('osm/buildings_hengfu.geojson');
		expect(result.previousBytes).toBeNull();
		// The query went as Overpass expects it: POST, form field `data`, the file's text.
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].method).toBe('POST');
		expect(new URLSearchParams(server.requests[0].body).get('data')).toBe(readFileSync(join(dir, 'osm/buildings_hengfu.overpassql'), 'utf8'));

		const text = readFileSync(join(dir, result.file), 'utf8');
		expect(text.startsWith('{\n  "type": "FeatureCollection",\n')).toBe(true);
		const doc = JSON.parse(text);
		expect(Object.keys(doc)).toEqual(['type', 'generator', 'copyright', 'timestamp', 'features']);
		expect(doc.timestamp).toBe('2026-11-30T06:41:07Z');
		const ids = doc.features.map((f: { id: string }) => f.id).sort();
		expect(ids).toEqual(['relation/9000000001', 'way/1272941794', 'way/205186467', 'way/494546178', 'way/495925111', 'way/9000000101', 'way/9000000102']);
		for (const f of doc.features) {
			expect(Object.keys(f)).toEqual(['type', 'properties', 'geometry', 'id']);
			expect(f.properties['@id']).toBe(f.id);
			expect(f.properties).not.toHaveProperty('id');
			expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
		}
		// Real tags come through flat, levels included; the multipolygon keeps its hole.
		const xihu = doc.features.find((f: { id: string }) => f.id === 'way/494546178');
		expect(xihu.properties).toMatchObject({ name: '西湖公寓', 'building:levels': '11', 'heritage:operator': '上海市优秀历史建筑' });
		const heritage = readJson(realSources, 'osm/heritage_shanghai.geojson').features.find((f: { id: string }) => f.id === 'way/494546178');
		expect(xihu.geometry).toEqual(heritage.geometry);
		const courtyard = doc.features.find((f: { id: string }) => f.id === 'relation/9000000001');
		expect(courtyard.geometry.type).toBe('Polygon');
		expect(courtyard.geometry.coordinates).toHaveLength(2);
		expect(doc.features.find((f: { id: string }) => f.id === 'way/9000000101').properties).toEqual({ '@id': 'way/9000000101', building: 'yes', 'building:levels': '3' });

		expect(result.changes).toMatchObject({ before: 0, after: 7, removed: [], changed: [] });
		expect(result.changes.added).toHaveLength(7);
		expectRecorded(dir, 'osm-buildings', 'osm/buildings_hengfu.geojson', '2026-11-30');
	});

	it('fetches osm-pois for the first time: every element a Point, the kindergarten way at its centre', async () => {
		const dir = copySources();
		server = await startReplayServer([json('overpass-pois.json')]);
		const result = refreshed(await refreshSource(dir, 'osm-pois', replayOptions({ OVERPASS_URL: server.url })));

		expect(result.file).toBe('osm/pois_hengfu.geojson');
		const doc = readJson(dir, result.file);
		expect(doc.features).toHaveLength(13);
		expect(doc.features.every((f: { geometry: { type: string } }) => f.geometry.type === 'Point')).toBe(true);
		const kindergarten = doc.features.find((f: { id: string }) => f.id === 'way/9000000213');
		expect(kindergarten.geometry.coordinates).toEqual([121.4469, 31.2103]);
		expect(kindergarten.properties).toEqual({ '@id': 'way/9000000213', amenity: 'kindergarten', name: '测试幼儿园', 'name:en': 'Test Kindergarten' });
		const clinic = doc.features.find((f: { properties: { name?: string } }) => f.properties.name === '天平测试诊所');
		expect(clinic).toMatchObject({ id: 'node/9000000201', properties: { amenity: 'clinic' }, geometry: { coordinates: [121.4421, 31.2049] } });
		// The fixture is what it claims: everything inside 天平路街道.
		const boundary = readJson(realSources, 'osm/boundary_tianping.geojson');
		expect(doc.features.every((f: GeoJSON.Feature<GeoJSON.Point>) => turf.booleanPointInPolygon(f.geometry.coordinates, boundary))).toBe(true);
		expectRecorded(dir, 'osm-pois', 'osm/pois_hengfu.geojson', '2026-11-30');
	});

	it('refreshes osm-streets: reports added, removed and changed by type/id, keeps the compact layout', async () => {
		const dir = copySources();
		// The file before: the recorded answer without 德昌路 (545482991), with a second 康平路
		// segment (897198866) and its nodes, and 康平路 438552931 on one lane instead of two.
		const answer = JSON.parse(fixture('overpass-streets.json'));
		const real = readJson(realSources, 'osm/streets_hengfu.overpass.json');
		const extraWay = real.elements.find((e: { type: string; id: number }) => e.type === 'way' && e.id === 897198866);
		const answerNodes = new Set(answer.elements.filter((e: { type: string }) => e.type === 'node').map((e: { id: number }) => e.id));
		const extraNodes = real.elements.filter((e: { type: string; id: number }) => e.type === 'node' && extraWay.nodes.includes(e.id) && !answerNodes.has(e.id));
		const dechangOnly = new Set(answer.elements.find((e: { id: number }) => e.id === 545482991).nodes.filter((n: number) => !answer.elements.some((w: { type: string; id: number; nodes?: number[] }) => w.type === 'way' && w.id !== 545482991 && w.nodes?.includes(n))));
		const before = structuredClone(answer);
		before.generator = real.generator;
		before.elements = [
			...before.elements.filter((e: { type: string; id: number }) => !(e.type === 'way' && e.id === 545482991) && !(e.type === 'node' && dechangOnly.has(e.id))),
			...extraNodes,
			extraWay
		];
		before.elements.find((e: { id: number }) => e.id === 438552931).tags.lanes = '1';
		const beforeText = JSON.stringify(before);
		writeFileSync(join(dir, 'osm/streets_hengfu.overpass.json'), beforeText);
		const manifest = readManifest(dir);
		sourceRecord(manifest, 'osm-streets')!.files = [describeFile('osm/streets_hengfu.overpass.json', Buffer.from(beforeText))];
		writeManifest(dir, manifest);

		server = await startReplayServer([json('overpass-streets.json')]);
		const result = refreshed(await refreshSource(dir, 'osm-streets', replayOptions({ OVERPASS_URL: server.url })));

		expect(result.changes.added.sort(byType)).toEqual(['way/545482991', ...[...dechangOnly].map((n) => `node/${n}`)].sort(byType));
		expect(result.changes.removed.sort(byType)).toEqual(['way/897198866', ...extraNodes.map((n: { id: number }) => `node/${n.id}`)].sort(byType));
		expect(result.changes.changed).toEqual(['way/438552931']);
		const text = readFileSync(join(dir, 'osm/streets_hengfu.overpass.json'), 'utf8');
		expect(text).not.toContain('\n');
		expect(text).toBe(JSON.stringify(answer));
		expectRecorded(dir, 'osm-streets', 'osm/streets_hengfu.overpass.json', '2026-11-30');
	});

	it('rewrites the Tianping boundary byte for byte from an answer holding the same relation', async () => {
		const dir = copySources();
		const current = readJson(realSources, 'osm/boundary_tianping.geojson');
		const ring = current.geometry.coordinates[0] as number[][];
		const answer = {
			version: 0.6,
			osm3s: { timestamp_osm_base: '2026-11-30T06:41:07Z' },
			elements: [
				{
					type: 'relation',
					id: 13469980,
					members: [{ type: 'way', ref: 9000000301, role: 'outer', geometry: ring.map(([lon, lat]) => ({ lat, lon })) }],
					tags: { admin_level: '8', boundary: 'administrative', name: '天平路街道', 'name:zh': '天平路街道', type: 'boundary' }
				}
			]
		};
		server = await startReplayServer([{ body: JSON.stringify(answer) }]);
		const result = refreshed(await refreshSource(dir, 'osm-boundary-tianping', replayOptions({ OVERPASS_URL: server.url })));
		expect(readFileSync(join(dir, result.file))).toEqual(readFileSync(join(realSources, result.file)));
		expect(result.changes).toMatchObject({ added: [], removed: [], changed: [], unchanged: 1 });
		expectRecorded(dir, 'osm-boundary-tianping', 'osm/boundary_tianping.geojson', '2026-11-30');
	});

	it('refreshes metro stations into the custom format, keeping the file’s top-level fields and one-line Python layout', async () => {
		const dir = copySources();
		const current = readJson(realSources, 'osm/metro_stations_hengfu.geojson');
		const elements = current.features.map((f: { properties: { id: string; name: string }; geometry: { coordinates: number[] } }) => ({
			type: 'node',
			id: Number(f.properties.id.replace('metro-station-', '')),
			lat: f.geometry.coordinates[1],
			lon: f.geometry.coordinates[0],
			tags: { name: f.properties.name, railway: 'station', station: 'subway' }
		}));
		server = await startReplayServer([{ body: JSON.stringify({ version: 0.6, osm3s: { timestamp_osm_base: '2026-11-30T06:41:07Z' }, elements }) }]);
		const result = refreshed(await refreshSource(dir, 'osm-metro-stations', replayOptions({ OVERPASS_URL: server.url })));
		expect(result.changes).toMatchObject({ added: [], removed: [], changed: [], unchanged: current.features.length });
		const text = readFileSync(join(dir, result.file), 'utf8');
		expect(text.startsWith('{"type": "FeatureCollection", "name": ')).toBe(true);
		const doc = JSON.parse(text);
		expect(Object.keys(doc)).toEqual(Object.keys(current));
		expect(doc.metadata).toMatchObject({ sourceSnapshotAt: '2026-11-30T06:41:07Z', coordinateSystem: 'WGS84' });
		expect(doc.metadata).not.toHaveProperty('sourceArchiveSha256');
		expectRecorded(dir, 'osm-metro-stations', 'osm/metro_stations_hengfu.geojson', '2026-11-30');
	});

	it('leaves the real data/sources untouched', () => {
		// Every test above worked on a copy; this guards against a path slip.
		expect(existsSync(join(realSources, 'osm/buildings_hengfu.geojson'))).toBe(false);
		expect(snapshot(realSources).has('osm/pois_hengfu.geojson')).toBe(false);
	});
});

/** Ways before nodes, then by id: the order the expectations are written in does not matter. */
function byType(a: string, b: string): number {
	return a.localeCompare(b, 'en', { numeric: true });
}
