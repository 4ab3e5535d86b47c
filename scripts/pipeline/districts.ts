import { area, bbox, booleanPointInPolygon, buffer, centroid, difference, featureCollection, intersect, polygon, union } from '@turf/turf';
import { intersectsArea, ringsOf } from '../../src/lib/geo/geometry';
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { district, type District, type DistrictRegistry } from '../../src/lib/schema/district';
import { SourceError } from './report';

export type Area = Feature<Polygon | MultiPolygon>;

/** An entry of the registry the build leaves out, and why: the others are built. */
export interface DistrictProblem {
	district: string;
	reason: string;
}

export interface Registry extends DistrictRegistry {
	/** Entries that are not valid districts (left out of `districts`). */
	problems: DistrictProblem[];
}

/**
 * Reads `data/districts.json`. The file as a whole must parse and name a default; each entry
 * is then checked on its own, so one bad entry (a figure without its source, say) is reported
 * and left out while the others are built.
 */
export function loadDistrictRegistry(path: string): Registry {
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(path, 'utf8'));
	} catch (err) {
		throw new SourceError(path, `cannot be read as JSON (${(err as Error).message})`);
	}
	const shape = registryShape.safeParse(parsed);
	if (!shape.success) {
		const issue = shape.error.issues[0];
		throw new SourceError(path, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
	}
	const districts: District[] = [];
	const problems: DistrictProblem[] = [];
	shape.data.districts.forEach((entry, i) => {
		const id = typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : `#${i}`;
		const result = district.safeParse(entry);
		if (!result.success) {
			const issue = result.error.issues[0];
			problems.push({ district: id, reason: `${path}: districts.${i}.${issue.path.join('.')}: ${issue.message}` });
		} else if (districts.some((d) => d.id === result.data.id)) {
			problems.push({ district: id, reason: `${path}: districts.${i}: the id "${id}" is used twice` });
		} else districts.push(result.data);
	});
	if (!districts.some((d) => d.id === shape.data.default)) {
		const why = problems.find((p) => p.district === shape.data.default)?.reason;
		throw new SourceError(path, `default: no valid district "${shape.data.default}"${why ? ` (${why})` : ''}`);
	}
	return { default: shape.data.default, districts, problems };
}

const registryShape = z.object({ default: z.string(), districts: z.array(z.unknown()).min(1) });

export function selectDistrict(registry: DistrictRegistry, id: string | undefined, file = 'data/districts.json'): District {
	const wanted = id ?? registry.default;
	const found = registry.districts.find((d) => d.id === wanted);
	if (!found) {
		const known = registry.districts.map((d) => d.id).join(', ');
		throw new SourceError(file, `no district "${wanted}" (known: ${known}). Add its entry to the registry.`);
	}
	return found;
}

/** A district the build covers: its entry, its boundary and the context drawn around it. */
export interface Covered {
	district: District;
	boundary: Area;
	context: Area;
}

/** What one build covers: its districts, and the union of their boundaries and of their contexts. */
export interface Coverage {
	districts: Covered[];
	boundary: Area;
	context: Area;
}

/** A district overlapping an accepted one by more than this share of the smaller is refused. */
const OVERLAP_SHARE = 0.01;

/**
 * The districts a build covers: each candidate's boundary is read (`boundaryOf` throws a
 * SourceError for a missing or broken file) and checked against those accepted before it. A
 * district whose boundary cannot be read, or that overlaps another, is a problem; the rest are built.
 */
export function coverDistricts(candidates: readonly District[], boundaryOf: (d: District) => Area | null): { covered: Covered[]; problems: DistrictProblem[] } {
	const covered: Covered[] = [];
	const problems: DistrictProblem[] = [];
	for (const d of candidates) {
		let boundary: Area | null;
		try {
			boundary = boundaryOf(d);
		} catch (err) {
			if (!(err instanceof SourceError)) throw err;
			problems.push({ district: d.id, reason: `boundary source ${d.boundary_source}: ${err.message}` });
			continue;
		}
		if (!boundary) {
			problems.push({ district: d.id, reason: `boundary source ${d.boundary_source} holds no valid polygon (a ring that does not close is rejected: see the build report's rejected records)` });
			continue;
		}
		const clash = covered.find((c) => {
			const shared = intersect(featureCollection([c.boundary, boundary!]));
			return shared !== null && area(shared) > OVERLAP_SHARE * Math.min(area(c.boundary), area(boundary!));
		});
		if (clash) {
			problems.push({ district: d.id, reason: `its boundary overlaps ${clash.district.id}'s by more than ${OVERLAP_SHARE * 100}% of the smaller: a place would belong to two districts` });
			continue;
		}
		covered.push({ district: d, boundary, context: contextArea(boundary, d.context_buffer_m) });
	}
	return { covered, problems };
}

/** The union of the covered districts, and of their contexts. */
export function coverage(covered: Covered[]): Coverage {
	const merge = (areas: Area[]): Area => (areas.length === 1 ? areas[0] : ((union(featureCollection(areas)) as Area | null) ?? areas[0]));
	return { districts: covered, boundary: merge(covered.map((c) => c.boundary)), context: merge(covered.map((c) => c.context)) };
}

/** The district plus its context buffer: what every layer is clipped to. */
export function contextArea(boundary: Area, bufferM: number): Area {
	// Few steps per quarter circle: the context is a ~300 m margin, and a lean ring keeps every point-in-polygon test cheap.
	const area = buffer(boundary, bufferM, { units: 'meters', steps: 4 });
	if (!area) throw new Error('buffering the district boundary produced nothing');
	return area as Area;
}

/**
 * Keeps the features that touch the covered area (the districts and their context) and says
 * which district each lies in: `district` is the id of the one it touches (for a street or a
 * building across a boundary, the one holding its middle, else the first), null for a feature in
 * the context alone; `in_district` is whether it lies in any. Features are kept whole rather
 * than cut at the edge, so a street straddling the line stays one object with its full geometry.
 */
export function clipToCoverage<F extends Feature>(features: F[], cov: Coverage): Array<F & { properties: { in_district: boolean; district: string | null } }> {
	const contextBox = bbox(cov.context);
	const contextRings = ringsOf(cov.context.geometry);
	const districts = cov.districts.map((c) => ({ id: c.district.id, box: bbox(c.boundary), rings: ringsOf(c.boundary.geometry), area: c.boundary }));
	const out: Array<F & { properties: { in_district: boolean; district: string | null } }> = [];
	for (const feature of features) {
		const box = bbox(feature);
		if (!feature.geometry || !boxesOverlap(box, contextBox) || !intersectsArea(feature.geometry, contextRings)) continue;
		const hits = districts.filter((d) => boxesOverlap(box, d.box) && intersectsArea(feature.geometry!, d.rings));
		let id: string | null = hits[0]?.id ?? null;
		if (hits.length > 1) {
			const middle = centroid(feature).geometry.coordinates as [number, number];
			id = hits.find((d) => booleanPointInPolygon(middle, d.area))?.id ?? id;
		}
		out.push({ ...feature, properties: { ...feature.properties, in_district: id !== null, district: id } });
	}
	return out;
}

/** The same for a build of one district (and for tests). */
export function clipToDistrict<F extends Feature>(features: F[], boundary: Area, context: Area, id = 'district'): Array<F & { properties: { in_district: boolean; district: string | null } }> {
	const only = { district: { id } as District, boundary, context };
	return clipToCoverage(features, { districts: [only], boundary, context });
}

/**
 * How far the dimming mask reaches beyond the district's bounding box (~3 km). The map keeps
 * its view inside this frame (maxBounds), so nobody sees where the mask ends, and the
 * frame stays small enough that its solid tiles at z16 number in the hundreds, not tens of thousands.
 */
export const MASK_MARGIN_DEG = 0.03;

/** The box the mask covers: the district's bounding box grown by the margin. The map keeps its view inside it. */
export function maskFrame(boundary: Area, marginDeg = MASK_MARGIN_DEG): [number, number, number, number] {
	const [w, s, e, n] = bbox(boundary);
	return [w - marginDeg, s - marginDeg, e + marginDeg, n + marginDeg];
}

/**
 * A polygon covering the map around the district with the district cut out, to dim the outside.
 * `frame` is the box it covers: by default the district's own; in a build of several, every
 * mask covers the frame of them all, so switching districts never shows an undimmed edge.
 */
export function outsideMask(boundary: Area, frame: [number, number, number, number] = maskFrame(boundary)): Area {
	const [w, s, e, n] = frame;
	const outer = polygon([[[w, s], [e, s], [e, n], [w, n], [w, s]]]);
	const mask = difference(featureCollection([outer, boundary]));
	if (!mask) throw new Error('cutting the district out of its frame produced nothing');
	return mask as Area;
}

function boxesOverlap(a: BBox, b: BBox): boolean {
	return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
