import { describe, expect, it } from 'vitest';
import type { Draft } from '../../../scripts/pipeline/conflate/draft';
import { genericTitles, judgePair, mergeSameName, SAME_NAME_LIMIT_M } from '../../../scripts/pipeline/conflate/same-name';

const METRE = 1 / 111_320;
function draft(id: string, name: string, address: string | null, northM: number, extra: Partial<Draft['props']> = {}, footprint = false): Draft {
	const point: [number, number] = [121.44, 31.2 + northM * METRE];
	return {
		geometry: footprint ? { type: 'Polygon', coordinates: [[point, [point[0] + 1e-4, point[1]], [point[0], point[1] + 1e-4], point]] } : { type: 'Point', coordinates: point },
		anchor: point,
		names: [name],
		address,
		props: { id, name_zh: name, address, excellent: id.startsWith('ehb'), geometry_source: footprint ? 'osm-footprint' : 'point', ...extra },
		sourceIds: [`shl:${id}`],
		match: [],
		district: 'tianping',
		listingPoint: point
	};
}

describe('judgePair', () => {
	const none = new Set<string>();
	it('merges one distinctive name on one street within the limit', () => {
		expect(judgePair(draft('ehb-a', '国际礼拜堂', '徐汇区衡山路58号', 0), draft('relic-b', '国际礼拜堂', '衡山路53号', 300), none)).toEqual({ merged: true, reason: 'same street, 300 m', distanceM: 300 });
	});
	it('keeps apart other streets, a missing street, and listings too far apart', () => {
		expect(judgePair(draft('a', '东湖宾馆', '东湖路70号', 0), draft('b', '东湖宾馆', '淮海中路1110号', 50), none).reason).toBe('different streets: 东湖路 / 淮海中路');
		expect(judgePair(draft('a', '某楼', null, 0), draft('b', '某楼', '衡山路1号', 50), none).reason).toBe('no street to compare');
		expect(judgePair(draft('a', '某楼', '衡山路1号', 0), draft('b', '某楼', '衡山路3号', SAME_NAME_LIMIT_M + 50), none)).toMatchObject({ merged: false, reason: expect.stringMatching(/^too far: 4[45]\d m$/) });
	});
	it('keeps apart a generic title', () => {
		expect(judgePair(draft('a', '住宅', '衡山路1号', 0), draft('b', '住宅', '衡山路3号', 20), new Set(['住宅'])).reason).toBe('generic title');
	});
});

describe('genericTitles', () => {
	it('adds to the declared kinds any title four listings share', () => {
		const drafts = [1, 2, 3, 4].map((i) => draft(`a${i}`, '民宅二', `某路${i}号`, i)).concat([1, 2, 3].map((i) => draft(`b${i}`, '武警总队', '某路9号', 0)));
		const { all, derived } = genericTitles(drafts);
		expect(derived).toEqual([{ name: '民宅二', listings: 4 }]);
		expect(all.has('花园住宅')).toBe(true);
		expect(all.has('武警总队')).toBe(false);
	});
});

describe('mergeSameName', () => {
	const { drafts, report } = mergeSameName([
		draft('ehb-chapel', '国际礼拜堂', '徐汇区衡山路58号', 0, { batch: '第一批', batch_source: 'shl-excellent-buildings' }),
		draft('relic-chapel', '国际礼拜堂', '衡山路53号', 300, { relic_level: '上海市文物保护单位', red_site: false }, true),
		draft('ehb-h1', '住宅', '衡山路1号', 0),
		draft('ehb-h2', '住宅', '衡山路3号', 10),
		draft('ehb-h3', '住宅', '岳阳路3号', 10)
	]);
	it('keeps the listing’s id and facts, the footprint’s position and address, and both lists', () => {
		const chapel = drafts.find((d) => d.props.name_zh === '国际礼拜堂')!;
		expect(drafts).toHaveLength(4);
		expect(chapel.props).toMatchObject({ id: 'ehb-chapel', address: '衡山路53号', geometry_source: 'osm-footprint', batch: '第一批', relic_level: '上海市文物保护单位', excellent: true });
		expect(chapel.geometry.type).toBe('Polygon');
		expect(chapel.sourceIds).toEqual(['shl:ehb-chapel', 'shl:relic-chapel']);
		expect(chapel.match).toEqual(['listing:same-name:relic-chapel']);
		expect(chapel.props.merged_listings_en).toBe(
			'2 listings of one name merged as one building: 徐汇区衡山路58号 (Excellent Historic Building, ehb-chapel, 121.44000, 31.20000); 衡山路53号 (protected relic site, relic-chapel, 121.44000, 31.20269); up to 300 m apart, the OSM footprint at 衡山路53号 is kept.'
		);
	});
	it('reports every pair with its reason, and of a generic title only the pairs the title alone kept apart', () => {
		expect(report.merged).toBe(1);
		expect(report.pairs.map((p) => [p.name, p.a.id, p.b.id, p.merged, p.reason])).toEqual([
			['住宅', 'ehb-h1', 'ehb-h2', false, 'generic title'],
			['国际礼拜堂', 'ehb-chapel', 'relic-chapel', true, 'same street, 300 m']
		]);
	});
});
