import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Compression, PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { writePmtiles, type TileInput } from '../../../src/lib/tiles/pmtiles-writer';
import { tileIdToZxy, zxyToTileId } from '../../../src/lib/tiles/tileid';
import { readArchive } from '../../../src/lib/tiles/read-archive';
import { gz, THREE_TILES, testWriteOptions } from '../../support/pmtiles-fixtures';
import { mulberry32 } from '../../support/seeded-random';

const options = testWriteOptions;

/** The pmtiles package with its own defaults (DecompressionStream), over the bytes in memory. */
function defaultReader(bytes: Uint8Array): PMTiles {
	const source: Source = {
		getKey: () => 'memory',
		getBytes: async (offset, length): Promise<RangeResponse> => ({ data: bytes.slice(offset, offset + length).buffer })
	};
	return new PMTiles(source);
}

/** Every tile as stored in the data section, keyed z/x/y, located through the pmtiles package's directories. */
async function storedTiles(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
	const archive = await readArchive(bytes);
	const out = new Map<string, Uint8Array>();
	for (const e of await archive.entries()) {
		const start = archive.header.tileDataOffset + e.offset;
		for (let id = e.tileId; id < e.tileId + e.runLength; id++) out.set(tileIdToZxy(id).join('/'), bytes.subarray(start, start + e.length));
	}
	return out;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let rand = mulberry32(1);
/** A distinct, barely compressible payload (so directories cannot compress away either). */
function payload(tag: number, length: number): Uint8Array {
	const bytes = new Uint8Array(length);
	new DataView(bytes.buffer).setUint32(0, tag);
	for (let i = 4; i < length; i++) bytes[i] = Math.floor(rand() * 256);
	return bytes;
}

describe('writePmtiles', () => {
	const tiles = THREE_TILES;

	it('writes a small archive the pmtiles package reads back exactly', async () => {
		const bytes = writePmtiles(tiles, options(0, 1));
		expect(new TextDecoder().decode(bytes.subarray(0, 7))).toBe('PMTiles');
		const pm = defaultReader(bytes);
		const header = await pm.getHeader();
		expect(header).toMatchObject({
			specVersion: 3,
			rootDirectoryOffset: 127,
			numAddressedTiles: 3,
			numTileEntries: 3,
			numTileContents: 3,
			clustered: true,
			internalCompression: Compression.Gzip,
			tileCompression: Compression.Gzip,
			tileType: TileType.Mvt,
			minZoom: 0,
			maxZoom: 1,
			minLon: 121.43,
			minLat: 31.2,
			maxLon: 121.46,
			maxLat: 31.22,
			centerLon: 121.445,
			centerLat: 31.21,
			centerZoom: 14
		});
		expect(header.leafDirectoryLength).toBe(0);
		expect(header.tileDataOffset + (header.tileDataLength ?? 0)).toBe(bytes.length);
		expect(await pm.getMetadata()).toEqual({ name: 'test', vector_layers: [] });
		// getZxy hands back the decompressed payload; the stored bytes are the input's, untouched.
		for (const t of tiles) expect(new Uint8Array((await pm.getZxy(t.z, t.x, t.y))!.data)).toEqual(new Uint8Array(gunzipSync(t.data)));
		const stored = await storedTiles(bytes);
		for (const t of tiles) expect(stored.get(`${t.z}/${t.x}/${t.y}`)).toEqual(t.data);
		expect(await pm.getZxy(1, 0, 0)).toBeUndefined();
	});

	it('stores tile data in tile-id order', async () => {
		const bytes = writePmtiles([...tiles].reverse(), options(0, 1));
		const archive = await readArchive(bytes);
		const entries = await archive.entries();
		expect(entries.map((e) => e.tileId)).toEqual([0, 2, 4]);
		expect(entries.map((e) => e.offset)).toEqual([0, entries[0].length, entries[0].length + entries[1].length]);
	});

	it('splits directories into leaves when the root would not fit in the first 16 KiB', async () => {
		rand = mulberry32(1);
		const first = zxyToTileId(8, 0, 0);
		const many: (TileInput & { raw: Uint8Array })[] = [];
		for (let i = 0; i < 40_000; i++) {
			// Gaps in the ids and random lengths keep the directory from compressing into the root.
			const [z, x, y] = tileIdToZxy(first + Math.floor(i * 1.6));
			const raw = payload(i, 4 + Math.floor(rand() * 200));
			many.push({ z, x, y, raw, data: gz(raw) });
		}
		const bytes = writePmtiles(many, options(8, 8));
		const archive = await readArchive(bytes);
		const { header, pmtiles: pm } = archive;
		expect(header.leafDirectoryLength).toBeGreaterThan(0);
		expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
		expect(header).toMatchObject({ numAddressedTiles: 40_000, numTileEntries: 40_000, numTileContents: 40_000 });
		for (const t of many) {
			const got = await pm.getZxy(t.z, t.x, t.y);
			expect(got && sha(new Uint8Array(got.data))).toBe(sha(t.raw));
		}
		expect((await archive.entries()).length).toBe(40_000);
	});

	it('de-duplicates identical contents and folds consecutive repeats into runs', async () => {
		const sea = gz('sea');
		const land = gz('land');
		const z = 3;
		const input: TileInput[] = [];
		for (let i = 0; i < 64; i++) {
			const [, x, y] = tileIdToZxy(zxyToTileId(z, 0, 0) + i);
			// 0-9 sea (a run), 10 land, 11-21 sea (another run of the same content), then land/sea alternating
			const data = i < 10 || (i > 10 && i <= 20) ? sea : i === 10 || i % 2 === 0 ? land : sea;
			input.push({ z, x, y, data });
		}
		const bytes = writePmtiles(input, options(3, 3));
		const { header, pmtiles: pm } = await readArchive(bytes);
		expect(header.numAddressedTiles).toBe(64);
		expect(header.numTileContents).toBe(2);
		expect(header.numTileEntries).toBe(3 + (63 - 22 + 1));
		expect(header.numTileContents).toBeLessThan(header.numTileEntries);
		expect(header.tileDataLength).toBe(sea.length + land.length);
		const stored = await storedTiles(bytes);
		for (const t of input) {
			expect(stored.get(`${t.z}/${t.x}/${t.y}`)).toEqual(t.data);
			expect(new TextDecoder().decode((await pm.getZxy(t.z, t.x, t.y))!.data)).toBe(t.data === sea ? 'sea' : 'land');
		}
	});

	it('is deterministic: same tiles in any order give byte-identical archives', () => {
		const a = writePmtiles(tiles, options(0, 1));
		const b = writePmtiles([tiles[2], tiles[0], tiles[1]], options(0, 1));
		expect(sha(a)).toBe(sha(b));
	});

	it('relies on gzip output that carries no timestamp', () => {
		const a = gzipSync(Buffer.from('same input'));
		const b = gzipSync(Buffer.from('same input'));
		expect(sha(a)).toBe(sha(b));
		expect([...a.subarray(4, 8)]).toEqual([0, 0, 0, 0]); // MTIME field
	});

	it('rejects archives it could not write correctly', () => {
		expect(() => writePmtiles([], options(0, 1))).toThrow(/without tiles/);
		expect(() => writePmtiles([tiles[0], tiles[0]], options(0, 1))).toThrow(/duplicate/);
		expect(() => writePmtiles([{ z: 0, x: 0, y: 0, data: new Uint8Array() }], options(0, 1))).toThrow(/empty/);
		expect(() => writePmtiles(tiles, options(1, 1))).toThrow(/outside zoom range/);
	});
});
