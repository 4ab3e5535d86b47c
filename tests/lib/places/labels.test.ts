import { describe, expect, it } from 'vitest';
import { boxesOverlap, labelBox, placeLabels, textWidth, upright } from '$lib/places/labels';

describe('label geometry', () => {
	it('measures CJK characters square and Latin ones narrower', () => {
		expect(textWidth('永嘉路', 10)).toBe(30);
		expect(textWidth('Road', 10)).toBeCloseTo(22.4);
	});

	it('keeps text upright', () => {
		expect(upright(0)).toBe(0);
		expect(upright(180)).toBe(0);
		expect(upright(-135)).toBe(45);
		expect(upright(100)).toBe(-80);
		expect(upright(90)).toBe(90);
		expect(upright(-90)).toBe(90);
	});

	it('boxes a turned label', () => {
		expect(labelBox(50, 50, 20, 10, 0)).toEqual([40, 45, 60, 55]);
		const [x0, y0, x1, y1] = labelBox(50, 50, 20, 10, 90);
		expect([x1 - x0, y1 - y0].map((v) => Math.round(v))).toEqual([10, 20]);
		expect(boxesOverlap([0, 0, 10, 10], [9, 9, 20, 20])).toBe(true);
		expect(boxesOverlap([0, 0, 10, 10], [10, 0, 20, 10])).toBe(false);
	});
});

describe('placeLabels', () => {
	it('names a street along it, in the middle, turned with it', () => {
		const [l] = placeLabels([{ text: '永嘉路', rank: 1, pieces: [[[20, 20], [180, 180]]] }], 200, 200, 12);
		expect(l).toMatchObject({ text: '永嘉路', x: 100, y: 100, angle: 45 });
	});

	it('turns a westward street to read left to right', () => {
		const [l] = placeLabels([{ text: 'Hengshan Road', rank: 1, pieces: [[[190, 50], [10, 50]]] }], 200, 100, 12);
		expect(l.angle).toBe(0);
	});

	it('leaves out a name longer than its street, or one that would leave the picture', () => {
		expect(placeLabels([{ text: '乌鲁木齐南路', rank: 1, pieces: [[[10, 10], [40, 10]]] }], 200, 200, 12)).toEqual([]);
		expect(placeLabels([{ text: '路', rank: 1, pieces: [[[0, 1], [60, 1]]] }], 200, 200, 12)).toEqual([]);
	});

	it('places the main road first and moves or drops a name that would overlap it', () => {
		const main = { text: '淮海中路', rank: 3, pieces: [[[0, 100], [200, 100]]] as Array<Array<[number, number]>> };
		const lane = { text: '高安路', rank: 1, pieces: [[[0, 104], [200, 104]]] as Array<Array<[number, number]>> };
		const placed = placeLabels([lane, main], 200, 200, 12);
		expect(placed[0].text).toBe('淮海中路');
		const boxes = placed.map((l) => labelBox(l.x, l.y, textWidth(l.text, 12) + 7.2, 15.6, l.angle));
		for (let i = 1; i < boxes.length; i++) expect(boxesOverlap(boxes[0], boxes[i])).toBe(false);
	});

	it('keeps names off the boxes it is told to avoid', () => {
		const placed = placeLabels([{ text: '衡山路', rank: 2, pieces: [[[0, 50], [200, 50]]] }], 200, 100, 12, [[80, 30, 120, 70]]);
		expect(placed).toHaveLength(1);
		expect(Math.abs(placed[0].x - 100)).toBeGreaterThan(20);
	});

	it('does not set a name across a sharp bend', () => {
		const bent = placeLabels([{ text: '东平路', rank: 1, pieces: [[[100, 10], [100, 60], [150, 60]]] }], 200, 200, 12);
		for (const l of bent) expect([0, 90]).toContain(Math.abs(l.angle));
	});
});
