import { z } from 'zod';

/**
 * zod schemas for the records of each raw source, as published. They are strict about
 * what the pipeline relies on (ids, names, coordinates) and loose about everything else,
 * so a new optional field upstream does not break the build.
 */

const text = z.string().trim();
const optionalText = z.string().nullish();
const yearish = z.union([z.number().int(), z.string()]).nullish();

/*
 * Geometry schemas check the structure with plain functions inside zod: a schema per
 * coordinate pair made validation the slowest stage of the build (tens of thousands of
 * positions), while these give the same answers with one message per geometry.
 */
const isPosition = (p: unknown): boolean =>
	Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);
const isLine = (l: unknown): boolean => Array.isArray(l) && l.length >= 2 && l.every(isPosition);
const isRing = (r: unknown): boolean => {
	if (!Array.isArray(r) || r.length < 4 || !r.every(isPosition)) return false;
	const [first, last] = [r[0] as number[], r[r.length - 1] as number[]];
	return first[0] === last[0] && first[1] === last[1];
};
const isPolygon = (p: unknown): boolean => Array.isArray(p) && p.length >= 1 && p.every(isRing);
const listOf = (item: (v: unknown) => boolean) => (v: unknown) => Array.isArray(v) && v.length >= 1 && v.every(item);

const coordinates = (check: (v: unknown) => boolean, message: string) => z.custom<unknown>(check, { message });

const point = z.object({ type: z.literal('Point'), coordinates: coordinates(isPosition, 'a point needs [lon, lat] as finite numbers') });
const lineString = z.object({ type: z.literal('LineString'), coordinates: coordinates(isLine, 'a line needs at least two [lon, lat] positions') });
const multiLineString = z.object({ type: z.literal('MultiLineString'), coordinates: coordinates(listOf(isLine), 'each part needs at least two [lon, lat] positions') });
const polygonGeometry = z.object({ type: z.literal('Polygon'), coordinates: coordinates(isPolygon, 'each ring needs at least four positions, first equal to last') });
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: coordinates(listOf(isPolygon), 'each ring needs at least four positions, first equal to last') });

// Discriminated on `type`, so a record is checked against its own geometry type only.
export const pointGeometry = z.discriminatedUnion('type', [point]);
export const lineGeometry = z.discriminatedUnion('type', [lineString, multiLineString]);
export const areaGeometry = z.discriminatedUnion('type', [polygonGeometry, multiPolygon]);
export const anyGeometry = z.discriminatedUnion('type', [point, lineString, multiLineString, polygonGeometry, multiPolygon]);

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
const osmId = text.regex(/^(node|way|relation)\/\d+$/, 'bad OSM id');
/** A footprint: what the buildings layer and its join to protected buildings rely on. */
export const osmBuilding = z.looseObject({ '@id': osmId, building: text.min(1, 'missing building tag') });
/** A point of interest: the tag → category table reads the rest. */
export const osmPoi = z.looseObject({ '@id': osmId });
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
