/**
 * A copy of data/sources brought up to date, as `npm run sources:refresh -- osm-buildings
 * osm-pois` would, from the recorded Overpass answers (tests/fixtures/refresh) replayed on
 * 127.0.0.1: what the pipeline builds once those sources are fetched, without the network.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { refreshSource } from '../../scripts/sources/refresh/refresh';
import { json, startReplayServer } from './replay-server';

const repoRoot = resolve(import.meta.dirname, '../..');

export async function refreshedFixtureSources(): Promise<string> {
	const dir = join(mkdtempSync(join(tmpdir(), 'hengfu-fixture-')), 'sources');
	cpSync(join(repoRoot, 'data/sources'), dir, { recursive: true });
	const server = await startReplayServer([json('overpass-buildings.json'), json('overpass-pois.json')]);
	try {
		for (const id of ['osm-buildings', 'osm-pois']) {
			const result = await refreshSource(dir, id, { today: '2026-12-03', env: { OVERPASS_URL: server.url } });
			if (result.status !== 'refreshed') throw new Error(`fixture refresh of ${id} failed: ${result.message}`);
		}
	} finally {
		await server.close();
	}
	return dir;
}
