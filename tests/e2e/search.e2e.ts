import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hengshanHotel } from './built';
import { launchBrowser, openPage, saveScreenshot, seriousAxeViolations } from './browser';
import { waitForMap } from './map';

/** The search box as a WAI-ARIA 1.2 combobox (src/lib/components/SearchBox.svelte). */
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

interface IndexedDoc {
	id: string;
	layer: string;
	featureId: string | null;
	title_zh: string | null;
	aliases: string[];
	bbox?: [number, number, number, number];
}
const searchIndex = (): IndexedDoc[] => JSON.parse(readFileSync('build/data/search-index.json', 'utf8'));

const input = (page: Page) => page.locator('#search-input');
const options = (page: Page) => page.locator('#search-results [role=option]');
const activeId = (page: Page) => input(page).getAttribute('aria-activedescendant');
const selectedIds = (page: Page) => page.locator('#search-results [role=option][aria-selected=true]').evaluateAll((els) => els.map((e) => e.id));

describe('search as a combobox', () => {
	it('has no serious or critical axe violation with its results open, and options hold no controls', async () => {
		const { page, context } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			await input(page).fill('衡山');
			await expect.poll(() => options(page).count()).toBeGreaterThan(2);
			expect(await input(page).getAttribute('role')).toBe('combobox');
			expect(await input(page).getAttribute('aria-expanded')).toBe('true');
			expect(await input(page).getAttribute('aria-autocomplete')).toBe('list');
			expect(await input(page).getAttribute('aria-controls')).toBe('search-results');
			expect(await page.locator('#search-results').getAttribute('role')).toBe('listbox');
			expect(await page.locator('#search-results :is(a, button, input, select, textarea, [tabindex])').count()).toBe(0);
			expect(await seriousAxeViolations(page)).toEqual([]);
			await saveScreenshot(page, 'search-combobox-open');
		} finally {
			await context.close();
		}
	});

	it('is used by keyboard alone: 霞飞 finds 霞飞路, arrows/Home/End move, Enter frames 淮海中路', async () => {
		const street = searchIndex().find((d) => d.layer === 'streets' && d.title_zh === '淮海中路' && d.aliases.includes('霞飞路'))!;
		expect(street.bbox).toBeDefined();
		const { page, context } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
			// Moving through a longer list first.
			await page.keyboard.type('衡山');
			await expect.poll(() => options(page).count()).toBeGreaterThan(2);
			const n = await options(page).count();
			expect(await activeId(page)).toBe('search-hit-0');
			await page.keyboard.press('ArrowDown');
			expect(await activeId(page)).toBe('search-hit-1');
			expect(await selectedIds(page)).toEqual(['search-hit-1']);
			await page.keyboard.press('End');
			expect(await activeId(page)).toBe(`search-hit-${n - 1}`);
			expect(await selectedIds(page)).toEqual([`search-hit-${n - 1}`]);
			await page.keyboard.press('ArrowDown'); // wraps
			expect(await activeId(page)).toBe('search-hit-0');
			await page.keyboard.press('ArrowUp');
			expect(await activeId(page)).toBe(`search-hit-${n - 1}`);
			await page.keyboard.press('Home');
			expect(await activeId(page)).toBe('search-hit-0');
			// Escape closes the list and keeps the text, a down arrow opens it again, a second Escape empties the box.
			await page.keyboard.press('Escape');
			expect(await input(page).getAttribute('aria-expanded')).toBe('false');
			expect(await input(page).getAttribute('aria-activedescendant')).toBeNull();
			expect(await page.locator('#search-results').isVisible()).toBe(false);
			expect(await input(page).inputValue()).toBe('衡山');
			await page.keyboard.press('ArrowDown');
			expect(await input(page).getAttribute('aria-expanded')).toBe('true');
			await page.keyboard.press('Escape');
			await page.keyboard.press('Escape');
			expect(await input(page).inputValue()).toBe('');

			await page.keyboard.type('霞飞');
			await expect.poll(() => options(page).allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/淮海中路.*霞飞路/)]));
			const target = (await options(page).allTextContents()).findIndex((t) => /淮海中路.*霞飞路/.test(t));
			for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
			expect(await activeId(page)).toBe(`search-hit-${target}`);
			await page.keyboard.press('Enter');
			expect(await input(page).inputValue()).toBe('淮海中路');
			expect(await input(page).getAttribute('aria-expanded')).toBe('false');
			// The map frames the street's ways, as built.
			const [w, s, e, nn] = street.bbox!;
			await expect
				.poll(() => page.evaluate(() => (window as unknown as { hengfuMap: { getCenter(): { lng: number; lat: number } } }).hengfuMap.getCenter()), { timeout: 10_000 })
				.toEqual({ lng: expect.closeTo((w + e) / 2, 2), lat: expect.closeTo((s + nn) / 2, 2) });
			await page.waitForTimeout(1200);
			const bounds = await page.evaluate(() => (window as unknown as { hengfuMap: { getBounds(): { toArray(): number[][] } } }).hengfuMap.getBounds().toArray());
			expect(bounds[0][0]).toBeLessThanOrEqual(w + 1e-4);
			expect(bounds[1][0]).toBeGreaterThanOrEqual(e - 1e-4);
			await saveScreenshot(page, 'search-keyboard-huaihai');
		} finally {
			await context.close();
		}
	});

	it('chooses an option clicked with the mouse and opens the building’s panel', async () => {
		const { page, context } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			await input(page).fill('衡山宾馆');
			const first = options(page).first();
			await expect.poll(() => first.textContent()).toContain('衡山宾馆');
			await first.click();
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe('衡山宾馆');
			// The address bar is written a moment after the selection (a debounced URL write): poll it.
			await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(`protected-buildings:${hengshanHotel().id}`);
			expect(await input(page).getAttribute('aria-expanded')).toBe('false');
		} finally {
			await context.close();
		}
	});

	it('links the active option to its place page when it has one, in the reader’s language', async () => {
		const hotel = hengshanHotel();
		const busStop = searchIndex().find((d) => d.layer === 'facilities' && d.featureId?.startsWith('bus-') && d.title_zh)!;
		for (const [lang, prefix] of [['zh', ''], ['en', '/en']] as const) {
			const { page, context } = await openPage(browser, lang === 'en' ? '/?lang=en' : '/');
			try {
				await waitForMap(page);
				await input(page).fill('衡山宾馆');
				const link = page.locator('a[data-search="place-page"]');
				await expect.poll(() => link.getAttribute('href')).toBe(`${prefix}/places/${encodeURIComponent(hotel.id)}`);
				// A page of its own, not the map's: the browser loads it, the router does not try to.
				expect(await link.getAttribute('data-sveltekit-reload')).not.toBeNull();
				expect(await options(page).first().getAttribute('data-layer')).toBe('protected-buildings');
				expect(await link.textContent()).toContain(lang === 'en' ? 'Open page' : '打开页面');
				// The link sits beside the listbox, never in an option.
				expect(await page.locator('#search-results a').count()).toBe(0);
				// A street (a group of ways) and a bus stop have no page: no link.
				await input(page).fill('霞飞路');
				await expect.poll(() => options(page).first().getAttribute('data-layer')).toBe('streets');
				expect(await link.count()).toBe(0);
				await input(page).fill(busStop.title_zh!);
				await expect.poll(() => options(page).first().getAttribute('data-layer')).toBe('facilities');
				expect(await link.count()).toBe(0);
			} finally {
				await context.close();
			}
		}
	});
});
