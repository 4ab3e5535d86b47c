import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { polygon } from '@turf/turf';
import { groupLayer, layerTiles } from '../../../scripts/pipeline/clusters';
import { contextArea, type Covered } from '../../../scripts/pipeline/districts';
import { inFirstArchive } from '../../../scripts/pipeline/first-archives';
import { layerById } from '../../../src/lib/layers';
import type { District } from '../../../src/lib/schema/district';

// Two districts side by side, west (w) and east (e), each ~950 m wide, with the 300 m context a build of either alone is clipped to.
const W = 121.44;
const S = 31.2;
const STEP = 0.01;
const square = (x0: number) => polygon([[[x0, S], [x0 + STEP, S], [x0 + STEP, S + STEP], [x0, S + STEP], [x0, S]]]);
const covered = (id: string, x0: number): Covered => {
	const boundary = square(x0);
	return { district: { id, context_buffer_m: 300 } as District, boundary, context: contextArea(boundary, 300) };
};
const west = covered('w', W);
const east = covered('e', W + STEP);
// ~95 m in longitude here.
const M100 = 0.001;
const MID = S + STEP / 2;

const point = (id: string, lon: number, lat: number, district: string | null, more: Record<string, string> = {}): Feature<Point> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { id, district, in_district: district !== null, ...more } });
const features: Feature[] = [
	point('in-w', W + STEP / 2, MID, 'w'),
	point('in-e-near-w', W + STEP + M100, MID, 'e'),
	point('in-e-far', W + 2 * STEP - M100, MID, 'e'),
	point('context-of-w', W - M100, MID, null),
	point('context-of-e', W + 2 * STEP + M100, MID, null),
	// The historic area: across both, said to lie in e (its middle), reaching deep into w.
	{ type: 'Feature', geometry: polygon([[[W + 0.002, S + 0.002], [W + 2 * STEP - 0.002, S + 0.002], [W + 2 * STEP - 0.002, S + 0.008], [W + 0.002, S + 0.008], [W + 0.002, S + 0.002]]]).geometry, properties: { id: 'frame', district: 'e' } },
	// A street of e crossing w's context from north to south with no vertex in it.
	{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[W + STEP + M100, S - 0.02], [W + STEP + M100, S + 0.03]] }, properties: { id: 'crossing', district: 'e' } },
	// Geometry-less: nothing to draw, in no archive's tiles.
	{ type: 'Feature', geometry: null as unknown as Point, properties: { id: 'no-geometry', district: null } }
];
const kept = (c: Covered) => features.filter(inFirstArchive(c)).map((f) => f.properties!.id);

describe('a district’s first archive', () => {
	it('holds what a build of that district alone holds: its features and whatever touches its 300 m context, whichever district that is said to lie in', () => {
		expect(kept(west)).toEqual(['in-w', 'in-e-near-w', 'context-of-w', 'frame', 'crossing']);
		expect(kept(east)).toEqual(['in-e-near-w', 'in-e-far', 'context-of-e', 'frame', 'crossing']);
	});

	it('keeps a feature the build says lies in the district on that word alone, and one without geometry nowhere', () => {
		expect(inFirstArchive(west)(point('said-w', W + 2 * STEP + 0.01, MID, 'w'))).toBe(true);
		expect(inFirstArchive(west)(features.at(-1)!)).toBe(false);
	});

	it('keeps, of the masks (one per choice), the one its map draws', () => {
		const mask = layerById('district-mask')!;
		const masks = ['w', 'e', 'all'].map((d) => ({ ...square(W - STEP), properties: { d, district: null, in_district: false } }));
		expect(masks.filter(inFirstArchive(west, mask)).map((f) => f.properties.d)).toEqual(['w']);
		expect(masks.filter(inFirstArchive(east, mask)).map((f) => f.properties.d)).toEqual(['e']);
	});

	it('keeps the full archive’s groups that hold one of its points, with their numbers, and its own points alone', () => {
		const elevators = layerById('elevator-retrofits')!;
		// Two records of w near the line and one of e beside them (one group), and a pair of e far east (another).
		const done = { status: 'completed', kind: 'retrofit', year: '2021' };
		const records = [
			point('w1', W + STEP - 0.0001, MID, 'w', done),
			point('w2', W + STEP - 0.0002, MID, 'w', done),
			point('e1', W + STEP + 0.0001, MID, 'e', done),
			point('e2', W + 2 * STEP + 0.05, MID, 'e', done),
			point('e3', W + 2 * STEP + 0.0501, MID, 'e', done)
		];
		const keep = (i: number) => records[i].properties!.district === 'w';
		const full = groupLayer(elevators, records);
		const [points, groups] = layerTiles(elevators, records, records, keep);
		for (const [z, gs] of groups.byZoom!) {
			// Exactly the groups with a member of w: the same objects, so the same counts and the same place.
			const withW = full.byZoom.get(z)!.filter((_, g) => full.members.get(z)![g].some(keep));
			expect(gs, `z${z}`).toEqual(withW);
			expect(gs.length, `z${z}`).toBeLessThan(full.byZoom.get(z)!.length);
		}
		for (const [z, ps] of points.byZoom!) expect(ps.every((p) => p.properties!.district === 'w'), `z${z}`).toBe(true);
		expect(points.byZoom!.get(15)!.map((p) => p.properties!.id)).toEqual(['w1', 'w2']);
	});
});
