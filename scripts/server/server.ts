/**
 * The production static server: a folder of prerendered SvelteKit output, tile archives and data,
 * served with range support, validators, gzip and a strict security policy. No dependencies.
 *
 * A map reads tiles as many small Range requests, so that path is kept cheap: it is synchronous
 * (no promise per request); resolved paths, stats and small files' bytes come from a cache that
 * file-system events empty (file-cache.ts), larger files are one pread (open-files.ts); and every
 * response's headers go out in a single writeHead call instead of one setHeader per header.
 */
import { createReadStream, readFileSync, type Stats } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { onClientError } from './client-error';
import { gzipFile } from './compress';
import { FileCache } from './file-cache';
import { acceptsGzip, cacheControl, etagOf, httpDate, isNotModified, NOSNIFF_HEADERS, rangeStillValid, SECURITY_HEADERS } from './headers';
import { isCompressible, isDocument, mimeType } from './mime';
import { MAX_SYNC_READ, readRangeSync } from './open-files';
import { pagePolicy } from './page-policy';
import { parseRange, type RangeResult } from './range';
import { resolveRequestPath, type Resolved, type StatFn } from './resolve';

export interface ServerOptions {
	/** Folder to serve, e.g. the adapter-static `build/`. */
	root: string;
}

/** Header names and values alternating, as res.writeHead takes them. */
type HeaderList = Array<string | number>;

const SECURITY: readonly string[] = Object.entries(SECURITY_HEADERS).flat();
const NOSNIFF: readonly string[] = Object.entries(NOSNIFF_HEADERS).flat();

interface Site {
	root: string;
	files: FileCache;
	stat: StatFn;
}

const STATUS_TEXT: Record<number, string> = { 400: 'bad request', 403: 'forbidden', 404: 'not found', 405: 'method not allowed', 500: 'internal server error' };

/** An http.Server (not yet listening) serving `root`. */
export function createServer({ root }: ServerOptions): Server {
	const files = new FileCache(root);
	const site: Site = { root: resolve(root), files, stat: (path) => files.stat(path) };
	const server = createHttpServer((req, res) => {
		try {
			handle(site, req, res)?.catch((err: unknown) => fail(res, err));
		} catch (err) {
			fail(res, err);
		}
	});
	server.on('clientError', onClientError);
	server.on('close', () => files.close());
	return server;
}

function fail(res: ServerResponse, err: unknown): void {
	console.error('serve: request failed:', err);
	if (res.headersSent) res.destroy();
	else sendText(res, 500);
}

/** Returns a promise only on the paths that wait for something (gzip); the rest finish in the call. */
function handle(site: Site, req: IncomingMessage, res: ServerResponse): Promise<void> | void {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		return sendText(res, 405, ['Allow', 'GET, HEAD']); // a read-only site
	}

	const target = req.url ?? '/';
	const pathname = target.split(/[?#]/, 1)[0];
	// Only found files are remembered: error answers would let anyone fill the cache with junk paths.
	const found = site.files.memo<Resolved>(pathname, () => resolveRequestPath(site.root, pathname, site.stat), (r) => r.kind === 'file');
	switch (found.kind) {
		case 'file':
			return sendFile(site, req, res, found.file, found.stats, pathname);
		case 'redirect':
			// Keep the query.
			return sendText(res, 308, ['Location', found.location + target.slice(pathname.length), 'Cache-Control', 'no-cache']);
		case 'error':
			if (found.notFound) return sendFile(site, req, res, found.notFound.file, found.notFound.stats, pathname, 404);
			return sendText(res, found.status);
	}
}

/** Sends `file` with status 200 (validators and ranges apply) or as an error page (`status` ≠ 200). */
function sendFile(site: Site, req: IncomingMessage, res: ServerResponse, file: string, stats: Stats, pathname: string, status = 200): Promise<void> | void {
	const compressible = isCompressible(file);
	const useGzip = compressible && req.headers.range === undefined && acceptsGzip(req.headers);
	const security = securityHeaders(site, file, stats, status);
	const headers: HeaderList = [...security];
	if (compressible) headers.push('Vary', 'Accept-Encoding');

	if (status === 200) {
		const etag = etagOf(stats, useGzip ? '-gz' : '');
		headers.push('Cache-Control', cacheControl(pathname), 'ETag', etag, 'Last-Modified', httpDate(stats.mtimeMs));
		if (isNotModified(req.headers, etag, stats)) return reply(res, 304, headers);
		const range: RangeResult =
			req.headers.range !== undefined && rangeStillValid(req.headers, etag, stats) ? parseRange(req.headers.range, stats.size) : { kind: 'none' };
		if (range.kind === 'unsatisfiable') {
			// An error answer: sendText's whole policy in place of the file type's.
			return sendText(res, 416, [...headers.slice(security.length), 'Content-Range', `bytes */${stats.size}`]);
		}
		headers.push('Content-Type', mimeType(file));
		if (range.kind === 'single') {
			headers.push('Content-Range', `bytes ${range.start}-${range.end}/${stats.size}`, 'Content-Length', range.end - range.start + 1);
			return sendBytes(site, req, res, 206, headers, file, stats, range.start, range.end);
		}
		// Only where the whole file goes out: a 206 already shows ranges work (as nginx does).
		headers.push('Accept-Ranges', 'bytes');
	} else {
		// Error pages are not cacheable resources: no validators, no ranges.
		headers.push('Cache-Control', 'no-cache', 'Content-Type', mimeType(file));
	}

	if (!useGzip) {
		headers.push('Content-Length', stats.size);
		return sendBytes(site, req, res, status, headers, file, stats, 0, stats.size - 1);
	}
	headers.push('Content-Encoding', 'gzip');
	return sendGzip(req, res, status, headers, file, stats);
}

/**
 * Pages get the policy with their own bootstrap's hashes (worked out once per version of the file);
 * other documents and every error answer the plain policy; data and tiles nosniff alone.
 */
function securityHeaders(site: Site, file: string, stats: Stats, status: number): readonly string[] {
	if (!file.endsWith('.html')) return isDocument(file) || status !== 200 ? SECURITY : NOSNIFF;
	return site.files.memo(
		`\0policy:${file}`,
		() => Object.entries({ ...SECURITY_HEADERS, 'Content-Security-Policy': pagePolicy((site.files.body(file, stats) ?? readFileSync(file)).toString('utf8')) }).flat(),
		() => true
	);
}

/** Bytes start..end (inclusive) of `file`: from memory for small files, one read for short ranges, streamed otherwise. */
function sendBytes(site: Site, req: IncomingMessage, res: ServerResponse, status: number, headers: HeaderList, file: string, stats: Stats, start: number, end: number): void {
	if (req.method === 'HEAD' || end < start) return reply(res, status, headers);
	const whole = site.files.body(file, stats);
	if (whole) return reply(res, status, headers, whole.subarray(start, end + 1));
	const length = end - start + 1;
	// Read before writing the head, so a failed read can still be answered with a clean 500.
	if (length <= MAX_SYNC_READ) return reply(res, status, headers, readRangeSync(file, stats, start, length));
	res.writeHead(status, headers);
	pipeline(createReadStream(file, { start, end }), res, onStreamEnd);
}

async function sendGzip(req: IncomingMessage, res: ServerResponse, status: number, headers: HeaderList, file: string, stats: Stats): Promise<void> {
	const body = await gzipFile(file, stats.size, etagOf(stats));
	if (body) return reply(res, status, [...headers, 'Content-Length', body.length], req.method === 'HEAD' ? undefined : body);
	res.writeHead(status, headers);
	if (req.method === 'HEAD') return void res.end(); // length unknown without compressing
	pipeline(createReadStream(file), createGzip(), res, onStreamEnd);
}

/** A client going away mid-download is normal (map panning cancels tile reads); anything else is logged. */
function onStreamEnd(err: NodeJS.ErrnoException | null): void {
	if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('serve: stream failed:', err.message);
}

/** `headers` start with the security headers: sendFile's for the file's type, sendText's full set. */
function reply(res: ServerResponse, status: number, headers: HeaderList, body?: Buffer | string): void {
	res.writeHead(status, headers);
	res.end(body);
}

/** Errors and redirects: short text, the whole security policy. */
function sendText(res: ServerResponse, status: number, headers: HeaderList = []): void {
	const body = `${status} ${STATUS_TEXT[status] ?? ''}\n`;
	reply(res, status, [...SECURITY, ...headers, 'Content-Type', 'text/plain; charset=utf-8', 'Content-Length', Buffer.byteLength(body)], body);
}
