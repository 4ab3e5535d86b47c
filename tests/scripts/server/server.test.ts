import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../scripts/server/headers';
import { MAX_SYNC_READ } from '../../../scripts/server/open-files';
import { createServer } from '../../../scripts/server/server';

let outer: string;
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

/** Whatever a raw request line yields, for targets Node's client would refuse or rewrite. */
function raw(text: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1', () => socket.end(text));
		let out = '';
		socket.on('data', (chunk: Buffer) => (out += chunk.toString('latin1')));
		socket.on('close', () => resolve(out));
		socket.on('error', reject);
	});
}

const SECRET = 'outside the site root';

beforeAll(async () => {
	// The site sits inside a folder holding a secret, so traversal has a real target to reach.
	outer = mkdtempSync(join(tmpdir(), 'serve-'));
	writeFileSync(join(outer, 'secret.txt'), SECRET);
	root = join(outer, 'site');
	mkdirSync(root);
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
	rmSync(outer, { recursive: true, force: true });
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
		const lastExplicit = await get('/x.pmtiles', { Range: 'bytes=999-999' });
		expect([lastExplicit.status, lastExplicit.headers['content-range'], lastExplicit.headers['content-length'], [...lastExplicit.body]]).toEqual([
			206,
			'bytes 999-999/1000',
			'1',
			[tiles[999]]
		]);
		const open = await get('/x.pmtiles', { Range: 'bytes=900-' });
		expect(open.body.equals(tiles.subarray(900))).toBe(true);
	});

	it('answers 416 with the size when the range starts past the end', async () => {
		for (const range of ['bytes=1000-2000', 'bytes=1000-', 'bytes=-0']) {
			const r = await get('/x.pmtiles', { Range: range });
			expect(r.status, range).toBe(416);
			expect(r.headers['content-range'], range).toBe('bytes */1000');
		}
	});

	// RFC 9110 §14.2: a server MAY ignore Range, and MUST ignore a unit it does not understand; 416 is
	// only for a well-formed range set that selects nothing. So garbage gets the whole file (200).
	// Multi-range is refused the same way rather than answered as multipart/byteranges (range.ts).
	it('answers multi-range and garbage ranges with the full body', async () => {
		for (const range of ['bytes=0-1,5-6', 'bytes=0-0,-1', 'bytes=nonsense', 'bytes=9-5', 'items=0-1', 'bytes=1e3-']) {
			const r = await get('/x.pmtiles', { Range: range });
			expect(r.status, range).toBe(200);
			expect(r.headers['content-range'], range).toBeUndefined();
			expect(r.headers['content-type'], range).toBe('application/vnd.pmtiles');
			expect(r.body.equals(tiles), range).toBe(true);
		}
	});

	it('streams ranges and files longer than one synchronous read, byte for byte', async () => {
		const big = Buffer.from(Array.from({ length: MAX_SYNC_READ * 2 + 777 }, (_, i) => (i * 7) % 256));
		writeFileSync(join(root, 'big.pmtiles'), big);
		const ranged = await get('/big.pmtiles', { Range: `bytes=1000-${MAX_SYNC_READ + 5000}` });
		expect([ranged.status, ranged.headers['content-length']]).toEqual([206, String(MAX_SYNC_READ + 4001)]);
		expect(ranged.body.equals(big.subarray(1000, MAX_SYNC_READ + 5001))).toBe(true);
		expect((await get('/big.pmtiles')).body.equals(big)).toBe(true);
	});

	it('serves a rebuilt archive at once: new bytes and a new ETag, not the kept descriptor', async () => {
		const file = join(root, 'rebuilt.pmtiles');
		writeFileSync(file, 'version one');
		const before = await get('/rebuilt.pmtiles', { Range: 'bytes=0-6' });
		expect(before.body.toString()).toBe('version');
		writeFileSync(join(root, 'rebuilt.tmp'), 'VERSION TWO!');
		renameSync(join(root, 'rebuilt.tmp'), file);
		const after = await get('/rebuilt.pmtiles', { Range: 'bytes=0-6' });
		expect([after.status, after.body.toString(), after.headers['content-range']]).toEqual([206, 'VERSION', 'bytes 0-6/12']);
		expect(after.headers.etag).not.toBe(before.headers.etag);
	});

	it('serves a file rewritten in place, or deleted, at once: the cache follows the file system', async () => {
		const file = join(root, 'inplace.pmtiles');
		writeFileSync(file, 'first!');
		expect((await get('/inplace.pmtiles', { Range: 'bytes=0-5' })).body.toString()).toBe('first!');
		writeFileSync(file, 'again!'); // same size, same inode
		expect((await get('/inplace.pmtiles', { Range: 'bytes=0-5' })).body.toString()).toBe('again!');
		rmSync(file);
		expect((await get('/inplace.pmtiles', { Range: 'bytes=0-5' })).status).toBe(404);
		mkdirSync(join(root, 'later'));
		writeFileSync(join(root, 'later', 'page.html'), 'now here');
		expect((await get('/later/page')).body.toString()).toBe('now here');
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
		const ranged = await get('/x.pmtiles', { 'Accept-Encoding': 'gzip, br', Range: 'bytes=0-126' });
		expect([ranged.status, ranged.headers['content-encoding']]).toEqual([206, undefined]);
		expect(ranged.body.equals(tiles.subarray(0, 127))).toBe(true);
		expect((await get('/x.pmtiles', { 'Accept-Encoding': '*' }, 'HEAD')).headers['content-encoding']).toBeUndefined();
	});

	it('caches hashed assets forever and revalidates everything else', async () => {
		const asset = await get('/_app/immutable/a.js');
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
		expect((await get('/x.pmtiles')).headers['cache-control']).toBe('no-cache');
		expect((await get('/')).headers['cache-control']).toBe('no-cache');
	});

	it('sends the whole security policy on pages, scripts and every error or redirect', async () => {
		mkdirSync(join(root, 'guide'));
		writeFileSync(join(root, 'guide', 'index.html'), 'guide');
		const cases: Array<[number, string, Record<string, string>?, string?]> = [
			[200, '/'],
			[200, '/_app/immutable/a.js'],
			[200, '/', {}, 'HEAD'],
			[416, '/x.pmtiles', { Range: 'bytes=5000-' }],
			[404, '/nope'],
			[403, '/../etc/passwd'],
			[400, '/%E0%A4%A'],
			[405, '/', {}, 'PUT'],
			[308, '/guide']
		];
		for (const [status, path, headers, method] of cases) {
			const r = await get(path, headers, method);
			expect(r.status, path).toBe(status);
			expect(r.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
			expect(r.headers['x-content-type-options']).toBe('nosniff');
			expect(r.headers['referrer-policy']).toBe('no-referrer');
			expect(r.headers['x-frame-options']).toBe('DENY');
		}
	});

	it('adds a page’s own bootstrap hash from its <meta> policy, for that page only, and follows a rebuild', async () => {
		const page = (hash: string) => `<!doctype html><head><meta http-equiv="content-security-policy" content="script-src 'self' '${hash}'"></head><body>x</body>`;
		mkdirSync(join(root, 'hashed'));
		writeFileSync(join(root, 'hashed', 'index.html'), page('sha256-AAAA'));
		const scriptSrc = async (path: string) => /script-src ([^;]*)/.exec((await get(path)).headers['content-security-policy'] as string)?.[1];
		expect(await scriptSrc('/hashed/')).toBe("'self' 'sha256-AAAA'");
		expect(await scriptSrc('/')).toBe("'self'");
		writeFileSync(join(root, 'hashed', 'index.html'), page('sha256-BBBB'));
		await expect.poll(() => scriptSrc('/hashed/')).toBe("'self' 'sha256-BBBB'");
	});

	it('sends data (tiles, JSON) with nosniff only: the document policy cannot apply to them', async () => {
		writeFileSync(join(root, 'layer.json'), '{"type":"FeatureCollection","features":[]}');
		const etag = (await get('/x.pmtiles')).headers.etag as string;
		const cases: Array<[number, string, Record<string, string>?, string?]> = [
			[200, '/x.pmtiles'],
			[200, '/x.pmtiles', {}, 'HEAD'],
			[206, '/x.pmtiles', { Range: 'bytes=0-0' }],
			[304, '/x.pmtiles', { 'If-None-Match': etag }],
			[200, '/layer.json', { 'Accept-Encoding': 'gzip' }]
		];
		for (const [status, path, headers, method] of cases) {
			const r = await get(path, headers, method);
			expect(r.status, path).toBe(status);
			expect(r.headers['x-content-type-options'], path).toBe('nosniff');
			expect(r.headers['content-type'] ?? 'none (304)', path).not.toMatch(/html|javascript|svg|xml/);
			for (const name of ['content-security-policy', 'referrer-policy', 'x-frame-options']) expect(r.headers[name], `${path} ${name}`).toBeUndefined();
		}
	});

	it('answers requests the HTTP parser rejects with 4xx and the security headers too', async () => {
		const cases: Array<[string, string]> = [
			['GET /a b HTTP/1.1\r\nHost: x\r\n\r\n', '400'],
			['GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n', '400'],
			['GET / HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n', '400'],
			['GARBAGE\r\n\r\n', '400'],
			[`GET / HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`, '431']
		];
		for (const [request, status] of cases) {
			const reply = await raw(request);
			const head = reply.slice(0, reply.indexOf('\r\n\r\n')).toLowerCase();
			expect(head.split(' ')[1], request.slice(0, 30)).toBe(status);
			expect(head).toContain(`content-security-policy: ${CONTENT_SECURITY_POLICY.toLowerCase()}`);
			expect(head).toContain('x-content-type-options: nosniff');
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
		const secret = join(outer, 'secret.txt');
		const cases: Array<[string, number]> = [
			['/../secret.txt', 403],
			['/%2e%2e/secret.txt', 403],
			['/%2E%2E/%2e%2e/etc/passwd', 403],
			['/..%2fsecret.txt', 403], // an encoded slash is still a separator once decoded
			['/_app/..%2F..%2Fsecret.txt', 403],
			['/..%5csecret.txt', 400],
			['/..\\secret.txt', 400],
			['/%00', 400],
			['/x.pmtiles%00.html', 400],
			['/%E0%A4%A', 400],
			['/%zz', 400],
			// Absolute paths stay inside the root: the leading slashes only name the site's own root.
			['/' + secret, 404],
			['/' + encodeURIComponent(secret), 404],
			['/C:%5CWindows%5Cwin.ini', 400]
		];
		for (const [path, status] of cases) {
			const r = await get(path);
			expect(r.status, path).toBe(status);
			expect(r.body.toString(), path).not.toContain(SECRET);
		}
		// Absolute-form targets are meant for proxies, and this server is not one.
		expect(await raw('GET http://127.0.0.1/../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
	});

	it('redirects a directory to its slash form, keeping the query', async () => {
		mkdirSync(join(root, 'docs'));
		writeFileSync(join(root, 'docs', 'index.html'), 'docs');
		const r = await get('/docs?lang=zh');
		expect(r.status).toBe(308);
		expect(r.headers.location).toBe('/docs/?lang=zh');
	});
});
