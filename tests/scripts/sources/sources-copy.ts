/** Temporary copies of data/sources for refresh tests, and proof that a failure left one as it was. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { expect } from 'vitest';
import type { RefreshOptions, RefreshResult } from '../../../scripts/sources/refresh/refresh';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const realSources = join(repoRoot, 'data/sources');

const copies: string[] = [];

/** A fresh copy of data/sources in the OS temp folder; `removeCopies` deletes them all. */
export function copySources(): string {
	const dir = mkdtempSync(join(tmpdir(), 'hengfu-sources-'));
	cpSync(realSources, dir, { recursive: true });
	copies.push(dir);
	return dir;
}

export function removeCopies(): void {
	for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file of a folder, by relative path, with its bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
	const files = new Map<string, Buffer>();
	const visit = (path: string) => {
		for (const entry of readdirSync(path, { withFileTypes: true })) {
			const full = join(path, entry.name);
			if (entry.isDirectory()) visit(full);
			else files.set(relative(dir, full).split(sep).join('/'), readFileSync(full));
		}
	};
	visit(dir);
	return files;
}

/** The folder holds exactly the files it held, byte for byte: no file changed, none added (no *.tmp). */
export function expectUnchanged(dir: string, before: Map<string, Buffer>): void {
	const after = snapshot(dir);
	expect([...after.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
	expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
	const changed = [...before].filter(([path, bytes]) => !after.get(path)?.equals(bytes)).map(([path]) => path);
	expect(changed).toEqual([]);
}

export function tmpFiles(dir: string): string[] {
	return [...snapshot(dir).keys()].filter((f) => f.endsWith('.tmp'));
}

export const TODAY = '2026-12-01';

/** Options for a refresh against a replay server: no real waiting, a fixed clock. */
export function replayOptions(env: Record<string, string>, extra: Partial<RefreshOptions> = {}): RefreshOptions & { waits: number[] } {
	const waits: number[] = [];
	return {
		today: TODAY,
		env,
		retry: { sleep: async (ms: number) => void waits.push(ms), now: () => Date.parse('2026-12-01T10:00:00Z'), tries: 4, maxTotalWaitMs: 120_000, backoffMs: 10_000 },
		waits,
		...extra
	};
}

export function readJson(dir: string, file: string): any {
	return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

/** The result of a refresh that must have succeeded; any other outcome fails the test with its message. */
export function refreshed(result: RefreshResult): Extract<RefreshResult, { status: 'refreshed' }> {
	if (result.status !== 'refreshed') throw new Error(`expected a refresh, got ${result.status}: ${result.message}`);
	return result;
}
