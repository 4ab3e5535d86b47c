/**
 * What a GeoJSON feature must be for the map to draw it (RFC 7946, minus GeometryCollection):
 * finite positions, lines of two positions or more, closed rings of four or more. Messages name
 * the place in the feature (`geometry.coordinates[0][3]`) and what was found there.
 */
import { z } from 'zod';
import { isMessage, msg, type Message } from '../i18n/messages';
import { clip } from './messages';

export const SUPPORTED_GEOMETRIES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;

/** What a value is, for "expected …, got …" messages. */
export function describeValue(value: unknown): Message {
	if (value === null) return msg('import.value.null');
	if (value === undefined) return msg('import.value.nothing');
	if (Array.isArray(value)) return msg('import.value.array');
	if (typeof value === 'number') return msg(Number.isFinite(value) ? 'import.value.number' : 'import.value.hugeNumber', { value: String(value) });
	if (typeof value === 'string') return msg('import.value.text', { value: clip(value, 20) });
	if (typeof value === 'object') return msg('import.value.object');
	return msg('import.value.other', { type: typeof value, value: String(value) });
}

// zod carries a message as text: a catalogue message travels through it as JSON and is read back by issueMessage.
const said = (key: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => JSON.stringify(msg(key, params));
const expected = (what: Message) => (iss: { input: unknown }) => said('import.geojson.expected', { what, got: describeValue(iss.input) });

function issueMessage(text: string): Message {
	try {
		const parsed: unknown = JSON.parse(text);
		if (isMessage(parsed)) return parsed;
	} catch {
		// zod's own words: shown as they are
	}
	return msg('import.geojson.schemaProblem', { detail: text });
}

const coordinate = z.number({ error: expected(msg('import.what.finiteNumber')) });
const position = z.array(coordinate, { error: expected(msg('import.what.position')) }).min(2, said('import.geojson.positionNeedsTwo'));
const positions = (what: Message) => z.array(position, { error: expected(what) });

const lineString = positions(msg('import.what.positions')).min(2, said('import.geojson.lineNeedsTwo'));
const ring = positions(msg('import.what.ring'))
	.min(4, said('import.geojson.ringNeedsFour'))
	.refine(isClosedOrTooShort, said('import.geojson.ringNotClosed'));
// Defensive: zod may run a refinement on a ring whose items already failed.
function isClosedOrTooShort(r: unknown[][]): boolean {
	if (r.length < 4) return true; // .min says so already
	const [first, last] = [r[0], r[r.length - 1]];
	return !Array.isArray(first) || !Array.isArray(last) || (first[0] === last[0] && first[1] === last[1]);
}
const polygon = z.array(ring, { error: expected(msg('import.what.rings')) }).min(1, said('import.geojson.polygonNeedsRing'));
const listOf = <T extends z.ZodType>(item: T, what: Message) => z.array(item, { error: expected(msg('import.what.listOf', { what })) }).min(1, said('import.geojson.emptyList', { what }));

export const GeometrySchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Point'), coordinates: position }),
	z.object({ type: z.literal('MultiPoint'), coordinates: listOf(position, msg('import.what.listOfPositions')) }),
	z.object({ type: z.literal('LineString'), coordinates: lineString }),
	z.object({ type: z.literal('MultiLineString'), coordinates: listOf(lineString, msg('import.what.listOfLines')) }),
	z.object({ type: z.literal('Polygon'), coordinates: polygon }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: listOf(polygon, msg('import.what.listOfPolygons')) })
]);
export type ImportGeometry = z.infer<typeof GeometrySchema>;

export const FeatureSchema = z.object({
	type: z.literal('Feature'),
	geometry: GeometrySchema,
	// RFC 7946 wants the member; files without it are common enough to read as "no properties".
	properties: z.record(z.string(), z.unknown(), { error: expected(msg('import.what.properties')) }).nullish(),
	id: z.union([z.string(), z.number()], { error: expected(msg('import.what.id')) }).optional()
});
export type ImportFeature = z.infer<typeof FeatureSchema>;

export const FeatureCollectionSchema = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(z.unknown(), { error: (iss) => said('import.geojson.featuresNotList', { got: describeValue(iss.input) }) })
});

/**
 * Why a feature cannot be read, before zod: the cases a planner meets most (no geometry, a
 * GeometryCollection, an unknown type) get a sentence rather than a schema path.
 */
export function featureShapeProblem(value: unknown): Message | null {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return msg('import.geojson.featureNotObject', { what: describeValue(value) });
	const f = value as Record<string, unknown>;
	if (f.type !== 'Feature') return msg('import.geojson.notFeature', { what: describeValue(f.type) });
	const g = f.geometry;
	if (g === null || g === undefined) return msg('import.geojson.noGeometry');
	if (typeof g !== 'object' || Array.isArray(g)) return msg('import.geojson.geometryNotObject', { what: describeValue(g) });
	const type = (g as Record<string, unknown>).type;
	if (type === 'GeometryCollection') return msg('import.geojson.collection');
	if (typeof type !== 'string' || !(SUPPORTED_GEOMETRIES as readonly string[]).includes(type)) {
		const supported = SUPPORTED_GEOMETRIES.join(', ');
		return typeof type === 'string' ? msg('import.geojson.unknownGeometryNamed', { type: clip(type), supported }) : msg('import.geojson.unknownGeometry', { what: describeValue(type), supported });
	}
	return null;
}

/** The first problem zod found, as "where: what". */
export function describeIssues(error: z.ZodError, where0: Message = msg('import.geojson.theFeature')): Message {
	const issue = error.issues[0];
	if (!issue) return msg('import.geojson.invalid');
	const where = issue.path.length ? pathText(issue.path) : where0;
	const problem = issueMessage(issue.message);
	return error.issues.length > 1 ? msg('import.geojson.atMore', { where, problem, more: error.issues.length - 1 }) : msg('import.geojson.at', { where, problem });
}

/** The first problem zod found, without where it is (for a message that says where itself). */
export function firstIssue(error: z.ZodError): Message {
	const issue = error.issues[0];
	return issue ? issueMessage(issue.message) : msg('import.geojson.invalid');
}

function pathText(path: PropertyKey[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
