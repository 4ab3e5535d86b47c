/**
 * `npm run bench -- places`: what a place's page costs a reader. Each page is loaded cold in
 * Chromium from the production build through the production server, at a phone's width (the
 * photo and locator map shown as a phone shows them), and every response until the load event
 * is counted on the wire (until the network is idle) (headers and gzipped bodies as served): the HTML with its inline locator
 * map, the stylesheets, the photo, and any script. The pages measured are the heaviest by HTML and
 * every page whose photo is among the largest, so the figure is the worst case, not a typical one.
 * `place_page_js_gzip_bytes` is the JavaScript those pages fetch before they can be read, gzipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { createServer } from '../scripts/server/server';
import { launchBrowser } from '../tests/e2e/browser';
import { median, type Metrics } from './metrics';

const repoRoot = resolve(import.meta.dirname, '..');
const buildDir = join(repoRoot, 'build');

interface PageCost {
	bytes: number;
	htmlBytes: number;
	jsGzip: number;
}

async function pageCost(browser: Browser, url: string): Promise<PageCost> {
	const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });
	try {
		const page = await context.newPage();
		const sizes: Array<Promise<{ bytes: number; doc: boolean; js: string | null }>> = [];
		page.on('requestfinished', (req) =>
			sizes.push(
				req.sizes().then((s) => ({
					bytes: s.responseBodySize + s.responseHeadersSize,
					doc: req.resourceType() === 'document',
					js: req.resourceType() === 'script' || /\.m?js$/.test(new URL(req.url()).pathname) ? req.url() : null
				}))
			)
		);
		// Network idle, not load: a stop's lazily loaded photo on a tour page counts too.
		await page.goto(url, { waitUntil: 'networkidle' });
		const all = await Promise.all(sizes);
		let jsGzip = 0;
		for (const js of all.flatMap((s) => (s.js ? [s.js] : []))) {
			const body = Buffer.from(await (await fetch(js, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
			jsGzip += gzipSync(body, { level: 9 }).length;
		}
		return { bytes: all.reduce((n, s) => n + s.bytes, 0), htmlBytes: all.filter((s) => s.doc).reduce((n, s) => n + s.bytes, 0), jsGzip };
	} finally {
		await context.close();
	}
}

/** The pages to measure: the largest HTML files, and the pages showing the largest photos. */
function samplePages(): string[] {
	const dir = join(buildDir, 'places');
	const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
	const bySize = files.map((f) => ({ f, size: statSync(join(dir, f)).size })).sort((a, b) => b.size - a.size);
	const photo = (f: string) => {
		const m = /<meta property="og:image" content="[^"]*\/photos\/([^"]+)"/.exec(readFileSync(join(dir, f), 'utf8'));
		return m ? statSync(join(buildDir, 'photos', decodeURIComponent(m[1].replace(/&amp;/g, "&")))).size : 0;
	};
	const byPhoto = files.map((f) => ({ f, size: photo(f) })).sort((a, b) => b.size - a.size);
	const pick = new Set([...bySize.slice(0, 5), ...byPhoto.slice(0, 5)].map((x) => x.f));
	return [...pick].map((f) => `/places/${f.slice(0, -5)}`);
}

export async function placesBench(): Promise<Metrics> {
	if (!existsSync(join(buildDir, 'places'))) throw new Error(`places bench: ${buildDir}/places is missing: run npm run build first`);
	const server = createServer({ root: buildDir });
	await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const browser = await launchBrowser();
	try {
		const paths = samplePages();
		// One uncounted load, so every page meets a server that has compressed its shared files once.
		await pageCost(browser, origin + paths[0]);
		const costs: PageCost[] = [];
		for (const path of paths) {
			for (const prefix of ['', '/en']) costs.push(await pageCost(browser, origin + prefix + path));
		}
		const tourDir = join(buildDir, 'tours');
		const tours = readdirSync(tourDir).filter((f) => f.endsWith('.html'));
		const tourCosts: PageCost[] = [];
		for (const f of tours) tourCosts.push(await pageCost(browser, `${origin}/tours/${f.slice(0, -5)}`));
		const pages = readdirSync(join(buildDir, 'places')).filter((f) => f.endsWith('.html')).length;
		return {
			place_page_bytes: { value: Math.max(...costs.map((c) => c.bytes)), unit: 'B', goal: '≤ 60000 (the heaviest measured page, everything on the wire)' },
			place_page_js_gzip_bytes: { value: Math.max(...costs.map((c) => c.jsGzip)), unit: 'B', goal: '≤ 30000' },
			place_page_median_bytes: { value: median(costs.map((c) => c.bytes)), unit: 'B', goal: 'reference' },
			place_page_html_bytes: { value: Math.max(...costs.map((c) => c.htmlBytes)), unit: 'B', goal: 'reference (the HTML with its locator map, as served)' },
			tour_page_bytes: { value: Math.max(...tourCosts.map((c) => c.bytes)), unit: 'B', goal: 'reference' },
			place_pages: { value: pages, unit: '', goal: 'reference (each also in English)' }
		};
	} finally {
		await browser.close();
		server.close();
	}
}
