import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_LABELS } from '../../src/lib/layers/registers';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot, type OpenedPage } from './browser';
import { builtFeatures } from './built';
import { renderedCount, waitForMap } from './map';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});


describe('the registers on the map', () => {
	let opened: OpenedPage;
	beforeAll(async () => {
		opened = await openPage(browser, '/');
		await waitForMap(opened.page);
	});
	afterAll(async () => {
		await opened.context.close();
	});

	it('draws the elevator retrofits and the facilities, and their toggles change what is drawn', async () => {
		const { page } = opened;
		for (const id of ['elevator-retrofits', 'facilities']) {
			const box = page.locator(`li[data-layer="${id}"] > label input[type=checkbox]`);
			const before = await renderedCount(page, id);
			expect(before, id).toBeGreaterThan(0);
			await box.click();
			await waitForMap(page);
			expect(await renderedCount(page, id), id).toBe(0);
			await box.click();
			await waitForMap(page);
			expect(await renderedCount(page, id), id).toBe(before);
		}
	});

	it('shows the totals the seeds publish, and the records it could not place with why', async () => {
		const { page } = opened;
		const totals = page.locator('details[data-totals="elevator-retrofits"]');
		await totals.locator('summary').click();
		expect(await totals.locator('li[data-figure="elevator_entrances_surveyed"]').textContent()).toContain('303');
		expect(await totals.locator('li[data-figure="elevator_entrances_suitable"]').textContent()).toContain('56');
		// Charging sites: totals only, no point on the map.
		await page.locator('details[data-totals="charging-sites"] summary').click();
		expect(await page.locator('details[data-totals="charging-sites"] li[data-figure="estate_charging_sites_2020"]').textContent()).toContain('16');
		expect(await page.locator('li[data-layer="charging-sites"] [data-count="in-district"]').textContent()).toBe('0');
		const unplaced = page.locator('details[data-unplaced="elevator-retrofits"]');
		await unplaced.locator('summary').click();
		expect(await unplaced.textContent()).toContain('天平街道加梯惠民指导站');
		await saveScreenshot(page, 'registers-layer-panel');
	});

	it('filters facilities by category, and the count follows', async () => {
		const { page } = opened;
		const shown = page.locator('li[data-layer="facilities"] [data-count="shown"]');
		const all = Number(await shown.textContent());
		// The map opens on the default district (天平), and counts what lies in it.
		const health = builtFeatures('facilities').filter((f) => f.properties.category === 'health' && f.properties.district === 'tianping').length;
		expect(health).toBeGreaterThan(0);
		await page.locator('li[data-layer="facilities"] button[data-action="filters"]').click();
		await page.locator('li[data-layer="facilities"] select[data-filter="category"]').selectOption('health');
		await waitForMap(page);
		expect(Number(await shown.textContent())).toBe(health);
		expect(health).toBeLessThan(all);
		expect(page.url()).toContain('f.facilities.category=health');
		await page.locator('li[data-layer="facilities"] select[data-filter="category"]').selectOption('');
		await waitForMap(page);
		expect(Number(await shown.textContent())).toBe(all);
	});

	it('finds 广元菜市场 by name and shows where its point comes from', async () => {
		const { page } = opened;
		await page.locator('#search-input').fill('广元菜市场');
		await expect.poll(() => page.locator('#search-results [role=option]').first().textContent()).toContain('广元菜市场');
		await page.locator('#search-input').press('Enter');
		await expect.poll(() => page.locator('#feature-title').textContent()).toBe('广元菜市场');
		await expect.poll(() => page.locator('dd[data-field="address"]').textContent()).toBe('广元路153号');
		expect(await page.locator('dd[data-field="category"]').textContent()).toBe('菜场与日常购物');
		const market = builtFeatures('facilities').find((f) => f.properties.id === 'facility-guangyuan-market')!;
		const method = METHOD_LABELS[String(market.properties.geocode_method)].zh;
		expect(await page.locator('dd[data-field="geocode_method"]').textContent()).toBe(method);
		expect(Number(await page.locator('dd[data-field="geocode_confidence"]').textContent())).toBe(market.properties.geocode_confidence);
		expect(await page.locator('dd[data-field="facts"]').textContent()).toContain('目前有摊位71个');
		await saveScreenshot(page, 'registers-feature-panel');

		await page.locator('button', { hasText: 'English' }).click();
		await expect.poll(() => page.locator('dd[data-field="category"]').textContent()).toBe('Markets & daily shopping');
		expect(await page.locator('dd[data-field="facts"]').textContent()).toContain('71 stalls');
		expect(await page.locator('dd[data-field="geocode_method"]').textContent()).toBe(METHOD_LABELS[String(market.properties.geocode_method)].en);
		await page.locator('button.close').click();
	});

	it('sent no request to any host but this one', () => {
		expectOnlyLocalRequests(opened.requests);
		expect(opened.errors).toEqual([]);
	});
});
