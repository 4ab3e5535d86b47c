/**
 * `npm run bench -- offline`: what the service worker (src/service-worker.ts) stores after one visit
 * to the map, on the production build served by the production server, and that it does not touch
 * the first view: the worker is registered once the map has drawn it, so no request of its install
 * may start before (the map bench's cold first view is therefore unchanged; the install runs after).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createServer } from '../scripts/server/server';
import { isCompressible } from '../scripts/server/mime';
import { STORED_HEADER } from '../src/lib/offline/stored';
import { launchBrowser } from '../tests/e2e/browser';
import type { Metrics } from './metrics';

const buildDir = resolve(import.meta.dirname, '..', 'build');
const TIMEOUT_MS = 120_000;

type MapWindow = Window & { hengfuMap?: { loaded(): boolean; areTilesLoaded(): boolean } };

export async function offlineBench(): Promise<Metrics> {
	if (!existsSync(join(buildDir, 'service-worker.js'))) throw new Error(`offline bench: ${buildDir} has no service-worker.js: run npm run build first`);
	const server = createServer({ root: buildDir });
	await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const browser = await launchBrowser();
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
		let firstView = false;
		let early = 0;
		context.on('request', (req) => {
			if (!firstView && req.serviceWorker()) early++;
		});
		const page = await context.newPage();
		const started = Date.now();
		await page.goto(`${origin}/`, { waitUntil: 'load' });
		await page.waitForFunction(() => {
			const map = (window as MapWindow).hengfuMap;
			return Boolean(map?.loaded() && map.areTilesLoaded());
		}, null, { timeout: TIMEOUT_MS, polling: 50 });
		firstView = true;
		const viewMs = Date.now() - started;
		await page.waitForSelector('[data-offline="ready"]', { timeout: TIMEOUT_MS });
		const readyMs = Date.now() - started;

		const stored = await page.evaluate(async (marker) => {
			const out: Array<{ path: string; bytes: number; decoded: number }> = [];
			for (const name of await caches.keys()) {
				if (!name.startsWith('hengfu-precache-')) continue;
				const cache = await caches.open(name);
				for (const req of await cache.keys()) {
					// The body as the Cache holds it (gzipped by the worker where marked, src/lib/offline/stored.ts), and as the page gets it.
					const answer = (await cache.match(req))!;
					const gzipped = answer.headers.get(marker) === 'gzip';
					const body = await answer.blob();
					const decoded = gzipped ? (await new Response(body.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()).byteLength : body.size;
					out.push({ path: new URL(req.url).pathname, bytes: body.size, decoded });
				}
			}
			return out;
		}, STORED_HEADER);
		if (!stored.length) throw new Error('offline bench: the page said ready offline, but no precache holds anything');
		const bytes = stored.reduce((sum, f) => sum + f.bytes, 0);
		const decoded = stored.reduce((sum, f) => sum + f.decoded, 0);
		const code = stored.filter((f) => f.path.startsWith('/_app/')).reduce((sum, f) => sum + f.bytes, 0);
		const tiles = stored.filter((f) => f.path.endsWith('.pmtiles')).reduce((sum, f) => sum + f.bytes, 0);
		// What the install costs on the wire: each file as the server sends it (gzipped where it gzips).
		const wire = stored.reduce((sum, f) => {
			const file = join(buildDir, f.path === '/' ? 'index.html' : f.path);
			const body = readFileSync(file);
			return sum + (isCompressible(file) ? gzipSync(body).byteLength : body.byteLength);
		}, 0);

		// The same page again with the network gone: from the worker's cache alone.
		await context.setOffline(true);
		const reloaded = Date.now();
		await page.reload({ waitUntil: 'load' });
		await page.waitForFunction(() => {
			const map = (window as MapWindow).hengfuMap;
			return Boolean(map?.loaded() && map.areTilesLoaded());
		}, null, { timeout: TIMEOUT_MS, polling: 50 });
		const offlineMs = Date.now() - reloaded;
		await context.close();

		return {
			sw_precache_bytes: { value: bytes, unit: 'B', goal: `reference: ≤ 2000000 (what the service worker's Cache holds after install, bodies as stored, gzipped: ${stored.length} files; code ${code} B, tile archives ${tiles} B, the rest data and the page)` },
			sw_precache_decoded_bytes: { value: decoded, unit: 'B', goal: 'reference: the same files decompressed, as the page gets them' },
			sw_precache_wire_bytes: { value: wire, unit: 'B', goal: 'reference: what storing them costs on the wire (each file gzipped where the server gzips it)' },
			sw_requests_before_first_view: { value: early, unit: '', goal: '0 (the worker is registered once the first view is drawn: nothing of its install competes with it)' },
			online_first_view_ms: { value: viewMs, unit: 'ms', goal: 'reference: the same cold visit, navigation → first full view from the network (compare offline_reload_first_view_ms)' },
			sw_ready_after_first_view_ms: { value: readyMs - viewMs, unit: 'ms', goal: 'reference: from the first full view to "ready offline" (registration and install), one cold visit' },
			offline_reload_first_view_ms: { value: offlineMs, unit: 'ms', goal: 'reference: reload with the network gone → full view from the cache, one run' }
		};
	} finally {
		await browser.close().catch(() => {});
		server.closeAllConnections();
		await new Promise<void>((ok) => server.close(() => ok()));
	}
}
