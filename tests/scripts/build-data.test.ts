import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');

/** Runs the data build on another sources folder; every case here must stop before it writes to static/. */
function runBuild(sources: string) {
	return spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/build-data.ts')], {
		cwd: repoRoot,
		env: { ...process.env, HENGFU_SOURCES: sources },
		encoding: 'utf8'
	});
}

function copyOfSources(): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'sources-')), 'sources');
	cpSync(join(repoRoot, 'data/sources'), dir, { recursive: true });
	return dir;
}

const stamp = () => (existsSync(join(repoRoot, 'static/data/.fingerprint')) ? readFileSync(join(repoRoot, 'static/data/.fingerprint'), 'utf8') : null);

describe('npm run data on a broken sources folder', () => {
	it('stops when the folder has no manifest, naming it and what a sources folder holds', () => {
		const empty = mkdtempSync(join(tmpdir(), 'no-sources-'));
		const run = runBuild(empty);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/build stopped: .*sources\.json is missing: a sources folder lists its files there/);
	});

	it('stops before writing anything when one byte of a source changed, naming the file', () => {
		const dir = copyOfSources();
		const file = join(dir, 'osm/boundary_tianping.geojson');
		const text = readFileSync(file, 'utf8');
		writeFileSync(file, text.replace('天平路街道', '天平路街到'));
		const before = stamp();
		const run = runBuild(dir);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/build stopped: .* does not match its sources\.json, so nothing was built/);
		expect(run.stderr).toMatch(/osm\/boundary_tianping\.geojson: changed: SHA-256 differs/);
		expect(stamp()).toBe(before);
	});

	it('stops on a file cut off mid-JSON, naming it and the sizes', () => {
		const dir = copyOfSources();
		const file = join(dir, 'osm/metro_stations_hengfu.geojson');
		writeFileSync(file, readFileSync(file, 'utf8').slice(0, 500));
		const run = runBuild(dir);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/osm\/metro_stations_hengfu\.geojson: changed: 500 bytes where sources\.json records \d+: the file was cut off or edited/);
	});

	it('stops on a manifest entry whose file is gone', () => {
		const dir = copyOfSources();
		rmSync(join(dir, 'wikidata/places_shanghai.geojson'));
		const run = runBuild(dir);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/wikidata\/places_shanghai\.geojson: missing: listed by wikidata-places in sources\.json but not in the folder/);
	});

	it('stops on a file the manifest does not list', () => {
		const dir = copyOfSources();
		mkdirSync(join(dir, 'spare'));
		cpSync(join(dir, 'shl/immovable_relics.json'), join(dir, 'spare/immovable_relics.json'));
		const run = runBuild(dir);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/spare\/immovable_relics\.json: extra: not listed in sources\.json/);
	});
});
