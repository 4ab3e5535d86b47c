import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../../scripts/server/server';

let root: string;
let server: Server;
let port: number;
const tiles = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const html = '<!doctype html><title>t</title>' + '<p>衡复 heritage</p>'.repeat(50);

interface Reply {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** Raw HTTP (no automatic decompression), so the test sees exactly what the server sent. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'serve-'));
	writeFileSync(join(root, 'x.pmtiles'), tiles);
	writeFileSync(join(root, 'index.html'), html);
	writeFileSync(join(root, '404.html'), '<title>not here</title>');
	mkdirSync(join(root, '_app', 'immutable'), { recursive: true });
	writeFileSync(join(root, '_app', 'immutable', 'a.js'), 'export const a = 1;\n');
	server = createServer({ root });
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	rmSync(root, { recursive: true, force: true });
});

describe('static server', () => {
	it('serves a whole file with length, type and range support advertised', async () => {
		const r = await get('/x.pmtiles');
		expect(r.status).toBe(200);
		expect(r.body.equals(tiles)).toBe(true);
		expect(r.headers['content-length']).toBe('1000');
		expect(r.headers['content-type']).toBe('application/vnd.pmtiles');
		expect(r.headers['accept-ranges']).toBe('bytes');
		expect(r.headers['last-modified']).toBeTruthy();
	});

	it('answers a single range with 206 and the exact bytes', async () => {
		const r = await get('/x.pmtiles', { Range: 'bytes=10-19' });
		expect(r.status).toBe(206);
		expect(r.headers['content-range']).toBe('bytes 10-19/1000');
		expect(r.headers['content-length']).toBe('10');
		expect(r.body.equals(tiles.subarray(10, 20))).toBe(true);
	});

	it('answers first byte, last byte and open-ended ranges', async () => {
		const first = await get('/x.pmtiles', { Range: 'bytes=0-0' });
		expect([first.status, first.headers['content-range'], first.body[0]]).toEqual([206, 'bytes 0-0/1000', tiles[0]]);
		const last = await get('/x.pmtiles', { Range: 'bytes=-1' });
		expect([last.status, last.headers['content-range'], last.body[0]]).toEqual([206, 'bytes 999-999/1000', tiles[999]]);
		const open = await get('/x.pmtiles', { Range: 'bytes=900-' });
		expect(open.body.equals(tiles.subarray(900))).toBe(true);
	});

	it('answers 416 with the size when the range starts past the end', async () => {
		const r = await get('/x.pmtiles', { Range: 'bytes=1000-2000' });
		expect(r.status).toBe(416);
		expect(r.headers['content-range']).toBe('bytes */1000');
	});

	it('answers multi-range and garbage ranges with the full body', async () => {
		for (const range of ['bytes=0-1,5-6', 'bytes=nonsense']) {
			const r = await get('/x.pmtiles', { Range: range });
			expect(r.status, range).toBe(200);
			expect(r.body.length).toBe(1000);
		}
	});

	it('ignores Range when If-Range names another version', async () => {
		expect((await get('/x.pmtiles', { Range: 'bytes=0-9', 'If-Range': '"stale"' })).status).toBe(200);
		const etag = (await get('/x.pmtiles')).headers.etag as string;
		expect((await get('/x.pmtiles', { Range: 'bytes=0-9', 'If-Range': etag })).status).toBe(206);
	});

	it('answers HEAD with headers and no body', async () => {
		const r = await get('/x.pmtiles', {}, 'HEAD');
		expect(r.status).toBe(200);
		expect(r.headers['content-length']).toBe('1000');
		expect(r.body.length).toBe(0);
		const ranged = await get('/x.pmtiles', { Range: 'bytes=0-99' }, 'HEAD');
		expect([ranged.status, ranged.headers['content-length'], ranged.body.length]).toEqual([206, '100', 0]);
	});

	it('answers 304 when the ETag still matches', async () => {
		const first = await get('/x.pmtiles');
		const etag = first.headers.etag as string;
		expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
		const again = await get('/x.pmtiles', { 'If-None-Match': etag });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
		expect(again.headers.etag).toBe(etag);
		expect((await get('/x.pmtiles', { 'If-None-Match': '"other"' })).status).toBe(200);
		expect((await get('/x.pmtiles', { 'If-Modified-Since': first.headers['last-modified'] as string })).status).toBe(304);
	});

	it('gzips html when asked, with Vary and a distinct ETag', async () => {
		const r = await get('/', { 'Accept-Encoding': 'gzip, deflate, br' });
		expect(r.status).toBe(200);
		expect(r.headers['content-encoding']).toBe('gzip');
		expect(r.headers.vary).toBe('Accept-Encoding');
		expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(gunzipSync(r.body).toString()).toBe(html);
		expect(Number(r.headers['content-length'])).toBe(r.body.length);
		const plain = await get('/');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe(html);
		expect(plain.headers.etag).not.toBe(r.headers.etag);
		expect((await get('/', { 'Accept-Encoding': 'gzip', 'If-None-Match': r.headers.etag as string })).status).toBe(304);
	});

	it('does not gzip when the client refuses it or sends Range', async () => {
		expect((await get('/', { 'Accept-Encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();
		const ranged = await get('/', { 'Accept-Encoding': 'gzip', Range: 'bytes=0-14' });
		expect(ranged.status).toBe(206);
		expect(ranged.headers['content-encoding']).toBeUndefined();
		expect(ranged.body.toString()).toBe(html.slice(0, 15));
	});

	it('never gzips tile archives, even when asked', async () => {
		const r = await get('/x.pmtiles', { 'Accept-Encoding': 'gzip' });
		expect(r.headers['content-encoding']).toBeUndefined();
		expect(r.headers.vary).toBeUndefined();
		expect(r.body.equals(tiles)).toBe(true);
	});

	it('caches hashed assets forever and revalidates everything else', async () => {
		const asset = await get('/_app/immutable/a.js');
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
		expect((await get('/x.pmtiles')).headers['cache-control']).toBe('no-cache');
		expect((await get('/')).headers['cache-control']).toBe('no-cache');
	});

	it('sends the security headers on every response', async () => {
		for (const path of ['/', '/x.pmtiles', '/nope', '/../etc/passwd']) {
			const r = await get(path);
			expect(r.headers['content-security-policy'], path).toContain("default-src 'self'");
			expect(r.headers['content-security-policy']).toContain('worker-src \'self\' blob:');
			expect(r.headers['x-content-type-options']).toBe('nosniff');
			expect(r.headers['referrer-policy']).toBe('no-referrer');
			expect(r.headers['x-frame-options']).toBe('DENY');
		}
	});

	it('refuses methods other than GET and HEAD', async () => {
		const r = await get('/', {}, 'POST');
		expect([r.status, r.headers.allow]).toEqual([405, 'GET, HEAD']);
		expect((await get('/', {}, 'DELETE')).status).toBe(405);
	});

	it('serves the site 404 page for unknown paths', async () => {
		const r = await get('/missing?x=1');
		expect(r.status).toBe(404);
		expect(r.body.toString()).toContain('not here');
		expect(r.headers.etag).toBeUndefined();
	});

	it('refuses traversal and malformed paths over the wire', async () => {
		expect((await get('/../etc/passwd')).status).toBe(403);
		expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(403);
		expect((await get('/%00')).status).toBe(400);
		expect((await get('/..%5c..%5cwindows')).status).toBe(400);
		expect((await get('/%E0%A4%A')).status).toBe(400);
	});

	it('redirects a directory to its slash form, keeping the query', async () => {
		mkdirSync(join(root, 'docs'));
		writeFileSync(join(root, 'docs', 'index.html'), 'docs');
		const r = await get('/docs?lang=zh');
		expect(r.status).toBe(308);
		expect(r.headers.location).toBe('/docs/?lang=zh');
	});
});
