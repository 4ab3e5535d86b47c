/**
 * The registers at real sizes (`npm run bench -- registers`): a register of 5,000 elevator
 * retrofits generated at bench time over the district's real addresses (its geocoder anchors and
 * house numbers between them along their streets; tests/support/generated-register.ts), in a
 * temporary copy of the project's data, never in data/ and never shipped.
 *
 * - build: the whole pipeline with that register and without it (the project's data as it is),
 *   each a cold process (bench/pipeline-child.ts), alternated, median of RUNS: the difference is
 *   what the register adds;
 * - tiles: the largest gzipped tile of the archives built with it;
 * - the first view: two sites built beside build/ from the same code, one from the project's data
 *   and one with the register, each loaded cold in Chromium with the map bench's machinery
 *   (bench/map.ts: the data bytes until the first full view, and the time to the first idle,
 *   median of ROUNDS, the two pages taken in rotating order).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildLayers } from '../scripts/pipeline/build';
import { sourcesDir } from '../scripts/pipeline/read';
import { launchBrowser } from '../tests/e2e/browser';
import { dataWithRegister, districtPlaces, elevatorRecords } from '../tests/support/generated-register';
import { buildDataFromRoot, buildPages, serveSite, siteDirs, type ServedSite } from '../tests/support/site';
import { firstIdle, firstView } from './map';
import { median, type Metrics } from './metrics';
import { child } from './pipeline';

const RECORDS = 5000;
const RUNS = 5;
const ROUNDS = 15;
const BUDGET_MS = 300_000;
const repoRoot = resolve(import.meta.dirname, '..');

export async function registersBench(): Promise<Metrics> {
	const base = mkdtempSync(join(tmpdir(), 'hengfu-bench-registers-'));
	const sites: ServedSite[] = [];
	let browser: Browser | null = null;
	try {
		const today = buildLayers({ repoRoot, sourcesDir: sourcesDir(repoRoot) });
		const places = districtPlaces(today);
		const dataRoot = dataWithRegister(elevatorRecords(places, RECORDS, { seed: 2026 }), join(base, 'data-root'));
		console.log(`  ${RECORDS} records over ${places.length} addresses of ${today.district.name_en}, in ${dataRoot}`);

		const withMs: number[] = [];
		const withoutMs: number[] = [];
		let archives = child('build', dataRoot).archives ?? [];
		for (let i = 0; i < RUNS; i++) {
			withoutMs.push(child('build').seconds * 1000);
			const run = child('build', dataRoot);
			withMs.push(run.seconds * 1000);
			archives = run.archives ?? archives;
		}
		const largest = Math.max(...archives.map((a) => a.largestTileBytes));
		const largestAt = archives.find((a) => a.largestTileBytes === largest)!;

		// Both sites from the same code, beside build/ (which another session may be rebuilding).
		const todayDirs = siteDirs(join(base, 'today'));
		const registerDirs = siteDirs(join(base, 'register'));
		buildDataFromRoot(todayDirs, repoRoot);
		const stats = buildDataFromRoot(registerDirs, dataRoot);
		const placed = stats.find((a) => a.archive === 'thematic')?.featuresPerLayer['elevator-retrofits'] ?? 0;
		buildPages(todayDirs);
		buildPages(registerDirs);
		const [todaySite, registerSite] = await Promise.all([serveSite(todayDirs.root), serveSite(registerDirs.root)]);
		sites.push(todaySite, registerSite);

		const deadline = Date.now() + BUDGET_MS;
		browser = await launchBrowser();
		const view = { today: await firstView(browser, todaySite.baseURL, deadline), register: await firstView(browser, registerSite.baseURL, deadline) };
		const pages = { today: `${todaySite.baseURL}/`, register: `${registerSite.baseURL}/` };
		// One uncounted load of each, so both servers have compressed their files once.
		for (const url of Object.values(pages)) await firstIdle(browser, url, deadline);
		const order = ['today', 'register'] as const;
		const times = { today: [] as number[], register: [] as number[] };
		for (let round = 0; round < ROUNDS; round++) {
			for (let i = 0; i < order.length; i++) {
				const page = order[(round + i) % order.length];
				times[page].push(await firstIdle(browser, pages[page], deadline));
			}
		}
		const [withBuild, withoutBuild] = [median(withMs), median(withoutMs)];
		const [registerIdle, todayIdle] = [median(times.register), median(times.today)];
		return {
			register_5000_build_ms: {
				value: Math.round(withBuild - withoutBuild),
				unit: 'ms',
				goal: `≤ 2000 (the whole build with the ${RECORDS}-record register minus without it, cold processes, median of ${RUNS} each)`
			},
			register_5000_build_with_ms: { value: Math.round(withBuild), unit: 'ms', goal: 'reference: the whole build with the register' },
			register_5000_build_without_ms: { value: Math.round(withoutBuild), unit: 'ms', goal: "reference: the whole build from the project's data" },
			register_5000_records_placed: { value: placed, unit: '', goal: `reference: of ${RECORDS} records, placed on the map by the geocoder` },
			register_5000_largest_tile_bytes: { value: largest, unit: 'B', goal: `≤ 100000 (gzipped; ${largestAt.archive} ${largestAt.largestTile})` },
			register_5000_first_view_data_bytes: {
				value: view.register.dataBytes,
				unit: 'B',
				goal: `≤ ${2 * view.today.dataBytes} (2 × today's first_view_data_bytes, measured in the same run)`
			},
			register_5000_today_first_view_data_bytes: { value: view.today.dataBytes, unit: 'B', goal: "reference: first_view_data_bytes of the site from the project's data, same run" },
			register_5000_first_idle_ms: { value: Math.round(registerIdle), unit: 'ms', goal: `reference: / with the register → first idle, median of ${ROUNDS} cold` },
			register_5000_today_first_idle_ms: { value: Math.round(todayIdle), unit: 'ms', goal: `reference: / today → first idle, median of ${ROUNDS} cold` },
			register_5000_first_idle_ratio: { value: Math.round((registerIdle / todayIdle) * 1000) / 1000, unit: '×', goal: '≤ 1.2 (the app with the register against the app today, same run)' }
		};
	} finally {
		await browser?.close().catch(() => {});
		for (const s of sites) await s.close();
		rmSync(base, { recursive: true, force: true });
	}
}
