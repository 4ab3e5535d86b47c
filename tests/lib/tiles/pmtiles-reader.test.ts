import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { FIRST_REQUEST_BYTES, PmtilesArchive, parseHeader } from '../../../src/lib/tiles/pmtiles-reader';
import { writePmtiles } from '../../../src/lib/tiles/pmtiles-writer';
import { tileIdToZxy, zxyToTileId } from '../../../src/lib/tiles/tileid';
import { gz, THREE_TILES, testWriteOptions } from '../../support/pmtiles-fixtures';
import { mulberry32 } from '../../support/seeded-random';

const options = testWriteOptions;

let rand = mulberry32(1);

/** An HTTP server in a function: answers Range requests on `bytes()` with 206 and an ETag, and logs them. */
function server(bytes: () => Uint8Array, etag: () => string = () => '"v1"') {
	const ranges: Array<[number, number]> = [];
	const fetchFn = (async (_url: string, init?: RequestInit) => {
		const header = new Headers(init?.headers).get('range') ?? '';
		const [, a, b] = /^bytes=(\d+)-(\d+)$/.exec(header)!.map(Number);
		ranges.push([a, b - a + 1]);
		const body = bytes().slice(a, Math.min(b + 1, bytes().length));
		return new Response(body, { status: 206, headers: { etag: etag(), 'content-range': `bytes ${a}-${a + body.length - 1}/${bytes().length}` } });
	}) as typeof fetch;
	return { fetchFn, ranges };
}

async function read(archive: PmtilesArchive, z: number, x: number, y: number): Promise<string | undefined> {
	const data = await archive.getZxy(z, x, y);
	return data && new TextDecoder().decode(data);
}

describe('PmtilesArchive', () => {
	const tiles = THREE_TILES;

	it('reads back what the writer wrote, opening the archive with one small request', async () => {
		const bytes = writePmtiles(tiles, options(0, 1));
		const { fetchFn, ranges } = server(() => bytes);
		const archive = new PmtilesArchive('http://x/a.pmtiles', fetchFn);
		expect(await read(archive, 1, 1, 0)).toBe('north-east');
		expect(await read(archive, 0, 0, 0)).toBe('world');
		expect(await read(archive, 1, 0, 1)).toBe('south-west');
		expect(await read(archive, 1, 0, 0)).toBeUndefined(); // not in the archive
		expect(await read(archive, 2, 0, 0)).toBeUndefined(); // beyond its zooms
		expect(ranges[0]).toEqual([0, FIRST_REQUEST_BYTES]);
		// One opening request, then one per tile: the root directory came with the header.
		expect(ranges).toHaveLength(4);
	});

	it('asks the server itself, once, when the browser’s cache answers a range with an empty body', async () => {
		const bytes = writePmtiles(tiles, options(0, 1));
		const { fetchFn } = server(() => bytes);
		const caches: Array<RequestCache | undefined> = [];
		let emptied = 0;
		// The opening request, then the tile: the cache answers the tile's range with nothing, the first time.
		const flaky = (async (url: string, init?: RequestInit) => {
			caches.push(init?.cache);
			const res = await fetchFn(url, init);
			return caches.length === 2 && ++emptied ? new Response(new Uint8Array(0), { status: 206, headers: res.headers }) : res;
		}) as typeof fetch;
		const archive = new PmtilesArchive('http://x/a.pmtiles', flaky);
		expect(await read(archive, 0, 0, 0)).toBe('world');
		expect(emptied).toBe(1);
		expect(caches).toEqual([undefined, undefined, 'no-store']);
	});

	it('follows runs of repeated tiles', async () => {
		const same = gz('sea');
		const run = [0, 1, 2, 3].map((x) => ({ z: 2, x, y: 0, data: same }));
		const bytes = writePmtiles([...run, { z: 2, x: 0, y: 1, data: gz('land') }], options(2, 2));
		const archive = new PmtilesArchive('http://x/a.pmtiles', server(() => bytes).fetchFn);
		for (const t of run) expect(await read(archive, t.z, t.x, t.y)).toBe('sea');
		expect(await read(archive, 2, 0, 1)).toBe('land');
	});

	it('asks again for a root directory longer than the opening request', async () => {
		rand = mulberry32(1);
		let id = zxyToTileId(8, 0, 0);
		// Random gaps and lengths keep the directory from compressing into a few bytes.
		const many = Array.from({ length: 3000 }, (_, i) => {
			const [z, x, y] = tileIdToZxy((id += 1 + Math.floor(rand() * 5)));
			return { z, x, y, data: gz(`tile ${i} ${'.'.repeat(Math.floor(rand() * 97))}`) };
		});
		const bytes = writePmtiles(many, options(8, 8));
		const header = parseHeader(bytes.slice(0, 127).buffer);
		expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeGreaterThan(FIRST_REQUEST_BYTES);
		const { fetchFn, ranges } = server(() => bytes);
		const archive = new PmtilesArchive('http://x/a.pmtiles', fetchFn);
		for (const i of [0, 1, 1500, 2999]) expect(new Uint8Array((await archive.getZxy(many[i].z, many[i].x, many[i].y))!)).toEqual(new Uint8Array(gunzipSync(many[i].data)));
		expect(ranges[1]).toEqual([header.rootDirectoryOffset, header.rootDirectoryLength]);
	});

	it('reads tiles through leaf directories', async () => {
		rand = mulberry32(1);
		const first = zxyToTileId(8, 0, 0);
		// As in the writer's test: gaps in the ids and random lengths keep the directory out of the root.
		const many = Array.from({ length: 40_000 }, (_, i) => {
			const [z, x, y] = tileIdToZxy(first + Math.floor(i * 1.6));
			const raw = Uint8Array.from({ length: 4 + Math.floor(rand() * 200) }, () => Math.floor(rand() * 256));
			return { z, x, y, data: gz(raw) };
		});
		const bytes = writePmtiles(many, options(8, 8));
		expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(48, true)).toBeGreaterThan(0); // leaf directories' length
		const archive = new PmtilesArchive('http://x/a.pmtiles', server(() => bytes).fetchFn);
		for (const i of [0, 4095, 4096, 20_000, 39_999]) {
			const got = await archive.getZxy(many[i].z, many[i].x, many[i].y);
			expect(new Uint8Array(got!)).toEqual(new Uint8Array(gunzipSync(many[i].data)));
		}
	});

	it('opens the archive again when it changed since it was opened', async () => {
		let bytes = writePmtiles(tiles, options(0, 1));
		let version = 1;
		const { fetchFn } = server(
			() => bytes,
			() => `"v${version}"`
		);
		const archive = new PmtilesArchive('http://x/a.pmtiles', fetchFn);
		expect(await read(archive, 0, 0, 0)).toBe('world');
		bytes = writePmtiles([{ z: 0, x: 0, y: 0, data: gz('a new world, longer than the old one') }, ...tiles.slice(1)], options(0, 1));
		version = 2;
		expect(await read(archive, 1, 1, 0)).toBe('north-east');
		expect(await read(archive, 0, 0, 0)).toBe('a new world, longer than the old one');
	});

	it('refuses a file that is not a PMTiles v3 archive', async () => {
		const archive = new PmtilesArchive('http://x/a.pmtiles', server(() => new Uint8Array(300)).fetchFn);
		await expect(archive.getZxy(0, 0, 0)).rejects.toThrow(/not a PMTiles v3 archive/);
	});
});
