import { z, type ZodObject } from 'zod';
import { field } from '../schema/field';
import { protectedBuilding } from '../schema/protected-building';
import { NEVER_WIDENED_STATUSES } from '../schema/never-widened';
import { FACILITY_CATEGORY_KEYS, PROJECT_STATUSES } from '../schema/vocabulary';
import { MODES, NETWORKS } from '../schema/history-vocabulary';

/**
 * The schema of every layer's feature properties, keyed by layer id: the half of the layer
 * registry the pipeline (last gate before tiling), the catalogue's data dictionary and the
 * OpenAPI document read. It lives apart from `LAYERS` so the map's first load never carries
 * zod; a test keeps the two halves in step.
 */

const id = field(z.string().min(1), 'Stable id of the feature', '要素的稳定标识');
const inDistrict = field(z.boolean(), 'Inside one of the subdistricts the portal covers (false: in the 300 m context around them)', '是否在门户所覆盖的街道范围内（false：周边 300 米范围）');
/** Which subdistrict: what the map's district choice and every per-district count read. */
export const districtField = field(z.string().nullable(), 'The subdistrict it lies in (tianping, hunan); null in the 300 m context around them', '所在街道（tianping 天平、hunan 湖南）；在周边 300 米范围内为 null');
const nameZh = field(z.string().min(1), 'Chinese name', '中文名称');

const street = z.object({
	id,
	osm_id: field(z.number().int(), 'OpenStreetMap way id', 'OpenStreetMap 道路（way）编号'),
	name: field(z.string().nullable(), 'Street name (OSM name)', '路名（OSM name）'),
	name_en: field(z.string().nullable(), 'English street name (OSM name:en)', '英文路名（OSM name:en）'),
	highway: field(z.string(), 'OSM road class (primary, secondary, residential…)', 'OSM 道路等级（primary、secondary、residential 等）'),
	oneway: field(z.boolean(), 'One-way for vehicles', '机动车单行'),
	lanes: field(z.number().nullable(), 'Number of lanes (OSM lanes)', '车道数（OSM lanes）'),
	name_historic: field(z.string().nullable(), 'Historic Chinese name(s), from the 645 historic roads by geometric overlap', '历史路名（645 图集历史道路，按几何重叠匹配）'),
	historic_match: field(z.string().nullable(), 'How the historic name was matched, with the share of overlap', '历史路名的匹配方式及重叠比例'),
	name_fr: field(z.string().nullable(), 'French/English concession-era name, from Virtual Shanghai addresses', '租界时期外文路名（Virtual Shanghai 地址）'),
	never_widened: field(z.enum(NEVER_WIDENED_STATUSES).nullable(), 'Never to be widened (一类风貌保护道路): confirmed by an official list, reported by a public source that names it one of the 64, or a candidate not yet confirmed', '永不拓宽道路：已确认（官方名单）、有报道（公开来源称其为64条之一）或候选（待核实）'),
	never_widened_source: field(z.string().nullable(), 'What the never-widened entry rests on', '永不拓宽条目的依据'),
	never_widened_url: field(z.string().nullable(), 'The page a confirmed or reported road is cited from', '已确认或有报道道路所引网页'),
	never_widened_quote: field(z.string().nullable(), 'The words of that page that name the road', '该网页称其永不拓宽的原文'),
	never_widened_read: field(z.string().nullable(), 'The day those words were read (YYYY-MM-DD)', '查阅原文的日期'),
	never_widened_strength: field(z.enum(['H', 'M', 'L']).nullable(), 'How strong the source is: H official or primary, M reputable media or a copy of it, L blog or unknown site', '来源可信度：H 官方或原始页面，M 可靠媒体或其转载，L 博客或来源不明'),
	never_widened_publisher: field(z.string().nullable(), 'Who first published the words, where the page copies them', '原文的最初发布者（网页为转载时）'),
	in_district: inDistrict,
	district: districtField
});

const registerCommon = z.object({
	id,
	name_zh: nameZh,
	name_en: field(z.string().min(1).nullable(), 'English name, where a source gives one', '英文名称（来源给出时）'),
	source_district: field(z.string().nullable(), 'The subdistrict its source names (tianping, hunan); the build reports a point lying in another', '来源所称的街道（tianping 天平、hunan 湖南）；点位落在其他街道时生成报告会列出'),
	address: field(z.string().nullable(), 'Address exactly as the source writes it', '来源原文地址'),
	note_zh: field(z.string().nullable(), 'About the site, in Chinese', '说明（中文）'),
	note_en: field(z.string().nullable(), 'About the site, in English', '说明（英文）'),
	source: field(z.string().min(1), 'Where it comes from: a newsletter (“its headline”（issuer，date）), a public page (its URL), "import" (an office’s register file) or a dataset', '出处：街道简报（“标题”（发布街道，日期））、公开网页（网址）、import（街道台账导入）或数据集'),
	source_key: field(z.string().nullable().optional(), 'The cited newsletter’s key in the bibliography (/about)', '所引简报在文献目录（/about）中的键'),
	date: field(z.string().nullable(), 'Date of the article (YYYY, YYYY-MM or YYYY-MM-DD)', '报道日期'),
	quote: field(z.string().nullable(), 'The source’s own words', '来源原文'),
	source_publisher: field(z.string().nullable(), 'Who published the public page cited', '所引公开网页的发布者'),
	source_read: field(z.string().nullable(), 'The day the public page was read (YYYY-MM-DD)', '查阅公开网页的日期'),
	source_strength: field(z.enum(['H', 'M', 'L']).nullable(), 'How strong the public source is: H official or primary, M reputable media or a copy of it, L blog or unknown site', '公开来源的可信度：H 官方或原始页面，M 可靠媒体或其转载，L 博客或来源不明'),
	imported_from: field(z.string().nullable(), 'For an imported record: file › sheet › row it came from, and the day it was imported', '导入记录的来源：文件 › 工作表 › 行号及导入日期'),
	geocode_method: field(z.enum(['exact', 'interpolated', 'street', 'pinned', 'source']), 'How the point was placed: exact address anchor, interpolated along the street, street midpoint, pinned coordinates, or the dataset’s own position', '定位方法：门牌锚点、沿街插值、道路中点、指定坐标或数据集自带坐标'),
	geocode_confidence: field(z.number().min(0).max(1).nullable(), 'Geocoder confidence, 0–1', '地理编码可信度（0–1）'),
	geocode_note: field(z.string().nullable(), 'Anchors or basis of the position', '定位依据（所用锚点等）'),
	in_district: inDistrict,
	district: districtField
});

const project = registerCommon.extend({
	kind: field(z.string(), 'Kind of site (retrofit, guidance-centre, installation, cabinet, estate-site)', '类型（加梯项目、指导站、喷淋安装、充电柜、集中充电点）'),
	status: field(z.enum(PROJECT_STATUSES).nullable(), 'Latest status: consultation → design → construction → completed', '最新进度：征询 → 设计 → 施工 → 竣工'),
	status_date: field(z.string().nullable(), 'Date of the latest status', '最新进度日期'),
	year: field(z.string().regex(/^\d{4}$/).nullable(), 'Year of the latest status, for filtering', '最新进度年份，用于筛选'),
	status_history: field(z.string().nullable(), 'Every reported status with its date, in order', '历次进度及日期'),
	entrances: field(z.number().int().positive().nullable().optional(), 'Building entrances (门洞) in the project', '门洞数')
});

const facility = registerCommon.extend({
	category: field(z.enum(FACILITY_CATEGORY_KEYS), 'Main 15-minute life-circle category', '15 分钟生活圈主要类别'),
	categories: field(z.string().min(1), 'Every category it serves, main first, space-separated', '所服务的全部类别（主类别在前，空格分隔）'),
	facts_zh: field(z.string().nullable(), 'Published figures about the site, in the source’s words', '来源所载数据（原文）'),
	facts_en: field(z.string().nullable(), 'Published figures about the site, in English', '来源所载数据（英文）'),
	origin: field(z.enum(['register', 'open-data']), 'register: the subdistrict newsletters; open-data: a public dataset', 'register：街道简报；open-data：开放数据'),
	dataset: field(z.string().min(1), 'Dataset the record comes from', '记录所属数据集')
});

const named = z.object({ id, name_zh: nameZh, in_district: inDistrict, district: districtField });

const building = z.object({
	id: field(z.string().regex(/^osm-(way|relation)-\d+$/), 'Stable id of the footprint, from its OSM id (osm-way-…)', '轮廓的稳定标识，取自 OSM 编号（osm-way-…）'),
	osm_id: field(z.string().regex(/^(way|relation)\/\d+$/), 'OpenStreetMap id of the footprint (way/… or relation/…)', 'OpenStreetMap 轮廓编号（way/… 或 relation/…）'),
	name_zh: field(z.string().nullable(), 'Name (OSM name), where the building has one', '名称（OSM name），如有'),
	name_en: field(z.string().nullable(), 'English name (OSM name:en)', '英文名称（OSM name:en）'),
	building: field(z.string().min(1), 'OSM building type (yes, apartments, house, school…)', 'OSM 建筑类型（yes、apartments、house、school 等）'),
	levels: field(z.number().int().positive().nullable(), 'Levels above ground (OSM building:levels)', '地上层数（OSM building:levels）'),
	height: field(z.number().positive().nullable(), 'Height in metres (OSM height)', '高度，米（OSM height）'),
	address: field(z.string().nullable(), 'Address (OSM addr:street + addr:housenumber)', '地址（OSM addr:street + addr:housenumber）'),
	start_date: field(z.string().nullable(), 'When it was built, as OSM gives it (start_date)', '建成时间（OSM start_date 原文）'),
	protected_id: field(z.string().nullable(), 'The protected building this footprint is, where the conflation stage joined one', '与本轮廓相连的受保护建筑记录'),
	protected_name: field(z.string().nullable(), 'Its name(s)', '受保护建筑名称'),
	in_district: inDistrict,
	district: districtField
});

const mode = field(z.enum(MODES), 'tram (有轨电车) or trolleybus (无轨电车): the 645 table it comes from', '类型：有轨电车或无轨电车（所出自的 645 表）');
const historicTransitLine = z.object({
	id: field(z.string().regex(/^(tram|trolleybus)-\d+$/), 'Stable id: the mode and the 645 record id', '稳定标识：类型与 645 记录编号'),
	name_zh: field(z.string().min(1), 'Historic name of the line, as the 645 atlas titles it', '历史线路名称（645 图集原文）'),
	name_en: field(z.string().min(1), 'English rendering of the title, made by the pipeline from its parts (network, mode, line number)', '由名称各部分（路网、类型、线路号）译出的英文'),
	mode,
	network: field(z.enum(NETWORKS), 'Network the title names (french: 法租界, settlement: 公共租界, chinese: 华商); the atlas’s operator id is checked against it', '名称所示路网（french 法租界、settlement 公共租界、chinese 华商），并与图集的运营商编号核对'),
	in_district: inDistrict,
	district: districtField
});
const historicTransitStop = z.object({
	id: field(z.string().regex(/^(tram|trolleybus)-stop-\d+$/), 'Stable id: the mode and the 645 record id', '稳定标识：类型与 645 记录编号'),
	name_zh: field(z.string().min(1), 'Historic name of the stop, as the 645 atlas gives it', '历史站名（645 图集原文）'),
	mode,
	lines_zh: field(z.string().nullable(), 'Lines of the same mode passing within 20 m of the stop, found from the geometry; null where none does', '20 米内经过该站的同类线路（按几何算出）；无则为空'),
	lines_en: field(z.string().nullable(), 'The same lines, in English', '同上，英文'),
	in_district: inDistrict,
	district: districtField
});
const place1928 = z.object({
	id: field(z.string().regex(/^place1928-\d+$/), 'Stable id, from the 645 record id', '稳定标识，取自 645 记录编号'),
	name_zh: field(z.string().min(1).nullable(), 'Chinese name as the 1928 guide gives it', '1928 年指南所载中文名称'),
	name_en: field(z.string().min(1).nullable(), 'English name as the 1928 guide gives it', '1928 年指南所载英文名称'),
	years: field(z.string().nullable(), 'Years the table gives (begin–end); null where it gives none', '表中所载年代（起–止）；未载则为空'),
	in_district: inDistrict,
	district: districtField
});

export const LAYER_SCHEMAS: Readonly<Record<string, ZodObject>> = {
	'district-mask': z.object({ in_district: inDistrict, district: districtField, d: field(z.string(), 'The map’s district choice this mask dims the outside of: a subdistrict id, or all', '此遮罩对应的街道选择：街道标识，或 all') }),
	buildings: building,
	'historic-parks': named,
	'historic-area': named,
	streets: street,
	'metro-lines': named.extend({ route: field(z.string().nullable(), 'Line number (OSM ref)', '线路编号') }),
	'district-boundary': named.extend({ name_en: field(z.string(), 'English name', '英文名称') }),
	'never-widened-roads': street,
	'protected-buildings': protectedBuilding,
	'former-residences': named.extend({
		name_zh: field(z.string().min(1), 'The person who lived there', '人物'),
		address: field(z.string().nullable(), 'Address (645 atlas)', '地址（645 图集）'),
		district_zh: field(z.string().nullable(), 'District (645 atlas)', '所在区（645 图集）')
	}),
	'metro-stations': named.extend({ name_en: field(z.string().nullable(), 'English name, for a station named after its street: the street’s (OSM name:en)', '英文名称：以街道命名的车站取该街道的英文名（OSM name:en）') }),
	facilities: facility,
	'charging-sites': project,
	'fire-sprinklers': project,
	'elevator-retrofits': project,
	'historic-transit-lines': historicTransitLine,
	'historic-transit-stops': historicTransitStop,
	'places-1928': place1928
};

/** The schema of a layer's feature properties; throws for an id the registry does not know. */
export function layerSchema(layerId: string): ZodObject {
	const schema = LAYER_SCHEMAS[layerId];
	if (!schema) throw new Error(`no schema for layer "${layerId}" in src/lib/layers/schemas.ts`);
	return schema;
}
