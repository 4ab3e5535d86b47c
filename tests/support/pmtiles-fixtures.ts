import { gzipSync } from 'node:zlib';
import type { TileInput, WriteOptions } from '../../src/lib/tiles/pmtiles-writer';

/** Writer options for a small test archive over Tianping. */
export const testWriteOptions = (minZoom: number, maxZoom: number): WriteOptions => ({
	tileType: 'mvt',
	tileCompression: 'gzip',
	minZoom,
	maxZoom,
	bounds: [121.43, 31.2, 121.46, 31.22],
	center: [121.445, 31.21, 14],
	metadata: { name: 'test', vector_layers: [] }
});

/** Bytes gzipped, as archive tiles are stored. */
export const gz = (bytes: Uint8Array | string): Uint8Array => new Uint8Array(gzipSync(bytes));

/** Three named tiles at z0–1, to read back by name. */
export const THREE_TILES: TileInput[] = [
	{ z: 0, x: 0, y: 0, data: gz('world') },
	{ z: 1, x: 1, y: 0, data: gz('north-east') },
	{ z: 1, x: 0, y: 1, data: gz('south-west') }
];
