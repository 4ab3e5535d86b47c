import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { answerRange } from '../../../src/lib/offline/range';
import { compressForCache, fromStored, isStoredCompressed, STORED_HEADER, storesCompressed } from '../../../src/lib/offline/stored';

// A body that repeats, as code and JSON records do, with every byte value in it.
const original = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7) % 251);
const fetched = () =>
	new Response(original, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', etag: '"4e20-x"', 'content-encoding': 'gzip', 'content-length': '812', 'content-security-policy': "default-src 'self'" } });

describe('bodies stored gzipped in the Cache', () => {
	it('compresses text, the map page and archives, not images', () => {
		for (const path of ['/', '/_app/immutable/chunks/a.js', '/_app/immutable/assets/b.css', '/data/features/protected-buildings/0a.json', '/manifest.webmanifest', '/favicon.svg', '/tiles/basemap.pmtiles', '/tiles/thematic-hunan.pmtiles'])
			expect(storesCompressed(path), path).toBe(true);
		for (const path of ['/icons/icon-192.png', '/data/walk-graph.bin']) expect(storesCompressed(path), path).toBe(false);
	});

	it('stores a smaller gzipped body with a marker, its type, validators and policy kept, and the network length and encoding dropped', async () => {
		const stored = compressForCache(fetched());
		expect(isStoredCompressed(stored)).toBe(true);
		expect(stored.headers.get(STORED_HEADER)).toBe('gzip');
		expect(stored.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(stored.headers.get('etag')).toBe('"4e20-x"');
		expect(stored.headers.get('content-security-policy')).toBe("default-src 'self'");
		expect(stored.headers.get('content-encoding')).toBeNull();
		expect(stored.headers.get('content-length')).toBeNull();
		const body = new Uint8Array(await stored.arrayBuffer());
		expect(body.byteLength).toBeLessThan(original.byteLength / 4);
		expect(new Uint8Array(gunzipSync(body))).toEqual(original);
	});

	it('answers the original bytes and headers, without the marker', async () => {
		const answer = fromStored(compressForCache(fetched()));
		expect(isStoredCompressed(answer)).toBe(false);
		expect(answer.headers.get(STORED_HEADER)).toBeNull();
		expect([answer.status, answer.headers.get('content-type'), answer.headers.get('etag')]).toEqual([200, 'application/json; charset=utf-8', '"4e20-x"']);
		expect(new Uint8Array(await answer.arrayBuffer())).toEqual(original);
	});

	it('answers an unmarked Response (the runtime cache keeps bodies as they came) as it is', async () => {
		const plain = new Response('as fetched', { headers: { 'content-type': 'text/plain' } });
		expect(fromStored(plain)).toBe(plain);
		expect(await fromStored(plain).text()).toBe('as fetched');
	});

	it('stores an empty body as an empty answer', async () => {
		const answer = fromStored(compressForCache(new Response(null, { status: 200 })));
		expect((await answer.arrayBuffer()).byteLength).toBe(0);
	});

	it('cuts the same byte ranges from a decompressed archive as from the file', async () => {
		const archive = new Response(original, { headers: { 'content-type': 'application/vnd.pmtiles', etag: '"a"' } });
		const stored = fromStored(compressForCache(archive));
		const bytes = await stored.arrayBuffer();
		const slice = answerRange(bytes, 'bytes=100-226', stored.headers);
		expect([slice.status, slice.headers['content-range'], slice.headers['content-type'], slice.headers.etag]).toEqual([206, `bytes 100-226/${original.byteLength}`, 'application/vnd.pmtiles', '"a"']);
		expect(new Uint8Array(slice.body!)).toEqual(original.subarray(100, 227));
		expect(answerRange(bytes, `bytes=${original.byteLength}-`, stored.headers).status).toBe(416);
		expect(answerRange(bytes, null, stored.headers).body!.byteLength).toBe(original.byteLength);
	});
});
