import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { panelLayers } from '../../src/lib/layers';
import { launchBrowser, openPage, saveScreenshot } from './browser';
import { waitForMap } from './map';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The header's visible parts, as boxes: one row when each starts above the others' bottoms. */
const headerBoxes = (page: Page) =>
	page.locator('header.bar').evaluate((bar) => ({
		bar: bar.getBoundingClientRect().toJSON() as DOMRect,
		parts: [...bar.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0).map((r) => ({ top: r.top, bottom: r.bottom }))
	}));
const oneRow = (parts: Array<{ top: number; bottom: number }>) => parts.every((a) => parts.every((b) => a.top < b.bottom && b.top < a.bottom));
const canvasHeight = (page: Page) => page.locator('canvas.maplibregl-canvas').evaluate((c) => c.getBoundingClientRect().height);
const sheetHeight = (page: Page) => page.locator('#side').evaluate((s) => s.getBoundingClientRect().height);
const firstLayers = (page: Page) => page.locator('section.layers > ul > li[data-layer]').evaluateAll((lis) => lis.slice(0, 3).map((li) => li.getAttribute('data-layer')));
const LEAD = panelLayers().slice(0, 3).map((l) => l.id);

describe('the map on a phone (375 × 667)', () => {
	it.each(['zh', 'en'])('gives the map the screen under a one-row header, the panels in a bottom sheet (%s)', async (lang) => {
		const { page, context, errors } = await openPage(browser, `/?lang=${lang}`, { width: 375, height: 667 });
		try {
			await waitForMap(page);
			const { bar, parts } = await headerBoxes(page);
			expect(oneRow(parts), JSON.stringify(parts)).toBe(true);
			expect(bar.height).toBeLessThan(64);
			expect(await canvasHeight(page)).toBeGreaterThanOrEqual(0.6 * 667);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
			// The sheet opens at half, with the layers in the registry's order; the map keeps at least 60 % of the screen in view.
			const toggle = page.locator('button[data-sheet-toggle]');
			expect(await toggle.getAttribute('aria-expanded')).toBe('true');
			expect(await page.locator('#side').getAttribute('data-sheet')).toBe('half');
			expect(await firstLayers(page)).toEqual(LEAD);
			expect(667 - bar.height - (await sheetHeight(page))).toBeGreaterThanOrEqual(0.6 * 667);
			await page.waitForTimeout(300); // the sheet's height animates
			await saveScreenshot(page, `phone-375-${lang}`);

			// By keyboard: a press folds it, the arrows step it half → full and back.
			await toggle.focus();
			await page.keyboard.press('Enter');
			expect(await toggle.getAttribute('aria-expanded')).toBe('false');
			await expect.poll(() => page.locator('#layers-heading').isVisible()).toBe(false);
			await expect.poll(() => sheetHeight(page)).toBeLessThan(50);
			await page.keyboard.press('Space');
			expect(await page.locator('#side').getAttribute('data-sheet')).toBe('half');
			await page.keyboard.press('ArrowUp');
			expect(await page.locator('#side').getAttribute('data-sheet')).toBe('full');
			await expect.poll(() => sheetHeight(page)).toBeGreaterThan(667 - bar.height - 2);
			await page.waitForTimeout(300); // the sheet's height animates
			await saveScreenshot(page, `phone-375-${lang}-full`);
			await page.keyboard.press('ArrowDown');
			await page.keyboard.press('ArrowDown');
			expect(await page.locator('#side').getAttribute('data-sheet')).toBe('collapsed');
			expect(await toggle.getAttribute('aria-expanded')).toBe('false');
			await expect.poll(() => sheetHeight(page)).toBeLessThan(50);

			// By pointer: the handle dragged up settles at the nearest size.
			const handle = await page.locator('#side .handle').boundingBox();
			await page.mouse.move(handle!.x + 20, handle!.y + 10);
			await page.mouse.down();
			await page.mouse.move(handle!.x + 20, handle!.y - 180, { steps: 8 });
			await page.mouse.up();
			expect(await page.locator('#side').getAttribute('data-sheet')).toBe('half');
			expect(await toggle.getAttribute('aria-expanded')).toBe('true');

			// The menu holds the district and language switches and the modes; Escape closes it.
			const menu = page.locator('button[data-action="menu"]');
			expect(await page.locator('[data-district-switch]').isVisible()).toBe(false);
			await menu.click();
			expect(await menu.getAttribute('aria-expanded')).toBe('true');
			expect(await page.locator('[data-district-switch]').isVisible()).toBe(true);
			expect(await page.locator('button[data-action="lang"]').isVisible()).toBe(true);
			await page.waitForTimeout(300); // the sheet's height animates
			await saveScreenshot(page, `phone-375-${lang}-menu`);
			await page.keyboard.press('Escape');
			expect(await menu.getAttribute('aria-expanded')).toBe('false');
			expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('menu');

			// A mode opens in the sheet, which is titled by it.
			await menu.click();
			await page.locator('button[data-action="tours"]').click();
			await expect.poll(() => page.locator('#side-content #tour-heading').isVisible()).toBe(true);
			expect(await toggle.textContent()).toContain(lang === 'zh' ? '漫步导览' : 'Walking tours');
			await page.waitForTimeout(300); // the sheet's height animates
			await saveScreenshot(page, `phone-375-${lang}-tours`);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('opens a feature’s details in the sheet, from a folded sheet', async () => {
		const { page, context } = await openPage(browser, '/', { width: 375, height: 667 });
		try {
			await waitForMap(page);
			await page.locator('button[data-sheet-toggle]').click();
			expect(await page.locator('#side').getAttribute('data-sheet')).toBe('collapsed');
			await page.locator('#search-input').fill('衡山宾馆');
			await expect.poll(() => page.locator('#search-results [role=option]').first().textContent()).toContain('衡山宾馆');
			await page.locator('#search-input').press('Enter');
			await expect.poll(() => page.locator('#side-content #feature-title').isVisible()).toBe(true);
			expect(await page.locator('#side').getAttribute('data-sheet')).toBe('half');
			await page.waitForTimeout(300); // the sheet's height animates
			await saveScreenshot(page, 'phone-375-feature');
		} finally {
			await context.close();
		}
	});
});

describe('the map on a laptop (1280 × 800)', () => {
	it.each(['zh', 'en'])('keeps the side panel beside the map, under a one-row header (%s)', async (lang) => {
		const { page, context, errors } = await openPage(browser, `/?lang=${lang}`);
		try {
			await waitForMap(page);
			const { bar, parts } = await headerBoxes(page);
			expect(oneRow(parts)).toBe(true);
			expect(await page.locator('button[data-sheet-toggle]').isVisible()).toBe(false);
			expect(await page.locator('button[data-action="menu"]').isVisible()).toBe(false);
			expect(await page.locator('[data-district-switch]').isVisible()).toBe(true);
			const side = (await page.locator('#side').boundingBox())!;
			const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
			expect(side.x).toBe(0);
			expect(canvas.x).toBeGreaterThanOrEqual(side.x + side.width - 1);
			expect(side.height).toBeGreaterThan(800 - bar.height - 2);
			expect(await firstLayers(page)).toEqual(LEAD);
			await saveScreenshot(page, `desktop-1280-${lang}`);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
