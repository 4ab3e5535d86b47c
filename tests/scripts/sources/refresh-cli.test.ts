import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { checkSources } from '../../../scripts/sources/check';
import { json, startReplayServer, type ReplayServer } from '../../support/replay-server';
import { copySources, expectUnchanged, readJson, removeCopies, repoRoot, snapshot } from './sources-copy';

let server: ReplayServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
	removeCopies();
});

/** Runs the CLI as `npm run sources:refresh` does (asynchronously: the replay server lives in this process). */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((done) => {
		execFile(
			process.execPath,
			['--import', 'tsx', join(repoRoot, 'scripts/sources-refresh.ts'), ...args],
			{ cwd: repoRoot, env: { ...process.env, OVERPASS_URL: 'http://no-such-host.invalid/', WIKIDATA_SPARQL_URL: 'http://no-such-host.invalid/', SHL_API_URL: 'http://no-such-host.invalid/', ...env }, encoding: 'utf8' },
			(err, stdout, stderr) => done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
		);
	});
}

describe('npm run sources:refresh', () => {
	it('refreshes osm-pois into $HENGFU_SOURCES from $OVERPASS_URL and prints what changed', async () => {
		const dir = copySources();
		server = await startReplayServer([json('overpass-pois.json')]);
		const run = await cli(['osm-pois'], { HENGFU_SOURCES: dir, OVERPASS_URL: server.url });
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^osm-pois: wrote osm\/pois_hengfu\.geojson \(new, [\d,]+ bytes; 0 → 13 items, data as of 2026-11-30\) and its sources\.json entry\n/);
		expect(run.stdout).toContain('  13 added: node/9000000201, node/9000000202, node/9000000203, node/9000000204, node/9000000205, …\n  0 removed\n  0 changed\n');
		expect(readJson(dir, 'osm/pois_hengfu.geojson').features).toHaveLength(13);
		expect(checkSources(dir).problems).toEqual([]);
	});

	it('exits 1 when a source fails, refreshing the others, with a summary', async () => {
		const dir = copySources();
		server = await startReplayServer((request) => (new URLSearchParams(request.body).get('data')?.includes('amenity') ? json('overpass-pois.json') : json('overpass-runtime-error.json')));
		const run = await cli(['osm-buildings', 'osm-pois', 'osm-boundary-hunan'], { HENGFU_SOURCES: dir, OVERPASS_URL: server.url });
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^osm-buildings: Overpass stopped osm\/buildings_hengfu\.overpassql early: .* Nothing was changed\.$/m);
		expect(run.stdout).toMatch(/^osm-pois: wrote osm\/pois_hengfu\.geojson/m);
		expect(run.stdout).toMatch(/^osm-boundary-hunan is refreshed by hand: /m);
		expect(run.stdout).toMatch(/summary: 1 refreshed; 1 failed \(osm-buildings\): nothing of theirs was changed; 1 refreshed by hand \(osm-boundary-hunan\)\n$/);
		expect(checkSources(dir).problems).toEqual([]);
	});

	it('says it is offline and changes nothing when the origin cannot be reached', async () => {
		const dir = copySources();
		const before = snapshot(dir);
		const run = await cli(['osm-pois'], { HENGFU_SOURCES: dir });
		expect(run.code).toBe(1);
		expect(run.stderr).toBe('osm-pois: cannot reach no-such-host.invalid (ENOTFOUND): no network? Nothing was changed.\n');
		expectUnchanged(dir, before);
	});

	it('exits 2 for an unknown id, listing the known ones, before asking anything', async () => {
		const dir = copySources();
		const before = snapshot(dir);
		const run = await cli(['osm-pois', 'osm-nothing'], { HENGFU_SOURCES: dir });
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^unknown source: osm-nothing\nsources\.json lists: osm-boundary-tianping, osm-boundary-hunan, osm-streets, .*osm-pois.*\n$/);
		expectUnchanged(dir, before);
	});

	it('exits 2 without ids, printing the usage', async () => {
		const run = await cli([], { HENGFU_SOURCES: copySources() });
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/usage: npm run sources:refresh -- <source-id>… \| --all \[--force\]/);
	});
});
