/**
 * Just enough of the zip format to judge an archive before a library unpacks it: the central
 * directory (names, methods, declared sizes; ZIP64 too) read from the End Of Central Directory
 * record, one entry inflated with a hard ceiling, and the DOS timestamps rewritten so a generated
 * archive is the same bytes on every build. Nothing here decompresses to find out a size.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
	name: string;
	/** 0 stored, 8 deflated; anything else cannot be read here. */
	method: number;
	/** General purpose flags: bit 0 set = the entry is encrypted. */
	flags: number;
	compressedSize: number;
	uncompressedSize: number;
	/** Offset of the entry's local file header. */
	localHeaderOffset: number;
	/** Offset of the entry's central directory header (for rewriting its timestamp). */
	centralHeaderOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: 'no-directory' | 'too-many-entries' | 'broken'; detail: string };

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8);
}

/** Reads the central directory only; refuses more than `maxEntries` entries before listing them. */
export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const eocd = findEocd(view);
	if (eocd < 0) return { ok: false, reason: 'no-directory', detail: 'no end-of-central-directory record (the file is cut short or not a zip archive)' };
	let count = view.getUint16(eocd + 10, true);
	let size = view.getUint32(eocd + 12, true);
	let offset = view.getUint32(eocd + 16, true);
	if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
		const locator = eocd - 20;
		if (locator < 0 || view.getUint32(locator, true) !== EOCD64_LOCATOR) return { ok: false, reason: 'broken', detail: 'ZIP64 sizes without a ZIP64 locator' };
		const at = safeNumber(view.getBigUint64(locator + 8, true));
		if (at < 0 || at + 56 > bytes.length || view.getUint32(at, true) !== EOCD64) return { ok: false, reason: 'broken', detail: 'the ZIP64 end-of-central-directory record is missing' };
		count = safeNumber(view.getBigUint64(at + 32, true));
		size = safeNumber(view.getBigUint64(at + 40, true));
		offset = safeNumber(view.getBigUint64(at + 48, true));
	}
	if (count > maxEntries) return { ok: false, reason: 'too-many-entries', detail: `${count} entries` };
	if (count < 0 || size < 0 || offset < 0 || offset + size > bytes.length) return { ok: false, reason: 'broken', detail: 'the central directory lies outside the file' };
	const entries: ZipEntry[] = [];
	let p = offset;
	const names = new TextDecoder('utf-8');
	for (let i = 0; i < count; i++) {
		if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return { ok: false, reason: 'broken', detail: `central directory entry ${i + 1} is damaged` };
		const flags = view.getUint16(p + 8, true);
		const method = view.getUint16(p + 10, true);
		let compressedSize = view.getUint32(p + 20, true);
		let uncompressedSize = view.getUint32(p + 24, true);
		const nameLength = view.getUint16(p + 28, true);
		const extraLength = view.getUint16(p + 30, true);
		const commentLength = view.getUint16(p + 32, true);
		let localHeaderOffset = view.getUint32(p + 42, true);
		const end = p + 46 + nameLength + extraLength + commentLength;
		if (end > bytes.length) return { ok: false, reason: 'broken', detail: `central directory entry ${i + 1} runs past the end of the file` };
		const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
		// ZIP64 extended information: the 64-bit values, in this order, for the fields that say 0xFFFFFFFF.
		let e = p + 46 + nameLength;
		const extraEnd = e + extraLength;
		while (e + 4 <= extraEnd) {
			const id = view.getUint16(e, true);
			const length = view.getUint16(e + 2, true);
			if (id === 0x0001) {
				let q = e + 4;
				const take = (): number => {
					if (q + 8 > e + 4 + length) return -1;
					const v = safeNumber(view.getBigUint64(q, true));
					q += 8;
					return v;
				};
				if (uncompressedSize === 0xffffffff) uncompressedSize = take();
				if (compressedSize === 0xffffffff) compressedSize = take();
				if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
			}
			e += 4 + length;
		}
		if (uncompressedSize < 0 || compressedSize < 0 || localHeaderOffset < 0) return { ok: false, reason: 'broken', detail: `entry ${name}: damaged ZIP64 sizes` };
		entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, centralHeaderOffset: p });
		p = end;
	}
	return { ok: true, entries };
}

function findEocd(view: DataView): number {
	const min = Math.max(0, view.byteLength - 22 - 0xffff);
	for (let i = view.byteLength - 22; i >= min; i--) {
		if (view.getUint32(i, true) === EOCD && i + 22 + view.getUint16(i + 20, true) <= view.byteLength) return i;
	}
	return -1;
}

/** A 64-bit size as a number, or -1 past 2^53 (no real spreadsheet comes near). */
function safeNumber(v: bigint): number {
	return v > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(v);
}

/** Where the entry's data starts, or -1 when its local header is missing or damaged. */
function dataOffset(bytes: Uint8Array, entry: ZipEntry): number {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const p = entry.localHeaderOffset;
	if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL) return -1;
	const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
	return start + entry.compressedSize > bytes.length ? -1 : start;
}

export type Inflated = { ok: true; data: Uint8Array } | { ok: false; reason: 'larger-than-declared' | 'broken' | 'unsupported' | 'encrypted'; detail: string };

/**
 * The entry's content, inflated with a ceiling of its declared size: an entry that lies about
 * its size stops there instead of filling memory.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Inflated {
	if (entry.flags & 1) return { ok: false, reason: 'encrypted', detail: `entry ${entry.name} is encrypted` };
	const start = dataOffset(bytes, entry);
	if (start < 0) return { ok: false, reason: 'broken', detail: `entry ${entry.name}: its data lies outside the file` };
	const raw = bytes.subarray(start, start + entry.compressedSize);
	if (entry.method === 0) {
		if (raw.length !== entry.uncompressedSize) return { ok: false, reason: 'broken', detail: `entry ${entry.name}: stored size differs from the declared size` };
		return { ok: true, data: raw };
	}
	if (entry.method !== 8) return { ok: false, reason: 'unsupported', detail: `entry ${entry.name} uses compression method ${entry.method}` };
	let data: Buffer;
	try {
		data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, reason: 'larger-than-declared', detail: `entry ${entry.name} inflates to more than the ${entry.uncompressedSize} bytes it declares` };
		return { ok: false, reason: 'broken', detail: `entry ${entry.name}: ${(error as Error).message}` };
	}
	if (data.length !== entry.uncompressedSize) {
		return data.length > entry.uncompressedSize
			? { ok: false, reason: 'larger-than-declared', detail: `entry ${entry.name} inflates to more than the ${entry.uncompressedSize} bytes it declares` }
			: { ok: false, reason: 'broken', detail: `entry ${entry.name} inflates to ${data.length} bytes, not the ${entry.uncompressedSize} it declares` };
	}
	return { ok: true, data };
}

/**
 * A copy of the archive with every entry's modification time set to `date` (local and central
 * headers), so the same content gives the same bytes. DOS time has 2-second steps and no zone:
 * the date's UTC fields are written. Returns the input unchanged when it cannot be read as a zip.
 */
export function withFixedTimestamps(bytes: Uint8Array, date: Date): Uint8Array {
	const dir = readCentralDirectory(bytes, Number.MAX_SAFE_INTEGER);
	if (!dir.ok) return bytes;
	const out = new Uint8Array(bytes);
	const view = new DataView(out.buffer);
	const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
	const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
	for (const entry of dir.entries) {
		view.setUint16(entry.centralHeaderOffset + 12, time, true);
		view.setUint16(entry.centralHeaderOffset + 14, day, true);
		if (entry.localHeaderOffset + 30 <= out.length && view.getUint32(entry.localHeaderOffset, true) === LOCAL) {
			view.setUint16(entry.localHeaderOffset + 10, time, true);
			view.setUint16(entry.localHeaderOffset + 12, day, true);
		}
	}
	return out;
}
