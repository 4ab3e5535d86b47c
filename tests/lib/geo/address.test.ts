import { describe, expect, it } from 'vitest';
import { addressesMatch, namesMatch, normalizeName, parseAddress } from '../../../src/lib/geo/address';

describe('parseAddress', () => {
	it('reads road and number', () => {
		expect(parseAddress('衡山路534号')).toEqual({ road: '衡山路', from: 534, to: 534, unit: '号' });
	});
	it('reads ranges, lanes, district prefixes and full-width digits', () => {
		expect(parseAddress('淮海中路1836-1858号')).toEqual({ road: '淮海中路', from: 1836, to: 1858, unit: '号' });
		expect(parseAddress('上海市徐汇区高安路50弄')).toEqual({ road: '高安路', from: 50, to: 50, unit: '弄' });
		expect(parseAddress('广元路１５３号')).toEqual({ road: '广元路', from: 153, to: 153, unit: '号' });
		expect(parseAddress('南昌路212、244弄')?.to).toBe(244);
	});
	it('returns null for what it cannot read', () => {
		expect(parseAddress('')).toBeNull();
		expect(parseAddress(null)).toBeNull();
		expect(parseAddress('浦锦街道徐凌村')).toBeNull();
	});
});

describe('matching', () => {
	it('matches overlapping numbers on the same road only', () => {
		expect(addressesMatch(parseAddress('淮海中路1836-1858号'), parseAddress('淮海中路1850号'))).toBe(true);
		expect(addressesMatch(parseAddress('淮海中路1836号'), parseAddress('淮海西路1836号'))).toBe(false);
		expect(addressesMatch(parseAddress('高安路50弄'), parseAddress('高安路50号'))).toBe(false);
	});
	it('compares names loosely but not too loosely', () => {
		expect(normalizeName(' 武康 大楼（东美特公寓）')).toBe('武康大楼东美特公寓');
		expect(namesMatch('武康大楼', '武康大楼（东美特公寓）')).toBe(true);
		expect(namesMatch('住宅', '某某住宅')).toBe(false);
		expect(namesMatch('', '')).toBe(false);
	});
});
