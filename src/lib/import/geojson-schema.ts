/**
 * What a GeoJSON feature must be for the map to draw it (RFC 7946, minus GeometryCollection):
 * finite positions, lines of two positions or more, closed rings of four or more. Messages name
 * the place in the feature (`geometry.coordinates[0][3]`) and what was found there.
 */
import { z } from 'zod';
import { quote } from './messages';

export const SUPPORTED_GEOMETRIES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;

/** What a value is, for "expected …, got …" messages. */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `${value} (a number too large for JSON, e.g. 1e400)`;
	if (typeof value === 'string') return `the text ${quote(value, 20)}`;
	if (typeof value === 'object') return 'an object';
	return `${typeof value} ${String(value)}`;
}

const coordinate = z.number({ error: (iss) => `expected a finite number, got ${describeValue(iss.input)}` });
const position = z
	.array(coordinate, { error: (iss) => `expected a position [lon, lat], got ${describeValue(iss.input)}` })
	.min(2, 'a position needs both lon and lat');
const positions = (what: string) => z.array(position, { error: (iss) => `expected ${what}, got ${describeValue(iss.input)}` });

const lineString = positions('a list of positions').min(2, 'a line needs at least 2 positions');
const ring = positions('a ring (a list of positions)')
	.min(4, 'a polygon ring needs at least 4 positions (the last repeating the first)')
	.refine(isClosedOrTooShort, 'a polygon ring must be closed: its last position must repeat its first');
// Defensive: zod may run a refinement on a ring whose items already failed.
function isClosedOrTooShort(r: unknown[][]): boolean {
	if (r.length < 4) return true; // .min says so already
	const [first, last] = [r[0], r[r.length - 1]];
	return !Array.isArray(first) || !Array.isArray(last) || (first[0] === last[0] && first[1] === last[1]);
}
const polygon = z.array(ring, { error: (iss) => `expected a list of rings, got ${describeValue(iss.input)}` }).min(1, 'a polygon needs at least one ring');
const listOf = <T extends z.ZodType>(item: T, what: string) => z.array(item, { error: (iss) => `expected a list of ${what}, got ${describeValue(iss.input)}` }).min(1, `an empty list of ${what}`);

export const GeometrySchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Point'), coordinates: position }),
	z.object({ type: z.literal('MultiPoint'), coordinates: listOf(position, 'positions') }),
	z.object({ type: z.literal('LineString'), coordinates: lineString }),
	z.object({ type: z.literal('MultiLineString'), coordinates: listOf(lineString, 'lines') }),
	z.object({ type: z.literal('Polygon'), coordinates: polygon }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: listOf(polygon, 'polygons') })
]);
export type ImportGeometry = z.infer<typeof GeometrySchema>;

export const FeatureSchema = z.object({
	type: z.literal('Feature'),
	geometry: GeometrySchema,
	// RFC 7946 wants the member; files without it are common enough to read as "no properties".
	properties: z.record(z.string(), z.unknown(), { error: (iss) => `expected an object of properties, got ${describeValue(iss.input)}` }).nullish(),
	id: z.union([z.string(), z.number()], { error: (iss) => `expected a text or number id, got ${describeValue(iss.input)}` }).optional()
});
export type ImportFeature = z.infer<typeof FeatureSchema>;

export const FeatureCollectionSchema = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(z.unknown(), { error: (iss) => `"features" must be a list, got ${describeValue(iss.input)}` })
});

/**
 * Why a feature cannot be read, before zod: the cases a planner meets most (no geometry, a
 * GeometryCollection, an unknown type) get a sentence rather than a schema path.
 */
export function featureShapeProblem(value: unknown): string | null {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return `the feature is ${describeValue(value)}, not an object`;
	const f = value as Record<string, unknown>;
	if (f.type !== 'Feature') return `"type" is ${describeValue(f.type)}; a feature's type must be "Feature"`;
	const g = f.geometry;
	if (g === null || g === undefined) return 'the feature has no geometry';
	if (typeof g !== 'object' || Array.isArray(g)) return `geometry is ${describeValue(g)}, not an object`;
	const type = (g as Record<string, unknown>).type;
	if (type === 'GeometryCollection') return 'GeometryCollection is not supported: split it into one feature per geometry';
	if (typeof type !== 'string' || !(SUPPORTED_GEOMETRIES as readonly string[]).includes(type)) {
		return `geometry type ${typeof type === 'string' ? quote(type) : describeValue(type)} is not one of ${SUPPORTED_GEOMETRIES.join(', ')}`;
	}
	return null;
}

/** The first problem zod found, as "where: what". */
export function describeIssues(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'the feature is not valid GeoJSON';
	const where = issue.path.length ? pathText(issue.path) : 'the feature';
	const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
	return `${where}: ${issue.message}${more}`;
}

function pathText(path: PropertyKey[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
