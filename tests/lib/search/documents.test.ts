import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchDocuments, parseSearchIndex, PINYIN_SEPARATOR } from '../../../src/lib/search/documents';
import { representativePoint } from '../../../src/lib/search/place';
import { buildSearchIndex, pinyinOf } from '../../../scripts/pipeline/search-index';
import { layers } from './fixtures';

const docs = buildSearchDocuments(layers);
const byId = (id: string) => docs.find((d) => d.id === id)!;

describe('buildSearchDocuments', () => {
	it('groups street ways by name, with the bbox of all of them and a centre on the street', () => {
		const huaihai = byId('streets:淮海中路');
		expect(huaihai).toMatchObject({ layer: 'streets', featureId: null, title_zh: '淮海中路', title_en: 'Middle Huaihai Road', subtitle: null });
		expect(huaihai.aliases).toEqual(['霞飞路', 'Avenue Joffre']);
		expect(huaihai.bbox).toEqual([121.43, 31.205, 121.45, 31.215]);
		// On the middle way (121.435,31.207)→(121.44,31.21), not the bbox centre off the street.
		const [lon, lat] = huaihai.center;
		expect(lon).toBeGreaterThanOrEqual(121.435);
		expect(lon).toBeLessThanOrEqual(121.44);
		expect(lat).toBeCloseTo(31.207 + ((lon - 121.435) / 0.005) * 0.003, 5);
	});

	it('makes one document per street name, splits joined historic names, skips unnamed ways and duplicate layers', () => {
		const streets = docs.filter((d) => d.layer === 'streets').map((d) => d.id);
		expect(streets).toEqual(['streets:建国西路', 'streets:武康路', 'streets:淮海中路', 'streets:衡山路']);
		expect(byId('streets:建国西路').aliases).toEqual(['福履理路', '台斯德朗路', 'Route Joseph Frelupt']);
		expect(docs.some((d) => d.layer === 'never-widened-roads' || d.layer === 'metro-lines')).toBe(false);
	});

	it('makes one document per feature elsewhere, with the address as subtitle and never the description', () => {
		const wukang = byId('protected-buildings:ehb-wukang');
		expect(wukang).toMatchObject({
			featureId: 'ehb-wukang',
			title_zh: '武康大楼',
			title_en: 'Wukang Mansion',
			subtitle: '淮海中路1836-1858号',
			aliases: [],
			keywords: ['1920 AVENUE JOFFRE', '邬达克']
		});
		expect(wukang.bbox).toEqual([121.4334, 31.206, 121.4338, 31.2064]);
		expect(byId('protected-buildings:ehb-hengshan').center).toEqual([121.4386, 31.2025]);
		expect(byId('former-residences:residence-1')).toMatchObject({ title_zh: '巴金', title_en: null, subtitle: '武康路113号' });
		expect(JSON.stringify(docs)).not.toContain('LONG TEXT');
	});

	it('puts pins on points, inside polygons and halfway along lines', () => {
		expect(representativePoint({ type: 'LineString', coordinates: [[121, 31], [121.002, 31]] })).toEqual([121.001, 31]);
		const [x, y] = representativePoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] });
		expect(x > 0 && x < 2 && y > 0 && y < 2).toBe(true);
	});

	it('round-trips through the JSON shape the browser checks', () => {
		expect(parseSearchIndex(JSON.parse(JSON.stringify(docs)))).toEqual(docs);
		expect(() => parseSearchIndex([{ id: 1 }])).toThrow();
	});
});

describe('buildSearchIndex (pinyin, build time only)', () => {
	it('spells syllables, the run and the initials', () => {
		expect(pinyinOf('武康大楼')).toBe('wu kang da lou wukang kangda dalou wukangdalou wkdl');
		expect(pinyinOf('巴金')).toBe('ba jin bajin bj');
		expect(pinyinOf('Avenue Joffre')).toBe('');
	});

	it('spells the title, then each Chinese alias, in segments', () => {
		const index = buildSearchIndex(layers);
		const find = (id: string) => index.find((d) => d.id === id)!;
		expect(find('streets:淮海中路').pinyin.split(PINYIN_SEPARATOR)).toEqual(['huai hai zhong lu huaihai haizhong zhonglu huaihaizhonglu hhzl', 'xia fei lu xiafei feilu xiafeilu xfl']);
		expect(find('protected-buildings:ehb-huashan').pinyin).toContain('hua sheng dun gong yu');
		expect(index.map((d) => d.id)).toEqual([...index.map((d) => d.id)].sort());
	});
});

describe('browser safety', () => {
	it('the browser modules do not import pinyin-pro or Node', () => {
		for (const file of ['documents.ts', 'search.ts', 'place.ts']) {
			const source = readFileSync(resolve(import.meta.dirname, '../../../src/lib/search', file), 'utf8');
			expect(source).not.toMatch(/from '(pinyin-pro|node:[^']*)'/);
		}
	});
});
