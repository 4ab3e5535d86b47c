import { describe, expect, it } from 'vitest';
import type { LayerFacets, LayerFigure } from '../../../src/lib/map/facets';
import {
	ALL,
	choiceBbox,
	choiceFigures,
	choiceName,
	choiceRings,
	countInChoice,
	defaultChoice,
	inChoice,
	matchingInChoice,
	offersChoice,
	resolveChoice,
	shortName,
	startFrame,
	valueCounts,
	type MapDistricts
} from '../../../src/lib/map/districts';
import { ALL_DISTRICTS } from '../../../src/lib/schema/district';

const figure = (key: string, layer?: string): LayerFigure => ({ key, value: 3, unit: 'x', label_zh: key, label_en: key, source: 'seed 0.txt', date: '2021', ...(layer ? { layer } : {}) });
const square = (w: number, s: number, e: number, n: number) => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];

const registry: MapDistricts = {
	default: 'tianping',
	frame: [121.4, 31.16, 121.49, 31.26],
	districts: [
		{ id: 'tianping', name_zh: '天平路街道', name_en: 'Tianping Road Subdistrict', boundary: { type: 'Polygon', coordinates: square(121.43, 31.198, 121.457, 31.215) }, bbox: [121.43, 31.198, 121.457, 31.215], figures: [figure('area_km2'), figure('elevators', 'elevator-retrofits')] },
		{ id: 'hunan', name_zh: '湖南路街道', name_en: 'Hunan Road Subdistrict', boundary: { type: 'MultiPolygon', coordinates: [square(121.43, 31.205, 121.456, 31.222)] }, bbox: [121.43, 31.205, 121.456, 31.222], figures: [figure('area_km2')] }
	]
};
const single: MapDistricts = { ...registry, districts: [registry.districts[0]] };

describe('the district choice from a link', () => {
	it('is the default when absent, empty or the default itself, and the view keeps null for it (links leave it out)', () => {
		for (const raw of [null, undefined, '', 'tianping']) expect(resolveChoice(raw, registry), String(raw)).toEqual({ choice: 'tianping', stored: null, unknown: null });
	});

	it('is a district of the build, or all of them', () => {
		expect(resolveChoice('hunan', registry)).toEqual({ choice: 'hunan', stored: 'hunan', unknown: null });
		expect(resolveChoice('all', registry)).toEqual({ choice: ALL, stored: ALL, unknown: null });
		expect(ALL).toBe(ALL_DISTRICTS);
	});

	it('falls back to the default on an unknown one, keeping what the link said', () => {
		expect(resolveChoice('nowhere', registry)).toEqual({ choice: 'tianping', stored: null, unknown: 'nowhere' });
		expect(resolveChoice('Hunan', registry).unknown).toBe('Hunan');
	});

	it('is ignored by a build of one district, which offers no choice', () => {
		expect(offersChoice(single)).toBe(false);
		expect(offersChoice(registry)).toBe(true);
		for (const raw of ['hunan', 'all', 'nowhere']) expect(resolveChoice(raw, single), raw).toEqual({ choice: 'tianping', stored: null, unknown: null });
	});

	it('opens on the build’s first district when the registry’s default is not built', () => {
		const hunanOnly: MapDistricts = { ...registry, districts: [registry.districts[1]] };
		expect(defaultChoice(hunanOnly)).toBe('hunan');
		expect(resolveChoice(null, hunanOnly).choice).toBe('hunan');
	});
});

describe('what a choice stands for', () => {
	it('tests a feature’s district: the one chosen, or any (never the context) for all', () => {
		expect(inChoice('hunan', 'hunan')).toBe(true);
		expect(inChoice('tianping', 'hunan')).toBe(false);
		expect(inChoice(null, 'hunan')).toBe(false);
		expect(inChoice('tianping', ALL)).toBe(true);
		expect(inChoice(null, ALL)).toBe(false);
		expect(inChoice(undefined, ALL)).toBe(false);
	});

	it('frames its district’s box, or the box round all of them', () => {
		expect(choiceBbox(registry, 'hunan')).toEqual([121.43, 31.205, 121.456, 31.222]);
		expect(choiceBbox(registry, ALL)).toEqual([121.43, 31.198, 121.457, 31.222]);
	});

	it('gives its polygons as rings, a MultiPolygon’s each', () => {
		expect(choiceRings(registry, 'tianping')).toEqual([square(121.43, 31.198, 121.457, 31.215)]);
		expect(choiceRings(registry, 'hunan')).toEqual([square(121.43, 31.205, 121.456, 31.222)]);
		expect(choiceRings(registry, ALL)).toHaveLength(2);
	});

	it('is named in the header, every district for all; its button has the short name', () => {
		expect(choiceName(registry, 'hunan', 'zh')).toBe('湖南路街道');
		expect(choiceName(registry, 'hunan', 'en')).toBe('Hunan Road Subdistrict');
		expect(choiceName(registry, ALL, 'zh')).toBe('天平路街道 · 湖南路街道');
		expect(registry.districts.map((d) => shortName(d, 'zh'))).toEqual(['天平', '湖南']);
		expect(registry.districts.map((d) => shortName(d, 'en'))).toEqual(['Tianping', 'Hunan']);
	});

	it('has its district’s published figures; for all, every district’s, each labelled with whose it is', () => {
		expect(choiceFigures(registry, 'hunan')).toEqual([{ ...figure('area_km2'), district: 'hunan' }]);
		const all = choiceFigures(registry, ALL);
		expect(all.map((f) => `${f.district}:${f.key}`)).toEqual(['tianping:area_km2', 'tianping:elevators', 'hunan:area_km2']);
		expect(all.map((f) => f.by?.zh)).toEqual(['天平路街道', '天平路街道', '湖南路街道']);
		// One district built: its figures, unlabelled.
		expect(choiceFigures(single, ALL).every((f) => f.by === undefined)).toBe(true);
	});

	it('opens a link framed on its district only when the link has no camera and is not the default', () => {
		expect(startFrame(new URLSearchParams('d=hunan'), registry, 'hunan')).toEqual(registry.districts[1].bbox);
		expect(startFrame(new URLSearchParams('d=all'), registry, ALL)).toEqual(choiceBbox(registry, ALL));
		expect(startFrame(new URLSearchParams('d=hunan&c=121.44,31.21&z=16'), registry, 'hunan')).toBeNull();
		expect(startFrame(new URLSearchParams('d=hunan&z=16'), registry, 'hunan')).toBeNull();
		expect(startFrame(new URLSearchParams(''), registry, 'tianping')).toBeNull();
		expect(startFrame(new URLSearchParams('d=nowhere'), registry, 'tianping')).toBeNull();
		// A build of 湖南 alone opens on it, not on the default view (天平’s).
		const hunanOnly: MapDistricts = { ...registry, districts: [registry.districts[1]] };
		expect(startFrame(new URLSearchParams(''), hunanOnly, resolveChoice(null, hunanOnly).choice)).toEqual(registry.districts[1].bbox);
	});
});

describe('the layer panel’s counts under a choice', () => {
	// Rows: batch, then the district (null: the context).
	const facets: LayerFacets = {
		total: 6,
		in_district: 5,
		by_district: { tianping: 3, hunan: 2 },
		properties: ['batch'],
		rows: [['第一批', 'tianping'], ['第二批', 'tianping'], [null, 'tianping'], ['第一批', 'hunan'], ['第一批', 'hunan'], ['第二批', null]]
	};
	const plain: LayerFacets = { total: 9, in_district: 7, by_district: { tianping: 4, hunan: 3 } };

	it('counts the features in the district, or in any for all', () => {
		expect(['tianping', 'hunan', ALL].map((c) => countInChoice(plain, c))).toEqual([4, 3, 7]);
		expect(countInChoice({ total: 2, in_district: 1, by_district: {} }, 'hunan')).toBe(0);
		// Facets older than the choice: the one number they have.
		expect(countInChoice({ total: 2, in_district: 1 }, 'hunan')).toBe(1);
	});

	it('counts those shown under the filters from the rows, the district last', () => {
		expect(['tianping', 'hunan', ALL].map((c) => matchingInChoice(facets, c, undefined))).toEqual([3, 2, 5]);
		expect(['tianping', 'hunan', ALL].map((c) => matchingInChoice(facets, c, { batch: ['第一批'] }))).toEqual([1, 2, 3]);
		expect(matchingInChoice(plain, 'hunan', { x: ['y'] })).toBe(3);
	});

	it('counts each filter value in the district', () => {
		expect(Object.fromEntries(valueCounts(facets, 'batch', 'tianping'))).toEqual({ 第一批: 1, 第二批: 1 });
		expect(Object.fromEntries(valueCounts(facets, 'batch', 'hunan'))).toEqual({ 第一批: 2 });
		expect(Object.fromEntries(valueCounts(facets, 'batch', ALL))).toEqual({ 第一批: 3, 第二批: 1 });
		expect(valueCounts(facets, 'nope', ALL).size).toBe(0);
	});
});
