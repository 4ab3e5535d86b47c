import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, saveScreenshot, type OpenedPage } from './browser';
import { clickAt, waitForMap } from './map';

/**
 * The site's Content Security Policy (scripts/server/csp-directives.js): no 'unsafe-inline' for
 * scripts or styles. Every page must work with it enforced, and an injected script must not run.
 */
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Records every violation the document reports, from before the page's own scripts run. */
const RECORD_VIOLATIONS = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));`;

/** Each payload, if it ran, would count itself in window.__xss. */
const IMG_PAYLOAD = '<img src=x onerror="window.__xss=(window.__xss||0)+1">';
const SCRIPT_PAYLOAD = '<script>window.__xss=(window.__xss||0)+1</script>';

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const ran = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0);
const cspErrors = (opened: OpenedPage) => opened.errors.filter((e) => /Content Security Policy/i.test(e));

/**
 * What a bug that put untrusted text into the page as HTML would do: the markup inserted as HTML,
 * and a script element built from it (markup's <script> never runs from innerHTML, this one would).
 */
function injectAsHtml(page: Page, text: string): Promise<void> {
	return page.evaluate((t) => {
		document.body.insertAdjacentHTML('beforeend', `<div data-injected>${t}</div>`);
		const script = document.createElement('script');
		script.textContent = new DOMParser().parseFromString(t, 'text/html').querySelector('script')?.textContent ?? 'window.__xss=(window.__xss||0)+1';
		document.body.append(script);
	}, text);
}

const importedDrawn = (page: Page) =>
	page.evaluate(() => {
		const map = (window as unknown as { hengfuMap: { getStyle(): { layers: { id: string }[] }; queryRenderedFeatures(o: unknown): unknown[] } }).hengfuMap;
		const layers = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('imported-'));
		return layers.length ? map.queryRenderedFeatures({ layers }).length : 0;
	});

function directives(policy: string): Map<string, string[]> {
	return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe('the security policy', () => {
	it.each([
		['/', true],
		['/?lang=en', true],
		['/?plan=1', true],
		['/?walk=1&from=121.4440,31.2060&wt=15&ws=60&cov=health', true],
		['/about', false],
		['/about?lang=en', false],
		['/datasets', false],
		['/datasets/protected-buildings', false],
		['/datasets/never-widened-roads?lang=en', false]
	])('%s works with it enforced: no violation reported', async (path, map) => {
		const opened = await openPage(browser, path, { initScript: RECORD_VIOLATIONS });
		const { page, context, response } = opened;
		try {
			const header = (await response!.allHeaders())['content-security-policy'];
			const scriptSrc = directives(header).get('script-src')!;
			expect(scriptSrc).not.toContain("'unsafe-inline'");
			expect(directives(header).get('style-src')).not.toContain("'unsafe-inline'");
			// The header allows what the page's own <meta> allows: the bootstrap's hash, nothing more.
			const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
			expect(directives(meta!).get('script-src')).toEqual(scriptSrc);
			expect(scriptSrc.some((s) => s.startsWith("'sha256-"))).toBe(true);
			if (map) await waitForMap(page);
			else await page.waitForLoadState('networkidle');
			// The app booted: its inline bootstrap ran and hydrated the page.
			expect(await page.evaluate(() => Object.keys(window).some((k) => k.startsWith('__sveltekit_')))).toBe(true);
			await page.waitForTimeout(500);
			expect(await violations(page)).toEqual([]);
			expect(cspErrors(opened)).toEqual([]);
			expect(opened.errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('keeps working across client-side navigation (the route announcer’s one style attribute is allowed by its hash)', async () => {
		const opened = await openPage(browser, '/datasets', { initScript: RECORD_VIOLATIONS });
		const { page, context } = opened;
		try {
			await page.waitForLoadState('networkidle');
			await page.locator('a[href*="/datasets/protected-buildings"]').first().click();
			await page.waitForURL(/\/datasets\/protected-buildings/);
			await page.waitForLoadState('networkidle');
			await page.locator('a[href^="/about"]').first().click();
			await page.waitForURL(/\/about/);
			expect(await page.locator('#svelte-announcer').count()).toBe(1);
			await page.waitForTimeout(500);
			expect(await violations(page)).toEqual([]);
			expect(cspErrors(opened)).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('stops a script injected through the URL: reflected as text, and refused if it ever became markup', async () => {
		const path = `/?d=${encodeURIComponent(IMG_PAYLOAD)}&q=${encodeURIComponent(SCRIPT_PAYLOAD)}#${encodeURIComponent(SCRIPT_PAYLOAD)}`;
		const opened = await openPage(browser, path, { initScript: RECORD_VIOLATIONS });
		const { page, context } = opened;
		try {
			await waitForMap(page);
			// The unknown district is named back to the reader, as text.
			await expect.poll(() => page.locator('body').textContent()).toContain(IMG_PAYLOAD);
			expect(await page.locator('img[src="x"]').count()).toBe(0);
			expect(await ran(page)).toBe(0);
			await injectAsHtml(page, IMG_PAYLOAD);
			await injectAsHtml(page, SCRIPT_PAYLOAD);
			await page.waitForTimeout(500);
			expect(await page.locator('[data-injected] img[src="x"]').count()).toBe(1);
			expect(await ran(page)).toBe(0);
			const seen = await violations(page);
			// The img's onerror handler and both script elements were refused.
			expect(seen.filter((v) => v.startsWith('script-src')).length, seen.join('\n')).toBeGreaterThanOrEqual(3);
		} finally {
			await context.close();
		}
	});

	it('stops a script injected through an imported file’s names, which would run without the policy', async () => {
		const hostile = {
			type: 'FeatureCollection',
			features: [{ type: 'Feature', properties: { name: IMG_PAYLOAD, note: SCRIPT_PAYLOAD }, geometry: { type: 'Point', coordinates: [121.4445, 31.2055] } }]
		};
		// With the policy bypassed, the same steps do run the payload: the test can fail.
		for (const bypassCSP of [true, false]) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP });
			await context.addInitScript(RECORD_VIOLATIONS);
			const page = await context.newPage();
			let dialogs = 0;
			page.on('dialog', async (d) => {
				dialogs++;
				await d.dismiss();
			});
			try {
				await page.goto(`${inject('baseURL')}/?plan=1&c=121.4445,31.2055&z=17`);
				await waitForMap(page);
				await page.locator('input[data-plan="file"]').setInputFiles({ name: 'hostile.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(hostile)) });
				await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toBe(1);
				await clickAt(page, [121.4445, 31.2055]);
				const panel = page.locator('[data-plan="imported-feature"]');
				await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain(IMG_PAYLOAD);
				expect(await panel.textContent()).toContain(SCRIPT_PAYLOAD);
				// The names as the importer read them, put into the page as markup.
				const shown = (await panel.textContent())!;
				await injectAsHtml(page, shown.slice(shown.indexOf('<img'), shown.indexOf('>', shown.indexOf('<img')) + 1));
				await injectAsHtml(page, shown.slice(shown.indexOf('<script>'), shown.indexOf('</script>') + '</script>'.length));
				await page.waitForTimeout(500);
				if (bypassCSP) {
					expect(await ran(page)).toBeGreaterThan(0);
					continue;
				}
				expect(await ran(page)).toBe(0);
				expect(dialogs).toBe(0);
				expect((await violations(page)).filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(3);
				await saveScreenshot(page, 'csp-hostile-import');
			} finally {
				await context.close();
			}
		}
	});
});

describe('every prerendered page', () => {
	/** Pages not visited above (dataset pages, and any added later) are held to the policy by reading them. */
	function htmlFiles(dir: string): string[] {
		return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
	}

	it('has no style attribute and no inline script its own policy does not hash', () => {
		const files = htmlFiles('build');
		expect(files.length).toBeGreaterThan(10);
		for (const file of files) {
			const html = readFileSync(file, 'utf8');
			expect(html.match(/<[a-zA-Z][^<>]*\sstyle\s*=/g) ?? [], file).toEqual([]);
			const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
			expect(meta, `${file}: no <meta> policy`).toBeDefined();
			const allowed = directives(meta!).get('script-src')!;
			for (const [, attrs, body] of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
				if (/\ssrc=|type="application\/(ld\+)?json"/.test(attrs ?? '')) continue;
				expect(allowed, `${file}: inline script ${body.slice(0, 60)}`).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
			}
		}
	});
});
