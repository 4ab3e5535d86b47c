import { describe, expect, it } from 'vitest';
import { metres, METRES_PER_DEGREE } from '../../../src/lib/geo/distance';
import { createGeocoder, type Anchor, type GeocodeResult, type Position, type StreetLine } from '../../../src/lib/geo/geocode';
import { laneDepth, LANE_DEPTH_M } from '../../../src/lib/geo/house-numbers';

/*
 * A hand-made street with known answers. 示范中路 runs 1 km east from the origin; doors are
 * 5 m apart per number (odd 15 m north of the centreline, even 15 m south), so number n sits
 * at x = 5n. A second carriageway 20 m north must not lengthen the street. 空白路 has no anchors.
 */
const ORIGIN: Position = [121.44, 31.2];
const KX = METRES_PER_DEGREE * Math.cos((ORIGIN[1] * Math.PI) / 180);
const at = (x: number, y: number): Position => [ORIGIN[0] + x / KX, ORIGIN[1] + y / METRES_PER_DEGREE];

const streets: StreetLine[] = [
	{ name: '示范中路', coordinates: [at(0, 0), at(250, 0), at(500, 0)] },
	{ name: '示范中路', coordinates: [at(500, 0), at(1000, 0)] },
	{ name: '示范中路', coordinates: [at(100, 20), at(900, 20)] },
	{ name: '空白路', coordinates: [at(2000, 0), at(2000, 600)] }
];

const anchor = (address: string, x: number, y: number, id = address): Anchor => ({ id, source: 'test', address, point: at(x, y) });
const anchors: Anchor[] = [
	anchor('示范中路11号', 55, 15),
	anchor('示范中路31号', 155, 15),
	anchor('示范中路61号', 305, 15),
	anchor('上海市徐汇区示范中路10号', 50, -15, '示范中路10号'),
	anchor('示范中路30号', 150, -15),
	anchor('示范中路120号', 600, -15),
	anchor('示范中路50弄', 250, -40),
	anchor('示范中路50弄1号', 250, -60),
	anchor('示范中路50弄7号', 250, -120),
	// not usable, each for its own reason
	anchor('示范中路41号', 900, 15), // out of order: 41 belongs between 31 and 61
	anchor('示范中路1-99号', 250, 15), // a block, not a place
	anchor('示范中路77号', 385, 400), // 400 m off the street
	anchor('火星路1号', 10, 10),
	anchor('红楼', 10, 10),
	anchor('示范中路', 10, 10)
];
const geocoder = createGeocoder(streets, anchors);

function placed(result: GeocodeResult): Extract<GeocodeResult, { ok: true }> {
	if (!result.ok) throw new Error(`expected a point, got: ${result.reason}`);
	return result;
}
const near = (p: Position, x: number, y: number, within: number) => expect(metres(p, at(x, y))).toBeLessThan(within);

describe('createGeocoder: anchors', () => {
	it('uses the good anchors and says why it skips each other one', () => {
		expect(geocoder.anchors.length + geocoder.skipped.length).toBe(anchors.length);
		const why = Object.fromEntries(geocoder.skipped.map((s) => [s.anchor.id, s.code]));
		expect(why).toEqual({
			示范中路41号: 'out-of-order',
			'示范中路1-99号': 'wide-range',
			示范中路77号: 'far-from-street',
			火星路1号: 'unknown-road',
			红楼: 'unparseable',
			示范中路: 'no-number'
		});
		expect(geocoder.skipped.every((s) => s.reason.length > 0)).toBe(true);
	});

	it('builds one axis per road, not lengthened by the second carriageway', () => {
		expect(geocoder.streets.get('示范中路')!.length).toBeCloseTo(1000, 0);
		expect(geocoder.streets.get('空白路')!.length).toBeCloseTo(600, 0);
	});
});

describe('createGeocoder: placing numbers', () => {
	it('answers an anchored address with the anchor itself', () => {
		const r = placed(geocoder.geocode('示范中路31号'));
		expect(r).toMatchObject({ method: 'exact', anchors: ['示范中路31号'], road: '示范中路' });
		near(r.point, 155, 15, 0.5);
		expect(r.confidence).toBeGreaterThan(0.9);
	});

	it('interpolates between the nearest numbers on the same side', () => {
		const odd = placed(geocoder.geocode('示范中路21号'));
		expect(odd).toMatchObject({ method: 'interpolated', anchors: ['示范中路11号', '示范中路31号'] });
		near(odd.point, 105, 15, 2);
		const even = placed(geocoder.geocode('示范中路20号'));
		expect(even.anchors).toEqual(['示范中路10号', '示范中路30号']);
		near(even.point, 100, -15, 2);
		// odd and even doors face each other across the street
		expect(metres(odd.point, even.point)).toBeGreaterThan(25);
	});

	it('ignores an anchor that contradicts its neighbours', () => {
		near(placed(geocoder.geocode('示范中路41号')).point, 205, 15, 2);
	});

	it('extrapolates past the last known number at the road’s own rate, less sure', () => {
		const r = placed(geocoder.geocode('示范中路81号'));
		expect(r.method).toBe('interpolated');
		expect(r.note).toMatch(/beyond/);
		near(r.point, 405, 15, 5);
		expect(r.confidence).toBeLessThan(placed(geocoder.geocode('示范中路21号')).confidence);
	});

	it('falls back on the other side, placing the door on its own side', () => {
		const evens = new Set(['示范中路10号', '示范中路30号', '示范中路120号', '示范中路50弄', '示范中路50弄1号', '示范中路50弄7号']);
		const r = placed(geocoder.geocode('示范中路20号', { exclude: evens }));
		expect(r.note).toMatch(/other side/);
		near(r.point, 100, -15, 3);
		expect(r.confidence).toBeLessThan(placed(geocoder.geocode('示范中路20号')).confidence);
	});

	it('leaves excluded anchors out', () => {
		const r = placed(geocoder.geocode('示范中路31号', { exclude: new Set(['示范中路31号']) }));
		expect(r).toMatchObject({ method: 'interpolated', anchors: ['示范中路11号', '示范中路61号'] });
		near(r.point, 155, 15, 2);
	});

	it('places the middle of a road without anchors, with low confidence', () => {
		const r = placed(geocoder.geocode('空白路8号'));
		expect(r).toMatchObject({ method: 'street', anchors: [], road: '空白路' });
		near(r.point, 2000, 300, 1);
		expect(r.confidence).toBeLessThan(0.3);
	});

	it('reads the address the way the parser does (prefix, full-width digits, spaces)', () => {
		expect(geocoder.geocode('上海市徐汇区 示范中路２１号')).toEqual(geocoder.geocode('示范中路21号'));
	});
});

describe('createGeocoder: lanes', () => {
	it('answers a lane or a lane house from anchors in the same lane', () => {
		const whole = placed(geocoder.geocode('示范中路50弄'));
		expect(whole).toMatchObject({ method: 'exact', anchors: ['示范中路50弄'] });
		const house = placed(geocoder.geocode('示范中路50弄7号'));
		expect(house).toMatchObject({ method: 'exact', anchors: ['示范中路50弄7号'] });
		near(house.point, 250, -120, 0.5);
	});

	it('takes the nearest known house of the lane for an unknown one, less sure', () => {
		const r = placed(geocoder.geocode('示范中路50弄6号'));
		expect(r).toMatchObject({ method: 'exact', anchors: ['示范中路50弄7号'] });
		expect(r.note).toMatch(/same lane/);
		expect(r.confidence).toBeLessThan(placed(geocoder.geocode('示范中路50弄7号')).confidence);
	});

	it('places a lane without anchors 60 m in, on the side of its number', () => {
		// 70 between lane 50 (x 250) and door 120 (x 600): even, so south (right of the way numbers grow)
		const even = placed(geocoder.geocode('示范中路70弄'));
		expect(even.method).toBe('interpolated');
		expect(even.note).toMatch(/60 m into lane 70弄, on the even side/);
		near(even.point, 350, -LANE_DEPTH_M, 1);
		// 45 between doors 31 (x 155) and 61 (x 305): odd, so north
		const odd = placed(geocoder.geocode('示范中路45弄'));
		expect(odd.note).toMatch(/60 m into lane 45弄, on the odd side/);
		near(odd.point, 225, LANE_DEPTH_M, 1);
	});

	it('places a house of such a lane the deeper, the higher its number in the lane', () => {
		const first = placed(geocoder.geocode('示范中路70弄3号'));
		expect(first.note).toMatch(/34 m into lane 70弄/);
		near(first.point, 350, -laneDepth(3), 1);
		near(placed(geocoder.geocode('示范中路70弄12号')).point, 350, -laneDepth(12), 1);
		expect(laneDepth(3)).toBeLessThan(LANE_DEPTH_M);
		expect(laneDepth(12)).toBeGreaterThan(LANE_DEPTH_M);
		expect(laneDepth(30)).toBeGreaterThan(laneDepth(12));
	});

	it('puts a lane’s side by its number and the way numbers grow, not by the compass', () => {
		// numbers grow westward here (number n at x = 600 - 5n): odd doors are to the south, even to the north
		const west = createGeocoder(
			[{ name: '反向路', coordinates: [at(0, 0), at(600, 0)] }],
			[anchor('反向路2号', 590, 15), anchor('反向路40号', 400, 15), anchor('反向路3号', 585, -15), anchor('反向路41号', 395, -15)]
		);
		near(placed(west.geocode('反向路21弄')).point, 495, -LANE_DEPTH_M, 1);
		near(placed(west.geocode('反向路20弄5号')).point, 500, laneDepth(5), 1);
	});

	it('puts door 50 where lane 50 opens (one numbering for both)', () => {
		const r = placed(geocoder.geocode('示范中路50号'));
		expect(r.method).toBe('interpolated');
		expect(r.note).toMatch(/^at the place of/);
		expect(Math.abs(r.point[0] - at(250, 0)[0]) * KX).toBeLessThan(1);
	});
});

describe('createGeocoder: not found', () => {
	const failure = (address: string) => {
		const r = geocoder.geocode(address);
		if (r.ok) throw new Error(`expected no point for ${address}`);
		return r;
	};

	it('gives a reason instead of a guess', () => {
		expect(failure('').code).toBe('empty');
		expect(failure('红楼').code).toBe('unparseable');
		expect(failure('示范中路').code).toBe('no-number');
		expect(failure('火星路1号')).toMatchObject({ code: 'unknown-road', reason: '火星路 is not in the street network' });
	});

	it('suggests the road that may have been meant, without using it', () => {
		expect(failure('示范路5号')).toMatchObject({ code: 'unknown-road', suggestions: ['示范中路'] });
		expect(failure('示范申路5号').reason).toMatch(/did you mean 示范中路\?/);
	});

	it('refuses a number that lies past the mapped end of its road', () => {
		expect(failure('示范中路999号').code).toBe('beyond-network');
	});
});

describe('street axes', () => {
	it('follows one carriageway when two join at one end (not a U twice the road’s length)', () => {
		const u = createGeocoder([{ name: '环路', coordinates: [at(0, 0), at(800, 0), at(800, 20), at(0, 20)] }], []);
		expect(u.streets.get('环路')!.length).toBeLessThan(850);
	});

	it('leaves out a road drawn as a single point', () => {
		const dot = createGeocoder([{ name: '点路', coordinates: [at(0, 0), at(0, 0)] }], []);
		expect(dot.streets.size).toBe(0);
		expect(dot.geocode('点路1号')).toMatchObject({ ok: false, code: 'unknown-road' });
	});

	it('joins pieces of a road separated by a gap, in order', () => {
		const pieces = createGeocoder(
			[
				{ name: '断路', coordinates: [at(600, 0), at(1000, 0)] },
				{ name: '断路', coordinates: [at(0, 0), at(400, 0)] }
			],
			[anchor('断路1号', 5, 10), anchor('断路199号', 995, 10)]
		);
		expect(pieces.streets.get('断路')!.length).toBeCloseTo(1000, 0);
		near(placed(pieces.geocode('断路101号')).point, 505, 10, 3);
	});
});
