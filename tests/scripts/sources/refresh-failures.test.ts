import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkSources } from '../../../scripts/sources/check';
import { readManifest, sourceRecord, writeManifest } from '../../../scripts/sources/manifest';
import { refreshSource, type RefreshResult } from '../../../scripts/sources/refresh/refresh';
import { closedPortUrl, fixture, html, json, startReplayServer, type ReplayResponse, type ReplayServer } from '../../support/replay-server';
import { copySources, expectUnchanged, readJson, realSources, removeCopies, replayOptions, snapshot } from './sources-copy';

let server: ReplayServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
	removeCopies();
});

/** Refreshes `id` in a fresh copy against `script`; returns the result, the copy and what it held before. */
async function run(id: string, script: ReplayResponse[], extra: Parameters<typeof replayOptions>[1] = {}) {
	const dir = copySources();
	const before = snapshot(dir);
	server = await startReplayServer(script);
	const options = replayOptions({ OVERPASS_URL: server.url }, extra);
	const result = await refreshSource(dir, id, options);
	return { dir, before, result, waits: options.waits, host: new URL(server.url).host };
}

function failure(result: RefreshResult): string {
	if (result.status !== 'failed') throw new Error(`expected a failure, got ${result.status}`);
	return result.message;
}

describe('sources:refresh retries a busy origin', () => {
	it('waits as Retry-After (seconds) says after a 429, then writes the answer', async () => {
		const { dir, result, waits } = await run('osm-pois', [{ status: 429, headers: { 'retry-after': '7' }, body: fixture('overpass-429.html') }, json('overpass-pois.json')]);
		expect(result.status).toBe('refreshed');
		expect(server!.requests).toHaveLength(2);
		expect(waits).toEqual([7000]);
		expect(result.status === 'refreshed' && result.waits).toEqual([7000]);
		expect(checkSources(dir).problems).toEqual([]);
	});

	it('reads Retry-After as an HTTP date against the injected clock', async () => {
		const { result, waits } = await run('osm-pois', [{ status: 429, headers: { 'retry-after': 'Tue, 01 Dec 2026 10:00:30 GMT' } }, json('overpass-pois.json')]);
		expect(result.status).toBe('refreshed');
		expect(waits).toEqual([30_000]);
	});

	it('retries a 504 Gateway Timeout, backing off when no Retry-After is given', async () => {
		const { result, waits } = await run('osm-pois', [html('overpass-error.html', 504), json('overpass-pois.json')]);
		expect(result.status).toBe('refreshed');
		expect(waits).toEqual([10_000]);
	});

	it('gives up on a 429 storm after the allowed tries, with a clear message, changing nothing', async () => {
		const storm = Array.from({ length: 6 }, () => ({ status: 429, headers: { 'retry-after': '2' }, body: fixture('overpass-429.html') }));
		const { dir, before, result, waits, host } = await run('osm-pois', storm);
		expect(failure(result)).toBe(`osm-pois: ${host} kept answering 429 Too Many Requests after 4 tries: try later, or set OVERPASS_URL to another instance. Nothing was changed.`);
		expect(server!.requests).toHaveLength(4);
		expect(waits).toEqual([2000, 2000, 2000]);
		expectUnchanged(dir, before);
	});

	it('does not wait longer than the run allows: a Retry-After of an hour fails at once', async () => {
		const { dir, before, result, waits } = await run('osm-pois', [{ status: 429, headers: { 'retry-after': '3600' } }, json('overpass-pois.json')]);
		expect(failure(result)).toMatch(/asked to wait 3600 s, more than the 120 s left of this run's 120 s: try later, or set OVERPASS_URL to another instance\. Nothing was changed\.$/);
		expect(waits).toEqual([]);
		expect(server!.requests).toHaveLength(1);
		expectUnchanged(dir, before);
	});
});

describe('sources:refresh refuses a bad answer and leaves every file as it was', () => {
	const cases: Array<[string, string, ReplayResponse[], RegExp]> = [
		['an HTML page with status 200', 'osm-pois', [html('overpass-error.html', 200)], /^osm-pois: .* sent an HTML page instead of JSON for osm\/pois_hengfu\.overpassql: “OSM3S Response — Error: runtime error: .*The server is probably too busy to handle your request\.”/],
		['an error page with status 400', 'osm-pois', [html('overpass-400.html', 400)], /answered 400 Bad Request: “OSM3S Response — Error: line 6: parse error: Unknown type "wy"”: check the query and the address\. Nothing was changed\.$/],
		['an error page with status 500', 'osm-streets', [html('overpass-error.html', 500)], /answered 500 Internal Server Error: “.*too busy.*”: try later, or set OVERPASS_URL to another instance\./],
		['an answer cut off mid-JSON', 'osm-pois', [json('overpass-truncated.json')], /^osm-pois: .*'s answer to osm\/pois_hengfu\.overpassql is not whole JSON \(.*\): the answer was probably cut off; try again\. Nothing was changed\.$/],
		['a runtime-error remark', 'osm-buildings', [json('overpass-runtime-error.json')], /Overpass stopped osm\/buildings_hengfu\.overpassql early: “runtime error: Query timed out in "query" at line 3 after 26 seconds\.” \(0 elements arrived, which would be partial\)/],
		['an empty answer', 'osm-pois', [{ status: 200, body: '' }], /sent an empty answer to osm\/pois_hengfu\.overpassql: try again later\. Nothing was changed\.$/],
		['JSON that is not Overpass JSON', 'osm-pois', [{ body: '{"error": "no such endpoint"}' }], /JSON but not Overpass JSON \(no "elements" list\): check that OVERPASS_URL points at an Overpass API interpreter/],
		['an answer without the expected elements', 'osm-streets', [json('overpass-pois.json')], /the answer to osm\/streets_hengfu\.overpassql holds no way tagged highway \(12 nodes, 1 way\): the query or the area may be wrong; run again with --force to write it anyway\. Nothing was changed\.$/],
		['0 elements where the file has 1,408 features', 'osm-heritage', [json('overpass-empty.json')], /^osm-heritage: the answer has 0 items where osm\/heritage_shanghai\.geojson has 1,408, fewer than half: .*--force/],
		['no boundary relation at all', 'osm-boundary-tianping', [json('overpass-empty.json')], /holds no relation tagged boundary \(no elements at all\)/],
		['fewer than half the items it had', 'osm-streets', [json('overpass-streets.json')], /^osm-streets: the answer has 16 items where osm\/streets_hengfu\.overpass\.json has 3,807, fewer than half: the origin may have answered only part of the area; run again with --force to write it anyway\. Nothing was changed\.$/]
	];
	for (const [what, id, script, message] of cases) {
		it(`refuses ${what}`, async () => {
			const { dir, before, result } = await run(id, script);
			expect(failure(result)).toMatch(message);
			expect(failure(result)).toMatch(/ Nothing was changed\.$/);
			expectUnchanged(dir, before);
		});
	}

	it('accepts 0 elements with --force, and says what went', async () => {
		const { dir, result } = await run('osm-heritage', [json('overpass-empty.json')], { force: true });
		if (result.status !== 'refreshed') throw new Error(result.message);
		expect(result.changes.after).toBe(0);
		expect(result.changes.removed).toHaveLength(1408);
		expect(result.changes.removed.slice(0, 2)).toEqual(['relation/2380996', readJson(realSources, 'osm/heritage_shanghai.geojson').features[1].id]);
		expect(readJson(dir, 'osm/heritage_shanghai.geojson').features).toEqual([]);
		expect(checkSources(dir).problems).toEqual([]);
	});

	it('refuses a SPARQL answer cut off by a query timeout', async () => {
		const dir = copySources();
		const before = snapshot(dir);
		const cut = fixture('wikidata-places.srj.json').slice(0, 900) + '\njava.util.concurrent.TimeoutException';
		server = await startReplayServer([{ body: cut, headers: { 'content-type': 'application/sparql-results+json' } }]);
		const result = await refreshSource(dir, 'wikidata-places', replayOptions({ WIKIDATA_SPARQL_URL: server.url }));
		expect(failure(result)).toMatch(/^wikidata-places: .* is not whole JSON \(.*\): the query probably timed out midway; try again, or narrow the query\. Nothing was changed\.$/);
		expectUnchanged(dir, before);
	});
});

describe('sources:refresh without a network', () => {
	it('says it cannot reach a closed port (ECONNREFUSED)', async () => {
		const dir = copySources();
		const before = snapshot(dir);
		const url = await closedPortUrl();
		const result = await refreshSource(dir, 'osm-pois', replayOptions({ OVERPASS_URL: url }));
		expect(failure(result)).toBe(`osm-pois: cannot reach ${new URL(url).host} (ECONNREFUSED): no network? Nothing was changed.`);
		expectUnchanged(dir, before);
	});

	it('says it cannot reach a host that does not resolve (ENOTFOUND)', async () => {
		const dir = copySources();
		const before = snapshot(dir);
		const result = await refreshSource(dir, 'osm-streets', replayOptions({ OVERPASS_URL: 'http://no-such-host.invalid/' }));
		expect(failure(result)).toBe('osm-streets: cannot reach no-such-host.invalid (ENOTFOUND): no network? Nothing was changed.');
		expectUnchanged(dir, before);
	});
});

describe('sources:refresh on sources it cannot refresh', () => {
	it('names the origin of a source refreshed by hand and changes nothing', async () => {
		const dir = copySources();
		const before = snapshot(dir);
		const result = await refreshSource(dir, 'osm-boundary-hunan', replayOptions({}));
		expect(result).toEqual({ id: 'osm-boundary-hunan', status: 'by-hand', message: `osm-boundary-hunan is refreshed by hand: ${sourceRecord(readManifest(dir), 'osm-boundary-hunan')!.origin.note}` });
		expectUnchanged(dir, before);
	});

	it('lists the known ids for an unknown one', async () => {
		const dir = copySources();
		const before = snapshot(dir);
		const result = await refreshSource(dir, 'osm-nothing', replayOptions({}));
		expect(result.status).toBe('unknown');
		expect(result.status === 'unknown' && result.known).toContain('osm-pois');
		expect(result.status === 'unknown' && result.message).toMatch(/^unknown source "osm-nothing"; sources.json lists: osm-boundary-tianping, /);
		expectUnchanged(dir, before);
	});

	it('refuses a manifest entry without a file it could name', async () => {
		const dir = copySources();
		const manifest = readManifest(dir);
		sourceRecord(manifest, 'shl-excellent-buildings')!.files = [];
		writeManifest(dir, manifest);
		const before = snapshot(dir);
		const result = await refreshSource(dir, 'shl-excellent-buildings', replayOptions({ SHL_API_KEY: 'k', SHL_API_URL: 'http://no-such-host.invalid/' }));
		expect(failure(result)).toBe(
			'shl-excellent-buildings: sources.json lists no file for it, and its refresh has no query file to name one: restore its "files" entry in sources.json (git checkout -- data/sources/sources.json). Nothing was changed.'
		);
		expectUnchanged(dir, before);
	});

	it('refuses when the query file is missing, naming it', async () => {
		const dir = copySources();
		rmSync(join(dir, 'osm/pois_hengfu.overpassql'));
		const before = snapshot(dir);
		const result = await refreshSource(dir, 'osm-pois', replayOptions({ OVERPASS_URL: 'http://no-such-host.invalid/' }));
		expect(failure(result)).toBe('osm-pois: osm/pois_hengfu.overpassql, the query osm-pois runs, is missing: restore it (git checkout -- data/sources). Nothing was changed.');
		expectUnchanged(dir, before);
	});
});
