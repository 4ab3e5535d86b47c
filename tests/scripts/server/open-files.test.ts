import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeOpenFiles, MAX_SYNC_READ, openFileCount, readRangeSync } from '../../../scripts/server/open-files';

let dir: string;
const read = (file: string, start: number, length: number) => readRangeSync(file, statSync(file), start, length).toString();

beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'open-files-'))));
afterEach(() => closeOpenFiles());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRangeSync', () => {
	it('reads exact ranges and keeps one descriptor per file', () => {
		const file = join(dir, 'a.pmtiles');
		writeFileSync(file, '0123456789');
		expect(read(file, 0, 1)).toBe('0');
		expect(read(file, 9, 1)).toBe('9');
		expect(read(file, 3, 4)).toBe('3456');
		expect(openFileCount()).toBe(1);
	});

	it('reopens a file replaced by a rebuild (new inode), never reading the old one', () => {
		const file = join(dir, 'b.pmtiles');
		writeFileSync(file, 'old bytes!');
		expect(read(file, 0, 3)).toBe('old');
		writeFileSync(join(dir, 'b.tmp'), 'new bytes!');
		renameSync(join(dir, 'b.tmp'), file);
		expect(read(file, 0, 3)).toBe('new');
		expect(openFileCount()).toBe(1);
	});

	it('notices a file rewritten in place by its size or mtime', () => {
		const file = join(dir, 'c.pmtiles');
		writeFileSync(file, 'first');
		expect(read(file, 0, 5)).toBe('first');
		writeFileSync(file, 'again');
		utimesSync(file, new Date(), new Date(Date.now() + 5000)); // same size: only the mtime tells
		expect(read(file, 0, 5)).toBe('again');
	});

	it('refuses to read past what the stat promised, and reads longer than the sync limit', () => {
		const file = join(dir, 'd.pmtiles');
		writeFileSync(file, 'short');
		expect(() => readRangeSync(file, statSync(file), 3, 5)).toThrow(/shorter/);
		expect(() => readRangeSync(file, statSync(file), 0, MAX_SYNC_READ + 1)).toThrow(RangeError);
	});

	it('refuses a stat that no longer describes the file it opens', () => {
		const file = join(dir, 'e.pmtiles');
		writeFileSync(file, 'one');
		const stale = statSync(file);
		writeFileSync(join(dir, 'e.tmp'), 'two!');
		renameSync(join(dir, 'e.tmp'), file);
		expect(() => readRangeSync(file, stale, 0, 3)).toThrow(/changed/);
		expect(openFileCount()).toBe(0);
	});

	it('throws for a missing file and caches nothing', () => {
		const file = join(dir, 'f.pmtiles');
		writeFileSync(file, 'x');
		const stats = statSync(file);
		rmSync(file);
		expect(() => readRangeSync(file, stats, 0, 1)).toThrow(/ENOENT/);
		expect(openFileCount()).toBe(0);
	});
});
