import { describe, expect, it } from 'vitest';
import type { LayerFeature } from '../../../scripts/pipeline/layers';
import { resolveTours, streetNames } from '../../../scripts/pipeline/tours';
import type { Tour } from '../../../src/lib/schema/tour';

const building: LayerFeature = {
	type: 'Feature',
	geometry: { type: 'Polygon', coordinates: [[[121.45, 31.21], [121.451, 31.21], [121.451, 31.211], [121.45, 31.21]]] },
	properties: { id: 'ehb-1', name_zh: '慎成里', name_en: null, lon: 121.4505, lat: 31.2105, address: '永嘉路291弄66号', address_historic: null, year_built: 1928, architect: '凯泰' }
};
const residence: LayerFeature = { type: 'Feature', geometry: { type: 'Point', coordinates: [121.44, 31.2] }, properties: { id: 'residence-9', name_zh: '陈毅', address: '余庆路190号' } };
const street: LayerFeature = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[121.44, 31.2], [121.46, 31.21]] }, properties: { name: '永嘉路', name_historic: '西爱咸斯路', name_fr: 'Route Herve de Sieyes' } };
const layers = new Map<string, LayerFeature[]>([['protected-buildings', [building]], ['former-residences', [residence]], ['streets', [street]]]);

const tour = (stops: Tour['stops']): Tour => ({ id: 't', title_zh: '标题', title_en: 'Title', summary_zh: '简介', summary_en: 'Summary', stops });
const stop = (layer: 'protected-buildings' | 'former-residences', id: string) => ({ layer, id, title_en: 'A stop', why_zh: '因为', why_en: 'because' });

describe('resolveTours', () => {
	it('gives each stop its layer facts: point, year, architect, and the street then and now', () => {
		const { tours, rejected } = resolveTours([tour([stop('protected-buildings', 'ehb-1'), stop('former-residences', 'residence-9')])], layers);
		expect(rejected).toEqual([]);
		const [a, b] = tours[0].stops;
		expect(a).toMatchObject({ point: [121.4505, 31.2105], year: '1928', architect: '凯泰', street_now: '永嘉路', street_then: '西爱咸斯路', street_fr: 'Route Herve de Sieyes' });
		expect(b).toMatchObject({ name_zh: '陈毅旧居', point: [121.44, 31.2], street_now: null });
	});

	it('rejects a tour whose stop is not in the built layers, naming the stop', () => {
		const { tours, rejected } = resolveTours([tour([stop('protected-buildings', 'ehb-1'), stop('protected-buildings', 'ehb-gone')])], layers);
		expect(tours).toEqual([]);
		expect(rejected[0]).toMatchObject({ file: 'data/tours.json', id: 't', reason: 'stop protected-buildings:ehb-gone not in the built layers' });
	});

	it('maps modern street names to their historic names', () => {
		expect(streetNames([street])).toEqual({ 永嘉路: { historic: '西爱咸斯路', fr: 'Route Herve de Sieyes' } });
	});
});
