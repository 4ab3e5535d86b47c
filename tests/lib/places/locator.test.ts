import { describe, expect, it } from 'vitest';
import { drawLocator, joinPieces, scaleBar, type LocatorStreet } from '$lib/places/locator';
import { bboxOf, fitProjection, type LonLat } from '$lib/places/project';

const street = (line: LonLat[], name_zh: string | null, name_en: string | null, rank = 1): LocatorStreet => ({ line, name_zh, name_en, rank, bbox: bboxOf(line) });

describe('drawLocator', () => {
	const here: LonLat = [121.445, 31.205];
	const streets = [
		street([[121.44, 31.205], [121.45, 31.205]], '永嘉路', 'Yongjia Road', 2),
		street([[121.4445, 31.2], [121.4445, 31.21]], '岳阳路', 'Yueyang Road', 1),
		street([[121.5, 31.3], [121.51, 31.3]], '远处路', 'Far Road', 3)
	];
	const ring: LonLat[] = [[121.43, 31.19], [121.46, 31.19], [121.46, 31.22], [121.43, 31.22], [121.43, 31.19]];

	it('draws a point with the streets around it, named in each language', () => {
		const m = drawLocator({ points: [here] }, streets, [ring]);
		expect(m.points).toEqual([{ x: 240, y: 160 }]);
		expect(m.streets[2]).toMatch(/^M/);
		expect(m.streets[1]).toMatch(/^M/);
		expect(m.streets[3]).toBe(''); // the far road is outside the picture
		expect(m.labels.zh.map((l) => l.text).sort()).toEqual(['岳阳路', '永嘉路']);
		expect(m.labels.en.map((l) => l.text).sort()).toEqual(['Yongjia Road', 'Yueyang Road']);
		expect(m.district).toBe(''); // the edge lies beyond the few hundred metres shown
		expect(m.scale.metres).toBeGreaterThan(0);
	});

	it('draws a footprint as a closed area and a street as a line, and the district edge when near', () => {
		const square: LonLat[] = [[121.4448, 31.2048], [121.4452, 31.2048], [121.4452, 31.2052], [121.4448, 31.2052], [121.4448, 31.2048]];
		const m = drawLocator({ areas: [[square]] }, streets, [[[121.446, 31.19], [121.446, 31.22]]]);
		expect(m.area).toMatch(/^M.*Z$/);
		expect(m.district).toMatch(/^M/);
		const road = drawLocator({ lines: [[[121.44, 31.205], [121.45, 31.205]]] }, streets, []);
		expect(road.line).toMatch(/^M[\d.]+ [\d.]+L/);
	});

	it('numbers a tour’s stops', () => {
		const m = drawLocator({ points: [here, [121.447, 31.206]], lines: [[here, [121.447, 31.206]]], numbered: true }, streets, []);
		expect(m.points.map((p) => p.n)).toEqual([1, 2]);
	});

	it('refuses a subject without coordinates', () => {
		expect(() => drawLocator({}, streets, [])).toThrow(/no coordinates/);
	});
});

describe('joinPieces', () => {
	it('joins ways that meet end to end, whichever way they run', () => {
		const joined = joinPieces([
			[[0, 0], [10, 0]],
			[[20, 0], [10, 0]],
			[[20, 0], [30, 5]],
			[[100, 100], [110, 100]]
		]);
		expect(joined).toHaveLength(2);
		expect(joined.find((p) => p.length === 4)).toEqual([[0, 0], [10, 0], [20, 0], [30, 5]]);
	});
});

describe('scaleBar', () => {
	it('chooses a round length about a fifth of the picture', () => {
		const p = fitProjection([121.44, 31.2, 121.441, 31.201], 500, 300, 20, 300);
		const s = scaleBar(p);
		expect([10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000]).toContain(s.metres);
		expect(s.px).toBeCloseTo(s.metres * p.scale, 0);
		expect(s.px).toBeGreaterThan(50);
		expect(s.px).toBeLessThan(200);
	});
});
