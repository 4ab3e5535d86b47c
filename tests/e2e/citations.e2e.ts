import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFeatures } from './built';
import { launchBrowser, openPage, saveScreenshot } from './browser';
import { waitForMap } from './map';

/**
 * The portal cites its newsletters by headline and date: no page, panel, download or API answer
 * shows the name of the file a newsletter is kept in (data/sources/newsletters/003_….txt).
 */
const SEED_FILE_NAME = /\d{3}_[0-9a-f]{16}\.txt/;
const REGISTERS = ['elevator-retrofits', 'fire-sprinklers', 'charging-sites', 'facilities'];

interface Entry {
	key: string;
	file: string;
	headline: string;
	date: string;
}
const entries: Entry[] = JSON.parse(readFileSync('data/bibliography.json', 'utf8')).entries;
const byKey = new Map(entries.map((e) => [e.key, e]));

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('citations people can read', () => {
	it('/about lists the bibliography, and its figures cite the newsletters by headline, in both languages', async () => {
		for (const path of ['/about', '/about?lang=en']) {
			const { page, context } = await openPage(browser, path);
			try {
				const listed = await page.locator('[data-bibliography] li').evaluateAll((els) => els.map((e) => ({ key: e.id, text: e.textContent ?? '' })));
				expect(listed.map((l) => l.key)).toEqual(entries.map((e) => e.key));
				for (const l of listed) {
					const e = byKey.get(l.key)!;
					expect(l.text).toContain(e.headline);
					expect(l.text).toContain(e.date);
				}
				// The data-truth table: each figure names its newsletter's headline and links to its entry.
				const cell = page.locator('table[data-truth="tianping"] tr[data-figure="protected_buildings"] td a');
				const key = (await cell.getAttribute('href'))!.slice(1);
				expect(byKey.has(key)).toBe(true);
				expect(await cell.textContent()).toContain(byKey.get(key)!.headline);
				expect(await page.content()).not.toMatch(SEED_FILE_NAME);
				if (path === '/about') {
					await page.locator('#bibliography-h').scrollIntoViewIfNeeded();
					await saveScreenshot(page, 'citations-about');
				}
			} finally {
				await context.close();
			}
		}
	});

	it('the dataset pages, the catalogue and the map page name no newsletter file', async () => {
		for (const path of ['/datasets', ...REGISTERS.map((id) => `/datasets/${id}`), '/datasets/facilities?lang=en']) {
			const { page, context } = await openPage(browser, path);
			try {
				expect(await page.content(), path).not.toMatch(SEED_FILE_NAME);
			} finally {
				await context.close();
			}
		}
	});

	it('the downloads and the API give the headline and date, never the file', async () => {
		const { page, context } = await openPage(browser, '/about');
		try {
			const get = async (path: string) => {
				const res = await context.request.get(new URL(path, page.url()).href);
				expect(res.status(), path).toBe(200);
				return res.text();
			};
			for (const id of REGISTERS) {
				for (const ext of ['csv', 'geojson']) expect(await get(`/api/datasets/${id}.${ext}`), `${id}.${ext}`).not.toMatch(SEED_FILE_NAME);
			}
			for (const path of ['/api/datasets.json', '/api/openapi.json', '/api/districts/tianping.json', '/api/districts/hunan.json']) expect(await get(path), path).not.toMatch(SEED_FILE_NAME);

			// A record cited from a newsletter: its source column holds the headline and the date, its key beside it.
			const record = builtFeatures('elevator-retrofits').find((f) => f.properties.id === 'elevator-gaoan-50')!.properties;
			const entry = byKey.get(String(record.source_key))!;
			expect(record.source).toContain(entry.headline);
			expect(record.source).toContain(entry.date);
			const csv = await get('/api/datasets/elevator-retrofits.csv');
			const row = csv.split(/\r?\n/).find((l) => l.includes('elevator-gaoan-50'))!;
			expect(row).toContain(entry.headline);
			const district = JSON.parse(await get('/api/districts/tianping.json'));
			const figure = district.figures.find((f: { key: string }) => f.key === 'protected_buildings');
			expect(figure.source_title).toContain(byKey.get(figure.source)!.headline);
		} finally {
			await context.close();
		}
	});

	it('the feature panel and the layer panel cite by headline and date', async () => {
		const record = builtFeatures('elevator-retrofits').find((f) => f.properties.id === 'elevator-gaoan-50')!;
		const [lon, lat] = (record.geometry as { coordinates: number[] }).coordinates;
		const entry = byKey.get(String(record.properties.source_key))!;
		const { page, context } = await openPage(browser, `/?c=${lon},${lat}&z=17&layers=elevator-retrofits,fire-sprinklers&sel=elevator-retrofits:elevator-gaoan-50`);
		try {
			await waitForMap(page);
			await expect.poll(() => page.locator('#feature-title').textContent(), { timeout: 20_000 }).toBe(record.properties.name_zh);
			const source = (await page.locator('dd[data-field="source"]').textContent()) ?? '';
			expect(source).toContain(entry.headline);
			expect(source).toContain(entry.date);
			expect(await page.content()).not.toMatch(SEED_FILE_NAME);
			await saveScreenshot(page, 'citations-panel');
		} finally {
			await context.close();
		}
		// The published totals beside a layer cite their newsletter the same way.
		const opened = await openPage(browser, '/');
		try {
			await waitForMap(opened.page);
			const totals = opened.page.locator('details[data-totals="elevator-retrofits"]');
			await totals.locator('summary').click();
			const cite = (await totals.locator('li[data-figure="elevator_entrances_surveyed"] .cite').textContent()) ?? '';
			const figure = JSON.parse(readFileSync('data/districts.json', 'utf8')).districts[0].figures.find((f: { key: string }) => f.key === 'elevator_entrances_surveyed');
			expect(cite).toContain(byKey.get(figure.source)!.headline);
			expect(await opened.page.content()).not.toMatch(SEED_FILE_NAME);
		} finally {
			await opened.context.close();
		}
	});
});
