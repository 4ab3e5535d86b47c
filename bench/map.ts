/**
 * The map's first view, measured on the production build served by the production server:
 * what JavaScript and how many bytes it costs against a naive city-wide GeoJSON portal, and how
 * long it takes to settle against a bare MapLibre page (`/test/bare-map`) showing the same basemap
 * archive as the main map draws it (the same registry layers and style code, street names
 * included), on a page with nothing else: so the ratio measures what the portal adds to showing
 * its basemap (its page and panels, and the thematic layers). Measured beside it, for reference:
 * that page without its names (`?labels=0`), which shows what drawing street, park and station
 * names costs, and the two-layer, unlabelled page (`?style=lines`) that was the baseline of runs
 * before 2026-12-02.
 *
 * The pages are loaded in turn, their order rotating from round to round, so a slow spell of the
 * machine falls on each of them alike.
 *
 * Bytes are split into the page's shell and code (HTML, JavaScript, CSS, favicon), which any
 * MapLibre portal loads, GeoJSON or not, and its data (everything else: tiles, JSON, plus the JSON
 * the prerendered HTML carries inline). The ratio against the naive portal compares data with data
 * (bench/geojson-equivalent.ts says what the other side holds); `first_view_bytes` is everything.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { sourcesDir } from '../scripts/pipeline/read';
import { createServer } from '../scripts/server/server';
import { launchBrowser } from '../tests/e2e/browser';
import { geojsonEquivalent } from './geojson-equivalent';
import { median, type Metrics } from './metrics';

const ROUNDS = 15;
const VIEWPORT = { width: 1280, height: 800 };
/** The whole suite gives up (and says so) after this long, so `npm run bench` never hangs. */
const BUDGET_MS = 300_000;
const repoRoot = resolve(import.meta.dirname, '..');
const buildDir = join(repoRoot, 'build');

type IdleWindow = Window & { __benchIdleAt?: number; hengfuMap?: MapLike; bareMap?: MapLike };
interface MapLike {
	once(type: 'idle', fn: () => void): unknown;
	loaded(): boolean;
	areTilesLoaded(): boolean;
}

export async function mapBench(): Promise<Metrics> {
	if (!existsSync(join(buildDir, 'index.html')) || !existsSync(join(buildDir, 'test', 'bare-map.html'))) {
		throw new Error(`map bench: ${buildDir} has no index.html or test/bare-map.html: run npm run build first`);
	}
	const deadline = Date.now() + BUDGET_MS;
	const server = createServer({ root: buildDir });
	await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	let browser: Browser | null = null;
	try {
		browser = await launchBrowser();
		const first = await firstView(browser, origin, deadline);
		const geojson = geojsonEquivalent(sourcesDir(repoRoot), join(buildDir, 'data'));

		const pages = { app: `${origin}/`, bare: `${origin}/test/bare-map`, unlabelled: `${origin}/test/bare-map?labels=0`, lines: `${origin}/test/bare-map?style=lines` };
		// One uncounted bare run, so every page meets a server that has already compressed its files once.
		await firstIdle(browser, pages.bare, deadline);
		// The label ratio means something only if the two pages differ by their names alone.
		const [named, unnamed] = [await symbolLayers(browser, pages.bare, deadline), await symbolLayers(browser, pages.unlabelled, deadline)];
		if (named === 0 || unnamed !== 0) throw new Error(`map bench: the bare page draws ${named} symbol layers and its unlabelled variant ${unnamed}`);
		const order = ['app', 'bare', 'unlabelled', 'lines'] as const;
		const times = { app: [] as number[], bare: [] as number[], unlabelled: [] as number[], lines: [] as number[] };
		for (let round = 0; round < ROUNDS; round++) {
			for (let i = 0; i < order.length; i++) {
				const page = order[(round + i) % order.length];
				times[page].push(await firstIdle(browser, pages[page], deadline));
			}
		}
		const appMs = median(times.app);
		const bareMs = median(times.bare);
		const unlabelledMs = median(times.unlabelled);
		const linesMs = median(times.lines);
		return {
			initial_js_gzip_bytes: {
				value: first.jsGzip,
				unit: 'B',
				goal: `≤ 350000 (every script fetched before the first idle, the map's worker included; deck.gl must not be in it: none in ${first.jsFiles} JS files / ${first.requests} requests)`
			},
			initial_js_page_gzip_bytes: { value: first.jsGzip - first.workerJsGzip, unit: 'B', goal: 'reference: the part of initial_js_gzip_bytes the page itself imports' },
			initial_js_worker_gzip_bytes: { value: first.workerJsGzip, unit: 'B', goal: "reference: the part only the map's web worker imports (it starts before the first view)" },
			first_view_bytes: { value: first.bytes, unit: 'B', goal: 'reference: all wire bytes (bodies as sent + headers) until first idle, cold' },
			first_view_data_bytes: { value: first.dataBytes, unit: 'B', goal: 'reference: the part of first_view_bytes that is data (tiles, JSON, the JSON inlined in the HTML gzipped alone), not HTML/JS/CSS/favicon' },
			geojson_equivalent_bytes: {
				value: geojson.bytes,
				unit: 'B',
				goal: `reference: the ${geojson.files} source files behind the ${geojson.layers} default layers, whole and city-wide, as GeoJSON (${geojson.rawBytes} B), gzipped as served`
			},
			first_view_ratio_vs_geojson: { value: round(first.dataBytes / geojson.bytes, 3), unit: '×', goal: '≤ 0.1 (first_view_data_bytes / geojson_equivalent_bytes)' },
			first_idle_app_ms: { value: Math.round(appMs), unit: 'ms', goal: `reference: / navigation → first idle, median of ${ROUNDS} cold` },
			first_idle_bare_ms: {
				value: Math.round(bareMs),
				unit: 'ms',
				goal: `reference: /test/bare-map (MapLibre alone, the basemap archive drawn as the main map draws it, street names included), median of ${ROUNDS} cold`
			},
			first_idle_ratio_vs_bare: { value: round(appMs / bareMs, 3), unit: '×', goal: '≤ 1.3' },
			first_idle_bare_unlabelled_ms: { value: Math.round(unlabelledMs), unit: 'ms', goal: `reference: /test/bare-map?labels=0 (that basemap without its street, park and station names), median of ${ROUNDS} cold` },
			first_idle_ratio_labels: { value: round(bareMs / unlabelledMs, 3), unit: '×', goal: 'reference: what drawing the names costs (first_idle_bare_ms / first_idle_bare_unlabelled_ms)' },
			first_idle_two_layer_ms: {
				value: Math.round(linesMs),
				unit: 'ms',
				goal: `reference: /test/bare-map?style=lines (parks and streets, two unlabelled layers: the baseline before 2026-12-02), median of ${ROUNDS} cold`
			},
			first_idle_ratio_vs_two_layer: { value: round(appMs / linesMs, 3), unit: '×', goal: 'reference: the app against that two-layer page' }
		};
	} finally {
		await browser?.close().catch(() => {});
		server.closeAllConnections();
		await new Promise<void>((ok) => server.close(() => ok()));
	}
}

/** A fresh context (no cache, no storage) at the default viewport. */
function newContext(browser: Browser): Promise<BrowserContext> {
	return browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, isMobile: false });
}

function remaining(deadline: number): number {
	const left = deadline - Date.now();
	if (left <= 0) throw new Error(`map bench: gave up after ${BUDGET_MS / 1000} s`);
	return Math.min(left, 30_000);
}

/** Resolves once the page's map (main or bare) is loaded with every visible tile: waitForMap's test, for either map. */
async function waitForFullView(page: Page, deadline: number): Promise<void> {
	await page.waitForFunction(
		() => {
			const w = window as IdleWindow;
			const map = w.hengfuMap ?? w.bareMap;
			return Boolean(map?.loaded() && map.areTilesLoaded());
		},
		null,
		{ timeout: remaining(deadline), polling: 50 }
	);
}

export interface FirstView {
	jsGzip: number;
	/** Of jsGzip, the scripts only the map's worker imports. */
	workerJsGzip: number;
	jsFiles: number;
	bytes: number;
	/** Of bytes, what is neither HTML, JavaScript, CSS nor the favicon. */
	dataBytes: number;
	requests: number;
}

/** `/` on a cold context: every request until the first full view, its wire size, and the JavaScript among it. */
export async function firstView(browser: Browser, origin: string, deadline: number): Promise<FirstView> {
	const context = await newContext(browser);
	try {
		const page = await context.newPage();
		let cutoff = false;
		const started: Request[] = [];
		const settled = new Map<Request, Promise<{ bytes: number; js: boolean; shell: boolean; inlineData: number }>>();
		const workerUrls = new Set<string>();
		page.on('worker', (worker) => workerUrls.add(worker.url()));
		// On the context, not the page: this also sees requests made by web workers.
		context.on('request', (req) => {
			if (!cutoff) started.push(req);
		});
		context.on('requestfinished', (req) => {
			settled.set(
				req,
				(async () => {
					const sizes = await req.sizes();
					const headers = (await req.response())?.headers() ?? {};
					let body = sizes.responseBodySize;
					// Chromium reports no body size for a worker's script (it is fetched by the browser
					// process); unless the request was a revalidation, the body is what Content-Length says.
					const sent = await req.allHeaders();
					if (body === 0 && !sent['if-none-match'] && !sent['if-modified-since']) body = Number(headers['content-length'] ?? 0);
					const type = headers['content-type'] ?? '';
					const js = /javascript/.test(type) || req.resourceType() === 'script';
					const shell = js || /^text\/(html|css)|^image\/svg/.test(type) || ['document', 'stylesheet'].includes(req.resourceType());
					// Load data the prerendered page carries inline (district, facets) is data in a shell response.
					const inlineData = req.resourceType() === 'document' ? inlineJsonGzip((await (await req.response())?.text()) ?? '') : 0;
					return { bytes: body + sizes.responseHeadersSize, js, shell, inlineData };
				})()
			);
		});
		context.on('requestfailed', (req) => settled.set(req, Promise.resolve({ bytes: 0, js: false, shell: false, inlineData: 0 })));
		await page.goto(`${origin}/`, { waitUntil: 'load', timeout: remaining(deadline) });
		await waitForFullView(page, deadline);
		cutoff = true;
		// Requests already under way when the view went idle still belong to it: let them finish.
		const until = Date.now() + 5_000;
		while (started.some((r) => !settled.has(r)) && Date.now() < until) await page.waitForTimeout(50);
		const unfinished = started.filter((r) => !settled.has(r)).map((r) => r.url());
		if (unfinished.length) throw new Error(`map bench: requests still open 5 s after the first view: ${unfinished.join(', ')}`);

		let bytes = 0;
		let dataBytes = 0;
		const jsUrls = new Set<string>();
		for (const req of started) {
			const s = await settled.get(req)!;
			bytes += s.bytes;
			dataBytes += s.shell ? s.inlineData : s.bytes;
			if (s.js || /\.m?js$/.test(new URL(req.url()).pathname)) jsUrls.add(req.url());
		}
		const urls = started.map((r) => r.url());
		const deck = urls.filter((u) => /@?deck\.gl/i.test(u));
		if (deck.length) throw new Error(`map bench: the first view requested deck.gl: ${deck.join(', ')}`);

		let jsGzip = 0;
		let workerJsGzip = 0;
		for (const url of jsUrls) {
			// Fetched again without Accept-Encoding: the file exactly as the server holds it.
			const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
			if (!res.ok) throw new Error(`map bench: ${url} answered ${res.status}`);
			const body = Buffer.from(await res.arrayBuffer());
			if (/@?deck\.gl/i.test(body.toString('latin1'))) throw new Error(`map bench: deck.gl is in the first view's JavaScript: ${url}`);
			const gz = gzipSync(body, { level: 9 }).length;
			jsGzip += gz;
			if (workerUrls.has(url)) workerJsGzip += gz;
		}
		if (process.env.BENCH_DEBUG) {
			for (const req of started) console.log('   ', (await settled.get(req))!.bytes, req.resourceType(), req.url().slice(origin.length));
		}
		return { jsGzip, workerJsGzip, jsFiles: jsUrls.size, bytes, dataBytes, requests: started.length };
	} finally {
		await context.close();
	}
}

/**
 * Milliseconds from navigation start to the map's first 'idle' event. The hook is put in before
 * any page script runs: a setter on `window.hengfuMap` / `window.bareMap` subscribes as soon as
 * the page publishes its map, which is the same tick it is constructed in (idle cannot fire earlier).
 */
const IDLE_HOOK = `for (const name of ['hengfuMap', 'bareMap']) {
	let value;
	Object.defineProperty(window, name, {
		configurable: true,
		get() { return value; },
		set(map) {
			value = map;
			map.once('idle', () => { if (window.__benchIdleAt === undefined) window.__benchIdleAt = performance.now(); });
		}
	});
}`;

/** How many visible symbol (label) layers the page's map draws, once its view is full. */
async function symbolLayers(browser: Browser, url: string, deadline: number): Promise<number> {
	const context = await newContext(browser);
	try {
		const page = await context.newPage();
		await page.goto(url, { waitUntil: 'load', timeout: remaining(deadline) });
		await waitForFullView(page, deadline);
		return await page.evaluate(() => {
			const map = (window as unknown as { bareMap: { getStyle(): { layers: { type: string; layout?: { visibility?: string } }[] } } }).bareMap;
			return map.getStyle().layers.filter((l) => l.type === 'symbol' && l.layout?.visibility !== 'none').length;
		});
	} finally {
		await context.close();
	}
}

export async function firstIdle(browser: Browser, url: string, deadline: number): Promise<number> {
	const context = await newContext(browser);
	try {
		// A string, not a function: tsx's name-keeping helpers do not exist in the page.
		await context.addInitScript(IDLE_HOOK);
		const page = await context.newPage();
		await page.goto(url, { waitUntil: 'load', timeout: remaining(deadline) });
		const handle = await page.waitForFunction(() => (window as IdleWindow).__benchIdleAt, null, { timeout: remaining(deadline), polling: 50 });
		return (await handle.jsonValue()) as number;
	} finally {
		await context.close();
	}
}

/** The JSON a prerendered SvelteKit page inlines for its load functions (`<script type="application/json">`), gzipped. */
function inlineJsonGzip(html: string): number {
	const json = [...html.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
	return json ? gzipSync(json).length : 0;
}

function round(v: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(v * f) / f;
}
