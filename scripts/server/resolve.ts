/**
 * Maps a request path onto a file inside the site root, refusing anything that could escape it.
 *
 * The path comes straight from the request line (Node does not normalise it), so every check here
 * is on attacker-controlled text. We decode once, then reject rather than "clean up" suspicious
 * input: a silently normalised `..` would make the server's behaviour harder to reason about.
 * Symlinks inside the root are followed: the root's contents are our own build output, trusted;
 * only the request path is not.
 */
import type { Stats } from 'node:fs';
import { join, resolve as resolvePath, sep } from 'node:path';
import { statOrUndefined } from './file-cache';

export type Resolved =
	| { kind: 'file'; file: string; stats: Stats }
	/** `/dir` where only `dir/index.html` exists: redirect so the page's relative URLs resolve. */
	| { kind: 'redirect'; location: string }
	/** `notFound` is the site's own 404 page when it has one, to send as the body. */
	| { kind: 'error'; status: 400 | 403 | 404; notFound?: { file: string; stats: Stats } };

/** stat that answers undefined for anything missing or unreadable; the server passes a cached one. */
export type StatFn = (path: string) => Stats | undefined;

/**
 * `pathname` is the raw, still percent-encoded path of the request target (no query string).
 * `root` must be an absolute path.
 */
export function resolveRequestPath(root: string, pathname: string, statOf: StatFn = statOrUndefined): Resolved {
	const base = resolvePath(root);
	if (!pathname.startsWith('/')) return { kind: 'error', status: 400 };

	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return { kind: 'error', status: 400 }; // malformed escape such as %E0%A4%A
	}
	// NUL truncates paths in C-level APIs; a backslash is a path separator on Windows, so both are
	// refused outright (no file the site publishes contains either).
	if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'error', status: 400 };

	const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
	if (segments.includes('..')) return { kind: 'error', status: 403 };

	const target = join(base, ...segments);
	// Defence in depth: after joining, the target must still be the root or inside it.
	if (target !== base && !target.startsWith(base + sep)) return { kind: 'error', status: 403 };

	const trailingSlash = decoded.endsWith('/');
	const found = statOf(target);

	if (found?.isFile() && !trailingSlash) return { kind: 'file', file: target, stats: found };

	// SvelteKit prerenders `/about` as `about.html` (trailingSlash: 'never', the default).
	if (!trailingSlash && segments.length > 0) {
		const page = statOf(target + '.html');
		if (page?.isFile()) return { kind: 'file', file: target + '.html', stats: page };
	}

	if (found?.isDirectory()) {
		const index = join(target, 'index.html');
		const indexStats = statOf(index);
		if (indexStats?.isFile()) {
			if (trailingSlash || segments.length === 0) return { kind: 'file', file: index, stats: indexStats };
			// Rebuilt from the checked segments, never echoed: `//evil.example` must not become a
			// protocol-relative Location (open redirect).
			return { kind: 'redirect', location: '/' + segments.map(encodeURIComponent).join('/') + '/' };
		}
	}

	return notFound(base, statOf);
}

function notFound(base: string, statOf: StatFn): Resolved {
	const file = join(base, '404.html');
	const stats = statOf(file);
	return stats?.isFile() ? { kind: 'error', status: 404, notFound: { file, stats } } : { kind: 'error', status: 404 };
}
