import { bbox, buffer, difference, featureCollection, polygon } from '@turf/turf';
import { intersectsArea, ringsOf } from '../../src/lib/geo/geometry';
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { districtRegistry, type District, type DistrictRegistry } from '../../src/lib/schema/district';
import { SourceError } from './report';

export type Area = Feature<Polygon | MultiPolygon>;

/** Reads and validates `data/districts.json`; any problem names the file and the field. */
export function loadDistrictRegistry(path: string): DistrictRegistry {
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(path, 'utf8'));
	} catch (err) {
		throw new SourceError(path, `cannot be read as JSON (${(err as Error).message})`);
	}
	const result = districtRegistry.safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new SourceError(path, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
	}
	return result.data;
}

export function selectDistrict(registry: DistrictRegistry, id: string | undefined, file = 'data/districts.json'): District {
	const wanted = id ?? registry.default;
	const found = registry.districts.find((d) => d.id === wanted);
	if (!found) {
		const known = registry.districts.map((d) => d.id).join(', ');
		throw new SourceError(file, `no district "${wanted}" (known: ${known}). Add its entry to the registry.`);
	}
	return found;
}

/** The district plus its context buffer: what every layer is clipped to. */
export function contextArea(boundary: Area, bufferM: number): Area {
	// Few steps per quarter circle: the context is a ~300 m margin, and a lean ring keeps every point-in-polygon test cheap.
	const area = buffer(boundary, bufferM, { units: 'meters', steps: 4 });
	if (!area) throw new Error('buffering the district boundary produced nothing');
	return area as Area;
}

/**
 * Keeps the features that touch the context area and flags those touching the district
 * itself. Features are kept whole rather than cut at the edge, so a street or a building
 * straddling the line stays one object with its full geometry.
 */
export function clipToDistrict<F extends Feature>(features: F[], boundary: Area, context: Area): Array<F & { properties: { in_district: boolean } }> {
	const contextBox = bbox(context);
	const boundaryBox = bbox(boundary);
	const contextRings = ringsOf(context.geometry);
	const boundaryRings = ringsOf(boundary.geometry);
	const out: Array<F & { properties: { in_district: boolean } }> = [];
	for (const feature of features) {
		const box = bbox(feature);
		if (!feature.geometry || !boxesOverlap(box, contextBox) || !intersectsArea(feature.geometry, contextRings)) continue;
		const inDistrict = boxesOverlap(box, boundaryBox) && intersectsArea(feature.geometry, boundaryRings);
		out.push({ ...feature, properties: { ...feature.properties, in_district: inDistrict } });
	}
	return out;
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

/** A polygon covering the map around the district with the district cut out, to dim the outside. */
export function outsideMask(boundary: Area, marginDeg = MASK_MARGIN_DEG): Area {
	const [w, s, e, n] = maskFrame(boundary, marginDeg);
	const frame = polygon([[[w, s], [e, s], [e, n], [w, n], [w, s]]]);
	const mask = difference(featureCollection([frame, boundary]));
	if (!mask) throw new Error('cutting the district out of its frame produced nothing');
	return mask as Area;
}

function boxesOverlap(a: BBox, b: BBox): boolean {
	return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
