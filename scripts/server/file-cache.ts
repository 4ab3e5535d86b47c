/**
 * What the server learns about the site's files — stats, resolved request paths, small files'
 * bytes — kept between requests until the file system reports a change.
 *
 * A map reads its archives as hundreds of tiny ranges; a stat and a read per request cost more
 * than the rest of the response together. Caching them by time (nginx's `open_file_cache_valid`)
 * would serve a rebuilt archive stale for a while, so instead every directory a cached answer
 * depends on is watched (inotify on Linux) before the answer is computed, and any event in any of
 * them drops everything. A change made before a request is therefore seen by that request: the
 * watch event is queued when the change happens, before the client can even send its request,
 * and the event loop delivers events in that order. Where a directory cannot be watched, the
 * answer is simply not cached, so the cache can make the server faster but never wrong.
 */
import { closeSync, fstatSync, lstatSync, openSync, readSync, statSync, watch, type FSWatcher, type Stats } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

export interface FileCacheOptions {
	/** Stats and resolved paths kept at most (each map); the oldest go first. */
	maxEntries?: number;
	/** Files up to this size may be held in memory whole. */
	maxBodyBytes?: number;
	/** Bytes of file bodies held at most; the oldest go first. */
	maxTotalBytes?: number;
}

interface Entry {
	stats: Stats;
	body?: Buffer;
}

export class FileCache {
	readonly #root: string;
	readonly #maxEntries: number;
	readonly #maxBodyBytes: number;
	readonly #maxTotalBytes: number;
	readonly #entries = new Map<string, Entry>();
	readonly #memo = new Map<string, unknown>();
	readonly #watchers = new Map<string, FSWatcher>();
	#bodyBytes = 0;
	/** Lookups answered without a watch (cannot be cached); memo() refuses results that used one. */
	#unwatched = 0;
	#closed = false;
	/** How often a change emptied the cache (for tests and diagnostics). */
	invalidations = 0;

	constructor(root: string, { maxEntries = 4096, maxBodyBytes = 4 * 1024 * 1024, maxTotalBytes = 64 * 1024 * 1024 }: FileCacheOptions = {}) {
		this.#root = resolve(root);
		this.#maxEntries = maxEntries;
		this.#maxBodyBytes = maxBodyBytes;
		this.#maxTotalBytes = maxTotalBytes;
	}

	/** statSync that answers undefined for anything missing or unreadable; served from the cache while nothing changed. */
	stat(path: string): Stats | undefined {
		const cached = this.#entries.get(path);
		if (cached) return cached.stats;
		// Watch first: a change between the watch and the stat then still invalidates.
		if (!this.#watchDirectoriesOf(path)) {
			this.#unwatched++;
			return statOrUndefined(path);
		}
		const stats = statOrUndefined(path);
		// A symlinked file changes where its target lives, in a directory nobody watches.
		if (stats && !isSymlink(path)) this.#remember(this.#entries, path, { stats });
		return stats;
	}

	/**
	 * The whole of `path` if it is small enough to hold and `stats` is its current cached stat;
	 * undefined otherwise (the caller reads the file itself).
	 */
	body(path: string, stats: Stats): Buffer | undefined {
		const entry = this.#entries.get(path);
		if (!entry || entry.stats !== stats || stats.size > this.#maxBodyBytes || !stats.isFile()) return undefined;
		if (entry.body) return entry.body;
		const body = readExactly(path, stats);
		if (!body || body.length > this.#maxTotalBytes) return body;
		entry.body = body;
		this.#bodyBytes += body.length;
		for (const [key, old] of this.#entries) {
			if (this.#bodyBytes <= this.#maxTotalBytes) break;
			if (!old.body || key === path) continue;
			this.#bodyBytes -= old.body.length;
			old.body = undefined;
		}
		return body;
	}

	/**
	 * `compute()`'s result for `key`, kept while nothing it looked at (through stat()) changes.
	 * Results are kept only when `keep` approves them and every lookup they made was watched.
	 */
	memo<T>(key: string, compute: () => T, keep: (value: T) => boolean): T {
		if (this.#memo.has(key)) return this.#memo.get(key) as T;
		const invalidations = this.invalidations;
		const unwatched = this.#unwatched;
		const value = compute();
		if (keep(value) && unwatched === this.#unwatched && invalidations === this.invalidations) this.#remember(this.#memo, key, value);
		return value;
	}

	/** Stops watching; later lookups are still answered, uncached. */
	close(): void {
		this.#closed = true;
		this.#invalidate();
	}

	#remember<V>(map: Map<string, V>, key: string, value: V): void {
		if (map.size >= this.#maxEntries) {
			const oldest = map.keys().next().value as string;
			const evicted = map.get(oldest) as Entry | undefined;
			if (map === this.#entries && evicted?.body) this.#bodyBytes -= evicted.body.length;
			map.delete(oldest);
		}
		map.set(key, value);
	}

	/** Watches every directory from `path`'s own up to the root (the root itself for the root). */
	#watchDirectoriesOf(path: string): boolean {
		if (this.#closed) return false;
		if (path !== this.#root && !path.startsWith(this.#root + sep)) return false;
		let dir = path === this.#root ? path : dirname(path);
		for (;;) {
			if (!this.#watchers.has(dir)) {
				try {
					const watcher = watch(dir, { persistent: false }, () => this.#invalidate());
					watcher.on('error', () => this.#invalidate());
					this.#watchers.set(dir, watcher);
				} catch {
					return false; // missing, not a directory, or out of inotify watches
				}
			}
			if (dir === this.#root) return true;
			dir = dirname(dir);
		}
	}

	#invalidate(): void {
		this.invalidations++;
		this.#entries.clear();
		this.#memo.clear();
		this.#bodyBytes = 0;
		// Watches die with their directory (deleted, replaced); re-arming on demand is simplest.
		for (const watcher of this.#watchers.values()) watcher.close();
		this.#watchers.clear();
	}
}

/** statSync that answers undefined for anything missing or unreadable (ENOENT, ENOTDIR, EACCES…). */
export function statOrUndefined(path: string): Stats | undefined {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

function isSymlink(path: string): boolean {
	try {
		return lstatSync(path).isSymbolicLink();
	} catch {
		return true; // gone since the stat: treat as uncacheable
	}
}

/** The file's bytes if they are still the version `stats` describes; undefined if it changed or vanished. */
function readExactly(path: string, stats: Stats): Buffer | undefined {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch {
		return undefined;
	}
	try {
		const now = fstatSync(fd);
		if (now.ino !== stats.ino || now.size !== stats.size || now.mtimeMs !== stats.mtimeMs) return undefined;
		const body = Buffer.allocUnsafe(stats.size);
		let filled = 0;
		while (filled < body.length) {
			const n = readSync(fd, body, filled, body.length - filled, filled);
			if (n === 0) return undefined; // truncated while being read
			filled += n;
		}
		return body;
	} finally {
		closeSync(fd);
	}
}
