// PMTiles v3 reader for the map's worker (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
// It reads what pmtiles-writer.ts writes, over HTTP Range requests, with the platform's own gzip
// (DecompressionStream): no dependency. Unlike the `pmtiles` package, which opens an archive with a
// 16 KiB request, it asks for the header and a root directory's worth of bytes (ours are a few
// hundred bytes), and only asks again if the root directory turns out to be longer.
import { zxyToTileId } from './tileid';

export interface PmtilesHeader {
	rootDirectoryOffset: number;
	rootDirectoryLength: number;
	leafDirectoryOffset: number;
	tileDataOffset: number;
	/** 1 none, 2 gzip (the spec's codes; others are refused). */
	internalCompression: number;
	tileCompression: number;
	minZoom: number;
	maxZoom: number;
}

export interface PmtilesEntry {
	tileId: number;
	offset: number;
	length: number;
	/** 0: a pointer to a leaf directory. */
	runLength: number;
}

const HEADER_BYTES = 127;
/** The first request: the header and a root directory of up to ~1.9 kB, i.e. some 700 tiles. */
export const FIRST_REQUEST_BYTES = 2048;
const MAX_DEPTH = 3;

/** Reads a little-endian unsigned 64-bit integer (exact below 2^53, like every offset here). */
function uint64(view: DataView, at: number): number {
	return view.getUint32(at + 4, true) * 2 ** 32 + view.getUint32(at, true);
}

export function parseHeader(bytes: ArrayBuffer): PmtilesHeader {
	const view = new DataView(bytes);
	if (bytes.byteLength < HEADER_BYTES || view.getUint16(0, true) !== 0x4d50 || view.getUint8(7) !== 3) {
		throw new Error('not a PMTiles v3 archive');
	}
	return {
		rootDirectoryOffset: uint64(view, 8),
		rootDirectoryLength: uint64(view, 16),
		leafDirectoryOffset: uint64(view, 40),
		tileDataOffset: uint64(view, 56),
		internalCompression: view.getUint8(97),
		tileCompression: view.getUint8(98),
		minZoom: view.getUint8(100),
		maxZoom: view.getUint8(101)
	};
}

export async function decompress(bytes: ArrayBuffer, compression: number): Promise<ArrayBuffer> {
	if (compression === 1 || compression === 0) return bytes;
	if (compression !== 2) throw new Error(`PMTiles compression ${compression} is not supported (only none and gzip)`);
	const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
	return new Response(stream).arrayBuffer();
}

/** The spec's directory serialisation: columns of varints (ids as deltas, offsets 0 = "right after the previous"). */
export function parseDirectory(bytes: ArrayBuffer): PmtilesEntry[] {
	const buf = new Uint8Array(bytes);
	let pos = 0;
	const varint = (): number => {
		let value = 0;
		let scale = 1;
		for (;;) {
			if (pos >= buf.length) throw new Error('PMTiles directory ends inside a number');
			const byte = buf[pos++];
			value += (byte & 0x7f) * scale;
			if (byte < 0x80) return value;
			scale *= 0x80;
		}
	};
	const count = varint();
	const entries: PmtilesEntry[] = [];
	let lastId = 0;
	for (let i = 0; i < count; i++) {
		lastId += varint();
		entries.push({ tileId: lastId, offset: 0, length: 0, runLength: 1 });
	}
	for (const e of entries) e.runLength = varint();
	for (const e of entries) e.length = varint();
	entries.forEach((e, i) => {
		const v = varint();
		e.offset = v === 0 && i > 0 ? entries[i - 1].offset + entries[i - 1].length : v - 1;
	});
	return entries;
}

/** The entry holding `tileId`: an exact tile, a run that covers it, or the leaf directory it lies in. */
export function findEntry(entries: readonly PmtilesEntry[], tileId: number): PmtilesEntry | undefined {
	let lo = 0;
	let hi = entries.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const d = tileId - entries[mid].tileId;
		if (d > 0) lo = mid + 1;
		else if (d < 0) hi = mid - 1;
		else return entries[mid];
	}
	const e = entries[hi];
	if (e && (e.runLength === 0 || tileId - e.tileId < e.runLength)) return e;
	return undefined;
}

interface Opened {
	header: PmtilesHeader;
	root: PmtilesEntry[];
	etag: string | null;
}

/** Changed under us (rebuilt while the page was open): the caller opens it again, once. */
class ArchiveChanged extends Error {}

export class PmtilesArchive {
	private opened: Promise<Opened> | null = null;
	private readonly leaves = new Map<number, Promise<PmtilesEntry[]>>();

	constructor(
		readonly url: string,
		private readonly fetchFn: typeof fetch = (...args) => fetch(...args)
	) {}

	/** The tile's bytes (decompressed), or undefined where the archive has none. */
	async getZxy(z: number, x: number, y: number, signal?: AbortSignal): Promise<ArrayBuffer | undefined> {
		try {
			return await this.read(z, x, y, signal);
		} catch (err) {
			if (!(err instanceof ArchiveChanged)) throw err;
			this.opened = null;
			this.leaves.clear();
			return this.read(z, x, y, signal);
		}
	}

	private async read(z: number, x: number, y: number, signal?: AbortSignal): Promise<ArrayBuffer | undefined> {
		const { header, root, etag } = await this.open();
		if (z < header.minZoom || z > header.maxZoom) return undefined;
		const id = zxyToTileId(z, x, y);
		let entries = root;
		for (let depth = 0; depth <= MAX_DEPTH; depth++) {
			const entry = findEntry(entries, id);
			if (!entry) return undefined;
			if (entry.runLength > 0) {
				const bytes = await this.range(header.tileDataOffset + entry.offset, entry.length, etag, signal);
				return decompress(bytes, header.tileCompression);
			}
			entries = await this.leaf(header, entry, etag);
		}
		throw new Error(`${this.url}: PMTiles directories nested deeper than ${MAX_DEPTH}`);
	}

	private open(): Promise<Opened> {
		this.opened ??= (async () => {
			const first = await this.fetchRange(0, FIRST_REQUEST_BYTES);
			const header = parseHeader(first.bytes);
			const end = header.rootDirectoryOffset + header.rootDirectoryLength;
			const rootBytes =
				end <= first.bytes.byteLength
					? first.bytes.slice(header.rootDirectoryOffset, end)
					: await this.range(header.rootDirectoryOffset, header.rootDirectoryLength, first.etag);
			const root = parseDirectory(await decompress(rootBytes, header.internalCompression));
			return { header, root, etag: first.etag };
		})();
		this.opened.catch(() => (this.opened = null));
		return this.opened;
	}

	private leaf(header: PmtilesHeader, entry: PmtilesEntry, etag: string | null): Promise<PmtilesEntry[]> {
		const at = header.leafDirectoryOffset + entry.offset;
		let pending = this.leaves.get(at);
		if (!pending) {
			pending = this.range(at, entry.length, etag).then(async (bytes) => parseDirectory(await decompress(bytes, header.internalCompression)));
			pending.catch(() => this.leaves.delete(at));
			this.leaves.set(at, pending);
		}
		return pending;
	}

	private async range(offset: number, length: number, etag: string | null, signal?: AbortSignal): Promise<ArrayBuffer> {
		let res = await this.fetchRange(offset, length, signal);
		// Chromium's HTTP cache may answer a range it was filling for a request cancelled meanwhile
		// (a zoom flying past tiles) with a 206 and an empty body: ask the server itself, once.
		if (res.bytes.byteLength !== length && !signal?.aborted) res = await this.fetchRange(offset, length, signal, 'no-store');
		if (etag && res.etag && res.etag !== etag) throw new ArchiveChanged();
		if (res.bytes.byteLength !== length) throw new Error(`${this.url}: asked for ${length} bytes at ${offset}, got ${res.bytes.byteLength}`);
		return res.bytes;
	}

	private async fetchRange(offset: number, length: number, signal?: AbortSignal, cache?: RequestCache): Promise<{ bytes: ArrayBuffer; etag: string | null }> {
		const res = await this.fetchFn(this.url, { headers: { range: `bytes=${offset}-${offset + length - 1}` }, signal, ...(cache ? { cache } : {}) });
		// 200 is a server that ignored the range; only acceptable for the opening request of a small file.
		if (res.status !== 206 && !(res.status === 200 && offset === 0)) throw new Error(`${this.url}: range request answered ${res.status}`);
		const bytes = await res.arrayBuffer();
		const etag = res.headers.get('etag');
		return { bytes: res.status === 200 ? bytes.slice(0, length) : bytes, etag: etag?.startsWith('W/') ? null : etag };
	}
}
