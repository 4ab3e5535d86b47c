import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { featureInArea, featuresInArea, type Area } from '../../../src/lib/analysis';
import { at, feature, line, point, random, rectRing, square } from './fixtures';

// A 100 m block, and a MultiPolygon of two blocks, the first with a 40 m courtyard.
const BLOCK: Area = { type: 'Polygon', coordinates: [rectRing(0, 0, 100, 100)] };
const ESTATE: Area = { type: 'MultiPolygon', coordinates: [[rectRing(0, 0, 100, 100), rectRing(30, 30, 70, 70)], [rectRing(200, 0, 300, 100)]] };

describe('featureInArea', () => {
	it('points: inside, outside, in a hole, in a second part', () => {
		expect(featureInArea(point('p', 50, 50), BLOCK)).toBe(true);
		expect(featureInArea(point('p', 150, 50), BLOCK)).toBe(false);
		expect(featureInArea(point('p', 50, 50), ESTATE)).toBe(false);
		expect(featureInArea(point('p', 10, 50), ESTATE)).toBe(true);
		expect(featureInArea(point('p', 250, 50), ESTATE)).toBe(true);
		expect(featureInArea(feature('mp', { type: 'MultiPoint', coordinates: [at(500, 500), at(250, 50)] }), ESTATE)).toBe(true);
	});
	it('lines: inside, crossing with every vertex outside, outside, only across a hole', () => {
		expect(featureInArea(line('l', [[10, 10], [90, 90]]), BLOCK)).toBe(true);
		expect(featureInArea(line('l', [[-50, 50], [150, 50]]), BLOCK)).toBe(true);
		expect(featureInArea(line('l', [[-50, 150], [150, 150]]), BLOCK)).toBe(false);
		expect(featureInArea(line('l', [[40, 50], [60, 50]]), ESTATE)).toBe(false);
		expect(featureInArea(line('l', [[150, 50], [250, 50]]), ESTATE)).toBe(true);
		expect(featureInArea(feature('ml', { type: 'MultiLineString', coordinates: [[at(-9, -9), at(-1, -1)], [at(120, 50), at(180, 50)]] }), ESTATE)).toBe(false);
	});
	it('polygons: overlapping, holding the area, inside it, in its hole, apart', () => {
		expect(featureInArea(square('s', 90, 90, 20), BLOCK)).toBe(true);
		expect(featureInArea(square('s', -50, -50, 300), BLOCK)).toBe(true);
		expect(featureInArea(square('s', 10, 10, 20), BLOCK)).toBe(true);
		expect(featureInArea(square('s', 40, 40, 20), ESTATE)).toBe(false);
		expect(featureInArea(square('s', 120, 20, 50), ESTATE)).toBe(false);
		// A cross-shaped overlap: no vertex of either inside the other, only the outlines cross.
		expect(featureInArea(feature('bar', { type: 'Polygon', coordinates: [rectRing(-20, 40, 120, 60)] }), BLOCK)).toBe(true);
	});
	it('a MultiPolygon feature with a hole: the area in its hole is not in it', () => {
		const ring = feature('ring', { type: 'MultiPolygon', coordinates: [[rectRing(-100, -100, 200, 200), rectRing(-10, -10, 110, 110)], [rectRing(500, 500, 510, 510)]] });
		expect(featureInArea(ring, BLOCK)).toBe(false);
		expect(featureInArea(ring, { type: 'Polygon', coordinates: [rectRing(150, 150, 160, 160)] })).toBe(true);
	});
	it('a feature without geometry is in no area', () => {
		expect(featureInArea({ type: 'Feature', geometry: null as never, properties: {} }, BLOCK)).toBe(false);
	});
	it('agrees with turf.booleanIntersects on random lines and polygons', () => {
		const rand = random(7);
		const r = () => rand() * 400 - 100;
		const seen = new Set<boolean>();
		for (let i = 0; i < 400; i++) {
			const [x, y, w, h] = [r(), r(), rand() * 80, rand() * 80];
			const f = i % 2 ? line('l', [[x, y], [x + w, y + h], [x + 2 * w, y]]) : feature('s', { type: 'Polygon', coordinates: [rectRing(x, y, x + w + 1, y + h + 1)] });
			const expected = turf.booleanIntersects(f, ESTATE);
			expect(featureInArea(f, ESTATE), `case ${i}`).toBe(expected);
			seen.add(expected);
		}
		expect(seen.size).toBe(2);
	});
});

describe('featuresInArea', () => {
	it('keeps the features in the area, in order', () => {
		const fs = [point('a', 50, 50), point('b', 150, 50), line('c', [[-50, 50], [150, 50]]), square('d', 400, 400, 10)];
		expect(featuresInArea(fs, BLOCK).map((f) => f.properties.id)).toEqual(['a', 'c']);
	});
});
