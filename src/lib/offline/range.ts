/**
 * Range answers from a cached whole file, for the PMTiles reader (src/lib/tiles/pmtiles-reader.ts),
 * which reads an archive as many small byte ranges. The service worker stores each archive once,
 * whole (a Cache cannot store partial content), and cuts each asked range from it, as the site's
 * own server does: the same Range parser (scripts/server/range.ts), so the same answers.
 */
import { parseRange } from '../../../scripts/server/range';

export interface RangeAnswer {
	status: 200 | 206 | 416;
	headers: Record<string, string>;
	/** The bytes to send: the whole file, the asked slice, or none (416). */
	body: ArrayBuffer | null;
}

/** Of the stored response's headers, those that describe the representation and still hold for a slice of it. */
export const KEPT_HEADERS = ['content-type', 'etag', 'last-modified'];

/**
 * The answer to `range` (the request's Range header, or null) from `file`, the whole stored body.
 * A missing or unusable header, or several ranges, get the whole file (200), as the server answers;
 * one range gets its bytes (206, `Content-Range: bytes first-last/size`); a range that starts past the
 * end gets 416 (`Content-Range: bytes *\/size`). If-Range is not looked at: the cache holds one
 * build's file, and the reader compares ETags itself.
 */
export function answerRange(file: ArrayBuffer, range: string | null, stored: Headers | Record<string, string>): RangeAnswer {
	const size = file.byteLength;
	const headers: Record<string, string> = { 'accept-ranges': 'bytes' };
	const get = (name: string) => (stored instanceof Headers ? stored.get(name) : (stored[name] ?? null));
	for (const name of KEPT_HEADERS) {
		const value = get(name);
		if (value !== null) headers[name] = value;
	}
	const parsed = parseRange(range ?? undefined, size);
	if (parsed.kind === 'unsatisfiable') {
		return { status: 416, headers: { ...headers, 'content-range': `bytes */${size}`, 'content-length': '0' }, body: null };
	}
	if (parsed.kind === 'single') {
		const { start, end } = parsed;
		return {
			status: 206,
			headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) },
			body: file.slice(start, end + 1)
		};
	}
	return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: file };
}
