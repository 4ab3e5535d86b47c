import { representativePoint } from './representative';
import type { AnyFeature } from './types';

/**
 * The selection as a GeoJSON FeatureCollection, one feature per line: readable in a text
 * editor and diffable, without the bulk of fully indented coordinates.
 */
export function toGeoJson(features: AnyFeature[]): string {
	if (!features.length) return '{"type":"FeatureCollection","features":[]}\n';
	return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** The columns every row ends with, after the properties. */
export const GEOMETRY_COLUMNS = ['lon', 'lat', 'geometry_type'] as const;

/**
 * The selection as CSV (RFC 4180: CRLF rows, quoted fields where needed), UTF-8 with a
 * BOM so Excel reads the Chinese. Columns: every property key in first-seen order, then
 * lon, lat (see `representativePoint`: the point itself, halfway along a line, or a
 * polygon's centroid; 7 decimals ≈ 1 cm) and geometry_type. A property that would clash
 * with those three (protected buildings carry their list's own lon/lat) is kept as
 * `properties.<key>`.
 */
export function toCsv(features: AnyFeature[]): string {
	const keys = propertyKeys(features);
	const header = [...keys.map(columnName), ...GEOMETRY_COLUMNS];
	const rows = features.map((feature) => [...keys.map((key) => cell(feature.properties?.[key])), ...geometryCells(feature)]);
	return '\uFEFF' + [header.map(cell), ...rows].map((row) => row.join(',')).join('\r\n') + '\r\n';
}

function propertyKeys(features: AnyFeature[]): string[] {
	const keys = new Set<string>();
	for (const feature of features) for (const key of Object.keys(feature.properties ?? {})) keys.add(key);
	return [...keys];
}

function columnName(key: string): string {
	return (GEOMETRY_COLUMNS as readonly string[]).includes(key) ? `properties.${key}` : key;
}

function geometryCells(feature: AnyFeature): string[] {
	const point = representativePoint(feature.geometry);
	return [point ? round7(point[0]) : '', point ? round7(point[1]) : '', feature.geometry?.type ?? ''];
}

function round7(value: number): string {
	return String(Math.round(value * 1e7) / 1e7);
}

/** One CSV field: text as is, numbers and booleans as written, objects as JSON, null as empty. */
function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' || typeof value === 'boolean') return quoted(String(value));
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return quoted(defused(text));
}

/**
 * Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV
 * injection advice: = + - @, and tab / CR which some spreadsheets strip before them).
 * Only text is defused: a number property such as -3 stays a number.
 */
function defused(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quoted(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
