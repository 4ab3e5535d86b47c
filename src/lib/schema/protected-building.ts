import { z } from 'zod';

export const BATCHES = ['第一批', '第二批', '第三批', '第四批', '第五批'] as const;
export const BATCH_YEARS: Record<(typeof BATCHES)[number], number> = { 第一批: 1989, 第二批: 1994, 第三批: 1999, 第四批: 2005, 第五批: 2015 };
export const RELIC_LEVELS = ['全国重点文物保护单位', '上海市文物保护单位', '区级文物保护单位'] as const;

const nullableText = z.string().min(1).nullable();

/** One real protected building, merged from every source that describes it. */
export const protectedBuilding = z.object({
	id: z.string().min(1),
	name_zh: z.string().min(1),
	name_en: nullableText.describe('English name (OSM name:en or Virtual Shanghai)'),
	name_pinyin: nullableText.describe('Pinyin of the name, from the Shanghai Library record'),
	name_historic: nullableText.describe('Historic Chinese name (Virtual Shanghai) where it differs'),
	address: nullableText.describe('Modern address as the listing gives it'),
	address_historic: nullableText.describe('Historic address (Virtual Shanghai), e.g. "1920 AVENUE JOFFRE"'),
	excellent: z.boolean().describe('Listed as 上海市优秀历史建筑'),
	batch: z.enum(BATCHES).nullable().describe('Batch of the 优秀历史建筑 listing'),
	batch_source: nullableText.describe('Where the batch comes from'),
	relic_level: z.enum(RELIC_LEVELS).nullable().describe('文物保护单位 level'),
	red_site: z.boolean().describe('Listed as a 红色旅游景点 (red-tourism site)'),
	protection: z.enum(['excellent', 'relic', 'both']).describe('Which protection lists name it'),
	year_built: z.number().int().min(1800).max(2030).nullable(),
	decade: z.number().int().nullable(),
	year_text: nullableText.describe('Construction date as written by the source'),
	architect: nullableText,
	municipal_no: nullableText.describe('Municipal number from the 645 atlas'),
	description: nullableText,
	wiki_url: nullableText,
	photo: nullableText.describe('Photo file name (served from /photos/)'),
	photo_credit: nullableText,
	photo_link: nullableText,
	geometry_source: z.enum(['osm-footprint', 'point']),
	lon: z.number(),
	lat: z.number(),
	source_ids: z.string().describe('Every source record merged here, ";"-separated'),
	match: z.string().describe('How each secondary source was matched'),
	in_district: z.boolean()
});

export type ProtectedBuilding = z.infer<typeof protectedBuilding>;
