import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { metres } from '../../../src/lib/geo/distance';
import type { ImportedLayer } from '../../../src/lib/state/imported';
import { directionOfKey, featureLabel, moveFeature, movedCount, nudged, pointByRecord, undoMove } from '../../../src/lib/state/moves';

const point = (record: number, x: number, y: number, p: Record<string, unknown> = {}): Feature => ({ type: 'Feature', properties: { ...p, _record: record }, geometry: { type: 'Point', coordinates: [x, y] } });
const layer = (): ImportedLayer => ({
	id: 'l1',
	name: 'a.csv',
	crs: 'WGS84',
	created: '2026-12-01T00:00:00Z',
	errors: [],
	colour: '#000',
	features: [
		point(0, 121.44, 31.2, { 名称: '甲', 地址: '高安路50弄', _geocode_method: 'exact', _geocode_confidence: 0.9 }),
		point(2, 121.45, 31.21, { name: 'b' }),
		{ type: 'Feature', properties: { _record: 3 }, geometry: { type: 'LineString', coordinates: [[121.44, 31.2], [121.45, 31.2]] } }
	]
});
const AT = new Date('2026-12-03T08:00:00Z');
const coords = (l: ImportedLayer, record: number) => (pointByRecord(l, record)!.geometry as Point).coordinates;

describe('moving an imported point by hand', () => {
	it('moves the point, keeps its properties and marks it: placed by hand, from where, when', () => {
		const before = layer();
		const done = moveFeature(before, 0, [121.441234567, 31.2012345678], AT)!;
		expect(coords(done.layer, 0)).toEqual([121.4412346, 31.2012346]);
		expect(pointByRecord(done.layer, 0)!.properties).toEqual({ 名称: '甲', 地址: '高安路50弄', _geocode_method: 'exact', _geocode_confidence: 0.9, _record: 0, _placed_by: 'hand', _moved_from: [121.44, 31.2], _moved_at: '2026-12-03T08:00:00.000Z' });
		expect(movedCount(done.layer)).toBe(1);
		// The layer given is not changed; the other features are the same objects.
		expect(coords(before, 0)).toEqual([121.44, 31.2]);
		expect(movedCount(before)).toBe(0);
		expect(done.layer.features[1]).toBe(before.features[1]);
	});

	it('keeps where the point first was through a second move', () => {
		const once = moveFeature(layer(), 0, [121.441, 31.201], AT)!.layer;
		const twice = moveFeature(once, 0, [121.442, 31.202], new Date('2026-12-04T00:00:00Z'))!.layer;
		expect(pointByRecord(twice, 0)!.properties).toMatchObject({ _moved_from: [121.44, 31.2], _moved_at: '2026-12-04T00:00:00.000Z' });
	});

	it('moves only points, and only to a position', () => {
		expect(moveFeature(layer(), 3, [121.44, 31.2], AT)).toBeNull();
		expect(moveFeature(layer(), 9, [121.44, 31.2], AT)).toBeNull();
		expect(moveFeature(layer(), 0, [NaN, 31.2], AT)).toBeNull();
	});

	it('undoes a move: the feature exactly as it was', () => {
		const start = layer();
		const first = moveFeature(start, 2, [121.451, 31.211], AT)!;
		const second = moveFeature(first.layer, 2, [121.452, 31.212], AT)!;
		const back = undoMove(second.layer, second.move)!;
		expect(pointByRecord(back, 2)).toEqual(pointByRecord(first.layer, 2));
		const start2 = undoMove(back, first.move)!;
		expect(pointByRecord(start2, 2)).toEqual(start.features[1]);
		expect(movedCount(start2)).toBe(0);
		expect(undoMove({ ...start2, id: 'other' }, first.move)).toBeNull();
	});
});

describe('nudging from the keyboard', () => {
	it('moves the given metres towards each arrow key’s direction', () => {
		const from: [number, number] = [121.44, 31.2];
		for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']) {
			const to = nudged(from, directionOfKey(key)!, 5);
			expect(metres(from, to)).toBeCloseTo(5, 1);
		}
		expect(nudged(from, 'north', 5)[1]).toBeGreaterThan(from[1]);
		expect(nudged(from, 'west', 25)[0]).toBeLessThan(from[0]);
		expect(metres(from, nudged(from, 'east', 25))).toBeCloseTo(25, 1);
		expect(directionOfKey('Enter')).toBeNull();
	});
});

describe('a point’s label in the list', () => {
	it('is its name and address, else its row', () => {
		const [a, b] = layer().features;
		expect(featureLabel(a)).toBe('甲 · 高安路50弄');
		expect(featureLabel(b)).toBe('b');
		expect(featureLabel(point(4, 0, 0))).toBe('#5');
		expect(featureLabel(point(4, 0, 0, { 地址: '永嘉路492弄' }))).toBe('永嘉路492弄');
	});
});
