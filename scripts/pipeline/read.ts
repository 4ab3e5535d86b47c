import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SourceEntry } from './manifest';
import { SourceError } from './report';

/** One record of a source, before validation: geometry and properties exactly as published. */
export interface RawRecord {
	index: number;
	geometry: unknown;
	properties: Record<string, unknown>;
}

export const SOURCES_ENV = 'HENGFU_SOURCES';

/** The sources folder: `$HENGFU_SOURCES`, else the repository's own `data/sources`. */
export function sourcesDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
	return resolve(repoRoot, env[SOURCES_ENV] ?? 'data/sources');
}

/** Reads and parses one source file; a missing, empty or unparseable file is a SourceError that says what to do. */
export function readJson(dir: string, entry: Pick<SourceEntry, 'file'>): unknown {
	const path = join(dir, entry.file);
	if (!existsSync(path)) {
		throw new SourceError(entry.file, `not found in ${dir}. Restore it with git checkout -- data/sources, or set ${SOURCES_ENV} to a sources folder that holds it.`);
	}
	const text = readFileSync(path, 'utf8');
	if (text.trim() === '') throw new SourceError(entry.file, 'is empty. Restore it with git checkout -- data/sources, or refresh it (npm run sources:refresh).');
	try {
		return JSON.parse(text);
	} catch (err) {
		throw new SourceError(entry.file, `is not valid JSON (${(err as Error).message}). Restore it with git checkout -- data/sources, or refresh it (npm run sources:refresh).`);
	}
}

/** Turns a parsed file into records; a file of the wrong shape is a SourceError. */
export function toRecords(entry: SourceEntry, parsed: unknown): RawRecord[] {
	if (entry.format === 'geojson') return geojsonRecords(entry, parsed);
	if (entry.format === 'shl') return shlRecords(entry, parsed);
	throw new SourceError(entry.file, `format "${entry.format}" has no record reader; it is read by its own stage.`);
}

function geojsonRecords(entry: SourceEntry, parsed: unknown): RawRecord[] {
	const doc = parsed as { type?: unknown; features?: unknown };
	if (doc?.type === 'Feature') return [featureRecord(doc, 0)];
	if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
		throw new SourceError(entry.file, 'is not a GeoJSON Feature or FeatureCollection with a "features" array.');
	}
	return doc.features.map(featureRecord);
}

function featureRecord(feature: unknown, index: number): RawRecord {
	const f = (feature ?? {}) as { geometry?: unknown; properties?: unknown };
	const properties = isPlainObject(f.properties) ? f.properties : {};
	return { index, geometry: f.geometry ?? null, properties };
}

function shlRecords(entry: SourceEntry, parsed: unknown): RawRecord[] {
	const doc = parsed as { data?: unknown };
	if (!isPlainObject(doc) || !Array.isArray(doc.data)) {
		throw new SourceError(entry.file, 'is not a Shanghai Library export (an object with a "data" array).');
	}
	return doc.data.map((record, index) => {
		const properties = isPlainObject(record) ? record : {};
		// BD-09 coordinates arrive as strings; validation decides whether they are numbers.
		return { index, geometry: { type: 'Point', coordinates: [Number(properties.long), Number(properties.lat)] }, properties };
	});
}

/** Photo file names in the sources' photos folder, sorted so builds are reproducible. */
export function listPhotos(dir: string, entry: Pick<SourceEntry, 'file'>): string[] {
	const path = join(dir, entry.file);
	if (!existsSync(path) || !statSync(path).isDirectory()) {
		throw new SourceError(entry.file, `folder not found in ${dir}. Restore it with git checkout -- data/sources, or set ${SOURCES_ENV} to a sources folder that holds it.`);
	}
	return readdirSync(path).filter((n) => /\.(jpe?g|png|webp)$/i.test(n)).sort();
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}
