/**
 * Answers for requests Node's HTTP parser rejects before our handler runs (a space or control
 * character in the target, a malformed header line, oversized headers). Node's built-in answer is a
 * bare status line without the security headers; these are written straight to the socket instead,
 * so every response this server sends carries the same policy.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SECURITY_HEADERS } from './headers';

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** The status Node itself would choose for a parser error code. */
export function clientErrorStatus(code: string | undefined): 400 | 408 | 431 {
	if (code === 'HPE_HEADER_OVERFLOW') return 431;
	if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
	return 400;
}

/** A complete HTTP/1.1 response; the connection is closed after it because the parser's state is lost. */
export function clientErrorResponse(status: 400 | 408 | 431): string {
	const body = `${status} ${REASONS[status].toLowerCase()}\n`;
	const headers = {
		...SECURITY_HEADERS,
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(body)),
		Connection: 'close'
	};
	const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
	return `HTTP/1.1 ${status} ${REASONS[status]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Handler for http.Server's 'clientError' event. */
export function onClientError(err: NodeJS.ErrnoException, socket: Socket): void {
	// Node's own handler also checks the in-flight response (a private field): if a pipelined
	// request's response has already started, an extra status line would corrupt the stream.
	const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
	if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
		socket.end(clientErrorResponse(clientErrorStatus(err.code)));
	} else {
		socket.destroy();
	}
}
