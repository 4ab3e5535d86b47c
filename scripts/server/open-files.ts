/**
 * Small reads through file descriptors kept open between requests.
 *
 * A map client reads a tile archive as hundreds of small ranges. Opening, streaming and closing
 * the file for each one costs three thread-pool round trips and a stream per tile, and under load
 * the round trips, not the bytes, set the pace. So a small range is one pread on a descriptor kept
 * open, done synchronously: a few kilobytes from the page cache take microseconds, less than a
 * hand-off to the thread pool. nginx serves files the same way (blocking reads in its event loop).
 * Large ranges are still streamed, so no request can hold the loop for long or pin much memory.
 *
 * Entries are keyed by path and checked against the stat the request already made (inode, size,
 * mtime), so a rebuilt file is reopened, never read through a stale descriptor.
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** Ranges up to this size are read synchronously into memory; longer ones are streamed. */
export const MAX_SYNC_READ = 128 * 1024;
/** Descriptors kept open at most; the least recently used goes first. The site has a few archives. */
const MAX_OPEN = 64;

interface Handle {
	fd: number;
	ino: number;
	size: number;
	mtimeMs: number;
}

const handles = new Map<string, Handle>();

/**
 * Exactly `length` (≤ MAX_SYNC_READ) bytes of `file` from `start`; `stats` must be the caller's
 * fresh stat of it. Throws if the file cannot be opened or is shorter than `stats` said.
 */
export function readRangeSync(file: string, stats: Stats, start: number, length: number): Buffer {
	if (length > MAX_SYNC_READ) throw new RangeError(`${length} bytes is too long for a synchronous read`);
	const { fd } = acquire(file, stats);
	const buffer = Buffer.allocUnsafe(length);
	let filled = 0;
	while (filled < length) {
		const n = readSync(fd, buffer, filled, length - filled, start + filled);
		if (n === 0) throw new Error(`${file} is shorter than its stat said (rewritten while being read?)`);
		filled += n;
	}
	return buffer;
}

/** How many descriptors are held open (for tests). */
export function openFileCount(): number {
	return handles.size;
}

/** Closes every kept descriptor (for tests, and servers shutting down). */
export function closeOpenFiles(): void {
	for (const [file, handle] of handles) retire(file, handle);
}

function acquire(file: string, stats: Stats): Handle {
	const cached = handles.get(file);
	if (cached && cached.ino === stats.ino && cached.size === stats.size && cached.mtimeMs === stats.mtimeMs) {
		// Re-insert so Map order stays least-recently-used first.
		handles.delete(file);
		handles.set(file, cached);
		return cached;
	}
	if (cached) retire(file, cached);
	const fd = openSync(file, 'r');
	const opened = fstatSync(fd);
	// Replaced between the request's stat and this open: reading on would mix two versions.
	if (opened.ino !== stats.ino || opened.size !== stats.size || opened.mtimeMs !== stats.mtimeMs) {
		closeSync(fd);
		throw new Error(`${file} changed while being opened`);
	}
	const handle: Handle = { fd, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
	handles.set(file, handle);
	for (const [oldest, h] of handles) {
		if (handles.size <= MAX_OPEN) break;
		retire(oldest, h);
	}
	return handle;
}

function retire(file: string, handle: Handle): void {
	handles.delete(file);
	closeSync(handle.fd);
}
