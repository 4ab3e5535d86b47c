/**
 * A local HTTP server that replays recorded answers, so refresh tests (and the sources bench)
 * talk HTTP without the network: 127.0.0.1, a port the OS picks, one scripted response per
 * request in order, and a log of what was asked.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const REFRESH_FIXTURES = resolve(import.meta.dirname, '../fixtures/refresh');

export interface ReplayResponse {
	status?: number;
	headers?: Record<string, string>;
	body?: string | Buffer;
}

export interface ReceivedRequest {
	method: string;
	/** Path and query, as sent. */
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface ReplayServer {
	/** e.g. http://127.0.0.1:43121/ */
	url: string;
	requests: ReceivedRequest[];
	close(): Promise<void>;
}

/**
 * `script` gives the responses in order, or computes one from the request. A request past the
 * end of a list gets 599 "replay script exhausted", so a test that asks too often fails loudly.
 */
export async function startReplayServer(script: ReplayResponse[] | ((request: ReceivedRequest, index: number) => ReplayResponse)): Promise<ReplayServer> {
	const requests: ReceivedRequest[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const request: ReceivedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			const index = requests.push(request) - 1;
			const reply = typeof script === 'function' ? script(request, index) : (script[index] ?? { status: 599, body: 'replay script exhausted' });
			const body = reply.body ?? '';
			res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...reply.headers });
			res.end(body);
		});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		requests,
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			})
	};
}

/** A fixture's text. */
export function fixture(name: string): string {
	return readFileSync(resolve(REFRESH_FIXTURES, name), 'utf8');
}

/** A JSON answer from a fixture (status 200 unless given). */
export function json(name: string, status = 200, headers: Record<string, string> = {}): ReplayResponse {
	return { status, headers: { 'content-type': 'application/json', ...headers }, body: fixture(name) };
}

/** An HTML page from a fixture, as Overpass serves its errors. */
export function html(name: string, status: number, headers: Record<string, string> = {}): ReplayResponse {
	return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: fixture(name) };
}

/** A URL on 127.0.0.1 where nothing listens (a port just released): connecting is refused at once. */
export async function closedPortUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((done) => server.close(() => done()));
	return `http://127.0.0.1:${port}/`;
}
