// PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
// Layout: header | root directory | JSON metadata | leaf directories | tile data.
// Node-only (zlib, crypto): archives are built by the data pipeline, never in the browser.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from './tileid';

export interface TileInput {
	z: number;
	x: number;
	y: number;
	/** Tile bytes, already compressed as `tileCompression` says. */
	data: Uint8Array;
}

export interface WriteOptions {
	tileType: 'mvt';
	tileCompression: 'gzip';
	minZoom: number;
	maxZoom: number;
	bounds: [w: number, s: number, e: number, n: number];
	center: [lon: number, lat: number, zoom: number];
	metadata: Record<string, unknown>;
}

export interface DirEntry {
	tileId: number;
	offset: number;
	length: number;
	/** 0 marks a pointer to a leaf directory. */
	runLength: number;
}

const HEADER_BYTES = 127;
/** Clients fetch the first 16 KiB once and expect header + root directory to be complete in it. */
const ROOT_BUDGET = 16_384 - HEADER_BYTES;
const COMPRESSION = { none: 1, gzip: 2 } as const;
const TILE_TYPE = { mvt: 1 } as const;

/**
 * gzip with no file name and mtime 0 (what zlib writes), so equal input gives equal bytes;
 * this is what makes whole archives reproducible.
 */
function gzip(bytes: Uint8Array): Uint8Array {
	return new Uint8Array(gzipSync(bytes, { level: 9 }));
}

class ByteSink {
	private readonly bytes: number[] = [];
	varint(value: number): void {
		if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint ${value} is not a non-negative safe integer`);
		// Division instead of >>> 7: values (tile ids, offsets) can exceed 32 bits.
		while (value >= 0x80) {
			this.bytes.push((value % 0x80) | 0x80);
			value = Math.floor(value / 0x80);
		}
		this.bytes.push(value);
	}
	toBytes(): Uint8Array {
		return Uint8Array.from(this.bytes);
	}
}

/** Columnar, delta- and varint-encoded, then gzipped — the spec's directory serialisation. */
export function serializeDirectory(entries: readonly DirEntry[]): Uint8Array {
	if (entries.length === 0) throw new Error('a PMTiles directory must not be empty');
	const sink = new ByteSink();
	sink.varint(entries.length);
	let lastId = 0;
	for (const e of entries) {
		sink.varint(e.tileId - lastId);
		lastId = e.tileId;
	}
	for (const e of entries) sink.varint(e.runLength);
	for (const e of entries) sink.varint(e.length);
	entries.forEach((e, i) => {
		const prev = entries[i - 1];
		// Clustered data is mostly contiguous, so "right after the previous one" costs one byte.
		if (prev && e.offset === prev.offset + prev.length) sink.varint(0);
		else sink.varint(e.offset + 1);
	});
	return gzip(sink.toBytes());
}

/**
 * Sorts by tile id, de-duplicates identical contents (same bytes → same offset) and folds runs of
 * identical consecutive tiles into one entry. Returns the entries and the tile-data section.
 */
function layoutTiles(tiles: readonly TileInput[]): { entries: DirEntry[]; data: Uint8Array; contents: number } {
	const sorted = tiles
		.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), tile: t }))
		.sort((a, b) => a.id - b.id);
	const entries: DirEntry[] = [];
	const offsetByHash = new Map<string, number>();
	const blobs: Uint8Array[] = [];
	let dataLength = 0;
	for (let i = 0; i < sorted.length; i++) {
		const { id, tile } = sorted[i];
		if (i > 0 && sorted[i - 1].id === id) throw new Error(`duplicate tile ${tile.z}/${tile.x}/${tile.y}`);
		if (tile.data.length === 0) throw new Error(`empty tile ${tile.z}/${tile.x}/${tile.y}: entry lengths must be > 0`);
		const hash = createHash('sha256').update(tile.data).digest('hex');
		let offset = offsetByHash.get(hash);
		if (offset === undefined) {
			offset = dataLength;
			offsetByHash.set(hash, offset);
			blobs.push(tile.data);
			dataLength += tile.data.length;
		}
		const last = entries[entries.length - 1];
		if (last && last.offset === offset && last.tileId + last.runLength === id) last.runLength++;
		else entries.push({ tileId: id, offset, length: tile.data.length, runLength: 1 });
	}
	return { entries, data: concat(blobs), contents: blobs.length };
}

/**
 * Root alone if it fits; otherwise leaves of `leafSize` entries, doubling until the root of leaf
 * pointers fits (the reference writers' strategy).
 */
function buildDirectories(entries: DirEntry[]): { root: Uint8Array; leaves: Uint8Array } {
	const root = serializeDirectory(entries);
	if (root.length < ROOT_BUDGET) return { root, leaves: new Uint8Array(0) };
	for (let leafSize = 4096; ; leafSize *= 2) {
		const pointers: DirEntry[] = [];
		const leafBlobs: Uint8Array[] = [];
		let leafOffset = 0;
		for (let i = 0; i < entries.length; i += leafSize) {
			const leaf = serializeDirectory(entries.slice(i, i + leafSize));
			pointers.push({ tileId: entries[i].tileId, offset: leafOffset, length: leaf.length, runLength: 0 });
			leafBlobs.push(leaf);
			leafOffset += leaf.length;
		}
		const rootOfLeaves = serializeDirectory(pointers);
		if (rootOfLeaves.length < ROOT_BUDGET) return { root: rootOfLeaves, leaves: concat(leafBlobs) };
	}
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Degrees as the header stores them: signed 32-bit, × 10^7. */
const e7 = (deg: number): number => Math.round(deg * 1e7);

function writeHeader(fields: {
	root: [number, number];
	metadata: [number, number];
	leaves: [number, number];
	data: [number, number];
	addressed: number;
	entries: number;
	contents: number;
	options: WriteOptions;
}): Uint8Array {
	const { options: o } = fields;
	const bytes = new Uint8Array(HEADER_BYTES);
	bytes.set(new TextEncoder().encode('PMTiles'), 0);
	const v = new DataView(bytes.buffer);
	v.setUint8(7, 3);
	const u64 = [...fields.root, ...fields.metadata, ...fields.leaves, ...fields.data, fields.addressed, fields.entries, fields.contents];
	u64.forEach((n, i) => v.setBigUint64(8 + 8 * i, BigInt(n), true));
	v.setUint8(96, 1); // clustered: blobs are in tile-id order (duplicates point backwards)
	v.setUint8(97, COMPRESSION.gzip);
	v.setUint8(98, COMPRESSION[o.tileCompression]);
	v.setUint8(99, TILE_TYPE[o.tileType]);
	v.setUint8(100, o.minZoom);
	v.setUint8(101, o.maxZoom);
	o.bounds.forEach((deg, i) => v.setInt32(102 + 4 * i, e7(deg), true));
	v.setUint8(118, o.center[2]);
	v.setInt32(119, e7(o.center[0]), true);
	v.setInt32(123, e7(o.center[1]), true);
	return bytes;
}

export function writePmtiles(tiles: readonly TileInput[], options: WriteOptions): Uint8Array {
	if (tiles.length === 0) throw new Error('cannot write a PMTiles archive without tiles');
	const { minZoom, maxZoom } = options;
	if (!(Number.isInteger(minZoom) && Number.isInteger(maxZoom) && 0 <= minZoom && minZoom <= maxZoom && maxZoom <= 26)) {
		throw new RangeError(`bad zoom range ${minZoom}..${maxZoom}`);
	}
	const stray = tiles.find((t) => t.z < minZoom || t.z > maxZoom);
	// Readers return nothing outside the header's zoom range, so such a tile would be unreachable.
	if (stray) throw new RangeError(`tile ${stray.z}/${stray.x}/${stray.y} outside zoom range ${minZoom}..${maxZoom}`);
	const { entries, data, contents } = layoutTiles(tiles);
	const { root, leaves } = buildDirectories(entries);
	const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));

	const rootOffset = HEADER_BYTES;
	const metadataOffset = rootOffset + root.length;
	const leavesOffset = metadataOffset + metadata.length;
	const dataOffset = leavesOffset + leaves.length;
	const header = writeHeader({
		root: [rootOffset, root.length],
		metadata: [metadataOffset, metadata.length],
		leaves: [leavesOffset, leaves.length],
		data: [dataOffset, data.length],
		addressed: entries.reduce((n, e) => n + e.runLength, 0),
		entries: entries.length,
		contents,
		options
	});
	return concat([header, root, metadata, leaves, data]);
}
