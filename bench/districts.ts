/**
 * What covering both subdistricts costs (`npm run bench -- districts`), side by side in one run:
 *
 * - build: the whole pipeline for 天平 alone (`--district tianping`) and for every district of
 *   the registry (天平 and 湖南), each a cold process (bench/pipeline-child.ts), alternated, median
 *   of RUNS; the archives' bytes of the two-district build, and of its districts' first archives
 *   (what one district's map opens on, src/lib/map/first-archives.ts);
 * - the first view: two sites built beside build/ from the same code, one of 天平 alone and one of
 *   both, each loaded cold at its default view (天平) with the map bench's machinery
 *   (bench/map.ts): the data bytes until the first full view must stay within ±10 % of the
 *   one-district site's, since a reader of one district should not pay for the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser';
import { buildDataFromRoot, buildPages, serveSite, siteDirs, type ServedSite } from '../tests/support/site';
import { firstView } from './map';
import { median, type Metrics } from './metrics';
import { child } from './pipeline';

const RUNS = 5;
const BUDGET_MS = 120_000;
const repoRoot = resolve(import.meta.dirname, '..');

export async function districtsBench(): Promise<Metrics> {
	const one: number[] = [];
	const two: number[] = [];
	let archives = child('build').archives ?? [];
	for (let i = 0; i < RUNS; i++) {
		one.push(child('build', undefined, 'tianping').seconds);
		const run = child('build');
		two.push(run.seconds);
		archives = run.archives ?? archives;
	}

	const base = mkdtempSync(join(tmpdir(), 'hengfu-bench-districts-'));
	const sites: ServedSite[] = [];
	let browser: Browser | null = null;
	try {
		const oneDirs = siteDirs(join(base, 'one'));
		const twoDirs = siteDirs(join(base, 'two'));
		buildDataFromRoot(oneDirs, repoRoot, 'tianping');
		buildDataFromRoot(twoDirs, repoRoot);
		buildPages(oneDirs);
		buildPages(twoDirs);
		const [oneSite, twoSite] = await Promise.all([serveSite(oneDirs.root), serveSite(twoDirs.root)]);
		sites.push(oneSite, twoSite);
		const deadline = Date.now() + BUDGET_MS;
		browser = await launchBrowser();
		const viewOne = await firstView(browser, oneSite.baseURL, deadline);
		const viewTwo = await firstView(browser, twoSite.baseURL, deadline);

		const [oneS, twoS] = [median(one), median(two)];
		const round = (v: number) => Math.round(v * 1000) / 1000;
		return {
			build_seconds_one_district: { value: round(oneS), unit: 's', goal: `reference: cold build of 天平 alone (--district tianping), median of ${RUNS}` },
			build_seconds_two_districts: { value: round(twoS), unit: 's', goal: `≤ ${round(1.5 * oneS)} (1.5 × one district; cold build of 天平 and 湖南, median of ${RUNS})` },
			build_districts_ratio: { value: round(twoS / oneS), unit: '×', goal: '≤ 1.5' },
			archive_bytes_two_districts: { value: archives.filter((a) => !a.district).reduce((s, a) => s + a.bytes, 0), unit: 'B', goal: 'reference: both PMTiles archives of the two-district build' },
			archive_bytes_first_archives: { value: archives.filter((a) => a.district).reduce((s, a) => s + a.bytes, 0), unit: 'B', goal: `reference: the districts' first archives of that build (${archives.filter((a) => a.district).map((a) => a.archive).join(', ')}), which one district's map opens on` },
			first_view_data_bytes_one_district: { value: viewOne.dataBytes, unit: 'B', goal: 'reference: the site of 天平 alone, its first view' },
			first_view_data_bytes_two_districts: {
				value: viewTwo.dataBytes,
				unit: 'B',
				goal: `${Math.round(0.9 * viewOne.dataBytes)}–${Math.round(1.1 * viewOne.dataBytes)} (±10 % of one district's, same run)`
			},
			first_view_districts_ratio: { value: round(viewTwo.dataBytes / viewOne.dataBytes), unit: '×', goal: '0.9–1.1' }
		};
	} finally {
		await browser?.close().catch(() => {});
		for (const s of sites) await s.close();
		rmSync(base, { recursive: true, force: true });
	}
}
