import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSources } from '../../../scripts/sources/check';
import { describeFile, readManifest, sourceRecord, writeManifest } from '../../../scripts/sources/manifest';
import { detectLayout, formatJson } from '../../../scripts/sources/refresh/layout';
import { refreshSource } from '../../../scripts/sources/refresh/refresh';
import { json, startReplayServer, type ReplayServer } from '../../support/replay-server';
import { copySources, expectUnchanged, readJson, realSources, removeCopies, refreshed, replayOptions, snapshot, TODAY } from './sources-copy';

let server: ReplayServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
	removeCopies();
});

/** Puts `doc` in place of a source's file in the copy, in the real file's layout, and records it. */
function replaceFile(dir: string, id: string, file: string, doc: unknown) {
	const text = formatJson(doc, detectLayout(readFileSync(join(realSources, file), 'utf8')));
	writeFileSync(join(dir, file), text);
	const manifest = readManifest(dir);
	sourceRecord(manifest, id)!.files = [describeFile(file, Buffer.from(text))];
	writeManifest(dir, manifest);
}

const entity = (q: string) => `http://www.wikidata.org/entity/${q}`;

describe('sources:refresh of wikidata-places from a recorded SPARQL answer', () => {
	it('writes one feature per row, reports changes by item, asks with the SPARQL JSON type and a descriptive User-Agent', async () => {
		const dir = copySources();
		// Before: the real rows of Q10867891 (its description edited here), Q10867747 (twice),
		// Q10868014, Q10867765 and Q10882166; the answer drops Q10882166 and adds Q10906897.
		const real = readJson(realSources, 'wikidata/places_shanghai.geojson');
		const keep = ['Q10867891', 'Q10867747', 'Q10868014', 'Q10867765', 'Q10882166'].map(entity);
		const features = structuredClone(real.features.filter((f: { properties: { item: string } }) => keep.includes(f.properties.item)));
		features.find((f: { properties: { item: string } }) => f.properties.item === entity('Q10867891')).properties.itemDescription = 'an older description';
		replaceFile(dir, 'wikidata-places', 'wikidata/places_shanghai.geojson', { type: 'FeatureCollection', features });

		server = await startReplayServer([json('wikidata-places.srj.json', 200, { 'content-type': 'application/sparql-results+json;charset=utf-8' })]);
		const result = refreshed(await refreshSource(dir, 'wikidata-places', replayOptions({ WIKIDATA_SPARQL_URL: server.url })));

		const request = server.requests[0];
		expect(request.headers.accept).toBe('application/sparql-results+json');
		expect(request.headers['user-agent']).toMatch(/^HengfuHeritageMap\/\S+ \(.*sources:refresh/);
		expect(new URLSearchParams(request.body).get('query')).toBe(readFileSync(join(dir, 'wikidata/places_shanghai.rq'), 'utf8'));

		expect(result.changes.added).toEqual([entity('Q10906897')]);
		expect(result.changes.removed).toEqual([entity('Q10882166')]);
		expect(result.changes.changed).toEqual([entity('Q10867891')]);
		expect(result.changes.unchanged).toBe(3);

		const text = readFileSync(join(dir, result.file), 'utf8');
		expect(text.startsWith('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":')).toBe(true);
		const doc = JSON.parse(text);
		expect(doc.features).toHaveLength(6);
		expect(doc.features.filter((f: { properties: { item: string } }) => f.properties.item === entity('Q10867747'))).toHaveLength(2);
		// A row without the optional description has no such property, not an empty one.
		const textile = doc.features.find((f: { properties: { item: string } }) => f.properties.item === entity('Q10868014'));
		expect(Object.keys(textile.properties)).toEqual(['item', 'itemLabel', 'image', 'zhwiki_url', 'commons_url']);
		// Each row comes out as the real file has it.
		for (const f of doc.features) expect(real.features).toContainEqual(f);

		const entry = sourceRecord(readManifest(dir), 'wikidata-places')!;
		expect(entry).toMatchObject({ retrieved: TODAY, as_of: TODAY, retrieved_basis: `npm run sources:refresh on ${TODAY}` });
		expect(checkSources(dir).problems).toEqual([]);
	});
});

describe('sources:refresh of shl-excellent-buildings from recorded getArchitectures pages', () => {
	const uri = (id: string) => `http://data.library.sh.cn/entity/architecture/${id}`;
	const FILE = 'shl/excellent_historic_buildings.json';

	function shlBefore(dir: string) {
		const real = readJson(realSources, FILE);
		const data = ['5xfzxukdpbdast1a', '2tp3c0ieswi51fnc', '4qdh3v8nebcri481', '0vdq8ba8npv81d0v'].map((id) => real.data.find((r: { uri: string }) => r.uri === uri(id)));
		replaceFile(dir, 'shl-excellent-buildings', FILE, { metadata: real.metadata, data });
		return { real, data };
	}

	it('reads every page, keeps the enrichment by uri, reports added / removed / changed and updates the metadata', async () => {
		const dir = copySources();
		const { data: before } = shlBefore(dir);
		server = await startReplayServer([json('shl-page-1.json'), json('shl-page-2.json')]);
		const result = refreshed(
			await refreshSource(dir, 'shl-excellent-buildings', replayOptions({ SHL_API_URL: server.url, SHL_API_KEY: 'test-key' }, { shlPageSize: 2 }))
		);

		// The manifest's endpoint path and parameters, on the replay server, page by page.
		const asked = server.requests.map((r) => new URL(r.url, server!.url));
		expect(asked.map((u) => u.pathname)).toEqual(['/shnh/gmwx/webapi/architecture/getArchitectures', '/shnh/gmwx/webapi/architecture/getArchitectures']);
		expect(asked.map((u) => Object.fromEntries(u.searchParams))).toEqual([
			{ isRed: '3', freetext: '', pageth: '1', pageSize: '2', key: 'test-key' },
			{ isRed: '3', freetext: '', pageth: '2', pageSize: '2', key: 'test-key' }
		]);

		expect(result.changes.added).toEqual([uri('test0000000001')]);
		expect(result.changes.removed).toEqual([uri('0vdq8ba8npv81d0v')]);
		expect(result.changes.changed).toEqual([uri('2tp3c0ieswi51fnc')]);
		expect(result.changes.unchanged).toBe(2);

		const text = readFileSync(join(dir, FILE), 'utf8');
		const doc = JSON.parse(text);
		const byUri = (u: string) => doc.data.find((r: { uri: string }) => r.uri === u);
		// Enrichment kept, for the changed record too; the new record has none.
		expect(byUri(uri('5xfzxukdpbdast1a'))).toEqual(before[0]);
		const changed = byUri(uri('2tp3c0ieswi51fnc'));
		expect(changed.des).toMatch(/测试：本条描述已更新/);
		for (const field of ['batch', 'construction_year', 'wiki_url', 'photo_url', 'csv_names']) expect(changed[field]).toEqual(before[1][field]);
		expect(byUri(uri('4qdh3v8nebcri481'))).toEqual(before[2]);
		expect(byUri(uri('test0000000001'))).not.toHaveProperty('batch');
		expect(doc.metadata).toMatchObject({ total_records: 4, matched_records: 2, unmatched_records: 2, match_rate: '50.0%', refreshed_date: TODAY, threshold_used: 0.95 });
		expect(doc.metadata.refresh_note).toMatch(/kept by record uri/);
		// Prettier's layout, as the real file: short arrays stay on one line.
		expect(text).toMatch(/\n {6}"csv_names": \["[^\n]+\]\n/);

		expect(sourceRecord(readManifest(dir), 'shl-excellent-buildings')).toMatchObject({ retrieved: TODAY, as_of: TODAY });
		expect(checkSources(dir).problems).toEqual([]);
	});

	it('without SHL_API_KEY says which variable to set, asks nothing and changes nothing', async () => {
		const dir = copySources();
		const before = snapshot(dir);
		server = await startReplayServer([json('shl-page-1.json')]);
		const result = await refreshSource(dir, 'shl-excellent-buildings', replayOptions({ SHL_API_URL: server.url }));
		expect(result.status).toBe('failed');
		expect(result.status === 'failed' && result.message).toMatch(/^shl-excellent-buildings: the Shanghai Library API needs a key: set SHL_API_KEY .* Nothing was changed\.$/);
		expect(server.requests).toHaveLength(0);
		expectUnchanged(dir, before);
	});

	it('refuses an answer that says the key is wrong, without printing the key', async () => {
		const dir = copySources();
		const before = snapshot(dir);
		server = await startReplayServer([{ body: JSON.stringify({ result: '1', msg: 'key error' }) }]);
		const result = await refreshSource(dir, 'shl-excellent-buildings', replayOptions({ SHL_API_URL: server.url, SHL_API_KEY: 'secret-123' }));
		expect(result.status === 'failed' && result.message).toMatch(/reports result "1" \(key error\): check SHL_API_KEY\. Nothing was changed\./);
		expect(result.status === 'failed' && result.message).not.toContain('secret-123');
		expectUnchanged(dir, before);
	});
});
