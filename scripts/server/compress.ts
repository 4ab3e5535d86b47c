/**
 * gzip of whole files, memoised by file and validator.
 *
 * The site's text files (pages, bundles, GeoJSON layers) change only on rebuild, yet are requested
 * on every visit; compressing once and keeping the result also lets us send Content-Length.
 * Large files are streamed through zlib instead, so memory stays bounded.
 */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/** Files above this are compressed on the fly, never held in memory. */
const MAX_CACHED_FILE = 16 * 1024 * 1024;
/** Total compressed bytes kept; oldest entries are dropped first. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

const cache = new Map<string, Promise<Buffer>>();
const sizes = new Map<string, number>();
let cachedBytes = 0;

/**
 * The gzip body of `file`, or undefined when it is too big to hold: the caller then streams it
 * through zlib.createGzip(). `etag` keys the cache so a rebuilt file is never served stale.
 */
export async function gzipFile(file: string, size: number, etag: string): Promise<Buffer | undefined> {
	if (size > MAX_CACHED_FILE) return undefined;
	const key = `${file}\0${etag}`;
	let pending = cache.get(key);
	if (!pending) {
		pending = readFile(file).then((raw) => gzip(raw));
		cache.set(key, pending);
		pending.then(
			(body) => remember(key, body.length),
			() => cache.delete(key) // a failed read must not poison later requests
		);
	}
	return pending;
}

function remember(key: string, bytes: number): void {
	if (!cache.has(key)) return;
	sizes.set(key, bytes);
	cachedBytes += bytes;
	// Map iteration is insertion order, so this evicts oldest first.
	for (const [old, oldBytes] of sizes) {
		if (cachedBytes <= MAX_CACHE_BYTES || old === key) break;
		cache.delete(old);
		sizes.delete(old);
		cachedBytes -= oldBytes;
	}
}
