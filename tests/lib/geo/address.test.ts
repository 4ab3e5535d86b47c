import { describe, expect, it } from 'vitest';
import { addressesMatch, namesMatch, normalizeName, oppositeSides, parseAddress, parseShanghaiAddress, roadKey, type ShanghaiAddress } from '../../../src/lib/geo/address';

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
	it('matches no number in range that is across the road', () => {
		// 宋庆龄故居 at 1843 faces 武康大楼's 1836–1858: it was merged into it, and gone from the map.
		expect(addressesMatch(parseAddress('淮海中路1836-1858号'), parseAddress('淮海中路1843号'))).toBe(false);
		expect(addressesMatch(parseAddress('东平路2-10号'), parseAddress('东平路5号'))).toBe(false);
		expect(addressesMatch(parseAddress('嘉善路131-143弄'), parseAddress('嘉善路140弄'))).toBe(false);
		// A range over both sides says nothing about sides.
		expect(addressesMatch(parseAddress('复兴中路1325-1328号'), parseAddress('复兴中路1326号'))).toBe(true);
	});
	it('tells two doors across the road: odd numbers on one side, even on the other', () => {
		expect(oppositeSides(parseAddress('建国西路602号'), parseAddress('建国西路607号'))).toBe(true);
		expect(oppositeSides(parseAddress('茂名南路112-124号'), parseAddress('茂名南路359号'))).toBe(true);
		// Same side, however far apart the numbers (a renumbered street keeps its sides).
		expect(oppositeSides(parseAddress('淮海中路1836-1858号'), parseAddress('淮海中路1920号'))).toBe(false);
		// A range over both sides, another road, or no address says nothing.
		expect(oppositeSides(parseAddress('复兴中路1325-1328号'), parseAddress('复兴中路1327号'))).toBe(false);
		expect(oppositeSides(parseAddress('岳阳路190号'), parseAddress('汾阳路197号'))).toBe(false);
		expect(oppositeSides(parseAddress('岳阳路190号'), null)).toBe(false);
	});
	it('compares names loosely but not too loosely', () => {
		expect(normalizeName(' 武康 大楼（东美特公寓）')).toBe('武康大楼东美特公寓');
		expect(namesMatch('武康大楼', '武康大楼（东美特公寓）')).toBe(true);
		expect(namesMatch('住宅', '某某住宅')).toBe(false);
		expect(namesMatch('', '')).toBe(false);
	});
});

/** The address, or the failure's code, so a wrong parse shows what it read. */
function read(input: string | null): ShanghaiAddress | string {
	const r = parseShanghaiAddress(input);
	return r.ok ? r.address : r.code;
}

const door = (road: string, number: number, numberTo = number, unit: '号' | null = '号'): ShanghaiAddress => ({ road, number, numberTo, unit, lane: null, sub: null, subTo: null });
const lane = (road: string, number: number, sub: number | null = null, subTo = sub): ShanghaiAddress => ({ road, number, numberTo: number, unit: '弄', lane: number, sub, subTo });

describe('parseShanghaiAddress', () => {
	it('reads a door, a lane and a house in a lane', () => {
		expect(read('广元路153号')).toEqual(door('广元路', 153));
		expect(read('高安路50弄')).toEqual(lane('高安路', 50));
		expect(read('武康路40弄4号')).toEqual(lane('武康路', 40, 4));
	});

	it('drops the city, district and subdistrict in front', () => {
		expect(read('上海市徐汇区高安路50弄3号')).toEqual(lane('高安路', 50, 3));
		expect(read('上海徐汇区衡山路534号')).toEqual(door('衡山路', 534));
		expect(read('徐汇区五原路372弄6-9号')).toEqual(lane('五原路', 372, 6, 9));
		expect(read('天平路街道高安路50弄')).toEqual(lane('高安路', 50));
	});

	it('reads full-width digits and spaces', () => {
		expect(read('广元路１５３号')).toEqual(door('广元路', 153));
		expect(read('武康路400 弄1-5号')).toEqual(lane('武康路', 400, 1, 5));
		expect(read(' 华山路 1520 弄 ')).toEqual(lane('华山路', 1520));
	});

	it('reads ranges and lists as lowest..highest', () => {
		expect(read('淮海中路1836-1858号')).toEqual(door('淮海中路', 1836, 1858));
		expect(read('复兴中路471－473号，477号')).toEqual(door('复兴中路', 471, 477));
		expect(read('东平路2号-10号')).toEqual(door('东平路', 2, 10));
		expect(read('长乐路784号, 786号, 788号')).toEqual(door('长乐路', 784, 788));
		expect(read('南京东路620--635')).toEqual(door('南京东路', 620, 635, null));
		expect(read('番禺路55弄、75弄、95弄，平武路2号')).toMatchObject({ road: '番禺路', number: 55, numberTo: 95, unit: '弄' });
		expect(read('嘉善路131-143弄、169弄')).toMatchObject({ number: 131, numberTo: 169, unit: '弄' });
	});

	it('takes 号 as optional', () => {
		expect(read('建国西路652')).toEqual(door('建国西路', 652, 652, null));
	});

	it('ignores what follows the house: buildings, rooms, second addresses, notes', () => {
		expect(read('淮海中路1414号1号楼')).toEqual(door('淮海中路', 1414));
		expect(read('巨鹿路785弄3号102室')).toEqual(lane('巨鹿路', 785, 3));
		expect(read('延安中路718号、茂名北路65号')).toEqual(door('延安中路', 718));
		expect(read('南昌路79号乙')).toEqual(door('南昌路', 79));
		expect(read('淮海中路12号,2楼')).toEqual(door('淮海中路', 12));
	});

	it('reads lane houses written with a lane name, a letter or a hyphen', () => {
		expect(read('重庆南路205弄万宜坊54号(吕班路万宜坊54号)')).toEqual(lane('重庆南路', 205, 54));
		expect(read('南京西路1081弄59A')).toEqual(lane('南京西路', 1081, 59));
		expect(read('高安路6弄-1号')).toEqual(lane('高安路', 6, 1));
		expect(read('愚园路1210弄东侧')).toEqual(lane('愚园路', 1210));
		expect(read('延庆路4弄，2号')).toEqual(lane('延庆路', 4, 2));
	});

	it('does not take a house number from a second road, or doors after a lane for its houses', () => {
		expect(read('番禺路55弄、75弄、95弄，平武路2号')).toMatchObject({ lane: 55, sub: null });
		expect(read('南昌路110弄、112-134号')).toEqual(lane('南昌路', 110));
	});

	it('takes the address after a "name：" label', () => {
		expect(read('徐家汇观象台旧址：蒲西路166号')).toEqual(door('蒲西路', 166));
	});

	it('keeps the whole road name even when part of it is itself a road suffix', () => {
		expect(read('天钥桥路380号')).toEqual(door('天钥桥路', 380));
	});

	it('says why it cannot read an address', () => {
		expect(read('')).toBe('empty');
		expect(read('   ')).toBe('empty');
		expect(read(null)).toBe('empty');
		expect(read('红楼：浦西世博园区内')).toBe('unparseable');
		expect(read('hello world 42')).toBe('unparseable');
		expect(read('汾阳路、岳阳路、桃江路交汇处')).toBe('no-number');
		expect(read('衡山路')).toBe('no-number');
		// An OCR slip (2S0 for 280): reading it as 2 would be a silent guess.
		expect(read('武康路2S0弄43号')).toBe('malformed-number');
		const r = parseShanghaiAddress('衡山路');
		expect(!r.ok && r.reason).toMatch(/no house number after 衡山路/);
	});

	it('compares road names by NFKC without spaces', () => {
		expect(roadKey('华山路 1520 弄')).toBe('华山路1520弄');
		expect(roadKey('淮海中路')).toBe(roadKey('淮海中路'.normalize('NFD')));
	});
});
