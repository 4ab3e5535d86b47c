/**
 * Response headers that do not depend on the body: security policy, caching, validators.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Stats } from 'node:fs';
import { cspHeader } from './csp-directives.js';

/**
 * The site's policy without any page's script hashes (csp-directives.js): what errors, redirects,
 * scripts and non-HTML documents get. Pages get it plus their own hashes (page-policy.ts).
 */
export const CONTENT_SECURITY_POLICY = cspHeader();

/** On every response: a browser must never guess a type, e.g. run a tile or a CSV as a page or script. */
export const NOSNIFF_HEADERS: Readonly<Record<string, string>> = { 'X-Content-Type-Options': 'nosniff' };

/**
 * The policy for what a browser can show as a page or run as a script (HTML, SVG, XML, JavaScript,
 * and every error or redirect answer). These headers govern documents and workers only, so the
 * map's hundreds of tile and data responses go without them: their content types cannot become
 * either, and on a 200-byte tile the policy alone would triple the bytes sent.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'Content-Security-Policy': CONTENT_SECURITY_POLICY,
	...NOSNIFF_HEADERS,
	'Referrer-Policy': 'no-referrer',
	'X-Frame-Options': 'DENY'
};

/**
 * Vite puts content-hashed names under /_app/immutable/, so those can be cached forever. Everything
 * else — pages, tiles, GeoJSON — keeps its name across rebuilds and must be revalidated (cheap: 304).
 */
export function cacheControl(pathname: string): string {
	return pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Strong validator from size and mtime (what nginx does). `variant` distinguishes the gzip
 * representation: a strong ETag must differ when the bytes on the wire differ.
 */
export function etagOf(stats: Stats, variant = ''): string {
	return `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${variant}"`;
}

const dates = new Map<number, string>();

/**
 * `mtimeMs` as an HTTP date (Last-Modified). Formatting a Date costs more than the rest of a tile
 * request's headers, and a site has few distinct mtimes, so the strings are memoised.
 */
export function httpDate(mtimeMs: number): string {
	const second = Math.floor(mtimeMs / 1000);
	let text = dates.get(second);
	if (text === undefined) {
		if (dates.size >= 4096) dates.clear(); // bounded, and cheap to rebuild
		text = new Date(second * 1000).toUTCString();
		dates.set(second, text);
	}
	return text;
}

/** True when the client's cached copy is current, so a 304 can be sent (RFC 9110 §13.1.2–3). */
export function isNotModified(headers: IncomingHttpHeaders, etag: string, stats: Stats): boolean {
	const inm = headers['if-none-match'];
	// If-None-Match takes precedence over If-Modified-Since when both are sent.
	if (inm !== undefined) return inm.trim() === '*' || etagList(inm).includes(opaque(etag));
	const ims = headers['if-modified-since'];
	if (ims === undefined) return false;
	const since = Date.parse(ims);
	// HTTP dates have whole-second precision, so compare against the mtime truncated to seconds.
	return !Number.isNaN(since) && Math.floor(stats.mtimeMs / 1000) * 1000 <= since;
}

/**
 * If-Range: honour Range only while the client's validator still matches; otherwise the client
 * holds a stale copy and must get the whole new file rather than a patch of it.
 */
export function rangeStillValid(headers: IncomingHttpHeaders, etag: string, stats: Stats): boolean {
	const ifRange = headers['if-range'];
	if (ifRange === undefined) return true;
	if (typeof ifRange !== 'string') return false; // repeated If-Range: ambiguous, so send the whole file
	const value = ifRange.trim();
	if (value.startsWith('"') || value.startsWith('W/')) return value === etag; // strong comparison
	const date = Date.parse(value);
	return !Number.isNaN(date) && Math.floor(stats.mtimeMs / 1000) * 1000 === date;
}

/** Whether Accept-Encoding allows gzip: listed (or `*`) without `q=0`; an explicit gzip entry wins over `*`. */
export function acceptsGzip(headers: IncomingHttpHeaders): boolean {
	const accept = headers['accept-encoding'];
	if (!accept) return false;
	const q: Record<string, number> = {};
	for (const item of accept.split(',')) {
		const [coding, ...params] = item.split(';').map((p) => p.trim().toLowerCase());
		const weight = params.find((p) => p.startsWith('q='));
		q[coding] = weight === undefined ? 1 : Number(weight.slice(2)) || 0;
	}
	return (q.gzip ?? q['*'] ?? 0) > 0;
}

/** Weak comparison for If-None-Match: W/"x" and "x" match. */
function etagList(header: string): string[] {
	return header.split(',').map((t) => opaque(t.trim()));
}

function opaque(tag: string): string {
	return tag.startsWith('W/') ? tag.slice(2) : tag;
}
