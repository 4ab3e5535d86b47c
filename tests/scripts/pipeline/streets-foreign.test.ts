import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { attachForeignNames, differentForeignStreets, foreignStreetCore, parseForeignAddress, titleCase, type StreetFeature } from '../../../scripts/pipeline/streets';

const M_PER_DEG = (Math.PI / 180) * 6_371_008.8;
const at = (east: number, north: number): [number, number] => [121.44 + east / (M_PER_DEG * Math.cos((31.21 * Math.PI) / 180)), 31.21 + north / M_PER_DEG];

function street(id: string, name: string | null, points: [number, number][]): StreetFeature {
	return {
		type: 'Feature',
		geometry: { type: 'LineString', coordinates: points.map(([e, n]) => at(e, n)) },
		properties: { id, osm_id: 0, name, name_en: null, highway: 'residential', oneway: false, lanes: null }
	};
}

let nextId = 1;
function building(address: string | null, east: number, north: number): Feature<Point, Record<string, unknown>> {
	return { type: 'Feature', geometry: { type: 'Point', coordinates: at(east, north) }, properties: { building_id: nextId++, name_en: 'x', address } };
}

describe('parseForeignAddress', () => {
	it.each([
		['1920 AVENUE JOFFRE', { number: '1920', street: 'AVENUE JOFFRE', kind: 'fr' }],
		['180 QUAI DE FRANCE', { number: '180', street: 'QUAI DE FRANCE', kind: 'fr' }],
		['524-11 AVENUE JOFFRE', { number: '524-11', street: 'AVENUE JOFFRE', kind: 'fr' }],
		['23-8/23-12 ROUTE HERVE DE SIEYES', { number: '23-8/23-12', street: 'ROUTE HERVE DE SIEYES', kind: 'fr' }],
		['393 -27 ROUTE RAYMOND TENANT DE LA TOUR', { number: '393-27', street: 'ROUTE RAYMOND TENANT DE LA TOUR', kind: 'fr' }],
		['455-2A  ROUTE CONTY', { number: '455-2A', street: 'ROUTE CONTY', kind: 'fr' }],
		['20E ROUTE PERE ROBERT', { number: '20E', street: 'ROUTE PERE ROBERT', kind: 'fr' }],
		['?? AVENUE PETAIN', { number: null, street: 'AVENUE PETAIN', kind: 'fr' }],
		['57 ROUTE HERVE SIEYES (ZENKA LONG)', { number: '57', street: 'ROUTE HERVE SIEYES', kind: 'fr' }],
		['ROUTE KAUFMANN', { number: null, street: 'ROUTE KAUFMANN', kind: 'fr' }],
		['591-5 BUBBLING WELL ROAD', { number: '591-5', street: 'BUBBLING WELL ROAD', kind: 'en' }],
		['1215 AVENUE ROAD', { number: '1215', street: 'AVENUE ROAD', kind: 'en' }]
	])('%s', (address, expected) => {
		expect(parseForeignAddress(address)).toEqual(expected);
	});

	it.each([
		['RUE DE NINGPO / RUE PALIKAO', /crossing/],
		['954 HUASHAN LU', /no street type word/],
		['7 EDWARD VII', /no street type word/],
		['?? XI?ANBANG', /garbled/],
		[null, /no address/],
		['null', /no address/],
		['   ', /no address/]
	])('skips %s, saying why', (address, why) => {
		const r = parseForeignAddress(address);
		expect('skip' in r && r.skip).toMatch(why);
	});
});

describe('titleCase', () => {
	it.each([
		['AVENUE JOFFRE', 'Avenue Joffre'],
		['AVENUE DU ROI ALBERT', 'Avenue du Roi Albert'],
		["ROUTE PORTE DE L'OUEST", "Route Porte de l'Ouest"],
		['ROUTE RAYMOND TENANT DE LA TOUR', 'Route Raymond Tenant de la Tour'],
		['AVENUE VICTOR EMMANUEL III', 'Avenue Victor Emmanuel III'],
		['ROUTE DE SAY-ZOONG', 'Route de Say-Zoong'],
		['ROUTE J. PRENTICE', 'Route J. Prentice'],
		['AVENUE PÉTAIN', 'Avenue Pétain'],
		['BUBBLING WELL ROAD', 'Bubbling Well Road']
	])('%s → %s', (raw, expected) => {
		expect(titleCase(raw)).toBe(expected);
	});
});

describe('foreign street names compared', () => {
	it('reduces a name to what names the street, whatever the spelling', () => {
		expect(foreignStreetCore('Route Hervé de Sieyès')).toBe('HERVESIEYES');
		expect(foreignStreetCore('ROUTE HERVE SIEYES')).toBe('HERVESIEYES');
		expect(foreignStreetCore('ROUTE FERGUSSON')).toBe(foreignStreetCore('Route Ferguson'));
		expect(foreignStreetCore('AVENUE ROAD')).toBe('');
	});
	it('tells two streets apart, and no spelling or shortening of one street', () => {
		expect(differentForeignStreets('Route Charles Culty', 'ROUTE FERGUSSON')).toBe(true);
		expect(differentForeignStreets('Avenue Petain', 'ROUTE ANDRE COHEN')).toBe(true);
		expect(differentForeignStreets('Avenue Pétain', 'AVENUE PETAIN')).toBe(false);
		expect(differentForeignStreets('Route Charles Culty', 'ROUTE CULTY')).toBe(false);
		expect(differentForeignStreets('Route Herve de Sieyes', 'ROUTE HERVE SIEYES')).toBe(false);
		// A name with nothing but type words compares with nothing.
		expect(differentForeignStreets('Avenue Road', 'ROUTE PICHON')).toBe(false);
	});
});

describe('attachForeignNames', () => {
	// Two parallel E-W streets 200 m apart; a N-S street at x=800 crosses the northern one.
	const streets = [
		street('w1', '淮海中路', [[0, 0], [250, 0]]),
		street('w2', '淮海中路', [[250, 0], [500, 0]]),
		street('w3', '复兴中路', [[0, 200], [800, 200]]),
		street('w4', '武康路', [[800, -300], [800, 500]]),
		street('w5', null, [[0, 100], [500, 100]])
	];

	it('gives a modern street the majority foreign name of the buildings along it, on every way', () => {
		const b = [building('1920 AVENUE JOFFRE', 50, 20), building('1978 AVENUE JOFFRE', 300, -25), building('?? AVENUE JOFFRE', 450, 15), building('7 ROUTE VALLON', 120, -30)];
		const { features, table } = attachForeignNames(streets, b);
		expect(table).toEqual([{ modern: '淮海中路', foreign: 'Avenue Joffre', kind: 'fr', votes: 3, total: 4, share: 0.75 }]);
		const byId = Object.fromEntries(features.map((f) => [f.properties.id, f.properties]));
		expect(byId.w1).toMatchObject({ name_fr: 'Avenue Joffre', name_historic_en: null });
		expect(byId.w2.name_fr).toBe('Avenue Joffre');
		expect(byId.w3).toMatchObject({ name_fr: null, name_historic_en: null });
	});

	it('needs at least 2 votes', () => {
		const { table } = attachForeignNames(streets, [building('230 ROUTE FERGUSSON', 820, 0)]);
		expect(table).toEqual([]);
	});

	it('needs more than half of the votes: a 2–2 tie names nothing', () => {
		const b = [building('1 ROUTE LAFAYETTE', 50, 220), building('2 ROUTE LAFAYETTE', 150, 220), building('3 RUE X', 250, 220), building('4 RUE X', 350, 220)];
		expect(attachForeignNames(streets, b).table).toEqual([]);
	});

	it('puts English forms into name_historic_en', () => {
		const b = [building('1 GREAT WESTERN ROAD', 780, 0), building('5 GREAT WESTERN ROAD', 820, 100)];
		const { features, table } = attachForeignNames(streets, b);
		expect(table[0]).toMatchObject({ modern: '武康路', foreign: 'Great Western Road', kind: 'en' });
		expect(features.find((f) => f.properties.id === 'w4')?.properties).toMatchObject({ name_fr: null, name_historic_en: 'Great Western Road' });
	});

	it('counts what it could not use: too far, ambiguous corner, unnamed nearest way, unparsable', () => {
		const b = [
			building('1 AVENUE JOFFRE', 50, 10),
			building('2 AVENUE JOFFRE', 100, -10),
			building('9 AVENUE JOFFRE', 1500, 1500), // far from everything
			building('8 AVENUE HAIG', 790, 192), // corner of 复兴中路 × 武康路: 8 m from one, 10 m from the other
			building('12 HUASHAN LU', 60, 5),
			{ type: 'Feature', geometry: null, properties: { address: '3 AVENUE JOFFRE' } }
		];
		const { stats, table } = attachForeignNames(streets, b as Feature<Point, Record<string, unknown>>[]);
		expect(table.map((r) => r.modern)).toEqual(['淮海中路']);
		expect(stats).toMatchObject({ points: 6, parsed: 4, assigned: 2 });
		expect(stats.skipped).toMatchObject({
			'no named OSM way within 60 m': 1,
			'ambiguous: another street within 10 m of the nearest': 1,
			'no street type word (pinyin or incomplete)': 1,
			'no point geometry': 1
		});
	});

	it('votes only for named ways: a building next to an unnamed way goes to the nearest named one, if within reach', () => {
		const b = [building('1 ROUTE X', 100, 110), building('2 ROUTE X', 200, 90)];
		// 90–110 m from both named streets: beyond 60 m, so nobody gets Route X from the unnamed way's buildings
		expect(attachForeignNames(streets, b).table).toEqual([]);
	});
});
