/**
 * From review to publication in the browser: a planner imports an office's register CSV in the
 * planning panel, drags a misplaced point to where it belongs (and nudges another from the
 * keyboard, then takes it back), reloads, downloads the rows for the register import, and the
 * register import (`npm run register -- import`) accepts the file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, Point } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metres } from '../../src/lib/geo/distance';
import { rowColumns } from '../../src/lib/schema/register-row';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';
import { waitForMap } from './map';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let browser: Browser;
let scratch: string;
beforeAll(async () => {
	browser = await launchBrowser();
	scratch = mkdtempSync(join(tmpdir(), 'plan-drag-'));
});
afterAll(async () => {
	await browser?.close();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

type Position = [number, number];
interface StoredLayer {
	id: string;
	name: string;
	features: Feature<Point>[];
}

// The register's own Chinese headers, so the file is what an office would fill in.
const header = (key: string) => rowColumns('elevator-retrofits').find((c) => c.key === key)!.header.zh;
const CSV = [
	['name_zh', 'kind', 'status', 'status_date', 'address'].map(header).join(','),
	'高安路50弄加装电梯,加梯项目,已完成,2021-11-01,高安路50弄',
	'永嘉路492弄加装电梯,加梯项目,施工中,2024-03-05,永嘉路492弄'
].join('\n');
const FILE = '天平加梯台账.csv';

/** The imported layers as the page keeps them in IndexedDB. */
const stored = (page: Page): Promise<StoredLayer[]> =>
	page.evaluate(
		() =>
			new Promise<StoredLayer[]>((ok, fail) => {
				const req = indexedDB.open('hengfu-heritage-map');
				req.onerror = () => fail(req.error);
				req.onsuccess = () => {
					const db = req.result;
					const all = db.transaction('imported-layers').objectStore('imported-layers').getAll();
					all.onsuccess = () => (db.close(), ok(all.result as StoredLayer[]));
					all.onerror = () => fail(all.error);
				};
			})
	);
const feature = async (page: Page, record: number) => (await stored(page))[0]?.features.find((f) => f.properties?._record === record);
const position = async (page: Page, record: number) => (await feature(page, record))?.geometry.coordinates as Position | undefined;

type WindowMap = { hengfuMap: { project(p: Position): { x: number; y: number }; getCenter(): { lng: number; lat: number }; getCanvas(): HTMLCanvasElement; getStyle(): { layers: { id: string }[] }; queryRenderedFeatures(o: unknown): unknown[] } };
/** Where a lon/lat is on the screen. */
async function screenPoint(page: Page, p: Position): Promise<{ x: number; y: number }> {
	const at = await page.evaluate((q) => (window as unknown as WindowMap).hengfuMap.project(q), p);
	const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
	return { x: box.x + at.x, y: box.y + at.y };
}
const cursor = (page: Page) => page.evaluate(() => (window as unknown as WindowMap).hengfuMap.getCanvas().style.cursor);
const centre = (page: Page) => page.evaluate(() => (window as unknown as WindowMap).hengfuMap.getCenter()).then((c): Position => [c.lng, c.lat]);
/** Features drawn by the style layers whose id matches. */
const rendered = (page: Page, pattern: string) =>
	page.evaluate((p) => {
		const map = (window as unknown as WindowMap).hengfuMap;
		const layers = map.getStyle().layers.map((l) => l.id).filter((id) => new RegExp(p).test(id));
		return layers.length ? map.queryRenderedFeatures({ layers }).length : 0;
	}, pattern);
/** 100 m east of a point. */
const eastOf = ([lon, lat]: Position, m: number): Position => [lon + m / (111_195 * Math.cos((lat * Math.PI) / 180)), lat];

let downloaded = '';
let moved: { from: Position; to: Position } | null = null;

describe('moving imported points by hand', () => {
	it('drags a point, keeps it through a reload, and downloads the rows for the register import', async () => {
		const { page, context, requests, errors } = await openPage(browser, '/?plan=1&c=121.4446,31.2062&z=16');
		try {
			await waitForMap(page);
			await page.locator('input[data-plan="file"]').setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(CSV) });
			await expect.poll(() => page.locator('[data-plan="import-report"]').textContent(), { timeout: 30_000 }).toContain('已导入 2 · 未导入 0');
			await waitForMap(page);
			await expect.poll(() => rendered(page, '^imported-.*-circle$')).toBe(2);
			const from = (await position(page, 0))!;
			const other = (await position(page, 1))!;

			// A press beside the points pans the map, as it always did.
			const opened = await centre(page);
			const free = await screenPoint(page, eastOf(other, -400));
			await page.mouse.move(free.x, free.y);
			await page.mouse.down();
			await page.mouse.move(free.x - 60, free.y - 30, { steps: 8 });
			await page.mouse.up();
			await expect.poll(() => centre(page)).not.toEqual(opened);
			expect(await position(page, 0)).toEqual(from);
			expect(await position(page, 1)).toEqual(other);
			await waitForMap(page);

			// Press on the point, move ~100 m east, release: the point moves, the map does not pan.
			const before = await centre(page);
			const start = await screenPoint(page, from);
			const target = eastOf(from, 100);
			const end = await screenPoint(page, target);
			await page.mouse.move(start.x - 30, start.y - 30);
			expect(await cursor(page)).toBe('');
			await page.mouse.move(start.x, start.y, { steps: 3 });
			expect(await cursor(page)).toBe('grab');
			await page.mouse.down();
			expect(await cursor(page)).toBe('grabbing');
			await page.mouse.move(end.x, end.y, { steps: 12 });
			await expect.poll(() => rendered(page, '^plan-drag-point$')).toBe(1);
			await page.mouse.up();
			expect(await centre(page)).toEqual(before);

			await expect.poll(() => feature(page, 0).then((f) => f?.properties?._placed_by)).toBe('hand');
			const f0 = (await feature(page, 0))!;
			const to = f0.geometry.coordinates as Position;
			// Within a pixel or two (~2 m a pixel at z16) of where the mouse let go.
			expect(metres(to, target)).toBeLessThan(5);
			expect(metres(from, to)).toBeGreaterThan(95);
			expect(f0.properties).toMatchObject({ 名称: '高安路50弄加装电梯', 地址: '高安路50弄', _moved_from: from, _geocode_method: 'interpolated' });
			expect(Date.now() - Date.parse(String(f0.properties!._moved_at))).toBeLessThan(60_000);
			expect(await position(page, 1)).toEqual(other);
			await expect.poll(() => page.locator('[data-plan="moved-count"]').textContent()).toBe('1 个点已手工移动');
			await expect.poll(() => rendered(page, '^imported-.*-moved$')).toBe(1);
			expect(await rendered(page, '^plan-drag-point$')).toBe(0);
			moved = { from, to };

			// From the keyboard: choose the other point, nudge it east with an arrow key, then undo.
			await page.locator('[data-plan="imported"] details summary').click();
			await page.locator('[data-plan="move-point"]').selectOption('1');
			await expect.poll(() => rendered(page, '^plan-selected-point$')).toBe(1);
			await page.locator('[data-plan="move-pad"] button[data-nudge="north"]').focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => feature(page, 1).then((f) => f?.properties?._placed_by)).toBe('hand');
			expect(metres(other, (await position(page, 1))!)).toBeCloseTo(5, 0);
			expect((await position(page, 1))![0]).toBeGreaterThan(other[0]);
			await expect.poll(() => page.locator('[data-plan="moved-count"]').textContent()).toBe('2 个点已手工移动');
			await expect.poll(() => page.locator('[data-plan="move-status"]').textContent()).toContain('距原位置 5 m');
			await page.locator('[data-plan="imported"]').scrollIntoViewIfNeeded();
			await waitForMap(page);
			await saveScreenshot(page, 'plan-drag');
			await page.locator('button[data-action="undo-move"]').click();
			await expect.poll(() => position(page, 1)).toEqual(other);
			expect((await feature(page, 1))!.properties?._placed_by).toBeUndefined();
			await expect.poll(() => page.locator('[data-plan="moved-count"]').textContent()).toBe('1 个点已手工移动');

			// After a reload the point is still where it was dropped, ringed, and counted.
			expect(errors).toEqual([]);
			await page.reload();
			await waitForMap(page);
			await expect.poll(() => page.locator('[data-plan="moved-count"]').textContent(), { timeout: 20_000 }).toBe('1 个点已手工移动');
			expect(await position(page, 0)).toEqual(to);
			expect((await feature(page, 0))!.properties).toMatchObject({ _placed_by: 'hand', _moved_from: from });
			await expect.poll(() => rendered(page, '^imported-.*-moved$')).toBe(1);

			// The download: the file's columns as written, WGS84 经度/纬度, 坐标系, 定位方式 = hand for the moved row.
			const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-plan="imported"] button[data-action="register-csv"]').click()]);
			expect(download.suggestedFilename()).toBe('天平加梯台账-register.csv');
			downloaded = join(scratch, download.suggestedFilename());
			await download.saveAs(downloaded);
			const text = readFileSync(downloaded, 'utf8');
			expect(text.startsWith('\uFEFF')).toBe(true);
			const lines = text.slice(1).split('\r\n');
			expect(lines[0]).toBe('名称,类型,进度,进度日期,地址,经度,纬度,坐标系,定位方式');
			expect(lines[1]).toBe(`高安路50弄加装电梯,加梯项目,已完成,2021-11-01,高安路50弄,${to[0]},${to[1]},WGS84,hand`);
			expect(lines[2]).toBe(`永嘉路492弄加装电梯,加梯项目,施工中,2024-03-05,永嘉路492弄,${other[0]},${other[1]},WGS84,`);
			expect(lines.slice(3)).toEqual(['']);

			// On a phone (same browser profile, so the same IndexedDB): the moved point and the list.
			const phone = await context.newPage();
			await phone.setViewportSize({ width: 375, height: 812 });
			await phone.goto(`${new URL(page.url()).origin}/?plan=1&c=${to[0]},${to[1]}&z=16.5`);
			await waitForMap(phone);
			await expect.poll(() => phone.locator('[data-plan="moved-count"]').textContent(), { timeout: 20_000 }).toBe('1 个点已手工移动');
			await expect.poll(() => rendered(phone, '^imported-.*-moved$')).toBe(1);
			await phone.locator('[data-plan="imported"]').scrollIntoViewIfNeeded();
			await saveScreenshot(phone, 'plan-drag-375');
			// Not console errors: after any pan and reload the tile reader logs a range read that came back
			// empty ("asked for N bytes at X, got 0"), with or without the planning panel.
			expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});

	it('the register import accepts the downloaded file: both rows, the moved one pinned as placed by hand', async () => {
		expect(downloaded, 'the first test downloads the file').not.toBe('');
		const { importRegister } = await import('../../scripts/registers/import/index');
		const registerFile = join(repoRoot, 'data/registers/elevator-retrofits.json');
		const registerBefore = readFileSync(registerFile, 'utf8');
		const options = { repoRoot, sourcesDir: resolve(repoRoot, 'data/sources'), register: 'elevator-retrofits' as const, file: downloaded, dryRun: true, today: '2026-12-03' };
		const report = await importRegister(options);
		expect(report.fatal).toBeNull();
		expect(report.rejected).toEqual([]);
		expect(report.review).toEqual([]);
		expect(report).toMatchObject({ status: 0, rowsRead: 2, accepted: 2, written: false });
		expect(report.diff?.added).toHaveLength(2);
		expect(readFileSync(registerFile, 'utf8')).toBe(registerBefore);

		// What the records would be: the same import written into a copy of the registers, not the repository's.
		const copy = join(scratch, 'repo');
		mkdirSync(join(copy, 'data/registers'), { recursive: true });
		copyFileSync(join(repoRoot, 'data/districts.json'), join(copy, 'data/districts.json'));
		copyFileSync(join(repoRoot, 'data/bibliography.json'), join(copy, 'data/bibliography.json'));
		copyFileSync(registerFile, join(copy, 'data/registers/elevator-retrofits.json'));
		const written = await importRegister({ ...options, repoRoot: copy, dryRun: false });
		expect(written).toMatchObject({ status: 0, accepted: 2, written: true });
		const records = (JSON.parse(readFileSync(join(copy, 'data/registers/elevator-retrofits.json'), 'utf8')).records as Array<Record<string, any>>).filter((r) => r.imported?.file === basename(downloaded));
		expect(records.map((r) => r.address).sort()).toEqual(['永嘉路492弄', '高安路50弄']);
		const gaoan = records.find((r) => r.address === '高安路50弄')!;
		const yongjia = records.find((r) => r.address === '永嘉路492弄')!;
		expect(gaoan.pin).toMatchObject({ lon: moved!.to[0], lat: moved!.to[1], crs: 'WGS84' });
		expect(gaoan.pin.source).toContain('placed by hand');
		expect(gaoan.placement).toBeUndefined();
		expect(yongjia.pin?.source ?? '').not.toContain('placed by hand');
		expect(readFileSync(registerFile, 'utf8')).toBe(registerBefore);
	});
});
