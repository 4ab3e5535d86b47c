import { z } from 'zod';

/**
 * zod schemas for the records of each raw source, as published. They are strict about
 * what the pipeline relies on (ids, names, coordinates) and loose about everything else,
 * so a new optional field upstream does not break the build.
 */

const text = z.string().trim();
const optionalText = z.string().nullish();
const yearish = z.union([z.number().int(), z.string()]).nullish();

const position = z.tuple([z.number().finite(), z.number().finite()]).rest(z.number());
const ring = z.array(position).min(4);

export const pointGeometry = z.object({ type: z.literal('Point'), coordinates: position });
export const lineGeometry = z.union([
	z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
	z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).min(2)).min(1) })
]);
export const areaGeometry = z.union([
	z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
]);
export const anyGeometry = z.union([pointGeometry, lineGeometry, areaGeometry]);

/** Every 645 table: `_id` is the record id, `title` the display name. */
const table645 = z.looseObject({ _id: z.union([text.min(1), z.number()]).transform(String), title: text.min(1, 'missing name (title)') });

export const building645 = table645.extend({
	she_ji_zhe: optionalText,
	she_ji_shi: optionalText,
	xian_di_zhi: optionalText,
	shi_you_bian_hao: optionalText,
	wen_bao_ji_bie: optionalText,
	kai_shi_jian_zao_shi_jian: yearish,
	jie_shu_jian_zao_shi_jian: yearish
});
export const residence645 = table645.extend({ di_zhi: optionalText, zheng_qu: optionalText });
export const novelPlace645 = z.looseObject({
	_id: z.union([text.min(1), z.number()]).transform(String),
	NAME_CN: optionalText,
	NAME_EN: optionalText
}).refine((p) => Boolean(p.NAME_CN || p.NAME_EN), 'missing name (NAME_CN / NAME_EN)');

/** Shanghai Library records: coordinates are BD-09 strings, the uri is the stable id. */
export const shlRecord = z.looseObject({
	uri: text.min(1, 'missing uri'),
	nameS: text.min(1, 'missing name (nameS)'),
	nameT: optionalText,
	nameE: optionalText,
	address: optionalText,
	road: optionalText,
	houseNumber: optionalText,
	placeValue: optionalText,
	type: text.min(1, 'missing type'),
	des: optionalText,
	long: z.coerce.number().finite(),
	lat: z.coerce.number().finite(),
	batch: optionalText,
	construction_year: optionalText,
	wiki_url: optionalText,
	photo_url: optionalText,
	csv_names: z.array(z.string()).nullish()
});

export const osmHeritage = z.looseObject({ '@id': text.regex(/^(node|way|relation)\/\d+$/, 'bad OSM id') });
export const osmBoundary = z.looseObject({ name: text.min(1, 'missing name') });
export const osmMetro = z.looseObject({ id: text.min(1), name: text.min(1, 'missing name') });
export const wikidataPlace = z.looseObject({
	item: text.regex(/\/Q\d+$/, 'item is not a Wikidata entity URL'),
	itemLabel: text.min(1, 'missing name (itemLabel)')
});
export const virtualShanghaiBuilding = z.looseObject({
	building_id: z.number().int(),
	name_en: optionalText,
	name_zh: optionalText,
	address: optionalText
}).refine((p) => Boolean(p.name_en || p.name_zh), 'missing name (name_en / name_zh)');
