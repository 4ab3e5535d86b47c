import { describe, expect, it } from 'vitest';
import { createSearch, processTerm, tokenize } from '../../../src/lib/search/search';
import { buildSearchIndex } from '../../../scripts/pipeline/search-index';
import { layers } from './fixtures';

const { search } = createSearch(buildSearchIndex(layers));
const ids = (query: string) => search(query, 'zh').map((h) => h.id);

describe('tokenize and processTerm', () => {
	it('indexes Han runs as characters and pairs, other text as words', () => {
		expect(tokenize('衡山路534号')).toEqual(['衡', '衡山', '山', '山路', '路', '534', '号']);
		expect(tokenize('525 AVENUE PÉTAIN')).toEqual(['525', 'AVENUE', 'PÉTAIN']);
		expect(tokenize('５３４')).toEqual(['534']);
	});
	it('folds case and accents', () => {
		expect(processTerm('PÉTAIN')).toBe('petain');
	});
});

describe('search', () => {
	it('finds a street by its historic Chinese name and says which name matched', () => {
		const [first] = search('霞飞路', 'zh');
		expect(first).toMatchObject({ id: 'streets:淮海中路', featureId: null, title: '淮海中路', matched: '霞飞路', matchedField: 'aliases' });
		expect(first.bbox).toEqual([121.43, 31.205, 121.45, 31.215]);
	});

	it('finds a street by its French name, whole or in part, in any case', () => {
		for (const q of ['Avenue Joffre', 'joffre', 'AVENUE JOFFRE', 'joffr']) expect(ids(q)[0], q).toBe('streets:淮海中路');
		expect(search('Avenue Joffre', 'en')[0]).toMatchObject({ title: 'Middle Huaihai Road', matched: 'Avenue Joffre' });
		// The building whose historic address is on the avenue comes too, after the street.
		expect(ids('Avenue Joffre')).toContain('protected-buildings:ehb-wukang');
	});

	it('finds a building by pinyin, initials and part of its Chinese name', () => {
		for (const q of ['wukang', 'wukangdalou', 'dalou', 'wkdl', '武康', '武康大楼', 'Wukang Mansion']) {
			expect(ids(q), q).toContain('protected-buildings:ehb-wukang');
		}
		expect(ids('武康大楼')[0]).toBe('protected-buildings:ehb-wukang');
		expect(search('wkdl', 'zh')[0]).toMatchObject({ id: 'protected-buildings:ehb-wukang', matched: '武康大楼', matchedField: 'pinyin' });
	});

	it('traces a pinyin match on an alias back to the Chinese alias', () => {
		expect(search('xiafeilu', 'zh')[0]).toMatchObject({ id: 'streets:淮海中路', matched: '霞飞路' });
	});

	it('finds a building by its address, not its neighbour', () => {
		const hits = search('衡山路534号', 'zh');
		expect(hits[0]).toMatchObject({ id: 'protected-buildings:ehb-hengshan', matched: '衡山路534号', matchedField: 'subtitle' });
		expect(hits.map((h) => h.id)).not.toContain('protected-buildings:ehb-next-door');
	});

	it('reads full-width digits and letters as ASCII', () => {
		expect(ids('衡山路５３４号')[0]).toBe('protected-buildings:ehb-hengshan');
		expect(ids('ｊｏｆｆｒｅ')[0]).toBe('streets:淮海中路');
	});

	it('finds a building by its concession-era name, and says so', () => {
		expect(search('Picardie Apartments', 'en')[0]).toMatchObject({ id: 'protected-buildings:ehb-hengshan', matched: 'Picardie Apartments', matchedField: 'aliases' });
	});

	it('ignores accents: Petain finds PÉTAIN', () => {
		const hits = search('Petain', 'en');
		expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining(['protected-buildings:ehb-hengshan', 'streets:衡山路']));
		expect(hits.find((h) => h.id === 'protected-buildings:ehb-hengshan')).toMatchObject({ matched: '534 AVENUE PÉTAIN', matchedField: 'keywords' });
		expect(hits.find((h) => h.id === 'streets:衡山路')).toMatchObject({ matched: 'Avenue Pétain', matchedField: 'aliases' });
	});

	it('tolerates a typo in Latin words', () => {
		expect(ids('Jofre')[0]).toBe('streets:淮海中路');
	});

	it('ranks exact and prefix title matches first', () => {
		// 武康路 is a title match; 武康大楼 only starts with the same characters.
		expect(ids('武康路')[0]).toBe('streets:武康路');
		expect(ids('衡山')[0]).toMatch(/^(streets:衡山路|protected-buildings:ehb-hengshan)$/);
		expect(ids('衡山').slice(0, 2).sort()).toEqual(['protected-buildings:ehb-hengshan', 'streets:衡山路']);
	});

	it('returns titles in the asked language, falling back to the other', () => {
		expect(search('巴金', 'en')[0]).toMatchObject({ title: '巴金', featureId: 'residence-1' });
		expect(search('武康大楼', 'en')[0].title).toBe('Wukang Mansion');
	});

	it('returns nothing for empty, blank or markup-only queries, without throwing', () => {
		for (const q of ['', '   ', '\t\n', '<script>', '<script>alert(1)</script>', '。，！']) expect(search(q, 'zh'), q).toEqual([]);
	});

	it('honours the limit', () => {
		expect(search('路', 'zh', 2)).toHaveLength(2);
		expect(search('路', 'zh', 0)).toEqual([]);
	});
});
