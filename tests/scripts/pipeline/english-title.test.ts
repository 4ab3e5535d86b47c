import { describe, expect, it } from 'vitest';
import { addressInEnglish, descriptiveTitle, titleInEnglish } from '../../../scripts/pipeline/conflate/english-title';

const STREETS: Record<string, string> = { 武康路: 'Wukang Road', 兴国路: 'Xingguo Road', 淮海中路: 'Middle Huaihai Road', 高安路: "Gao'an Road", 华亭路: 'Huating Road', 延庆路: 'Yanqing Road', 湖南路: 'Hunan Road' };
const streetEn = (zh: string) => STREETS[zh] ?? null;

describe('descriptiveTitle', () => {
	it.each([
		// [title, address, English title]: a door, a range, a lane, a house in a lane, houses in a lane, a district prefix, full-width digits
		['花园住宅', '武康路12号', 'Garden house, 12 Wukang Road'],
		['住宅', '淮海中路1836-1858号', 'Residence, 1836–1858 Middle Huaihai Road'],
		['里弄住宅', '兴国路123弄', 'Lane houses, Lane 123, Xingguo Road'],
		['住宅', '高安路50弄3号', "Residence, 3 Lane 50, Gao'an Road"],
		['公寓', '兴国路123弄1-3号', 'Apartment building, 1–3 Lane 123, Xingguo Road'],
		['住宅', '徐汇区武康路392号', 'Residence, 392 Wukang Road'],
		['办公楼', '武康路１１５号', 'Office building, 115 Wukang Road'],
		// lists, and addresses on two streets or in two lanes: a part without a street is on the one before
		['住宅', '华亭路40,42,44,58号,延庆路132号', 'Residence, 40, 42, 44, 58 Huating Road; 132 Yanqing Road'],
		['住宅', '湖南路280弄2、4、8、9、20号；296弄14-26号', 'Residence, 2, 4, 8, 9, 20 Lane 280, Hunan Road; 14–26 Lane 296, Hunan Road'],
		['住宅', '延庆路43-49号、51弄', 'Residence, 43–49 Yanqing Road; Lane 51, Yanqing Road'],
		['住宅', '兴国路2号-10号', 'Residence, 2–10 Xingguo Road']
	])('%s at %s → %s', (name, address, title) => {
		expect(descriptiveTitle(name, address, streetEn)).toEqual({ ok: true, title });
	});

	it('makes none where the street has no English name', () => {
		expect(descriptiveTitle('住宅', '岳阳路145号', streetEn)).toEqual({ ok: false, reason: 'no English street name' });
		expect(descriptiveTitle('住宅', '武康路1号，岳阳路2号', streetEn)).toEqual({ ok: false, reason: 'no English street name' });
	});

	it('says the kind a name ends in, leaving the name itself to a source: no pinyin', () => {
		expect(descriptiveTitle('卫乐公寓', '武康路12号', streetEn)).toEqual({ ok: true, title: 'Apartment building, 12 Wukang Road' });
		expect(descriptiveTitle('某某花园住宅', '武康路12号', streetEn)).toEqual({ ok: true, title: 'Garden house, 12 Wukang Road' });
	});

	it('calls a listing whose kind the glossary lacks, or that names several things or a numbered building, a historic building: never pinyin', () => {
		for (const name of ['上海市武警总队', '103所', '704所家属楼及水塔', '上海市作家协会等', '兴国宾馆2号楼']) {
			expect(descriptiveTitle(name, '武康路12号', streetEn), name).toEqual({ ok: true, title: 'Historic building, 12 Wukang Road' });
		}
		expect(descriptiveTitle('日本领事馆', '武康路12号', streetEn)).toEqual({ ok: true, title: 'Consulate, 12 Wukang Road' });
	});

	it('makes none from an address it cannot say whole: a building number, a note, no number', () => {
		for (const address of ['武康路170弄1号1号楼', '武康路12号处', '武康路', null]) {
			expect(descriptiveTitle('住宅', address, streetEn)).toEqual({ ok: false, reason: 'no address read' });
		}
	});

	it('says a range of lanes as lanes', () => {
		expect(addressInEnglish('兴国路55-75弄', streetEn)).toEqual({ ok: true, text: 'Lanes 55–75, Xingguo Road' });
	});
});

describe('titleInEnglish', () => {
	const f = (name_zh: string, address: string | null, name_en: string | null = null, name_historic_en: string | null = null, district: string | null = 'tianping') => ({ properties: { name_zh, address, name_en, name_historic_en, district } });
	const { features, report } = titleInEnglish(
		[
			f('国际礼拜堂', '衡山路53号', 'Shanghai International Chapel'),
			f('衡山宾馆', '衡山路534号', null, 'Picardie Apartments'),
			f('住宅', '武康路393号', null, 'Alpha Court'),
			f('花园住宅', '武康路12号', null, null, 'hunan'),
			f('住宅', '岳阳路145号'),
			f('上海市武警总队', '武康路1号', null, null, null)
		],
		streetEn
	);
	it('takes a source’s English name first, a historic one before a descriptive title (never over a name of today), and says which', () => {
		expect(features.map((x) => [x.properties.name_en, x.properties.name_en_source])).toEqual([
			['Shanghai International Chapel', 'source'],
			[null, null],
			['Alpha Court', 'source'],
			['Garden house, 12 Wukang Road', 'descriptive'],
			[null, null],
			['Historic building, 1 Wukang Road', 'descriptive']
		]);
	});
	it('writes every address it can read in English, whatever the title came from', () => {
		// 衡山路 and 岳阳路 have no English name in this test's streets.
		expect(features.map((x) => x.properties.address_en)).toEqual([null, null, '393 Wukang Road', '12 Wukang Road', null, '1 Wukang Road']);
	});
	it('counts each district’s buildings by where their English title comes from, and why some have none', () => {
		expect(report).toEqual({
			context: { total: 1, source: 0, descriptive: 1, none: 0, none_reasons: {} },
			hunan: { total: 1, source: 0, descriptive: 1, none: 0, none_reasons: {} },
			tianping: { total: 4, source: 2, descriptive: 0, none: 2, none_reasons: { 'no English street name': 2 } }
		});
	});
});

describe('englishShares (bench english)', () => {
	it('sums the districts, leaving out their context', async () => {
		const { englishShares } = await import('../../../bench/english');
		const c = (total: number, source: number, descriptive: number) => ({ total, source, descriptive, none: total - source - descriptive, none_reasons: {} });
		expect(englishShares({ tianping: c(10, 1, 4), hunan: c(10, 2, 3), context: c(50, 0, 0) })).toEqual({ total: 20, source: 3, descriptive: 7, none: 10 });
	});
});
