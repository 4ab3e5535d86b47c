import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES, render, type StoredMessage } from '../../src/lib/i18n/messages';
import { importCsv, importGeoJson } from '../../src/lib/import';
import { rowProblem } from '../../src/lib/import/messages';
import { launchBrowser, openPage, saveScreenshot } from './browser';
import { waitForMap } from './map';

/**
 * Every sentence the catalogue makes reaches a reader in the page's language: the importer's row
 * problems and whole-file messages, the build report's reasons and the computed notes on /about.
 */
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The catalogue's English words between placeholders, long enough that none is a name or a value. */
const ENGLISH_FRAGMENTS = Object.values(MESSAGES).flatMap((t) =>
	t.en
		.split(/\{\w+\}/)
		.map((f) => f.trim())
		.filter((f) => f.length >= 12 && /[a-z]{3}/.test(f) && !t.zh.includes(f))
);
const englishIn = (text: string) => ENGLISH_FRAGMENTS.filter((f) => text.includes(f));

// The same bad rows as the planner's import test (plan.e2e.ts): "abc" is not a number, 40.0 lies outside Shanghai.
const CSV = ['name,lon,lat', '甲,121.4440,31.2060', '乙,abc,31.2050', '丙,121.4460,31.2040', '丁,121.4400,40.0', '戊,121.4470,31.2070'].join('\n');
const GEOJSON = JSON.stringify({
	type: 'FeatureCollection',
	features: [
		{ type: 'Feature', properties: { name: '好' }, geometry: { type: 'Point', coordinates: [121.4445, 31.2055] } },
		{ type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [] } },
		{ type: 'Feature', properties: {}, geometry: null },
		{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[121.44, 31.2]] } }
	]
});

async function importInPage(page: Page, name: string, body: string, mimeType: string): Promise<{ report: string; rows: string[]; keys: string[] }> {
	await page.locator('input[data-plan="file"]').setInputFiles({ name, mimeType, buffer: Buffer.from(body) });
	await expect.poll(() => page.locator('[data-plan="import-report"]').textContent(), { timeout: 20_000 }).toContain(name);
	const rows = await page.locator('[data-plan="import-errors"] li').allTextContents();
	const keys = await page.locator('[data-plan="import-errors"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
	return { report: (await page.locator('[data-plan="import-report"]').textContent()) ?? '', rows, keys };
}

describe('the importer speaks the reader’s language', () => {
	it('lists the bad rows of a CSV and a GeoJSON, and a whole-file problem, only in Chinese on the Chinese page', async () => {
		const { page, context } = await openPage(browser, '/?plan=1&c=121.4445,31.2055&z=15.5');
		try {
			await waitForMap(page);
			const csv = await importInPage(page, 'sites.csv', CSV, 'text/csv');
			// What the importer itself says of these rows, rendered in Chinese: the page shows exactly that.
			const expected = importCsv(CSV, { crs: 'WGS84' }).errors;
			expect(csv.rows).toEqual(expected.map((e) => render('zh', rowProblem(e))));
			expect(csv.keys).toEqual(['import.csv.notNumber', 'import.coord.outside']);
			expect(csv.rows[0]).toBe('第 3 行：lon 的值“abc”不是数字');
			expect(csv.rows.flatMap(englishIn)).toEqual([]);
			// Left of the file's own names and values, nothing in Latin letters remains.
			for (const row of csv.rows) expect(row.replace(/\blon\b|abc/g, '')).not.toMatch(/[A-Za-z]{2,}/);

			const geojson = await importInPage(page, 'sites.geojson', GEOJSON, 'application/geo+json');
			const expectedGeo = importGeoJson(GEOJSON, { crs: 'WGS84' }).errors;
			expect(geojson.rows).toEqual(expectedGeo.map((e) => render('zh', rowProblem(e))));
			expect(geojson.keys).toEqual(['import.geojson.collection', 'import.geojson.noGeometry', 'import.geojson.at']);
			expect(geojson.rows.flatMap(englishIn)).toEqual([]);
			expect(geojson.rows[0]).toContain('不支持 GeometryCollection');
			await page.locator('[data-plan="import-report"]').scrollIntoViewIfNeeded();
			await saveScreenshot(page, 'messages-import-zh');

			const workbook = await importInPage(page, '台账.xlsx', 'PK', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
			expect(await page.locator('[data-plan="import-report"] .fatal').getAttribute('data-key')).toBe('import.unsupported');
			expect(workbook.report).toContain('Excel 工作簿');
			expect(englishIn(workbook.report)).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('says the same rows in English on the English page', async () => {
		const { page, context } = await openPage(browser, '/?plan=1&c=121.4445,31.2055&z=15.5&lang=en');
		try {
			await waitForMap(page);
			const csv = await importInPage(page, 'sites.csv', CSV, 'text/csv');
			expect(csv.rows[0]).toBe('line 3: lon "abc" is not a number');
			expect(csv.rows[1]).toMatch(/^line 5: 121\.44, 40 lies outside Shanghai/);
		} finally {
			await context.close();
		}
	});
});

interface Report {
	rejected: Array<{ source: string; message?: StoredMessage }>;
	registers: { rejected: unknown[]; unplaced: Array<{ register: string; message?: StoredMessage }> };
	figures: Record<string, Array<{ message?: StoredMessage }>>;
}
const report = (): Report => JSON.parse(readFileSync('build/data/build-report.json', 'utf8'));

describe('the portal’s pages render the build’s messages in their language', () => {
	it('/about: every computed note in Chinese, none of the catalogue’s English; in English on ?lang=en', async () => {
		const notes = Object.values(report().figures).flat();
		expect(notes.length).toBeGreaterThan(0);
		expect(notes.every((n) => n.message)).toBe(true);
		for (const [lang, path] of [['zh', '/about'], ['en', '/about?lang=en']] as const) {
			const { page, context } = await openPage(browser, path);
			try {
				const shown = await page.locator('td[data-note]').allTextContents();
				const texts = new Set(notes.map((n) => render(lang, n.message!)));
				expect(shown.length).toBe(notes.length);
				for (const s of shown) expect(texts.has(s.trim()), s).toBe(true);
				const body = (await page.locator('main').textContent()) ?? '';
				if (lang === 'zh') {
					expect(englishIn(body)).toEqual([]);
					expect(body).toContain('数据包中没有可据以计算的来源');
					await saveScreenshot(page, 'messages-about-zh');
				} else expect(body).toContain('no source in the bundle to count this');
			} finally {
				await context.close();
			}
		}
	});

	it('/datasets/<id>: rejected records and unplaced register records say why in Chinese', async () => {
		const r = report();
		const withRejected = new Set(r.rejected.filter((x) => x.message).map((x) => x.source));
		const withUnplaced = [...new Set(r.registers.unplaced.map((u) => u.register))];
		expect(withRejected.size).toBeGreaterThan(0);
		expect(withUnplaced.length).toBeGreaterThan(0);
		// protected-buildings draws on the sources with rejected records; the registers hold the unplaced.
		for (const id of ['protected-buildings', ...withUnplaced]) {
			const { page, context } = await openPage(browser, `/datasets/${id}`);
			try {
				const body = (await page.locator('main').textContent()) ?? '';
				expect(englishIn(body), id).toEqual([]);
				if (id === 'protected-buildings') expect(body).toContain(render('zh', { key: 'report.noCoordinates' }));
				else {
					const reasons = await page.locator('[data-report="unplaced"] li').allTextContents();
					const first = r.registers.unplaced.find((u) => u.register === id)!;
					expect(reasons.some((t) => t.endsWith(render('zh', first.message!))), id).toBe(true);
				}
			} finally {
				await context.close();
			}
		}
	});
});
