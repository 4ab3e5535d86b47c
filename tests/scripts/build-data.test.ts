import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');

function runBuild(sources: string) {
	return spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/build-data.ts')], {
		cwd: repoRoot,
		env: { ...process.env, HENGFU_SOURCES: sources },
		encoding: 'utf8'
	});
}

describe('npm run data on a broken bundle', () => {
	it('stops with the missing file named and what to do, writing nothing', () => {
		const empty = mkdtempSync(join(tmpdir(), 'no-bundle-'));
		const run = runBuild(empty);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/build stopped: osm\/boundary_tianping\.geojson: not found in .*Put the source bundle there or set HENGFU_SOURCES/);
	});

	it('stops on an unparseable file, naming it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bad-bundle-'));
		mkdirSync(join(dir, 'osm'));
		writeFileSync(join(dir, 'osm/boundary_tianping.geojson'), '{"type": "Feature", ');
		const run = runBuild(dir);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/build stopped: osm\/boundary_tianping\.geojson: is not valid JSON/);
	});
});
