/**
 * How the service worker (src/service-worker.ts) keeps a body in its Cache: gzipped, so that one
 * visit's store (the map's code, data and archives) takes about half the disk space. The Cache
 * holds a stored Response with a marker header; every answer from it is decompressed first, so the
 * page never sees the marker nor a gzipped body. Uses the platform's CompressionStream, also in
 * Node (where it is tested).
 */
import { extensionOf, isCompressible } from '../../../scripts/server/mime';

/** Set on a stored Response whose body is gzipped by the worker. */
export const STORED_HEADER = 'x-hengfu-stored';

/**
 * Headers that describe the body as it came over the network, not as it is stored or answered: the
 * stored body has another length and no transfer encoding (fetch already decoded it).
 */
const BODY_HEADERS = ['content-length', 'content-encoding', 'transfer-encoding'];

/**
 * Text (code, data, the page) shrinks to a third or less; archives are gzipped too: the basemap's
 * vector tiles shrink by a fifth, the thematic ones barely (their tiles are compressed inside), but
 * one rule for every archive keeps their range answers on one path. Images stay as they are.
 */
export function storesCompressed(path: string): boolean {
	return path === '/' || isCompressible(path) || extensionOf(path) === 'pmtiles';
}

/** The stored form of `response` (a complete 200, see isCacheable): its body gzipped, its headers kept but for the body's length and encoding. */
export function compressForCache(response: Response): Response {
	const headers = new Headers(response.headers);
	for (const name of BODY_HEADERS) headers.delete(name);
	headers.set(STORED_HEADER, 'gzip');
	const body = response.body ? response.body.pipeThrough(new CompressionStream('gzip')) : new Blob([]).stream().pipeThrough(new CompressionStream('gzip'));
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

export function isStoredCompressed(response: Pick<Response, 'headers'>): boolean {
	return response.headers.get(STORED_HEADER) === 'gzip';
}

/** The answer from a stored Response: decompressed if the worker gzipped it, otherwise the Response itself (the runtime cache keeps bodies as they came). */
export function fromStored(stored: Response): Response {
	if (!isStoredCompressed(stored) || !stored.body) return stored;
	const headers = new Headers(stored.headers);
	headers.delete(STORED_HEADER);
	for (const name of BODY_HEADERS) headers.delete(name);
	return new Response(stored.body.pipeThrough(new DecompressionStream('gzip')), { status: stored.status, statusText: stored.statusText, headers });
}
