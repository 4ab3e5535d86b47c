/**
 * A GeoJSON file (a FeatureCollection, one Feature, or a bare geometry): each feature is checked
 * on its own, so one broken feature is listed and the others are imported. Coordinates are read
 * in the system the user declares: RFC 7946 says WGS84, but Chinese tools export GCJ-02.
 */
import { convertGeometry } from './geojson-convert';
import { describeIssues, describeValue, firstIssue, FeatureCollectionSchema, FeatureSchema, featureShapeProblem, SUPPORTED_GEOMETRIES } from './geojson-schema';
import { msg, type Message } from '../i18n/messages';
import { clip, formatCount } from './messages';
import { readyText } from './limits';
import { PropertyCleaner, safeKey } from './properties';
import { FatalImportError, guarded, ResultBuilder, type PropertyValue } from './result';
import type { ImportOptions, ImportResult } from './types';

export function importGeoJson(text: string, options: ImportOptions): ImportResult {
	return guarded('geojson', () => readGeoJson(text, options));
}

function readGeoJson(input: string, given: ImportOptions): ImportResult {
	const { text, options } = readyText(input, given);
	const { limits } = options;
	const { items, note } = topLevelFeatures(parseJson(text));
	if (!items.length) throw new FatalImportError(msg('import.geojson.noFeatures'));
	if (items.length > limits.maxFeatures) {
		throw new FatalImportError(msg('import.geojson.tooMany', { count: formatCount(items.length), max: formatCount(limits.maxFeatures) }));
	}

	const result = new ResultBuilder('geojson');
	if (note) result.note(note);
	const cleaner = new PropertyCleaner(limits.maxStringLength);
	const columns = new Set<string>();
	items.forEach((item, record) => {
		const problem = featureShapeProblem(item);
		if (problem) return result.reject(record, null, problem);
		const parsed = FeatureSchema.safeParse(item);
		if (!parsed.success) return result.reject(record, null, describeIssues(parsed.error));
		const converted = convertGeometry(parsed.data.geometry, options.crs);
		if (!converted.ok) return result.reject(record, null, converted.reason);
		// The file's own object, not zod's copy: zod would turn a "__proto__" key into a prototype.
		const properties = featureProperties((item as { properties?: Record<string, unknown> | null }).properties, cleaner);
		for (const [key] of properties) columns.add(key);
		result.accept(record, converted.geometry, properties, undefined, parsed.data.id);
	});
	const cut = cleaner.note();
	if (cut) result.note(cut);
	return result.finish([...columns]);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (e) {
		const why = e instanceof Error ? e.message.slice(0, 160) : 'unreadable';
		throw new FatalImportError(msg('import.geojson.badJson', { why }));
	}
}

/** The features a file holds, whatever its top level; anything else is a whole-file message. */
function topLevelFeatures(data: unknown): { items: unknown[]; note: Message | null } {
	if (Array.isArray(data)) return { items: data, note: msg('import.geojson.bareList') };
	if (data === null || typeof data !== 'object') {
		throw new FatalImportError(msg('import.geojson.notGeoJson', { what: describeValue(data) }));
	}
	const type = (data as Record<string, unknown>).type;
	if (type === 'FeatureCollection') {
		const fc = FeatureCollectionSchema.safeParse(data);
		if (!fc.success) throw new FatalImportError(msg('import.geojson.badCollection', { problem: firstIssue(fc.error) }));
		return { items: fc.data.features, note: null };
	}
	if (type === 'Feature') return { items: [data], note: null };
	if (type === 'GeometryCollection' || (SUPPORTED_GEOMETRIES as readonly unknown[]).includes(type)) {
		return { items: [{ type: 'Feature', geometry: data, properties: {} }], note: msg('import.geojson.bareGeometry') };
	}
	if (type === 'Topology') throw new FatalImportError(msg('import.geojson.topojson'));
	if (type === undefined) throw new FatalImportError(msg('import.geojson.topNoType'));
	throw new FatalImportError(msg('import.geojson.topType', { what: typeof type === 'string' ? msg('import.value.text', { value: clip(type) }) : describeValue(type) }));
}

function featureProperties(properties: Record<string, unknown> | null | undefined, cleaner: PropertyCleaner): Array<[string, PropertyValue]> {
	if (!properties) return [];
	return Object.entries(properties).map(([key, value]) => [safeKey(key, cleaner.maxLength), cleaner.value(value)]);
}
