import { describe, expect, it } from 'vitest';
import { categoryOfTags, OSM_CATEGORY_RULES } from '../../../scripts/pipeline/registers/osm-categories';
import { openFacilities } from '../../../scripts/pipeline/registers/open-facilities';
import { FACILITY_CATEGORY_KEYS } from '../../../src/lib/schema/vocabulary';

describe('OSM tags → life-circle category', () => {
	it.each([
		[{ amenity: 'clinic' }, 'health'],
		[{ amenity: 'pharmacy' }, 'health'],
		[{ amenity: 'hospital', healthcare: 'hospital' }, 'health'],
		[{ healthcare: 'physiotherapist' }, 'health'],
		[{ amenity: 'social_facility', social_facility: 'nursing_home' }, 'elderly'],
		[{ amenity: 'social_facility', 'social_facility:for': 'senior' }, 'elderly'],
		[{ amenity: 'social_facility', social_facility: 'outreach' }, 'community'],
		[{ amenity: 'kindergarten' }, 'education'],
		[{ amenity: 'school' }, 'education'],
		[{ amenity: 'library' }, 'culture'],
		[{ tourism: 'museum' }, 'culture'],
		[{ leisure: 'fitness_centre' }, 'culture'],
		[{ amenity: 'marketplace' }, 'market'],
		[{ shop: 'supermarket' }, 'market'],
		[{ shop: 'convenience;bakery' }, 'market'],
		[{ leisure: 'playground' }, 'park'],
		[{ leisure: 'park' }, 'park'],
		[{ amenity: 'police' }, 'safety'],
		[{ amenity: 'community_centre' }, 'community'],
		[{ office: 'government' }, 'community']
	])('%j → %s', (tags, category) => expect(categoryOfTags(tags)?.category).toBe(category));

	it.each([[{ amenity: 'restaurant' }], [{ amenity: 'bench' }], [{ shop: 'clothes' }], [{ amenity: 'bank' }], [{ office: 'company' }], [{ amenity: '' }], [{}]])('%j is not a life-circle facility', (tags) => {
		expect(categoryOfTags(tags)).toBeNull();
	});

	it('maps only to the categories the portal knows, each rule with a name in both languages', () => {
		for (const rule of OSM_CATEGORY_RULES) {
			expect(FACILITY_CATEGORY_KEYS).toContain(rule.category);
			expect(rule.label.zh && rule.label.en).toBeTruthy();
		}
	});
});

describe('OSM points of interest as facilities', () => {
	const poi = (id: string, lon: number, tags: Record<string, unknown>) => ({ id, geometry: { type: 'Point' as const, coordinates: [lon, 31.2] }, properties: { '@id': id, ...tags } });
	const base = { wikidata: [], busStops: [], metroStations: [], parks: [] };

	it('keeps the OSM id, the dataset (and so its licence) and the tags it was mapped by; counts what is not a facility', () => {
		const out = openFacilities({ ...base, pois: [poi('node/1', 121.44, { amenity: 'pharmacy', name: '测试药房', 'name:en': 'Test Pharmacy' }), poi('node/2', 121.441, { amenity: 'restaurant', name: '饭店' }), poi('way/3', 121.442, { amenity: 'kindergarten' })] });
		expect(out.features.map((f) => [f.properties.id, f.properties.name_zh, f.properties.name_en, f.properties.category, f.properties.dataset, f.properties.origin])).toEqual([
			['osm-node-1', '测试药房', 'Test Pharmacy', 'health', 'osm-pois', 'open-data'],
			['osm-way-3', '幼儿园', 'Kindergarten', 'education', 'osm-pois', 'open-data']
		]);
		expect(out.features[0].properties.note_en).toBe('OpenStreetMap node/1 (amenity=pharmacy)');
		expect(out.counts.find((c) => c.dataset === 'osm-pois')).toEqual({ dataset: 'osm-pois', read: 3, facilities: 2, notFacilities: 1, duplicates: 0 });
	});

	it('does not repeat a place another dataset placed under the same name nearby', () => {
		const placed = openFacilities({ ...base, parks: [{ id: 'p1', geometry: { type: 'Point', coordinates: [121.44, 31.2] }, properties: { title: '襄阳公园' } }] }).features;
		const out = openFacilities({ ...base, placed, pois: [poi('way/5', 121.4405, { leisure: 'park', name: '襄阳公园' }), poi('way/6', 121.46, { leisure: 'park', name: '襄阳公园' })] });
		expect(out.features.map((f) => f.properties.id)).toEqual(['osm-way-6']);
		expect(out.counts.at(-1)).toEqual({ dataset: 'osm-pois', read: 2, facilities: 1, notFacilities: 0, duplicates: 1 });
	});

	it('adds no osm-pois row while the source has not been fetched', () => {
		expect(openFacilities(base).counts.map((c) => c.dataset)).not.toContain('osm-pois');
	});
});
