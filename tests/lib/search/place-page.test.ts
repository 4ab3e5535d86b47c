import { describe, expect, it } from 'vitest';
import { placePageOf } from '../../../src/lib/search/place-page';

describe('placePageOf', () => {
	it('links features of the layers that have place pages, keeping the language', () => {
		expect(placePageOf({ layer: 'protected-buildings', featureId: 'ehb-001' }, 'zh')).toBe('/places/ehb-001');
		expect(placePageOf({ layer: 'former-residences', featureId: 'fr-1' }, 'en')).toBe('/en/places/fr-1');
		expect(placePageOf({ layer: 'facilities', featureId: 'metro-osm-node-1' }, 'zh')).toBe('/places/metro-osm-node-1');
		expect(placePageOf({ layer: 'never-widened-roads', featureId: 'osm-way-7' }, 'zh')).toBe('/places/osm-way-7');
	});

	it('gives none for bus stops, street groups and layers without pages', () => {
		expect(placePageOf({ layer: 'facilities', featureId: 'bus-osm-node-10074912634' }, 'zh')).toBeNull();
		expect(placePageOf({ layer: 'streets', featureId: null }, 'zh')).toBeNull();
		expect(placePageOf({ layer: 'district-boundary', featureId: 'tianping' }, 'zh')).toBeNull();
	});

	it('escapes an id that is not URL-safe', () => {
		expect(placePageOf({ layer: 'facilities', featureId: 'a/b?c' }, 'zh')).toBe('/places/a%2Fb%3Fc');
	});
});
