import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { builtIn, conflateProtectedBuildings, englishName, modernAddress, onAnotherStreet, onlyAKind, modernStreetsByForeignName, type Clipped } from '../../../scripts/pipeline/conflate/buildings';
import { parseAddress } from '../../../src/lib/geo/address';
import { matchOneToOne } from '../../../scripts/pipeline/conflate/match';

let n = 0;
function f(geometry: Geometry, properties: Record<string, unknown>, id = `r${n++}`): Clipped {
	return { type: 'Feature', id, index: n, geometry, properties: { in_district: true, district: 'tianping', ...properties } };
}
const pt = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });
const box = (lon: number, lat: number, d = 0.0002): Geometry => ({
	type: 'Polygon',
	coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]]
});

const A = [121.44, 31.2] as const;
const input = () => ({
	excellent: [
		f(pt(...A), { uri: 'x/aaa', nameS: '甲公寓', address: '某路10号', batch: '第三批', construction_year: '1930年', photo_url: 'a.jpg', type: '上海市优秀历史建筑' }),
		f(pt(121.45, 31.2), { uri: 'x/ccc', nameS: '丙住宅', address: '某路99号', batch: null, type: '上海市优秀历史建筑' })
	],
	relics: [
		f(pt(A[0] + 0.0005, A[1]), { uri: 'x/r1', nameS: '甲公寓旧址', address: '某路10号', type: '上海市不可移动文物名录; 上海市文物保护单位; 红色旅游景点' }),
		f(pt(121.46, 31.2), { uri: 'x/r2', nameS: '乙故居', address: '别路1号', type: '上海市不可移动文物名录; 区级文物保护单位' })
	],
	osm: [f(box(...A), { '@id': 'way/1', building: 'yes', 'name:en': 'Alpha Apartments' })],
	atlas: [
		f(pt(A[0] + 0.0001, A[1]), { title: '无关', she_ji_zhe: '错误建筑师' }, '645-near'),
		f(pt(A[0] + 0.001, A[1]), { title: '甲公寓', she_ji_zhe: '邬达克', kai_shi_jian_zao_shi_jian: 1931 }, '645-name'),
		f(pt(121.45, 31.2001), { title: '丙住宅', shi_you_bian_hao: '4D001' }, '645-c')
	],
	virtualShanghai: [f(pt(A[0] + 0.0001, A[1]), { name_zh: '某某大楼', name_en: 'Alpha Court', address: '10 ROUTE X' }, 'vs1')],
	photos: new Set(['a.jpg'])
});

describe('conflateProtectedBuildings', () => {
	const { features, matches } = conflateProtectedBuildings(input());
	const byId = Object.fromEntries(features.map((x) => [x.properties.id, x]));

	it('makes one record per building: the listing, plus relic sites not on it', () => {
		expect(Object.keys(byId)).toEqual(['ehb-aaa', 'ehb-ccc', 'relic-r2']);
	});
	it('merges the relic level by address and the footprint by containment', () => {
		const a = byId['ehb-aaa'];
		expect(a.properties).toMatchObject({ relic_level: '上海市文物保护单位', red_site: true, protection: 'both', geometry_source: 'osm-footprint', name_en: 'Alpha Apartments' });
		expect(a.geometry.type).toBe('Polygon');
		expect(a.properties.match).toBe('relic:name;osm:footprint;645:name;vs:proximity');
	});
	it('prefers a same-name atlas record over a nearer nameless one', () => {
		expect(byId['ehb-aaa'].properties.architect).toBe('邬达克');
		expect(byId['ehb-aaa'].properties.source_ids).toContain('645:645-name');
	});
	it('keeps the listing year and batch, and credits the photo', () => {
		expect(byId['ehb-aaa'].properties).toMatchObject({ year_built: 1930, decade: 1930, batch: '第三批', photo: 'a.jpg', photo_credit: 'Wikimedia Commons: File:a.jpg' });
	});
	it('takes the batch from the atlas number when the listing lacks it', () => {
		expect(byId['ehb-ccc'].properties).toMatchObject({ batch: '第四批', batch_source: '645 municipal number' });
	});
	it('takes the historic address and names from Virtual Shanghai, its English one as historic, never as today’s', () => {
		expect(byId['ehb-aaa'].properties).toMatchObject({ address_historic: '10 ROUTE X', name_historic: '某某大楼', name_historic_en: 'Alpha Court', name_en: 'Alpha Apartments' });
	});
	it('stays a point where no footprint matched', () => {
		expect(byId['relic-r2'].geometry.type).toBe('Point');
		expect(byId['relic-r2'].properties).toMatchObject({ excellent: false, protection: 'relic', relic_level: '区级文物保护单位' });
	});
	it('counts matches by method', () => {
		expect(matches.find((m) => m.source === '645-buildings')).toEqual({ source: '645-buildings', candidates: 3, matched: 2, byMethod: { name: 2 } });
	});
});

/** A row of the streets stage's foreign-name table. */
const row = (modern: string, foreign: string) => ({ modern, foreign, kind: 'fr' as const, votes: 5, total: 5, share: 1 });

describe('Virtual Shanghai by historic address', () => {
	const streets = modernStreetsByForeignName([row('衡山路', 'Avenue Pétain'), row('淮海中路', 'Avenue Joffre'), row('甲路', 'Route Y'), row('乙路', 'Route Y')]);

	it('reads a concession-era address as the modern one', () => {
		expect(modernAddress('534 AVENUE PETAIN', streets)).toBe('衡山路534号');
		expect(modernAddress('1209 Avenue Joffre', streets)).toBe('淮海中路1209号');
	});
	it('reads nothing from a lane house, an unknown street, or a name two modern streets claim', () => {
		expect(modernAddress('524-11 AVENUE PETAIN', streets)).toBe('');
		expect(modernAddress('12 ROUTE INCONNUE', streets)).toBe('');
		expect(modernAddress('3 ROUTE Y', streets)).toBe('');
		expect(modernAddress(null, streets)).toBe('');
	});
	it('reads two doors on one side as the range they span, and two across the road as nothing', () => {
		expect(modernAddress('47/49 AVENUE PETAIN', streets)).toBe('衡山路47-49号');
		expect(modernAddress('47/50 AVENUE PETAIN', streets)).toBe('');
	});
	it('matches the record at the same door before a nearer one next door', () => {
		const hotel = [121.4386, 31.2025] as const;
		const { features } = conflateProtectedBuildings({
			excellent: [f(pt(...hotel), { uri: 'x/hotel', nameS: '衡山宾馆', address: '衡山路534号', type: '上海市优秀历史建筑' })],
			relics: [],
			osm: [],
			atlas: [],
			virtualShanghai: [
				f(pt(hotel[0] + 0.0002, hotel[1]), { name_en: 'Cavendish Apartments', address: '525 AVENUE PETAIN' }, 'vs-next-door'),
				f(pt(hotel[0] - 0.0004, hotel[1]), { name_en: 'Picardie Apartments', address: '534 AVENUE PETAIN' }, 'vs-same-door')
			],
			foreignStreets: [row('衡山路', 'Avenue Pétain')],
			photos: new Set()
		});
		expect(features[0].properties).toMatchObject({ name_en: null, name_historic_en: 'Picardie Apartments', address_historic: '534 AVENUE PETAIN', match: 'vs:address' });
	});
	it('takes no record from across the road by nearness alone', () => {
		const institute = [121.4453, 31.2063] as const;
		const { features, matches } = conflateProtectedBuildings({
			excellent: [f(pt(...institute), { uri: 'x/inst', nameS: '某研究所', address: '建国西路602号', type: '上海市优秀历史建筑' })],
			relics: [],
			osm: [],
			atlas: [],
			virtualShanghai: [f(pt(institute[0], institute[1] + 0.0002), { name_en: 'Warehouse', address: '607 ROUTE JOSEPH FRELUPT' }, 'vs-across')],
			foreignStreets: [row('建国西路', 'Route Joseph Frelupt')],
			photos: new Set()
		});
		expect(features[0].properties).toMatchObject({ name_historic_en: null, address_historic: null, match: '' });
		expect(matches.find((m) => m.source === 'virtual-shanghai')?.matched).toBe(0);
	});
});

describe('Virtual Shanghai on another street', () => {
	const modernOf = modernStreetsByForeignName([row('衡山路', 'Avenue Pétain'), row('湖南路', 'Route Charles Culty')]);
	const foreignOf = new Map([
		['衡山路', 'Avenue Pétain'],
		['湖南路', 'Route Charles Culty']
	]);
	it('knows an address on another street by its modern street, or by a foreign name the listing’s street never had', () => {
		expect(onAnotherStreet(parseAddress('湖南路262号'), '534 AVENUE PETAIN', modernOf, foreignOf)).toBe(true);
		expect(onAnotherStreet(parseAddress('湖南路262号'), '115 ROUTE FERGUSSON', modernOf, foreignOf)).toBe(true);
		expect(onAnotherStreet(parseAddress('衡山路534号'), '534 AVENUE PÉTAIN', modernOf, foreignOf)).toBe(false);
		expect(onAnotherStreet(parseAddress('湖南路262号'), '262 ROUTE CULTY', modernOf, foreignOf)).toBe(false);
	});
	it('says nothing when neither street is known, or an address is missing', () => {
		expect(onAnotherStreet(parseAddress('武康路115号'), '115 ROUTE FERGUSSON', modernOf, foreignOf)).toBe(false);
		expect(onAnotherStreet(null, '115 ROUTE FERGUSSON', modernOf, foreignOf)).toBe(false);
		expect(onAnotherStreet(parseAddress('湖南路262号'), null, modernOf, foreignOf)).toBe(false);
	});
	const corner = [121.4372, 31.2104] as const;
	const conflate = (listings: Array<[string, string, number]>) =>
		conflateProtectedBuildings({
			excellent: listings.map(([name, address, dx], i) => f(pt(corner[0] + dx, corner[1]), { uri: `x/${i}`, nameS: name, address, type: '上海市优秀历史建筑' })),
			relics: [],
			osm: [],
			atlas: [],
			virtualShanghai: [f(pt(...corner), { name_en: 'Midget Apartments', address: '115 ROUTE FERGUSSON' }, 'vs-midget')],
			foreignStreets: [row('湖南路', 'Route Charles Culty')],
			photos: new Set()
		}).features;
	it('gives a record on another street to the listing on its own street, though that one is further', () => {
		const features = conflate([
			['湖南别墅', '湖南路262号', 0.00005],
			['密丹公寓', '武康路115号', 0.0002]
		]);
		expect(features.find((b) => b.properties.name_zh === '密丹公寓')!.properties).toMatchObject({ name_historic_en: 'Midget Apartments', match: 'vs:proximity' });
		expect(features.find((b) => b.properties.name_zh === '湖南别墅')!.properties).toMatchObject({ name_historic_en: null, address_historic: null });
	});
	it('gives it to a listing on another street when no other is near: a building with doors on two streets', () => {
		const [only] = conflate([['湖南别墅', '湖南路262号', 0.00005]]);
		expect(only.properties).toMatchObject({ name_historic_en: 'Midget Apartments', match: 'vs:other-street' });
	});
});

describe('builtIn', () => {
	it('reads the year a description says the building was built', () => {
		expect(builtIn('位于淮海中路1843号。建于1920年，德国式花园住宅。…主楼始建于1920年')).toEqual({ year_built: 1920, year_text: '1920 (shl)' });
		expect(builtIn('该建筑于1939年建成，……建成于1939年')).toEqual({ year_built: 1939, year_text: '1939 (shl)' });
	});
	it('reads nothing from a description that names two years, or only other dates', () => {
		expect(builtIn('建于1939年。……建于1946年')).toEqual({});
		expect(builtIn('1949年春，宋庆龄迁居于此')).toEqual({});
		expect(builtIn(null)).toEqual({});
	});
});

describe('englishName', () => {
	it('sets a name written all in capitals in title case, small words in lower case', () => {
		expect(englishName("KING'S LYNN APARTMENTS")).toBe("King's Lynn Apartments");
		expect(englishName('CERCLE DE LA POLICE')).toBe('Cercle de la Police');
		expect(englishName('HOUSE  OF  THE   PEOPLE')).toBe('House of the People');
	});
	it('keeps a mixed-case name and a one-word acronym as they are', () => {
		expect(englishName('Picardie Apartments')).toBe('Picardie Apartments');
		expect(englishName('YMCA')).toBe('YMCA');
	});
	it('takes nothing in Chinese, or empty, or not text', () => {
		expect(englishName('建业里')).toBeNull();
		expect(englishName('19叁III 1933')).toBeNull();
		expect(englishName('  ')).toBeNull();
		expect(englishName(null)).toBeNull();
	});
});

describe('onlyAKind', () => {
	it('tells a kind of building from a name', () => {
		for (const kind of ['Residential Complex', 'Hospital', 'Junior High School', 'Primary School No. 1', 'APARTMENTS']) expect(onlyAKind(kind), kind).toBe(true);
		for (const name of ['Shanghai Hospital', 'Picardie Apartments', 'Community Church', 'YMCA']) expect(onlyAKind(name), name).toBe(false);
	});
});

describe('matchOneToOne', () => {
	it('takes pairs best method first, then nearest, each side once', () => {
		const result = matchOneToOne(
			[
				{ target: 0, candidate: 0, method: 'proximity', distanceM: 1 },
				{ target: 0, candidate: 1, method: 'name', distanceM: 50 },
				{ target: 1, candidate: 1, method: 'name', distanceM: 10 },
				{ target: 1, candidate: 0, method: 'proximity', distanceM: 5 }
			],
			['name', 'proximity'] as const
		);
		expect([...result.entries()].map(([t, p]) => [t, p.candidate])).toEqual([
			[1, 1],
			[0, 0]
		]);
	});
});
