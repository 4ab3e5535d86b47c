import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('smoke: the built site in Chromium', () => {
	it('loads the home page with a title, no errors and only local requests', async () => {
		const { context, page, response, requests, errors, failedRequests } = await openPage(browser, '/');
		try {
			expect(response?.status()).toBe(200);
			expect((await page.title()).trim()).not.toBe('');
			await saveScreenshot(page, 'smoke-home');
			expect(errors).toEqual([]);
			expect(failedRequests).toEqual([]);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});

	it('names every large script of the home page in its head, so none is found late', async () => {
		const { context, page, requests } = await openPage(browser, '/');
		try {
			// From the HTML as served: at run time, Vite's and SvelteKit's loaders add links of their own.
			const html = await (await fetch(page.url())).text();
			const named = [...html.matchAll(/<link href="([^"]+)" rel="modulepreload"/g)].map((m) => new URL(m[1], page.url()).pathname);
			expect(named.length).toBeGreaterThan(0);
			const large: string[] = [];
			for (const url of new Set(requests.filter((u) => new URL(u).pathname.endsWith('.js')))) {
				const body = await (await fetch(url)).arrayBuffer();
				if (body.byteLength > 50_000) large.push(new URL(url).pathname);
			}
			// MapLibre's two chunks at least: the map cannot start without them.
			expect(large.length).toBeGreaterThanOrEqual(2);
			expect(large.filter((path) => !named.includes(path))).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('can create a WebGL2 context (SwiftShader), as the map needs', async () => {
		const { context, page } = await openPage(browser, '/');
		try {
			const gl = await page.evaluate(() => {
				const ctx = document.createElement('canvas').getContext('webgl2');
				if (!ctx) return null;
				const info = ctx.getExtension('WEBGL_debug_renderer_info');
				return { renderer: String(info ? ctx.getParameter(info.UNMASKED_RENDERER_WEBGL) : ctx.getParameter(ctx.RENDERER)) };
			});
			expect(gl, 'getContext("webgl2") returned null').not.toBeNull();
			expect(gl?.renderer).toBeTruthy();
		} finally {
			await context.close();
		}
	});

	it('renders a phone-width viewport', async () => {
		const { context, page, errors } = await openPage(browser, '/', { width: 375 });
		try {
			expect(await page.evaluate(() => window.innerWidth)).toBe(375);
			await saveScreenshot(page, 'smoke-home-375');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
