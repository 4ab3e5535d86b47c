import type { Feature, Geometry, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildingFeatures, heightOf, levelsOf, type BuildingFeature } from '../../../scripts/pipeline/buildings';
import type { Clipped } from '../../../scripts/pipeline/conflate/buildings';
import { joinFootprints } from '../../../scripts/pipeline/conflate/footprints';
import type { ProtectedBuilding } from '../../../src/lib/schema/protected-building';

/** A square footprint of side `m` metres centred on [lon, lat]. */
function square(lon: number, lat: number, m: number): Polygon {
	const dx = m / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
	const dy = m / 2 / 110_540;
	return { type: 'Polygon', coordinates: [[[lon - dx, lat - dy], [lon + dx, lat - dy], [lon + dx, lat + dy], [lon - dx, lat + dy], [lon - dx, lat - dy]]] };
}

const footprint = (id: string, geometry: Polygon, tags: Record<string, unknown> = {}): Clipped =>
	({ type: 'Feature', id, geometry, properties: { '@id': id, building: 'yes', ...tags, in_district: true } }) as unknown as Clipped;

/** A protected building known only by its listing's point (the fields the join reads). */
function listing(id: string, lon: number, lat: number): Feature<Geometry, ProtectedBuilding> {
	const properties = { id, name_zh: `建筑${id}`, lon, lat, geometry_source: 'point', source_ids: `shl:${id}`, match: '', in_district: true };
	return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: properties as ProtectedBuilding };
}

describe('OSM tags as numbers', () => {
	it.each([
		['3', 3],
		['3.5', 4],
		['2;3', 2],
		['0', null],
		['', null],
		[undefined, null],
		['many', null]
	])('levels %j → %j', (raw, levels) => expect(levelsOf(raw)).toBe(levels));

	it.each([
		['12', 12],
		['12.5 m', 12.5],
		['12m', 12],
		['40 ft', null],
		['0', null],
		['tall', null]
	])('height %j → %j', (raw, height) => expect(heightOf(raw)).toBe(height));
});

describe('buildingFeatures', () => {
	it('keeps the OSM id, type, levels, height, name and address, and no join yet', () => {
		const [b] = buildingFeatures([footprint('way/1', square(121.44, 31.2, 20), { building: 'apartments', 'building:levels': '6', height: '21 m', name: '测试公寓', 'addr:street': '衡山路', 'addr:housenumber': '12' })]);
		expect(b.properties).toEqual({
			id: 'osm-way-1',
			osm_id: 'way/1',
			name_zh: '测试公寓',
			name_en: null,
			building: 'apartments',
			levels: 6,
			height: 21,
			address: '衡山路12号',
			start_date: null,
			protected_id: null,
			protected_name: null,
			in_district: true
		});
	});

	it('writes a lane address as OSM gives it, and a street alone without a number', () => {
		const [lane, street] = buildingFeatures([
			footprint('way/2', square(121.44, 31.2, 10), { 'addr:street': '永嘉路', 'addr:housenumber': '492弄' }),
			footprint('way/3', square(121.45, 31.2, 10), { 'addr:street': '永嘉路' })
		]);
		expect(lane.properties.address).toBe('永嘉路492弄');
		expect(street.properties.address).toBe('永嘉路');
	});
});

describe('joinFootprints', () => {
	const buildings = (): BuildingFeature[] =>
		buildingFeatures([
			footprint('way/10', square(121.44, 31.2, 30)),
			footprint('way/11', square(121.44, 31.2, 12)), // inside way/10: the smaller one holds the point
			footprint('way/20', square(121.45, 31.2, 40)),
			footprint('way/30', square(121.46, 31.2, 20))
		]);

	it('gives a listing alone in its footprint that outline, and marks the footprint as protected', () => {
		const join = joinFootprints([listing('a', 121.44, 31.2)], buildings());
		const [a] = join.protectedBuildings;
		expect(a.geometry).toEqual(square(121.44, 31.2, 12));
		expect(a.properties).toMatchObject({ geometry_source: 'osm-footprint', source_ids: 'shl:a;osm-buildings:way/11', match: 'osm-buildings:point-in-footprint', lon: 121.44, lat: 31.2 });
		expect(join.buildings.find((b) => b.properties.id === 'osm-way-11')!.properties).toMatchObject({ protected_id: 'a', protected_name: '建筑a' });
		expect(join.buildings.find((b) => b.properties.id === 'osm-way-10')!.properties.protected_id).toBeNull();
		expect(join.count).toEqual({ source: 'osm-buildings', candidates: 4, matched: 1, byMethod: { 'point-in-footprint': 1 } });
	});

	it('leaves the listings of a shared footprint as points, and names them all on the footprint', () => {
		const join = joinFootprints([listing('b', 121.4501, 31.2), listing('c', 121.4499, 31.2001)], buildings());
		expect(join.protectedBuildings.map((p) => p.geometry.type)).toEqual(['Point', 'Point']);
		expect(join.protectedBuildings.map((p) => p.properties.geometry_source)).toEqual(['point', 'point']);
		expect(join.protectedBuildings.map((p) => p.properties.source_ids)).toEqual(['shl:b;osm-buildings:way/20', 'shl:c;osm-buildings:way/20']);
		expect(join.buildings.find((b) => b.properties.id === 'osm-way-20')!.properties).toMatchObject({ protected_id: 'b', protected_name: '建筑b、建筑c' });
	});

	it('joins a listing that already has its OSM outline to the same OSM object, whatever it contains', () => {
		const heritage = { ...listing('d', 121.0, 31.0), geometry: square(121.46, 31.2, 20) };
		heritage.properties = { ...heritage.properties, geometry_source: 'osm-footprint', source_ids: 'shl:d;osm:way/30', match: 'osm:name' };
		const join = joinFootprints([heritage], buildings());
		expect(join.protectedBuildings[0].geometry).toEqual(square(121.46, 31.2, 20));
		expect(join.protectedBuildings[0].properties.match).toBe('osm:name;osm-buildings:same-osm-object');
		expect(join.buildings.find((b) => b.properties.id === 'osm-way-30')!.properties.protected_id).toBe('d');
	});

	it('leaves a listing outside every footprint, and everything when there are no footprints', () => {
		const outside = listing('e', 121.47, 31.2);
		expect(joinFootprints([outside], buildings()).protectedBuildings[0]).toEqual(outside);
		const none = joinFootprints([outside], []);
		expect(none.protectedBuildings).toEqual([outside]);
		expect(none.count.matched).toBe(0);
	});
});
