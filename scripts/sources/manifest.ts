import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceManifest, type SourceFile, type SourceManifest, type SourceRecord } from '../../src/lib/schema/source-manifest';

export type { SourceFile, SourceManifest, SourceRecord };

/** The manifest's name inside a sources folder. */
export const MANIFEST_FILE = 'sources.json';

/** A sources folder that cannot be used at all: no manifest, or one that is not valid. */
export class ManifestError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ManifestError';
	}
}

/** Reads and validates `<dir>/sources.json`; every problem names the file and the entry. */
export function readManifest(dir: string): SourceManifest {
	const path = join(dir, MANIFEST_FILE);
	if (!existsSync(path)) throw new ManifestError(`${path} is missing: a sources folder lists its files there (see data/sources/README.md)`);
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(path, 'utf8'));
	} catch (err) {
		throw new ManifestError(`${path} is not valid JSON (${(err as Error).message})`);
	}
	const result = sourceManifest.safeParse(parsed);
	if (!result.success) {
		const issues = result.error.issues.map((i) => {
			const at = i.path[0] === 'sources' && typeof i.path[1] === 'number' ? `${(parsed as SourceManifest).sources[i.path[1]]?.id ?? `entry ${i.path[1]}`} ${i.path.slice(2).join('.')}` : i.path.join('.');
			return `${at.trim() || '(top level)'}: ${i.message}`;
		});
		throw new ManifestError(`${path} is not a valid manifest:\n  ${issues.join('\n  ')}`);
	}
	return result.data;
}

/** The manifest as committed: tab-indented JSON, so a refresh changes only the lines it must. */
export function formatManifest(manifest: SourceManifest): string {
	return JSON.stringify(manifest, null, '\t') + '\n';
}

/** Writes the manifest through a temporary file and a rename, so a reader never sees half of it. */
export function writeManifest(dir: string, manifest: SourceManifest): void {
	writeAtomically(join(dir, MANIFEST_FILE), formatManifest(manifest));
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename over it. */
export function writeAtomically(path: string, data: string | Uint8Array): void {
	const temporary = `${path}.${process.pid}.tmp`;
	try {
		writeFileSync(temporary, data);
		renameSync(temporary, path);
	} finally {
		rmSync(temporary, { force: true });
	}
}

export function sha256(bytes: Uint8Array | string): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** What the manifest records of one file's bytes. */
export function describeFile(path: string, bytes: Uint8Array): SourceFile {
	return { path, sha256: sha256(bytes), bytes: bytes.byteLength };
}

export function sourceRecord(manifest: SourceManifest, id: string): SourceRecord | undefined {
	return manifest.sources.find((s) => s.id === id);
}
