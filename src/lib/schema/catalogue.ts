import { z } from 'zod';
import { field } from './field';
import { publishedFigure } from './district';

/**
 * The documents of the portal's static JSON API (/api/…), and the OpenAPI document's
 * component schemas: one definition for the prerendering endpoints, their tests and the docs.
 */

const text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const datasetSource = z.object({
	id: field(z.string().min(1), 'Source id in the pipeline manifest', '数据源在流程清单中的标识'),
	description: field(z.string(), 'What the source is', '数据源说明'),
	file: field(z.string().nullable(), 'File in the repository’s data/sources (null for the project’s own registers)', '仓库 data/sources 中的文件（项目自有名录为 null）'),
	crs: field(z.enum(['WGS84', 'GCJ02', 'BD09']), 'Coordinate system as published; the portal converts everything to WGS84', '原始坐标系；门户统一转换为 WGS84'),
	as_of: field(z.string().nullable(), 'Date of the data as published, where the source states one', '数据日期（来源注明时）'),
	retrieved: field(z.string().nullable(), 'When the file was taken from its origin (data/sources/sources.json)', '文件取自来源的日期（data/sources/sources.json）'),
	origin: field(z.string().url().nullable(), 'Where the data comes from: a page, an API or a query service', '数据来源：网页、接口或查询服务'),
	attribution: field(z.string().min(1), 'Credit the licence asks for', '许可要求的署名'),
	licence: field(z.string().min(1), 'Licence', '许可'),
	link: field(z.string().url(), 'Where the licence or source is described', '许可或来源说明的链接')
});

export const datasetSummary = z.object({
	id: field(z.string().regex(/^[a-z][a-z0-9-]*$/), 'Dataset (layer) id', '数据集（图层）标识'),
	title: field(text, 'Title in Chinese and English', '中英文标题'),
	description: field(text, 'Description in Chinese and English', '中英文说明'),
	group: field(z.enum(['base', 'thematic', 'context', 'history']), 'base: the basemap; thematic: the portal’s subject layers; context: reference overlays; history: the concession-era city, off by default', 'base 底图；thematic 专题图层；context 参考图层；history 租界时期的城市（默认关闭）'),
	geometry: field(z.enum(['point', 'line', 'polygon', 'mixed']), 'Geometry type of the features', '要素几何类型'),
	sources: field(z.array(datasetSource).min(1), 'Every source the dataset draws on', '数据集所用的全部来源'),
	crs: field(z.literal('WGS84'), 'Coordinate system of every download', '下载数据的坐标系'),
	updated: field(z.string().nullable(), 'Latest date among its sources’ data (null: no source states one)', '来源数据的最新日期（均未注明时为 null）'),
	built: field(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), 'Date the portal built this data', '门户生成数据的日期'),
	count: field(
		z.object({ district: z.number().int().min(0), context: z.number().int().min(0), total: z.number().int().min(0), by_district: z.record(z.string(), z.number().int().min(0)) }),
		'Features inside the subdistricts the portal covers, in their 300 m context, in all, and in each subdistrict (by id)',
		'所覆盖街道内、周边 300 米、合计的要素数，以及各街道（按标识）的要素数'
	),
	bbox: field(bbox.nullable(), 'Bounding box [west, south, east, north], WGS84 (null when empty)', '范围 [西, 南, 东, 北]（WGS84；无要素时为 null）'),
	rejected: field(z.number().int().min(0), 'Records the pipeline rejected from its sources (see the build report)', '流程从来源中剔除的记录数（见生成报告）'),
	licence_note: field(text.nullable(), 'What reusing the download asks beyond credit: ODbL’s share-alike for data from OpenStreetMap', '再利用下载数据时署名之外的要求：OpenStreetMap 数据的 ODbL 相同方式共享'),
	waiting: field(z.array(z.string()), 'Sources not yet fetched that the dataset draws on (npm run sources:refresh -- <id>); empty when it is complete', '数据集所用、尚未获取的来源（npm run sources:refresh -- <id>）；齐全时为空'),
	downloads: field(
		z.object({ geojson: z.string(), csv: z.string(), pmtiles: z.string(), pmtiles_layer: z.string(), template: z.object({ xlsx: z.string(), csv: z.string() }).optional() }),
		'Download paths: GeoJSON, CSV, the PMTiles archive holding the layer (its source-layer name), and for a register the fill-in template the offices import with',
		'下载路径：GeoJSON、CSV、包含该图层的 PMTiles 文件（及其图层名），名录图层另有街道填报模板'
	),
	page: field(z.string(), 'The dataset’s page in the catalogue', '数据集目录页面')
});

const districtName = z.object({ id: z.string(), name_zh: z.string(), name_en: z.string() });
export const datasetsIndex = z.object({
	/** The first subdistrict built (kept for readers of the first version); `districts` lists them all. */
	district: districtName,
	districts: field(z.array(districtName), 'Every subdistrict this build covers', '本次生成覆盖的全部街道'),
	built: z.string(),
	datasets: z.array(datasetSummary)
});

export const districtDocument = z.object({
	id: field(z.string(), 'Subdistrict id', '街道标识'),
	name_zh: z.string(),
	name_en: z.string(),
	built: field(z.boolean(), 'Whether this portal build covers the subdistrict (counts are computed only for those it covers)', '本次生成是否覆盖该街道（仅对所覆盖的街道计算统计）'),
	area_km2: field(z.number().nullable(), 'Area of the OSM boundary polygon (built subdistrict only)', 'OSM 边界面积（仅限已生成街道）'),
	figures: z.array(
		publishedFigure.extend({
			source: field(z.string(), 'The cited newsletter’s key in the bibliography (/about)', '所引简报在文献目录（/about）中的键'),
			source_title: field(z.string(), 'The cited newsletter as a reader sees it: “headline”（issuer，date）', '所引简报：“标题”（发布街道，日期）'),
			computed: field(z.number().nullable(), 'The portal’s own count of the same thing, where its sources allow one', '门户依据数据源计算的同口径数值（可计算时）'),
			computed_note: field(z.string().nullable(), 'How the count was made, or why there is none', '计算方法，或无法计算的原因'),
			computed_note_zh: field(z.string().nullable(), 'computed_note in Chinese', 'computed_note 的中文'),
			computed_message: field(
				z.object({ key: z.string(), params: z.record(z.string(), z.unknown()).optional() }),
				'The note as a key of the portal’s message catalogue with its parameters (a parameter may be a message itself)',
				'计算说明在门户消息目录中的键及其参数（参数本身也可以是消息）'
			)
		})
	)
});

export type DatasetSource = z.infer<typeof datasetSource>;
export type DatasetSummary = z.infer<typeof datasetSummary>;
export type DatasetsIndex = z.infer<typeof datasetsIndex>;
export type DistrictDocument = z.infer<typeof districtDocument>;
