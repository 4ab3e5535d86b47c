import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileCache } from '../../../scripts/server/file-cache';

let root: string;
let cache: FileCache;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'file-cache-'));
	mkdirSync(join(root, 'tiles'));
	writeFileSync(join(root, 'tiles', 'a.pmtiles'), 'version one');
	cache = new FileCache(root);
});
afterEach(() => {
	cache.close();
	rmSync(root, { recursive: true, force: true });
});

/** Lets the event loop deliver file-system events, then says whether the cache was emptied. */
async function invalidatedSince(before: number): Promise<boolean> {
	for (let i = 0; i < 50 && cache.invalidations === before; i++) await new Promise((ok) => setTimeout(ok, 5));
	return cache.invalidations > before;
}

describe('FileCache', () => {
	it('answers a repeated stat from memory, and a missing file with undefined', () => {
		const file = join(root, 'tiles', 'a.pmtiles');
		const first = cache.stat(file);
		expect(first?.size).toBe(11);
		expect(cache.stat(file)).toBe(first);
		expect(cache.stat(join(root, 'tiles', 'missing'))).toBeUndefined();
	});

	it('forgets a file rewritten in place, and serves its new bytes', async () => {
		const file = join(root, 'tiles', 'a.pmtiles');
		expect(cache.body(file, cache.stat(file)!)?.toString()).toBe('version one');
		const before = cache.invalidations;
		writeFileSync(file, 'VERSION TWO');
		expect(await invalidatedSince(before)).toBe(true);
		expect(cache.body(file, cache.stat(file)!)?.toString()).toBe('VERSION TWO');
	});

	it('forgets everything when a directory above the file is replaced', async () => {
		const file = join(root, 'tiles', 'a.pmtiles');
		cache.stat(file);
		mkdirSync(join(root, 'new'));
		writeFileSync(join(root, 'new', 'a.pmtiles'), 'rebuilt, longer');
		const before = cache.invalidations;
		renameSync(join(root, 'tiles'), join(root, 'old'));
		renameSync(join(root, 'new'), join(root, 'tiles'));
		expect(await invalidatedSince(before)).toBe(true);
		expect(cache.stat(file)?.size).toBe('rebuilt, longer'.length);
	});

	it('is not emptied by reading: serving files is not a change', async () => {
		const file = join(root, 'tiles', 'a.pmtiles');
		const stats = cache.stat(file)!;
		for (let i = 0; i < 20; i++) cache.body(file, stats);
		readFileSync(file);
		const before = cache.invalidations;
		expect(await invalidatedSince(before)).toBe(false);
		expect(cache.stat(file)).toBe(stats);
	});

	it('does not cache symlinked files or paths outside the root', () => {
		const outside = mkdtempSync(join(tmpdir(), 'file-cache-outside-'));
		try {
			writeFileSync(join(outside, 'target'), 'x');
			symlinkSync(join(outside, 'target'), join(root, 'link'));
			expect(cache.stat(join(root, 'link'))?.size).toBe(1);
			expect(cache.stat(join(root, 'link'))).not.toBe(cache.stat(join(root, 'link')));
			expect(cache.stat(join(outside, 'target'))).not.toBe(cache.stat(join(outside, 'target')));
		} finally {
			rmSync(outside, { recursive: true, force: true });
		}
	});

	it('gives bytes only for the stat it handed out, and only for files small enough', () => {
		const small = new FileCache(root, { maxBodyBytes: 5 });
		try {
			const file = join(root, 'tiles', 'a.pmtiles');
			const stats = small.stat(file)!;
			expect(small.body(file, stats)).toBeUndefined(); // 11 bytes > 5
			expect(cache.body(file, stats)).toBeUndefined(); // not this cache's stat
		} finally {
			small.close();
		}
	});

	it('keeps at most maxTotalBytes of bodies, dropping the oldest', () => {
		const bounded = new FileCache(root, { maxTotalBytes: 20 });
		try {
			const files = ['b', 'c', 'd'].map((name) => join(root, 'tiles', name));
			files.forEach((f) => writeFileSync(f, '0123456789'));
			const [b, c, d] = files.map((f) => [f, bounded.stat(f)!] as const);
			const first = bounded.body(...b);
			expect(bounded.body(...b)).toBe(first); // held
			bounded.body(...c);
			bounded.body(...d); // 30 bytes would exceed 20: b's body goes
			expect(bounded.body(...d)).toBe(bounded.body(...d));
			expect(bounded.body(...b)).not.toBe(first); // read again
		} finally {
			bounded.close();
		}
	});

	it('memoises only approved results whose every lookup was watched', async () => {
		let calls = 0;
		const lookUp = (path: string) => () => (calls++, cache.stat(path));
		const file = join(root, 'tiles', 'a.pmtiles');
		cache.memo('a', lookUp(file), (s) => s !== undefined);
		cache.memo('a', lookUp(file), (s) => s !== undefined);
		expect(calls).toBe(1);
		cache.memo('gone', lookUp(join(root, 'nope')), (s) => s !== undefined);
		cache.memo('gone', lookUp(join(root, 'nope')), (s) => s !== undefined);
		expect(calls).toBe(3); // refused by keep
		cache.memo('deep', lookUp(join(root, 'no', 'such', 'dir', 'f')), () => true);
		cache.memo('deep', lookUp(join(root, 'no', 'such', 'dir', 'f')), () => true);
		expect(calls).toBe(5); // its directory cannot be watched
		const before = cache.invalidations;
		writeFileSync(join(root, 'tiles', 'new.pmtiles'), 'x');
		expect(await invalidatedSince(before)).toBe(true);
		cache.memo('a', lookUp(file), (s) => s !== undefined);
		expect(calls).toBe(6);
	});

	it('after close, still answers, uncached', () => {
		const file = join(root, 'tiles', 'a.pmtiles');
		cache.close();
		expect(cache.stat(file)?.size).toBe(11);
		expect(cache.stat(file)).not.toBe(cache.stat(file));
	});
});
