import { describe, expect, it } from 'vitest';
import type { Feature, LineString } from 'geojson';
import { attachHistoricNames, overpassToStreets, type HistoricRoad, type StreetFeature } from '../../../scripts/pipeline/streets';

const FILE = 'osm/test.overpass.json';

/** Metres → degrees at 31.21°N, on the same sphere as the stage's planar projection. */
const M_PER_DEG = (Math.PI / 180) * 6_371_008.8;
const M_LAT = 1 / M_PER_DEG;
const M_LON = 1 / (M_PER_DEG * Math.cos((31.21 * Math.PI) / 180));
const at = (east: number, north: number): [number, number] => [121.44 + east * M_LON, 31.21 + north * M_LAT];

function node(id: number, east: number, north: number) {
	const [lon, lat] = at(east, north);
	return { type: 'node', id, lat, lon };
}

/** Three ways on four nodes: 1–2–3 along an E-W street, 3–4 north, and a oneway=-1 link back. */
function threeWays() {
	return {
		version: 0.6,
		elements: [
			node(1, 0, 0),
			node(2, 100, 0),
			node(3, 200, 0),
			{ type: 'node', id: 4, lat: 31.212345678912, lon: 121.443210987654 },
			{ type: 'way', id: 10, nodes: [1, 2, 3], tags: { highway: 'primary', name: '淮海中路', 'name:en': 'Middle Huaihai Road', oneway: 'yes', lanes: '3' } },
			{ type: 'way', id: 11, nodes: [3, 4], tags: { highway: 'residential', name: '武康路' } },
			{ type: 'way', id: 12, nodes: [4, 2], tags: { highway: 'service', oneway: '-1' } }
		]
	};
}

describe('overpassToStreets', () => {
	it('builds one LineString feature per way, with typed properties', () => {
		const { features, rejected } = overpassToStreets(threeWays(), FILE);
		expect(rejected).toEqual([]);
		expect(features.map((f) => f.properties.id)).toEqual(['osm-way-10', 'osm-way-11', 'osm-way-12']);
		expect(features[0].properties).toEqual({
			id: 'osm-way-10',
			osm_id: 10,
			name: '淮海中路',
			name_en: 'Middle Huaihai Road',
			highway: 'primary',
			oneway: true,
			lanes: 3
		});
		expect(features[0].geometry.coordinates).toHaveLength(3);
		expect(features[1].properties).toMatchObject({ name: '武康路', name_en: null, oneway: false, lanes: null });
	});

	it('rounds coordinates to 1e-7 degrees', () => {
		const { features } = overpassToStreets(threeWays(), FILE);
		expect(features[1].geometry.coordinates[1]).toEqual([121.443211, 31.2123457]);
	});

	it('reverses oneway=-1 ways so oneway:true always means "in drawing order"', () => {
		const { features } = overpassToStreets(threeWays(), FILE);
		const link = features[2];
		expect(link.properties.oneway).toBe(true);
		expect(link.geometry.coordinates[0]).toEqual([at(100, 0)[0], at(100, 0)[1]].map((v) => Math.round(v * 1e7) / 1e7));
		expect(link.properties.name).toBeNull();
	});

	it('falls back to name:zh when name is missing', () => {
		const doc = threeWays();
		doc.elements[5] = { type: 'way', id: 11, nodes: [3, 4], tags: { highway: 'residential', 'name:zh': '高安路' } as never };
		expect(overpassToStreets(doc, FILE).features[1].properties.name).toBe('高安路');
	});

	const rejectionCases: [string, (doc: ReturnType<typeof threeWays>) => void, RegExp][] = [
		['a node id missing from the file', (d) => d.elements.push({ type: 'way', id: 20, nodes: [1, 99], tags: { highway: 'residential' } } as never), /node 99, which is not in the file/],
		['fewer than 2 nodes', (d) => d.elements.push({ type: 'way', id: 21, nodes: [1], tags: { highway: 'residential' } } as never), /1 node\(s\); a line needs at least 2/],
		['zero length (all nodes at one spot)', (d) => d.elements.push({ type: 'way', id: 22, nodes: [1, 1], tags: { highway: 'residential' } } as never), /fewer than 2 distinct node positions/],
		['a duplicate way id', (d) => d.elements.push({ type: 'way', id: 10, nodes: [1, 2], tags: { highway: 'residential' } } as never), /duplicate way id 10 \(first seen at element 4\)/],
		['a tag value that is not a string', (d) => d.elements.push({ type: 'way', id: 23, nodes: [1, 2], tags: { highway: 'residential', name: 5 } } as never), /tags\.name: tag values must be strings/],
		['lanes that is not a whole number', (d) => d.elements.push({ type: 'way', id: 24, nodes: [1, 2], tags: { highway: 'residential', lanes: 'two' } } as never), /tags\.lanes: lanes must be a whole number/],
		['an unknown oneway value', (d) => d.elements.push({ type: 'way', id: 25, nodes: [1, 2], tags: { highway: 'residential', oneway: 'maybe' } } as never), /tags\.oneway/],
		['a missing highway tag', (d) => d.elements.push({ type: 'way', id: 26, nodes: [1, 2], tags: { name: 'x' } } as never), /missing highway tag/],
		[
			'a node outside Shanghai',
			(d) => d.elements.push({ type: 'node', id: 50, lat: 39.9, lon: 116.4 } as never, { type: 'way', id: 27, nodes: [1, 50], tags: { highway: 'residential' } } as never),
			/node 50 at 116.4, 39.9 is outside Shanghai/
		],
		[
			'a node with broken coordinates',
			(d) => d.elements.push({ type: 'node', id: 51, lat: 'x', lon: 121.4 } as never, { type: 'way', id: 28, nodes: [1, 51], tags: { highway: 'residential' } } as never),
			/node 51 is invalid \(lat:/
		],
		['an element that is neither way nor node', (d) => d.elements.push({ type: 'relation', id: 30, members: [] } as never), /not a way or node \(type "relation"\)/]
	];

	it.each(rejectionCases)('rejects a way with %s, naming file, index and id', (_, mutate, reason) => {
		const doc = threeWays();
		mutate(doc);
		const { features, rejected } = overpassToStreets(doc, FILE);
		expect(features).toHaveLength(3);
		expect(rejected).toHaveLength(1);
		const [r] = rejected;
		expect(r).toMatchObject({ source: 'osm-streets', file: FILE, index: doc.elements.length - 1 });
		expect(r.reason).toMatch(reason);
		const last = doc.elements[doc.elements.length - 1] as { id: number; type: string };
		expect(r.id).toBe(`osm-${last.type}-${last.id}`);
	});

	it('keeps the count law: every non-node element is a feature or a rejection', () => {
		const doc = threeWays();
		for (const [, mutate] of rejectionCases) mutate(doc);
		const { features, rejected } = overpassToStreets(doc, FILE);
		const waysIn = doc.elements.filter((e) => e.type !== 'node').length;
		expect(features.length + rejected.length).toBe(waysIn);
		expect(rejected).toHaveLength(rejectionCases.length);
	});

	it.each([
		['null', null],
		['a string', 'not json'],
		['an object without elements', { version: 0.6 }],
		['elements that is not an array', { elements: 'x' }]
	])('throws an Error naming the file when the whole file is %s', (_, doc) => {
		expect(() => overpassToStreets(doc, FILE)).toThrow(/osm\/test\.overpass\.json: is not Overpass JSON.*"elements" array/);
	});
});

// ---------------------------------------------------------------------------------------------

function street(id: string, name: string | null, points: [number, number][]): StreetFeature {
	return {
		type: 'Feature',
		geometry: { type: 'LineString', coordinates: points.map(([e, n]) => at(e, n)) },
		properties: { id, osm_id: 0, name, name_en: null, highway: 'residential', oneway: false, lanes: null }
	};
}

function historic(title: string, points: [number, number][]): HistoricRoad {
	return { type: 'Feature', geometry: { type: 'LineString', coordinates: points.map(([e, n]) => at(e, n)) }, properties: { title } };
}

describe('attachHistoricNames', () => {
	const way = street('osm-way-1', '淮海中路', [
		[0, 0],
		[200, 0]
	]);

	it('attaches a parallel historic line 8 m away', () => {
		const { features } = attachHistoricNames([way], [historic('霞飞路', [[-20, 8], [220, 8]])]);
		expect(features[0].properties).toMatchObject({ name_historic: '霞飞路', historic_match: 'overlap:1.00' });
	});

	it('does not attach a perpendicular road crossing the way', () => {
		const { features } = attachHistoricNames([way], [historic('福开森路', [[100, -200], [100, 200]])]);
		expect(features[0].properties).toMatchObject({ name_historic: null, historic_match: null });
	});

	it('does not attach a parallel line 60 m away', () => {
		const { features } = attachHistoricNames([way], [historic('蒲石路', [[-20, 60], [220, 60]])]);
		expect(features[0].properties.name_historic).toBeNull();
	});

	it('needs half of the way: 70 % attaches with its share, 30 % does not', () => {
		const seventy = attachHistoricNames([way], [historic('甲路', [[0, 5], [137, 5]])]).features[0].properties;
		expect(seventy).toMatchObject({ name_historic: '甲路', historic_match: 'overlap:0.70' });
		const thirty = attachHistoricNames([way], [historic('乙路', [[0, 5], [57, 5]])]).features[0].properties;
		expect(thirty.name_historic).toBeNull();
	});

	it('lists every historic road over the threshold, most overlap first, joined with ；', () => {
		const roads = [historic('乙路', [[0, -5], [117, -5]]), historic('甲路', [[0, 5], [200, 5]])];
		const p = attachHistoricNames([way], roads).features[0].properties;
		expect(p).toMatchObject({ name_historic: '甲路；乙路', historic_match: 'overlap:1.00,0.60' });
	});

	it('reads MultiLineString historic roads', () => {
		const multi: HistoricRoad = {
			type: 'Feature',
			geometry: { type: 'MultiLineString', coordinates: [[at(0, 3), at(100, 3)], [at(100, 3), at(200, 3)]] },
			properties: { title: '霞飞路' }
		};
		expect(attachHistoricNames([way], [multi]).features[0].properties.name_historic).toBe('霞飞路');
	});

	it('builds the modern → historic table by share of length, and fills weakly matched ways of the same street', () => {
		const ways = [
			street('a', '淮海中路', [[0, 0], [300, 0]]),
			street('b', '淮海中路', [[300, 0], [600, 0]]),
			// bends away from the historic line: only 30 % covered, below the way threshold
			street('c', '淮海中路', [[600, 0], [630, 0], [630, 70]]),
			street('d', '武康路', [[0, 0], [0, 300]])
		];
		const { features, table } = attachHistoricNames(ways, [historic('霞飞路', [[-10, 6], [640, 6]])]);
		expect(table).toHaveLength(1);
		expect(table[0].modern).toBe('淮海中路');
		expect(table[0].historic).toBe('霞飞路');
		expect(table[0].overlapShare).toBeCloseTo(630 / 700, 2); // c is 30 m along the line, then turns away
		const byId = Object.fromEntries(features.map((f) => [f.properties.id, f.properties]));
		expect(byId.a.historic_match).toBe('overlap:1.00');
		expect(byId.c).toMatchObject({ name_historic: '霞飞路', historic_match: `street:${table[0].overlapShare.toFixed(2)}` });
		expect(byId.d.name_historic).toBeNull();
	});

	it('puts the street-level name first on a short junction way that matches two roads equally', () => {
		const ways = [street('long', '淮海中路', [[0, 0], [500, 0]]), street('stub', '淮海中路', [[500, 0], [510, 0]])];
		const roads = [historic('霞飞路', [[0, 4], [505, 4]]), historic('乔敦路', [[505, 4], [900, 4]])];
		const { features } = attachHistoricNames(ways, roads);
		expect(features[1].properties.name_historic).toBe('霞飞路；乔敦路');
	});

	it('leaves input features untouched (pure)', () => {
		const input = [street('a', '淮海中路', [[0, 0], [100, 0]])];
		const before = JSON.stringify(input);
		attachHistoricNames(input, [historic('霞飞路', [[0, 5], [100, 5]])]);
		expect(JSON.stringify(input)).toBe(before);
	});

	it('honours custom thresholds', () => {
		const road = [historic('霞飞路', [[-20, 30], [220, 30]])];
		expect(attachHistoricNames([way], road).features[0].properties.name_historic).toBeNull();
		expect(attachHistoricNames([way], road, { maxDistance: 35 }).features[0].properties.name_historic).toBe('霞飞路');
	});

	it('ignores a historic line with a crossing direction even when it lies on top of the way', () => {
		const diagonal = [historic('斜路', [[0, -50], [200, 50]])]; // ~27° off: still within 30°
		const steep = [historic('陡路', [[50, -100], [150, 100]])]; // ~63° off
		expect(attachHistoricNames([way], diagonal).features[0].properties.historic_match).not.toBeNull();
		expect(attachHistoricNames([way], steep).features[0].properties.historic_match).toBeNull();
	});
});

export type { Feature, LineString };
