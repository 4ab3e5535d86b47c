import { describe, expect, it } from 'vitest';
import { clientErrorResponse, clientErrorStatus } from '../../../scripts/server/client-error';
import { CONTENT_SECURITY_POLICY, httpDate, SECURITY_HEADERS } from '../../../scripts/server/headers';

const directives = new Map(
	CONTENT_SECURITY_POLICY.split(';').map((d) => {
		const [name, ...sources] = d.trim().split(/\s+/);
		return [name, sources] as const;
	})
);

describe('Content-Security-Policy', () => {
	it('lets MapLibre start blob: workers and draw data:/blob: images', () => {
		expect(directives.get('worker-src')).toEqual(expect.arrayContaining(["'self'", 'blob:']));
		expect(directives.get('child-src')).toContain('blob:');
		expect(directives.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:']));
	});

	it('allows nothing off-site: only keywords and local schemes, never a host or wildcard', () => {
		const local = new Set(["'self'", "'none'", "'unsafe-hashes'", 'data:', 'blob:']);
		expect(directives.get('default-src')).toEqual(["'self'"]);
		for (const [name, sources] of directives) {
			for (const source of sources) expect(local.has(source) || /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source), `${name} ${source}`).toBe(true);
		}
		expect(directives.get('object-src')).toEqual(["'none'"]);
		expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
	});

	it('never allows inline scripts, event handlers or styles wholesale', () => {
		expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
		expect(directives.get('script-src')).toEqual(["'self'"]);
		expect(directives.get('style-src')).toEqual(["'self'"]);
	});

	it('never allows eval', () => {
		expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
	});
});

describe('client error responses', () => {
	it('picks the status Node would', () => {
		expect(clientErrorStatus('HPE_HEADER_OVERFLOW')).toBe(431);
		expect(clientErrorStatus('ERR_HTTP_REQUEST_TIMEOUT')).toBe(408);
		expect(clientErrorStatus('HPE_INVALID_METHOD')).toBe(400);
		expect(clientErrorStatus(undefined)).toBe(400);
	});

	it('is a complete response with the security headers and an exact length', () => {
		const text = clientErrorResponse(431);
		const [head, body] = text.split('\r\n\r\n');
		const lines = head.split('\r\n');
		expect(lines[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(lines).toContain(`${name}: ${value}`);
		expect(lines).toContain('Connection: close');
		expect(lines).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
		expect(body).toBe('431 request header fields too large\n');
	});
});

describe('httpDate', () => {
	it('formats an mtime as an IMF-fixdate, whole seconds, the same string each time', () => {
		expect(httpDate(1_700_000_000_999.5)).toBe('Tue, 14 Nov 2023 22:13:20 GMT');
		expect(httpDate(1_700_000_000_000)).toBe(httpDate(1_700_000_000_999.5));
		expect(httpDate(0)).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
	});
});
