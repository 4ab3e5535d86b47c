import { z } from 'zod';
import { field } from './field';
import { BATCHES, RELIC_LEVELS } from './vocabulary';

export { BATCHES, BATCH_YEARS, RELIC_LEVELS } from './vocabulary';

const nullableText = z.string().min(1).nullable();

/** One real protected building, merged from every source that describes it. */
export const protectedBuilding = z.object({
	id: field(z.string().min(1), 'Stable id of the building record (from its primary source)', '建筑记录的稳定标识（取自主要来源）'),
	name_zh: field(z.string().min(1), 'Chinese name as listed', '名录所载中文名称'),
	name_en: field(nullableText, 'English title: a source\'s English name (OSM name:en, or for a title that is only a kind such as 住宅 the concession-era name from Virtual Shanghai), else a descriptive title from the listing\'s kind and its address ("Garden house, 12 Wukang Road"); name_en_source says which', '英文标题：来源所给的英文名（OSM name:en；名录标题仅为“住宅”等类别时，取 Virtual Shanghai 的租界时期名称），否则按名录所载类别与地址写成的说明性标题（如 Garden house, 12 Wukang Road）；name_en_source 说明是哪一种'),
	name_en_source: field(z.enum(['source', 'descriptive']).nullable(), 'Where the English title comes from: source (a source\'s English name) or descriptive (kind and address, from a declared glossary and OSM\'s English street names); null where there is none', '英文标题的来源：source（来源所给英文名）或 descriptive（据词表与 OSM 英文路名写出的类别与地址）；无英文标题时为 null'),
	name_pinyin: field(nullableText, 'Pinyin of the name, from the Shanghai Library record', '名称拼音（上海图书馆记录）'),
	name_historic: field(nullableText, 'Historic Chinese name (Virtual Shanghai) where it differs', '历史中文名（Virtual Shanghai），与今名不同时'),
	name_historic_en: field(nullableText, 'Concession-era name in English or French (Virtual Shanghai), e.g. "Picardie Apartments": the building, or who used it then', '租界时期的英文或法文名（Virtual Shanghai），如 Picardie Apartments：建筑本身或当时的使用者'),
	address: field(nullableText, 'Modern address as the listing gives it', '名录所载今地址'),
	address_en: field(nullableText, 'The modern address in English ("53 Hengshan Road"), from OSM\'s English street names; null where the address can\'t be read whole', '今地址的英文写法（如 53 Hengshan Road），据 OSM 英文路名；地址无法完整读出时为 null'),
	address_historic: field(nullableText, 'Historic address (Virtual Shanghai), e.g. "1920 AVENUE JOFFRE"', '历史门牌（Virtual Shanghai），如 1920 AVENUE JOFFRE'),
	excellent: field(z.boolean(), 'Listed as 上海市优秀历史建筑 (Excellent Historic Building)', '是否列入上海市优秀历史建筑'),
	batch: field(z.enum(BATCHES).nullable(), 'Batch of the 优秀历史建筑 listing', '优秀历史建筑公布批次'),
	batch_source: field(nullableText, 'Where the batch comes from', '批次信息的出处'),
	relic_level: field(z.enum(RELIC_LEVELS).nullable(), '文物保护单位 (protected relic site) level', '文物保护单位级别'),
	red_site: field(z.boolean(), 'Listed as a 红色旅游景点 (red-tourism site)', '是否为红色旅游景点'),
	protection: field(z.enum(['excellent', 'relic', 'both']), 'Which protection lists name it: excellent, relic or both', '所属保护名录：优秀历史建筑、文物保护单位或两者'),
	year_built: field(z.number().int().min(1800).max(2030).nullable(), 'Year built: the first year the source\'s date gives (e.g. 1928 of "1928 1932增建")', '建造年份：取来源所写时间中的第一个年份（如“1928 1932增建”取 1928）'),
	decade: field(z.number().int().nullable(), 'Decade of year_built, for filtering', '建造年代（十年），用于筛选'),
	year_text: field(nullableText, 'Construction date as written by the source', '来源所写的建造时间'),
	architect: field(nullableText, 'Architect or firm (645 atlas)', '建筑师或事务所（645 图集）'),
	municipal_no: field(nullableText, 'Municipal number from the 645 atlas', '645 图集中的市级编号'),
	description: field(nullableText, 'Description from the source', '来源中的简介'),
	wiki_url: field(nullableText, 'Wikipedia or Wikidata page', '维基百科或 Wikidata 页面'),
	photo: field(nullableText, 'Photo file name (served from /photos/)', '照片文件名（位于 /photos/）'),
	photo_credit: field(nullableText, 'Author and licence of the photo (Wikimedia Commons)', '照片作者与许可（Wikimedia Commons）'),
	photo_link: field(nullableText, 'The photo\'s Wikimedia Commons page', '照片在 Wikimedia Commons 的页面'),
	geometry_source: field(z.enum(['osm-footprint', 'point']), 'osm-footprint: the OSM building outline; point: the listing\'s coordinates', 'osm-footprint：OSM 建筑轮廓；point：名录坐标点'),
	lon: field(z.number(), 'Longitude of the building\'s point, WGS84', '建筑点位经度（WGS84）'),
	lat: field(z.number(), 'Latitude of the building\'s point, WGS84', '建筑点位纬度（WGS84）'),
	source_ids: field(z.string(), 'Every source record merged here, ";"-separated', '合并到本记录的各来源记录，以分号分隔'),
	match: field(z.string(), 'How each secondary source was matched', '各辅助来源的匹配方式'),
	merged_listings_zh: field(nullableText, 'Where listings of one name on one street were merged as one building: each listing\'s address, kind, id and point, how far apart, and which position was kept (Chinese)', '同一路上同名的多条名录合并为一幢时：各名录的地址、类别、编号与坐标、相距多远、采用了哪个位置（中文）'),
	merged_listings_en: field(nullableText, 'The same in English', '同上（英文）'),
	in_district: field(z.boolean(), 'Inside one of the subdistricts the portal covers (false: in the 300 m context around them)', '是否在门户所覆盖的街道范围内（false：周边 300 米范围）'),
	district: field(z.string().nullable(), 'The subdistrict it lies in (tianping, hunan); null in the 300 m context around them', '所在街道（tianping 天平、hunan 湖南）；在周边 300 米范围内为 null')
});

export type ProtectedBuilding = z.infer<typeof protectedBuilding>;
