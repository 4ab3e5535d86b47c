/**
 * The sources folder: how long `npm run sources:check` takes on the real folder, and a
 * recorded OSM refresh end to end (replay server, three Overpass sources into a copy).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sourcesDir } from '../scripts/pipeline/read';
import { checkSources } from '../scripts/sources/check';
import { refreshSource } from '../scripts/sources/refresh/refresh';
import { json, startReplayServer } from '../tests/support/replay-server';
import { median, type Metrics } from './metrics';

const CHECK_RUNS = 9;
const REFRESH_RUNS = 5;
const REFRESHED = ['osm-buildings', 'osm-pois', 'osm-streets'];

export async function sourcesBench(): Promise<Metrics> {
	const dir = sourcesDir(resolve(import.meta.dirname, '..'));
	const checks: number[] = [];
	let check = checkSources(dir);
	for (let i = 0; i < CHECK_RUNS; i++) {
		const started = performance.now();
		check = checkSources(dir);
		checks.push(performance.now() - started);
	}
	if (check.problems.length) throw new Error(`${dir} does not match sources.json: run npm run sources:check`);

	const refreshes: number[] = [];
	for (let i = 0; i < REFRESH_RUNS; i++) {
		const copy = mkdtempSync(join(tmpdir(), 'bench-sources-'));
		cpSync(dir, copy, { recursive: true });
		try {
			const started = performance.now();
			const server = await startReplayServer((request) => {
				const query = new URLSearchParams(request.body).get('data') ?? '';
				return json(query.includes('"amenity"') ? 'overpass-pois.json' : query.includes('"building"') ? 'overpass-buildings.json' : 'overpass-streets.json');
			});
			// --force: the recorded streets answer is a handful of ways where the file has thousands.
			for (const id of REFRESHED) {
				const result = await refreshSource(copy, id, { today: new Date().toISOString().slice(0, 10), force: true, env: { OVERPASS_URL: server.url } });
				if (result.status !== 'refreshed') throw new Error(`bench refresh of ${id} failed: ${result.message}`);
			}
			await server.close();
			refreshes.push(performance.now() - started);
		} finally {
			rmSync(copy, { recursive: true, force: true });
		}
	}
	const ms = (v: number) => Math.round(v * 10) / 10;
	return {
		sources_check_ms: { value: ms(median(checks)), unit: 'ms', goal: '≤ 500' },
		refresh_replay_ms: { value: ms(median(refreshes)), unit: 'ms', goal: `reference: ${REFRESHED.join(' + ')} from recorded answers, median of ${REFRESH_RUNS}` },
		sources_files: { value: check.files, unit: '', goal: 'reference: files listed in sources.json' },
		sources_bytes: { value: check.bytes, unit: 'B', goal: 'reference: their total size' }
	};
}
