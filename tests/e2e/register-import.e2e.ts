import ExcelJS from 'exceljs';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegister } from '../../scripts/registers/import';
import { buildDataFromRoot, buildPages, serveSite, siteDirs, type ServedSite } from '../support/site';
import { launchBrowser, openPage, saveScreenshot } from './browser';
import { clickAt, waitForMap } from './map';

/**
 * The offices' round trip: the template downloaded from the catalogue, filled the way Excel
 * stores what a clerk types, imported with `npm run register -- import`'s code into a copy of the
 * project's data, built into a second site beside build/, and shown on its map.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
let browser: Browser;
let site: ServedSite | undefined;
beforeAll(async () => {
	browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

async function download(path: string, link: string): Promise<{ name: string; bytes: Buffer }> {
	const { page, context } = await openPage(browser, path);
	try {
		const [file] = await Promise.all([page.waitForEvent('download'), page.locator(link).click()]);
		const saved = join(mkdtempSync(join(tmpdir(), 'template-')), file.suggestedFilename());
		await file.saveAs(saved);
		return { name: file.suggestedFilename(), bytes: readFileSync(saved) };
	} finally {
		await context.close();
	}
}

describe('a register template, from the catalogue to the map', () => {
	let filled: string;

	it('downloads the template from /datasets/elevator-retrofits, as XLSX and as CSV', async () => {
		const { page, context } = await openPage(browser, '/datasets/elevator-retrofits');
		try {
			expect(await page.locator('[data-download="template"]').textContent()).toContain('填报模板');
			await saveScreenshot(page, 'register-template-link');
		} finally {
			await context.close();
		}
		const xlsx = await download('/datasets/elevator-retrofits', 'a[data-download="template-xlsx"]');
		expect(xlsx.name).toBe('elevator-retrofits-template.xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
		expect(workbook.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['填报 Data', '说明 Instructions']));
		const sheet = workbook.getWorksheet('填报 Data')!;
		expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['名称', '进度', '进度日期', '地址']));
		expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['name_zh', 'status', 'status_date', 'address']));

		const csv = await download('/datasets/elevator-retrofits?lang=en', 'a[data-download="template-csv"]');
		expect(csv.name).toBe('elevator-retrofits-template.csv');
		expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		expect(csv.bytes.toString('utf8')).toContain('名称');

		// Filled as Excel stores a clerk's typing: a date cell, a number, labels from the drop-downs.
		const keys = (sheet.getRow(2).values as unknown[]).map((v) => (typeof v === 'string' ? v : null));
		const row = sheet.getRow(4);
		const put = (key: string, value: ExcelJS.CellValue) => (row.getCell(keys.indexOf(key)).value = value);
		put('name_zh', '永嘉路492弄加装电梯（测试）');
		put('kind', '加梯项目');
		put('status', '施工中');
		put('status_date', new Date(Date.UTC(2026, 9, 8)));
		put('entrances', 4);
		put('address', '永嘉路492弄');
		row.commit();
		filled = join(mkdtempSync(join(tmpdir(), 'filled-')), '加梯台账.xlsx');
		writeFileSync(filled, new Uint8Array(await workbook.xlsx.writeBuffer()));
	});

	it('imports the filled template, builds, and the map shows the record with where it came from', async () => {
		const project = mkdtempSync(join(tmpdir(), 'register-e2e-'));
		cpSync(join(repoRoot, 'data'), join(project, 'data'), { recursive: true, filter: (src) => !src.startsWith(join(repoRoot, 'data/sources')) });
		const report = await importRegister({ repoRoot: project, sourcesDir: join(repoRoot, 'data/sources'), register: 'elevator-retrofits', file: filled, today: '2026-12-03' });
		expect(report).toMatchObject({ status: 0, accepted: 1, written: true, rejected: [] });
		const placed = report.placed[0];

		const dirs = siteDirs(join(project, 'out'));
		buildDataFromRoot(dirs, project);
		buildPages(dirs);
		site = await serveSite(dirs.root);

		const { page, context, errors } = await openPage(browser, `/?c=${placed.lon},${placed.lat}&z=17&layers=elevator-retrofits`, { baseURL: site.baseURL });
		try {
			await waitForMap(page);
			await clickAt(page, [placed.lon, placed.lat]);
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe('永嘉路492弄加装电梯（测试）');
			expect(await page.locator('dd[data-field="status"]').textContent()).toBe('施工中');
			expect(await page.locator('dd[data-field="imported_from"]').textContent()).toBe('加梯台账.xlsx › 填报 Data › row 4 (imported 2026-12-03)');
			await saveScreenshot(page, 'register-imported-on-map');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 180_000);
});
