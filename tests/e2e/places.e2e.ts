/**
 * A place's page and a tour's page in Chromium, at desktop and phone widths, in both languages:
 * what they show is read from the built data; axe finds nothing serious; they need no JavaScript;
 * and the map's side panel leads to a place's page and the page back to the map.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFeatures, hengshanHotel } from './built';
import { waitForMap } from './map';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot, seriousAxeViolations } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

interface BuiltTour {
	id: string;
	title_zh: string;
	title_en: string;
	stops: Array<{ id: string; layer: string; name_zh: string; name_en: string | null; photo: string | null }>;
}
const tours = (): BuiltTour[] => JSON.parse(readFileSync('build/data/tours.json', 'utf8')).tours;

/** A protected building some tour stops at, with a photo: the richest kind of page. */
function richPlace() {
	for (const t of tours()) {
		for (const s of t.stops) {
			if (s.layer !== 'protected-buildings' || !s.photo) continue;
			const f = builtFeatures('protected-buildings').find((x) => x.properties.id === s.id);
			if (f) return { id: s.id, props: f.properties, tour: t };
		}
	}
	throw new Error('no tour stop with a photo in build/data/tours.json');
}

const WIDTHS = [1280, 375];

describe('a place’s page', () => {
	it('shows the building’s facts, photo, locator map, nearby places and tours, with no JavaScript, in both languages and widths', async () => {
		const { id, props, tour } = richPlace();
		for (const lang of ['zh', 'en'] as const) {
			for (const width of WIDTHS) {
				const path = `${lang === 'en' ? '/en' : ''}/places/${id}`;
				const { page, context, requests, errors } = await openPage(browser, path, { width });
				try {
					const name = lang === 'en' ? String(props.name_en ?? props.name_zh) : String(props.name_zh);
					expect(await page.locator('h1').textContent()).toBe(name);
					const address = lang === 'en' && props.address_en ? `${props.address_en} (${props.address})` : props.address;
					expect(await page.locator('[data-fact="address"]').textContent()).toBe(address);
					if (props.batch) expect(await page.locator('[data-fact="batch"]').textContent()).toMatch(lang === 'en' ? /^Batch \d$/ : /^第.批$/);
					if (props.architect) expect(await page.locator('[data-fact="architect"]').textContent()).toBe(props.architect);
					const img = page.locator('figure.photo img');
					await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
					expect(await page.locator('figure.photo figcaption').textContent()).toContain(String(props.photo_credit));
					// The locator map: the place, streets, and street names in the page's language.
					const svg = page.locator('svg[data-locator]');
					expect(await svg.locator('.point, .area').count()).toBe(1);
					const labels = await svg.locator('text.label').allTextContents();
					expect(labels.length).toBeGreaterThan(1);
					expect(labels.some((l) => (lang === 'zh' ? /路$/.test(l) : /Road$/.test(l)))).toBe(true);
					const nearby = page.locator('[data-nearby] li a');
					expect(await nearby.count()).toBeGreaterThan(0);
					for (const href of await nearby.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(lang === 'en' ? /^\/en\/places\// : /^\/places\//);
					expect(await page.locator(`[data-tours] a[href$="/tours/${tour.id}"]`).textContent()).toBe(lang === 'en' ? tour.title_en : tour.title_zh);
					const open = new URL((await page.locator('[data-action="open-map"]').getAttribute('href'))!, 'http://x');
					expect(open.searchParams.get('sel')).toBe(`protected-buildings:${id}`);
					expect(open.searchParams.get('lang')).toBe(lang === 'en' ? 'en' : null);
					expect(await page.locator('[data-credits] li').count()).toBeGreaterThan(1);
					// Readable as it arrives: no script but the ?lang=en forwarder on the Chinese page.
					expect(requests.filter((u) => /\.m?js(\?|$)/.test(new URL(u).pathname))).toEqual(lang === 'zh' ? [expect.stringMatching(/\/lang-redirect\.js$/)] : []);
					await saveScreenshot(page, `place-${lang}-${width}`);
					expect(await seriousAxeViolations(page)).toEqual([]);
					expect(errors).toEqual([]);
					expectOnlyLocalRequests(requests);
				} finally {
					await context.close();
				}
			}
		}
	});

	it('goes on to the English page from a ?lang=en link, and switches language by a plain link', async () => {
		const { id } = richPlace();
		const { page, context } = await openPage(browser, `/places/${id}?lang=en`);
		try {
			await page.waitForURL(`**/en/places/${id}`);
			expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
			await page.locator('[data-action="lang"]').click();
			await page.waitForURL((u) => u.pathname === `/places/${id}`);
			expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
		} finally {
			await context.close();
		}
	});

	it('is linked from the map’s side panel, and opens the place on the map', async () => {
		const hotel = hengshanHotel();
		const built = builtFeatures('protected-buildings').find((f) => f.properties.id === hotel.id)!.properties;
		for (const lang of ['zh', 'en'] as const) {
			// The English title is the building's English name, a source's or the descriptive one ("Hotel, 534 Hengshan Road").
			const title = lang === 'en' ? String(built.name_en ?? built.name_zh) : '衡山宾馆';
			const { page, context } = await openPage(browser, `/?${lang === 'en' ? 'lang=en&' : ''}c=${hotel.lon},${hotel.lat}&z=17&sel=protected-buildings:${hotel.id}`);
			try {
				await waitForMap(page);
				await expect.poll(() => page.locator('#feature-title').textContent()).toBe(title);
				const link = page.locator('.feature [data-action="place-page"]');
				expect(await link.getAttribute('href')).toBe(`${lang === 'en' ? '/en' : ''}/places/${hotel.id}`);
				await link.click();
				await page.waitForURL((u) => u.pathname.endsWith(`/places/${hotel.id}`));
				expect(await page.locator('h1').textContent()).toBe(title);
				if (lang === 'zh') await saveScreenshot(page, 'place-from-panel');
				await page.locator('[data-action="open-map"]').click();
				await waitForMap(page);
				await expect.poll(() => page.locator('#feature-title').textContent()).toBe(title);
			} finally {
				await context.close();
			}
		}
	});

	it('draws the same page in the browser from the published data (the offline shell)', async () => {
		const { id, tour } = richPlace();
		const read = async (path: string) => {
			const { page, context, errors } = await openPage(browser, path);
			try {
				await page.locator('main h1').waitFor();
				const out = {
					lang: await page.locator('html').getAttribute('lang'),
					h1: await page.locator('main h1').textContent(),
					facts: await page.locator('[data-fact]').allTextContents(),
					labels: await page.locator('svg[data-locator] text.label').allTextContents(),
					nearby: await page.locator('[data-nearby] li').allTextContents(),
					canonical: await page.locator('link[rel="canonical"]').getAttribute('href')
				};
				expect(errors).toEqual([]);
				return out;
			} finally {
				await context.close();
			}
		};
		expect(await read(`/place-shell?place=${id}&lang=en`)).toEqual(await read(`/en/places/${id}`));
		const shellTour = await openPage(browser, `/place-shell?tour=${tour.id}`);
		try {
			await expect.poll(() => shellTour.page.locator('[data-stop]').count()).toBe(tour.stops.length);
		} finally {
			await shellTour.context.close();
		}
	});

	it('is not offered for a bus stop', async () => {
		const stop = builtFeatures('facilities').find((f) => String(f.properties.id).startsWith('bus-'))!;
		const [lon, lat] = (stop.geometry as unknown as { coordinates: [number, number] }).coordinates;
		const { page, context } = await openPage(browser, `/?c=${lon},${lat}&z=17&sel=facilities:${stop.properties.id}`);
		try {
			await waitForMap(page);
			await expect.poll(() => page.locator('.feature').count()).toBe(1);
			expect(await page.locator('.feature [data-action="place-page"]').count()).toBe(0);
		} finally {
			await context.close();
		}
	});
});

describe('a tour’s page', () => {
	it('reads the whole tour without the map: stops, legs with their streets, the route; in both languages and widths, and in print', async () => {
		const tour = tours()[0];
		for (const lang of ['zh', 'en'] as const) {
			for (const width of WIDTHS) {
				const { page, context, requests, errors } = await openPage(browser, `${lang === 'en' ? '/en' : ''}/tours/${tour.id}`, { width });
				try {
					expect(await page.locator('h1').textContent()).toBe(lang === 'en' ? tour.title_en : tour.title_zh);
					const stops = page.locator('[data-stop]');
					expect(await stops.count()).toBe(tour.stops.length);
					for (const [i, s] of tour.stops.entries()) expect(await stops.nth(i).locator('h3').textContent()).toContain(lang === 'en' ? (s.name_en ?? s.name_zh) : s.name_zh);
					const legs = page.locator('[data-leg]');
					expect(await legs.count()).toBe(tour.stops.length - 1);
					// Each leg names the streets walked, with their concession-era names where known.
					expect(await legs.first().locator('.street').count()).toBeGreaterThan(0);
					const sum = await legs.evaluateAll((ps) => ps.reduce((n, p) => n + Number(/(\d+)\s*(米|m)/.exec(p.textContent ?? '')?.[1] ?? NaN), 0));
					const total = Number(await page.locator('[data-tour-length]').getAttribute('data-tour-length'));
					expect(Math.abs(sum - total)).toBeLessThanOrEqual(tour.stops.length);
					expect(await page.locator('svg[data-locator] circle.stop').count()).toBe(tour.stops.length);
					expect(await page.locator('[data-action="start-map"]').getAttribute('href')).toBe(`/?${lang === 'en' ? 'lang=en&' : ''}tour=${tour.id}`);
					await saveScreenshot(page, `tour-${lang}-${width}`);
					expect(await seriousAxeViolations(page)).toEqual([]);
					if (width === 1280 && lang === 'zh') {
						await page.emulateMedia({ media: 'print' });
						expect(await page.locator('[data-action="start-map"]').isVisible()).toBe(false);
						expect(await page.locator('header.bar').isVisible()).toBe(false);
						await saveScreenshot(page, 'tour-print');
					}
					expect(errors).toEqual([]);
					expectOnlyLocalRequests(requests);
				} finally {
					await context.close();
				}
			}
		}
	});

	it('starts the tour on the map', async () => {
		const tour = tours()[0];
		const { page, context } = await openPage(browser, `/tours/${tour.id}`);
		try {
			await page.locator('[data-action="start-map"]').click();
			await waitForMap(page);
			await expect.poll(() => page.locator('#tour-heading').textContent()).toBe(tour.title_zh);
		} finally {
			await context.close();
		}
	});
});
