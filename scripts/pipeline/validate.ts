import { kinks } from '@turf/turf';
import type { Feature, Geometry, Polygon, MultiPolygon } from 'geojson';
import type { SourceEntry } from './manifest';
import type { RawRecord } from './read';
import { msg, type Message } from '../../src/lib/i18n/messages';
import { refused, type Rejection } from './report';

/** A record that passed its source's schema: a GeoJSON feature in the source's own CRS. */
export interface SourceFeature extends Feature<Geometry, Record<string, unknown>> {
	id: string;
	/** Position of the record in its file, kept so later stages can name it in rejections. */
	index: number;
}

export interface Validated {
	accepted: SourceFeature[];
	rejected: Rejection[];
}

/**
 * Checks each record against its source's schemas. A bad record is rejected with its
 * index, id and reason; the rest go on. Ids must be unique within a source: the second
 * record with an id already seen is rejected, naming the first.
 */
export function validateRecords(entry: SourceEntry, records: RawRecord[]): Validated {
	const accepted: SourceFeature[] = [];
	const rejected: Rejection[] = [];
	const seen = new Map<string, number>();
	for (const record of records) {
		const rawId = entry.idField ? record.properties[entry.idField] : undefined;
		const id = rawId === undefined || rawId === null || rawId === '' ? null : String(rawId);
		const reject = (message: Message) => rejected.push(refused({ source: entry.id, file: entry.file, index: record.index, id }, message));

		const checked = check(entry, record);
		if (!('properties' in checked)) {
			reject(checked);
			continue;
		}
		const key = id ?? `#${record.index}`;
		const first = seen.get(key);
		if (first !== undefined) {
			reject(msg('report.duplicateId', { id: key, first }));
			continue;
		}
		seen.set(key, record.index);
		accepted.push({ type: 'Feature', id: key, index: record.index, geometry: record.geometry as Geometry, properties: checked.properties });
	}
	return { accepted, rejected };
}

/** The record's parsed properties, or the reason it is refused. */
function check(entry: SourceEntry, record: RawRecord): { properties: Record<string, unknown> } | Message {
	if (record.geometry === null || record.geometry === undefined) return msg('report.noGeometry');
	if (entry.geometry) {
		const g = entry.geometry.safeParse(record.geometry);
		if (!g.success) return msg('report.badGeometry', { issues: summarise(g.error.issues) });
	}
	let properties = record.properties;
	if (entry.properties) {
		const p = entry.properties.safeParse(record.properties);
		if (!p.success) return msg('report.badFields', { issues: summarise(p.error.issues) });
		properties = p.data as Record<string, unknown>;
	}
	const geometry = record.geometry as Geometry;
	if ((geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && selfIntersects(geometry)) {
		return msg('report.selfIntersecting');
	}
	return { properties };
}

function selfIntersects(geometry: Polygon | MultiPolygon): boolean {
	return kinks({ type: 'Feature', geometry, properties: {} }).features.length > 0;
}

function summarise(issues: readonly { path: PropertyKey[]; message: string }[]): string {
	return issues
		.slice(0, 3)
		.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
		.join('; ');
}
