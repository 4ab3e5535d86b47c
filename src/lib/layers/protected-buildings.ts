import { protectedBuilding } from '../schema/protected-building';
import type { LayerDef } from './types';

export const protectedBuildings: LayerDef = {
	id: 'protected-buildings',
	title: { zh: '历史保护建筑', en: 'Protected historic buildings' },
	description: {
		zh: '上海市优秀历史建筑与文物保护单位，每幢建筑一条记录：上海图书馆名录为准，合并 OSM 建筑轮廓、645 图集（建筑师、建造年代）与 Virtual Shanghai（历史门牌）。',
		en: "Shanghai's listed Excellent Historic Buildings and protected cultural relic sites, one record per building: the Shanghai Library list is the authority, merged with OSM footprints, the 645 atlas (architect, build years) and Virtual Shanghai (historic addresses)."
	},
	archive: 'thematic',
	group: 'thematic',
	geometry: 'mixed',
	sources: ['shl-excellent-buildings', 'shl-relic-sites', 'osm-heritage', '645-buildings', 'virtual-shanghai', 'photos'],
	build: { stage: 'protected-buildings' },
	schema: protectedBuilding,
	minzoom: 12,
	tileProperties: ['id', 'name_zh', 'name_en', 'protection', 'excellent', 'batch', 'relic_level', 'red_site', 'year_built', 'decade', 'architect', 'geometry_source', 'in_district'],
	popup: [
		{ key: 'name_zh', label: { zh: '名称', en: 'Name' } },
		{ key: 'name_en', label: { zh: '英文名', en: 'English name' } },
		{ key: 'address', label: { zh: '地址', en: 'Address' } },
		{ key: 'address_historic', label: { zh: '历史门牌', en: 'Historic address' } },
		{ key: 'year_built', label: { zh: '建造年代', en: 'Built' } },
		{ key: 'architect', label: { zh: '建筑师', en: 'Architect' } },
		{ key: 'batch', label: { zh: '优秀历史建筑批次', en: 'Listing batch' } },
		{ key: 'relic_level', label: { zh: '文物保护级别', en: 'Relic protection level' } },
		{ key: 'description', label: { zh: '简介', en: 'Description' } }
	],
	searchable: ['name_zh', 'name_en', 'name_pinyin', 'name_historic', 'address', 'address_historic', 'architect']
};
