import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/lib/i18n/strings';
import { panelLayers } from '../../src/lib/layers';
import { choiceFigures, countInChoice, type MapDistricts } from '../../src/lib/map/districts';
import type { LayerFacets } from '../../src/lib/map/facets';
import { launchBrowser, openPage, saveScreenshot } from './browser';
import { waitForMap } from './map';

/** The layer panel against the built site: which layers have records, and what each district published, read from build/data. */
const registry: MapDistricts = JSON.parse(readFileSync('build/data/districts.json', 'utf8'));
const facets: Record<string, LayerFacets> = JSON.parse(readFileSync('build/data/facets.json', 'utf8')).layers;
const listable = () => panelLayers().filter((l) => !(facets[l.id]?.waiting && facets[l.id].total === 0));
/** The panel's own list; the History group's layers are listed in its fold below it. */
const listed = (choice: string) => listable().filter((l) => l.group !== 'history');
const historyListed = () => listable().filter((l) => l.group === 'history');
/** Layers with no record in the district but published totals: the panel gives them one line. */
const unmapped = (choice: string) => listed(choice).filter((l) => facets[l.id] && countInChoice(facets[l.id], choice) === 0 && choiceFigures(registry, choice).some((f) => f.layer === l.id));

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const panelOrder = (page: Page) => page.locator('section.layers > ul > li[data-layer]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-layer')));

describe('the layer panel', () => {
	it('leads with what the map shows, in the registry’s order, in both districts', async () => {
		const { page, context, errors } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			expect((await panelOrder(page)).slice(0, 3)).toEqual(['protected-buildings', 'never-widened-roads', 'facilities']);
			expect(await panelOrder(page)).toEqual(listed('tianping').map((l) => l.id));
			expect(await page.locator('section.layers [data-group="history"] li[data-layer]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-layer')))).toEqual(historyListed().map((l) => l.id));
			await page.locator('[data-district="hunan"]').click();
			await expect.poll(() => new URL(page.url()).searchParams.get('d')).toBe('hunan');
			expect(await panelOrder(page)).toEqual(listed('hunan').map((l) => l.id));
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it.each(['tianping', 'hunan'])('gives a layer with no record in %s its published totals in one line, and no filter form', async (d) => {
		const layers = unmapped(d);
		expect(layers.length, `${d} has a layer with totals and no records`).toBeGreaterThan(0);
		const { page, context } = await openPage(browser, `/?d=${d}`);
		try {
			await waitForMap(page);
			for (const layer of layers) {
				const li = page.locator(`li[data-layer="${layer.id}"]`);
				expect(await li.locator('[data-count="in-district"]').textContent(), layer.id).toBe('0');
				expect(await li.locator('button[data-action="filters"], fieldset, select').count(), layer.id).toBe(0);
				const summary = li.locator(`details[data-totals="${layer.id}"] > summary`);
				const first = choiceFigures(registry, d).find((f) => f.layer === layer.id)!;
				expect(await summary.textContent(), layer.id).toContain(groupDigits(first.value));
				const { height, lineHeight } = await summary.evaluate((s) => ({ height: s.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(s).lineHeight) || 1.3 * parseFloat(getComputedStyle(s).fontSize) }));
				expect(height, `${layer.id}: one line`).toBeLessThan(lineHeight * 1.6 + 8);
				// Opened, every figure is listed with its source.
				await summary.click();
				expect(await li.locator('li[data-figure]').count(), layer.id).toBe(choiceFigures(registry, d).filter((f) => f.layer === layer.id).length);
			}
		} finally {
			await context.close();
		}
	});

	it('folds a layer’s filters until asked for, by pointer or keyboard, and opens them when the link filters it', async () => {
		const { page, context } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			const filterable = listed('tianping').filter((l) => l.filters && facets[l.id]?.rows && countInChoice(facets[l.id], 'tianping') > 0 && l.style.visible);
			expect(filterable.length).toBeGreaterThan(0);
			expect(await page.locator('section.layers select').count()).toBe(0);
			for (const layer of filterable) expect(await page.locator(`li[data-layer="${layer.id}"] button[data-action="filters"]`).getAttribute('aria-expanded'), layer.id).toBe('false');
			const fold = page.locator('li[data-layer="protected-buildings"] button[data-action="filters"]');
			await fold.focus();
			await page.keyboard.press('Enter');
			expect(await fold.getAttribute('aria-expanded')).toBe('true');
			expect(await page.locator(`#${await fold.getAttribute('aria-controls')} select[data-filter="batch"]`).isVisible()).toBe(true);
			await page.keyboard.press('Space');
			expect(await fold.getAttribute('aria-expanded')).toBe('false');
			expect(await page.locator('select[data-filter="batch"]').count()).toBe(0);
		} finally {
			await context.close();
		}
		const filtered = await openPage(browser, `/?f.protected-buildings.batch=${encodeURIComponent('第二批')}`);
		try {
			await waitForMap(filtered.page);
			const fold = filtered.page.locator('li[data-layer="protected-buildings"] button[data-action="filters"]');
			expect(await fold.getAttribute('aria-expanded')).toBe('true');
			expect(await fold.textContent()).toMatch(/\(1\)/);
			expect(await filtered.page.locator('select[data-filter="batch"]').inputValue()).toBe('第二批');
		} finally {
			await filtered.context.close();
		}
	});
});

/**
 * Every visible text in the panel at least 12 px, every control at least 24 px each way (a
 * checkbox counts with its label, which takes the tap): what Lighthouse's mobile audit reads.
 */
export async function legibleAndTappable(page: Page, root: string): Promise<{ small: string[]; tiny: string[] }> {
	return page.evaluate((sel) => {
		const scope = document.querySelector(sel)!;
		const visible = (el: Element) => {
			const r = el.getBoundingClientRect();
			return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
		};
		const small: string[] = [];
		const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement!;
			if (!n.textContent?.trim() || !visible(el) || el.closest('svg')) continue;
			if (parseFloat(getComputedStyle(el).fontSize) < 12) small.push(`${el.tagName}: ${n.textContent.trim().slice(0, 30)} (${getComputedStyle(el).fontSize})`);
		}
		const tiny: string[] = [];
		for (const el of scope.querySelectorAll('button, a[href], select, summary, input, [role="button"]')) {
			if (!visible(el)) continue;
			const target = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? el) : el;
			const r = target.getBoundingClientRect();
			if (r.height < 24 || r.width < 24) tiny.push(`${el.tagName}.${el.className} ${(el.textContent ?? '').trim().slice(0, 20)} ${Math.round(r.width)}×${Math.round(r.height)}`);
		}
		return { small, tiny };
	}, root);
}

describe('the layer panel on a phone', () => {
	it.each(['zh', 'en'])('has legible text and big enough targets at 375 px (%s)', async (lang) => {
		const { page, context } = await openPage(browser, `/?lang=${lang}`, { width: 375, height: 667 });
		try {
			await waitForMap(page);
			await page.locator('li[data-layer="protected-buildings"] button[data-action="filters"]').click();
			await page.locator('section.layers details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
			const { small, tiny } = await legibleAndTappable(page, 'section.layers');
			expect(small).toEqual([]);
			expect(tiny).toEqual([]);
			await saveScreenshot(page, `panel-375-${lang}`);
		} finally {
			await context.close();
		}
	});
});
