/**
 * The production static server: a folder of prerendered SvelteKit output, tile archives and data,
 * served with range support, validators, gzip and a strict security policy. No dependencies.
 */
import { createReadStream, type Stats } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { onClientError } from './client-error';
import { gzipFile } from './compress';
import { acceptsGzip, cacheControl, etagOf, isNotModified, rangeStillValid, SECURITY_HEADERS } from './headers';
import { isCompressible, mimeType } from './mime';
import { parseRange, type RangeResult } from './range';
import { resolveRequestPath } from './resolve';

export interface ServerOptions {
	/** Folder to serve, e.g. the adapter-static `build/`. */
	root: string;
}

const STATUS_TEXT: Record<number, string> = { 400: 'bad request', 403: 'forbidden', 404: 'not found', 405: 'method not allowed', 500: 'internal server error' };

/** An http.Server (not yet listening) serving `root`. */
export function createServer({ root }: ServerOptions): Server {
	const base = resolve(root);
	const server = createHttpServer((req, res) => {
		handle(base, req, res).catch((err: unknown) => {
			console.error('serve: request failed:', err);
			if (res.headersSent) res.destroy();
			else sendText(res, 500);
		});
	});
	server.on('clientError', onClientError);
	return server;
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.setHeader('Allow', 'GET, HEAD'); // a read-only site
		return sendText(res, 405);
	}

	const target = req.url ?? '/';
	const pathname = target.split(/[?#]/, 1)[0];
	const found = resolveRequestPath(root, pathname);
	switch (found.kind) {
		case 'file':
			return sendFile(req, res, found.file, found.stats, pathname);
		case 'redirect':
			res.setHeader('Location', found.location + target.slice(pathname.length)); // keep the query
			res.setHeader('Cache-Control', 'no-cache');
			return sendText(res, 308);
		case 'error':
			if (found.notFound) return sendFile(req, res, found.notFound.file, found.notFound.stats, pathname, 404);
			return sendText(res, found.status);
	}
}

/** Sends `file` with status 200 (validators and ranges apply) or as an error page (`status` ≠ 200). */
async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stats: Stats, pathname: string, status = 200): Promise<void> {
	const compressible = isCompressible(file);
	const useGzip = compressible && req.headers.range === undefined && acceptsGzip(req.headers);
	if (compressible) res.setHeader('Vary', 'Accept-Encoding');

	if (status === 200) {
		const etag = etagOf(stats, useGzip ? '-gz' : '');
		res.setHeader('Cache-Control', cacheControl(pathname));
		res.setHeader('ETag', etag);
		res.setHeader('Last-Modified', stats.mtime.toUTCString());
		res.setHeader('Accept-Ranges', 'bytes');
		if (isNotModified(req.headers, etag, stats)) {
			res.statusCode = 304;
			return void res.end();
		}
		const range: RangeResult =
			req.headers.range !== undefined && rangeStillValid(req.headers, etag, stats) ? parseRange(req.headers.range, stats.size) : { kind: 'none' };
		if (range.kind === 'unsatisfiable') {
			res.setHeader('Content-Range', `bytes */${stats.size}`);
			return sendText(res, 416);
		}
		res.setHeader('Content-Type', mimeType(file));
		if (range.kind === 'single') {
			res.statusCode = 206;
			res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${stats.size}`);
			res.setHeader('Content-Length', range.end - range.start + 1);
			return stream(req, res, file, { start: range.start, end: range.end });
		}
	} else {
		// Error pages are not cacheable resources: no validators, no ranges.
		res.setHeader('Cache-Control', 'no-cache');
		res.setHeader('Content-Type', mimeType(file));
	}
	res.statusCode = status;

	if (!useGzip) {
		res.setHeader('Content-Length', stats.size);
		return stream(req, res, file, {});
	}
	res.setHeader('Content-Encoding', 'gzip');
	const body = await gzipFile(file, stats.size, etagOf(stats));
	if (body) {
		res.setHeader('Content-Length', body.length);
		return void res.end(req.method === 'HEAD' ? undefined : body);
	}
	if (req.method === 'HEAD') return void res.end(); // length unknown without compressing
	pipeline(createReadStream(file), createGzip(), res, onStreamEnd);
}

function stream(req: IncomingMessage, res: ServerResponse, file: string, range: { start?: number; end?: number }): void {
	if (req.method === 'HEAD') return void res.end();
	pipeline(createReadStream(file, range), res, onStreamEnd);
}

/** A client going away mid-download is normal (map panning cancels tile reads); anything else is logged. */
function onStreamEnd(err: NodeJS.ErrnoException | null): void {
	if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('serve: stream failed:', err.message);
}

function sendText(res: ServerResponse, status: number): void {
	const body = `${status} ${STATUS_TEXT[status] ?? ''}\n`;
	res.statusCode = status;
	res.setHeader('Content-Type', 'text/plain; charset=utf-8');
	res.setHeader('Content-Length', Buffer.byteLength(body));
	res.end(body);
}
