import { describe, expect, it } from 'vitest';
import { placeJsonLd } from '$lib/places/json-ld';
import type { PlaceData } from '$lib/places/types';

const place = (over: Partial<PlaceData> = {}): PlaceData => ({
	id: 'ehb-1',
	layer: 'protected-buildings',
	layerTitle: { zh: '历史保护建筑', en: 'Protected historic buildings' },
	schemaType: 'LandmarksOrHistoricalBuildings',
	name: { zh: '衡山宾馆', en: 'Hengshan Hotel' },
	altName: { zh: 'Hengshan Hotel', en: '衡山宾馆' },
	point: [121.44, 31.2],
	district: { zh: '天平路街道', en: 'Tianping Road Subdistrict' },
	photo: null,
	facts: [{ key: 'address', label: { zh: '地址', en: 'Address' }, value: { zh: '衡山路534号', en: '衡山路534号' } }],
	street: null,
	description: null,
	credits: [],
	locator: { width: 1, height: 1, streets: [], district: '', area: null, line: null, points: [], labels: { zh: [], en: [] }, scale: { x: 0, y: 0, px: 1, metres: 1 } },
	nearby: [],
	tours: [],
	summary: { zh: '摘要', en: 'Summary' },
	...over
});

describe('placeJsonLd', () => {
	it('describes a listed building as a landmark with its coordinates, address and district', () => {
		const ld = placeJsonLd(place(), 'en', 'https://h/en/places/ehb-1', 'https://h/og.png');
		expect(ld).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'LandmarksOrHistoricalBuildings',
			url: 'https://h/en/places/ehb-1',
			name: 'Hengshan Hotel',
			alternateName: '衡山宾馆',
			image: 'https://h/og.png',
			geo: { '@type': 'GeoCoordinates', latitude: 31.2, longitude: 121.44 },
			address: { streetAddress: '衡山路534号' },
			containedInPlace: { name: 'Tianping Road Subdistrict' }
		});
	});

	it('describes anything else as a Place, without the parts it lacks', () => {
		const ld = placeJsonLd(place({ schemaType: 'Place', altName: null, facts: [], district: null }), 'zh', 'u', 'i');
		expect(ld['@type']).toBe('Place');
		expect(ld).not.toHaveProperty('address');
		expect(ld).not.toHaveProperty('alternateName');
		expect(ld).not.toHaveProperty('containedInPlace');
	});
});
