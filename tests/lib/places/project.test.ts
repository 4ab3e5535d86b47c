import { describe, expect, it } from 'vitest';
import { metres } from '$lib/geo/distance';
import { along, bboxOf, clipPolyline, fitProjection, lineLength, pathData } from '$lib/places/project';

describe('fitProjection', () => {
	const box: [number, number, number, number] = [121.44, 31.2, 121.45, 31.21];

	it('fits the box inside the padding, centred, north up', () => {
		const p = fitProjection(box, 480, 320, 20, 10);
		const [x0, y0] = p.project([box[0], box[3]]);
		const [x1, y1] = p.project([box[2], box[1]]);
		expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(20 - 1e-9);
		expect(x1).toBeLessThanOrEqual(460 + 1e-9);
		expect(y1).toBeLessThanOrEqual(300 + 1e-9);
		expect(y0).toBeLessThan(y1); // north is up
		const [cx, cy] = p.project([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]);
		expect(cx).toBeCloseTo(240, 6);
		expect(cy).toBeCloseTo(160, 6);
	});

	it('keeps metres the same in both directions (no stretch at this latitude)', () => {
		const p = fitProjection(box, 480, 320);
		const a: [number, number] = [121.445, 31.205];
		const east: [number, number] = [121.446, 31.205];
		const north: [number, number] = [121.445, 31.206];
		const px = (q: [number, number]) => Math.hypot(p.project(q)[0] - p.project(a)[0], p.project(q)[1] - p.project(a)[1]);
		expect(px(east) / metres(a, east)).toBeCloseTo(p.scale, 3);
		expect(px(north) / metres(a, north)).toBeCloseTo(p.scale, 3);
	});

	it('shows at least minMetres around a single point', () => {
		const p = fitProjection([121.44, 31.2, 121.44, 31.2], 480, 320, 20, 300);
		expect((320 - 40) / p.scale).toBeCloseTo(300, 6);
		const [w, s, e, n] = p.bounds;
		expect(metres([w, s], [w, n])).toBeCloseTo(320 / p.scale, 0);
		expect(metres([w, s], [e, s])).toBeCloseTo(480 / p.scale, 0);
	});
});

describe('clipPolyline', () => {
	it('keeps a line inside the picture whole', () => {
		expect(clipPolyline([[1, 1], [5, 5], [9, 1]], 10, 10)).toEqual([[[1, 1], [5, 5], [9, 1]]]);
	});

	it('cuts a line where it crosses the edge', () => {
		expect(clipPolyline([[-10, 5], [20, 5]], 10, 10)).toEqual([[[0, 5], [10, 5]]]);
	});

	it('gives two pieces for a line that leaves and comes back', () => {
		const pieces = clipPolyline([[2, 5], [2, 20], [8, 20], [8, 5]], 10, 10);
		expect(pieces).toEqual([
			[[2, 5], [2, 10]],
			[[8, 10], [8, 5]]
		]);
	});

	it('drops a line wholly outside, and one that only grazes a corner outside', () => {
		expect(clipPolyline([[-5, -5], [-1, 20]], 10, 10)).toEqual([]);
		expect(clipPolyline([[11, -1], [20, 5]], 10, 10)).toEqual([]);
	});
});

describe('paths and measures', () => {
	it('writes one-decimal SVG paths, closed on request', () => {
		expect(pathData([[[0, 0], [1.234, 5.678]]])).toBe('M0 0L1.2 5.7');
		expect(pathData([[[0, 0], [1, 0], [1, 1]]], true)).toBe('M0 0L1 0L1 1Z');
		expect(pathData([[[3, 3]]])).toBe('');
	});

	it('measures and walks along a polyline', () => {
		const line: Array<[number, number]> = [[0, 0], [10, 0], [10, 10]];
		expect(lineLength(line)).toBe(20);
		expect(along(line, 15).point).toEqual([10, 5]);
		expect(along(line, 15).angle).toBeCloseTo(Math.PI / 2);
		expect(bboxOf([[1, 2], [-1, 5]])).toEqual([-1, 2, 1, 5]);
	});
});
