import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { distanceToFeature, featuresInArea, statistics, withinDistance, type AnyFeature, type Area } from '../../../src/lib/analysis';

// The built layers (`npm run data`); skipped where they have not been built.
const DATA = 'static/data';
const built = ['protected-buildings', 'elevator-retrofits', 'facilities', 'never-widened-roads'].every((l) => existsSync(`${DATA}/${l}.geojson`)) && existsSync(`${DATA}/districts.json`);
/** The registry's default district (Tianping): the one these checks were written for. */
const defaultBoundary = (): Area => {
	const all = JSON.parse(readFileSync(`${DATA}/districts.json`, 'utf8')) as { default: string; districts: Array<{ id: string; boundary: Area }> };
	return all.districts.find((d) => d.id === all.default)!.boundary;
};
const load = (layer: string): AnyFeature[] => JSON.parse(readFileSync(`${DATA}/${layer}.geojson`, 'utf8')).features;

/** Metres from a point feature to any feature, by turf's own geodesic measures: the independent answer. */
function turfMetres(point: AnyFeature, other: AnyFeature): number {
	const pt = point.geometry as Point;
	const g = other.geometry;
	if (g.type === 'Point') return turf.distance(pt, g, { units: 'meters' });
	if (g.type === 'LineString') return turf.pointToLineDistance(pt, g as LineString, { units: 'meters', method: 'geodesic' });
	if (g.type === 'Polygon' || g.type === 'MultiPolygon') return Math.max(0, turf.pointToPolygonDistance(pt, g as Polygon | MultiPolygon, { units: 'meters', method: 'geodesic' }));
	throw new Error(`no turf measure for ${g.type}`);
}

/** Every pair by turf: A's features with some B within `metres`, and each pair's distance to compare. */
function bruteByTurf(a: AnyFeature[], b: AnyFeature[], metres: number) {
	const near = new Set<AnyFeature>();
	let worst = 0;
	for (const f of a) {
		for (const g of b) {
			const theirs = turfMetres(f, g);
			const ours = distanceToFeature((f.geometry as Point).coordinates as [number, number], g);
			worst = Math.max(worst, Math.abs(theirs - ours));
			if (theirs <= metres) near.add(f);
		}
	}
	return { near, worst };
}

describe.skipIf(!built)('on the built data', () => {
	it('counts the elevator retrofits within 50 m of a protected building as turf does', () => {
		const elevators = load('elevator-retrofits');
		const buildings = load('protected-buildings');
		const matches = withinDistance(elevators, buildings, 50);
		const { near, worst } = bruteByTurf(elevators, buildings, 50);
		console.log(`elevator retrofits within 50 m of a protected building: ${matches.length} of ${elevators.length}; worst pair difference from turf ${worst.toFixed(3)} m`);
		expect(worst).toBeLessThan(1);
		expect(new Set(matches.map((m) => m.feature))).toEqual(near);
		for (const m of matches) expect(Math.abs(m.metres - turfMetres(m.feature, m.nearest))).toBeLessThan(1);
	});

	it('finds the facilities within 20 m of a never-widened road as turf does', () => {
		const facilities = load('facilities');
		const roads = load('never-widened-roads');
		const matches = withinDistance(facilities, roads, 20);
		const { near, worst } = bruteByTurf(facilities, roads, 20);
		expect(worst).toBeLessThan(1);
		expect(matches.length).toBeGreaterThan(0);
		expect(new Set(matches.map((m) => m.feature))).toEqual(near);
	});

	it('puts in the district what turf.booleanIntersects does, and counts it', () => {
		const district = defaultBoundary();
		const layers = { 'protected-buildings': load('protected-buildings'), facilities: load('facilities'), 'never-widened-roads': load('never-widened-roads') };
		for (const features of Object.values(layers)) {
			const expected = features.filter((f) => turf.booleanIntersects(f, district));
			expect(featuresInArea(features, district)).toEqual(expected);
		}
		for (const s of statistics(layers, district)) {
			for (const group of s.groups) expect(group.counts.reduce((sum, c) => sum + c.count, 0)).toBe(s.total);
		}
	});
});
