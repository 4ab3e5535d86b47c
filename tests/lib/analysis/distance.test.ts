import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { distanceToFeature, featureDistance } from '../../../src/lib/analysis';
import { at, feature, line, point, rectRing, square } from './fixtures';

describe('distanceToFeature', () => {
	it('measures to a point', () => {
		expect(distanceToFeature(at(0, 0), point('p', 30, 40))).toBeCloseTo(50, 2);
	});
	it('measures square to the nearest segment of a line', () => {
		const road = line('road', [[-100, 0], [0, 0], [100, 50]]);
		expect(distanceToFeature(at(-50, 30), road)).toBeCloseTo(30, 2);
		expect(distanceToFeature(at(-50, -30), road)).toBeCloseTo(30, 2);
	});
	it('measures to a line’s end beyond it', () => {
		expect(distanceToFeature(at(-130, 40), line('road', [[-100, 0], [100, 0]]))).toBeCloseTo(50, 2);
	});
	it('is 0 inside a polygon and measures to the ring outside', () => {
		const block = square('b', 0, 0, 100);
		expect(distanceToFeature(at(50, 50), block)).toBe(0);
		expect(distanceToFeature(at(50, 130), block)).toBeCloseTo(30, 2);
		expect(distanceToFeature(at(130, 140), block)).toBeCloseTo(50, 2);
	});
	it('treats a hole as outside and measures to its ring', () => {
		const courtyard = feature('c', { type: 'Polygon', coordinates: [rectRing(0, 0, 100, 100), rectRing(40, 40, 60, 60)] });
		expect(distanceToFeature(at(50, 50), courtyard)).toBeCloseTo(10, 2);
		expect(distanceToFeature(at(20, 50), courtyard)).toBe(0);
	});
	it('takes the nearest part of a multi-geometry', () => {
		const parts = feature('m', { type: 'MultiPoint', coordinates: [at(100, 0), at(0, 20)] });
		expect(distanceToFeature(at(0, 0), parts)).toBeCloseTo(20, 2);
		const blocks = feature('mp', { type: 'MultiPolygon', coordinates: [[rectRing(0, 0, 10, 10)], [rectRing(200, 0, 210, 10)]] });
		expect(distanceToFeature(at(205, 5), blocks)).toBe(0);
		expect(distanceToFeature(at(30, 5), blocks)).toBeCloseTo(20, 2);
	});
	it('is Infinity for a feature without geometry', () => {
		expect(distanceToFeature(at(0, 0), { type: 'Feature', geometry: null as never, properties: {} })).toBe(Infinity);
	});
	it('agrees with turf within a centimetre at the district’s scale', () => {
		const road = line('road', [[-300, -200], [50, 120], [400, 90]]);
		for (const [e, n] of [[0, 0], [120, 300], [-250, 100], [500, -40]] as const) {
			const ours = distanceToFeature(at(e, n), road);
			const theirs = turf.pointToLineDistance(at(e, n), road.geometry as GeoJSON.LineString, { units: 'meters', method: 'geodesic' });
			expect(Math.abs(ours - theirs)).toBeLessThan(0.05);
		}
	});
});

describe('featureDistance', () => {
	it('is 0 for touching, overlapping and nested polygons', () => {
		expect(featureDistance(square('a', 0, 0, 100), square('b', 100, 0, 100))).toBeCloseTo(0, 6);
		expect(featureDistance(square('a', 0, 0, 100), square('b', 50, 50, 100))).toBe(0);
		expect(featureDistance(square('a', 0, 0, 100), square('b', 40, 40, 10))).toBe(0);
		expect(featureDistance(square('b', 40, 40, 10), square('a', 0, 0, 100))).toBe(0);
	});
	it('measures between separate polygons, lines and points', () => {
		expect(featureDistance(square('a', 0, 0, 100), square('b', 120, 30, 10))).toBeCloseTo(20, 2);
		expect(featureDistance(line('l', [[0, 0], [100, 0]]), line('m', [[0, 15], [100, 15]]))).toBeCloseTo(15, 2);
		expect(featureDistance(line('l', [[0, -50], [0, 50]]), square('b', 25, -10, 20))).toBeCloseTo(25, 2);
		expect(featureDistance(point('p', 50, 130), square('b', 0, 0, 100))).toBeCloseTo(30, 2);
		expect(featureDistance(square('b', 0, 0, 100), point('p', 50, 130))).toBeCloseTo(30, 2);
	});
	it('is 0 for lines crossing between their vertices', () => {
		expect(featureDistance(line('l', [[-50, -50], [50, 50]]), line('m', [[-50, 50], [50, -50]]))).toBe(0);
		expect(featureDistance(line('l', [[-50, 50], [150, 50]]), square('b', 0, 0, 100))).toBe(0);
	});
	it('measures from a polygon in another’s hole to the hole’s ring', () => {
		const courtyard = feature('c', { type: 'Polygon', coordinates: [rectRing(0, 0, 100, 100), rectRing(30, 30, 70, 70)] });
		expect(featureDistance(square('pavilion', 45, 45, 10), courtyard)).toBeCloseTo(15, 2);
	});
});
