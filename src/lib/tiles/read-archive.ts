// Reads a PMTiles archive held in memory through the `pmtiles` package — the same reader the map
// uses — so tests and benchmarks check our writer against an independent implementation.
// Node-only (zlib).
import { gunzipSync } from 'node:zlib';
import { Compression, PMTiles, tileIdToZxy, type Entry, type Header, type RangeResponse, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

class MemorySource implements Source {
	constructor(private readonly bytes: Uint8Array) {}
	getKey(): string {
		return 'memory';
	}
	async getBytes(offset: number, length: number): Promise<RangeResponse> {
		const view = this.bytes.subarray(offset, offset + length);
		// pmtiles wants an ArrayBuffer it may keep: copy rather than expose the whole backing buffer.
		return { data: view.slice().buffer };
	}
}

async function decompress(buf: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
	if (compression === Compression.None) return buf;
	if (compression === Compression.Gzip) return new Uint8Array(gunzipSync(new Uint8Array(buf))).buffer;
	throw new Error(`unsupported compression ${compression}`);
}

export const decodeMvt = (bytes: Uint8Array): VectorTile => new VectorTile(new PbfReader(bytes));

export interface ArchiveTile {
	z: number;
	x: number;
	y: number;
	/** Decompressed MVT bytes, as returned by `PMTiles.getZxy`. */
	bytes: Uint8Array;
	tile: VectorTile;
}

export interface Archive {
	pmtiles: PMTiles;
	header: Header;
	metadata: Record<string, unknown>;
	/** Every tile-data entry of every directory (leaf pointers resolved), in tile-id order. */
	entries(): Promise<Entry[]>;
	/** Every addressed tile (runs expanded), optionally only zoom `z`, fetched via `getZxy`. */
	tiles(z?: number): AsyncGenerator<ArchiveTile>;
}

export async function readArchive(bytes: Uint8Array): Promise<Archive> {
	const source = new MemorySource(bytes);
	const pmtiles = new PMTiles(source, undefined, decompress);
	const header = await pmtiles.getHeader();
	const metadata = (await pmtiles.getMetadata()) as Record<string, unknown>;

	async function walk(offset: number, length: number, depth: number, out: Entry[]): Promise<void> {
		if (depth > 3) throw new Error('PMTiles directories nested deeper than the reader allows');
		for (const entry of await pmtiles.cache.getDirectory(source, offset, length, header)) {
			if (entry.runLength > 0) out.push(entry);
			else await walk(header.leafDirectoryOffset + entry.offset, entry.length, depth + 1, out);
		}
	}

	async function entries(): Promise<Entry[]> {
		const out: Entry[] = [];
		await walk(header.rootDirectoryOffset, header.rootDirectoryLength, 0, out);
		return out;
	}

	async function* tiles(zoom?: number): AsyncGenerator<ArchiveTile> {
		for (const entry of await entries()) {
			for (let id = entry.tileId; id < entry.tileId + entry.runLength; id++) {
				const [z, x, y] = tileIdToZxy(id);
				if (zoom !== undefined && z !== zoom) continue;
				const resp = await pmtiles.getZxy(z, x, y);
				if (!resp) throw new Error(`tile ${z}/${x}/${y} is in a directory but getZxy returned nothing`);
				const data = new Uint8Array(resp.data);
				yield { z, x, y, bytes: data, tile: decodeMvt(data) };
			}
		}
	}

	return { pmtiles, header, metadata, entries, tiles };
}

/**
 * Unique features per layer at zoom z, by MVT feature id — a feature cut across several tiles
 * counts once. A feature without an id cannot be matched across tiles and counts per tile.
 */
export async function countFeaturesAtZoom(bytes: Uint8Array, z: number): Promise<Record<string, number>> {
	const archive = await readArchive(bytes);
	const ids = new Map<string, Set<number>>();
	const anonymous = new Map<string, number>();
	for await (const { tile } of archive.tiles(z)) {
		for (const [name, layer] of Object.entries(tile.layers)) {
			const seen = ids.get(name) ?? new Set<number>();
			ids.set(name, seen);
			for (let i = 0; i < layer.length; i++) {
				const id = layer.feature(i).id;
				if (id === undefined) anonymous.set(name, (anonymous.get(name) ?? 0) + 1);
				else seen.add(id);
			}
		}
	}
	const counts: Record<string, number> = {};
	for (const [name, seen] of [...ids].sort(([a], [b]) => a.localeCompare(b))) counts[name] = seen.size + (anonymous.get(name) ?? 0);
	return counts;
}
