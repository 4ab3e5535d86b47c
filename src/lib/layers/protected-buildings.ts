import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { BATCHES, RELIC_LEVELS } from '../schema/vocabulary';
import { LABEL_LAYOUT, LABEL_PAINT, nameLabel } from './labels';
import type { LayerDef } from './types';

// Colour says which list protects a building; the legend names each.
const EXCELLENT = '#b5523b';
const RELIC = '#6b4fa0';
const BOTH = '#7a1f12';
const COLOR: ExpressionSpecification = ['match', ['get', 'protection'], 'both', BOTH, 'relic', RELIC, EXCELLENT];
const IS_POINT: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const IS_AREA: FilterSpecification = ['!=', ['geometry-type'], 'Point'];
const en = (zh: string, en: string) => ({ zh, en });
const BATCH_LABELS = Object.fromEntries(BATCHES.map((b, i) => [b, en(b, `Batch ${i + 1}`)]));
const RELIC_LABELS = Object.fromEntries(RELIC_LEVELS.map((l, i) => [l, en(l, ['National', 'Municipal', 'District'][i])]));

export const protectedBuildings: LayerDef = {
	id: 'protected-buildings',
	title: { zh: '历史保护建筑', en: 'Protected historic buildings' },
	description: {
		zh: '上海市优秀历史建筑与文物保护单位，每幢建筑一条记录：上海图书馆名录为准，合并 OSM 建筑轮廓、645 图集（建筑师、建造年代）与 Virtual Shanghai（历史门牌）。',
		en: "Shanghai's listed Excellent Historic Buildings and protected cultural relic sites, one record per building: the Shanghai Library list is the authority, merged with OSM footprints, the 645 atlas (architect, build years) and Virtual Shanghai (historic addresses)."
	},
	archive: 'thematic',
	group: 'thematic',
	panelOrder: 10,
	geometry: 'mixed',
	sources: ['shl-excellent-buildings', 'shl-relic-sites', 'osm-heritage', '645-buildings', 'virtual-shanghai', 'photos'],
	build: { stage: 'protected-buildings' },
	minzoom: 12,
	tileProperties: ['id', 'name_zh', 'name_en', 'name_en_source', 'protection', 'excellent', 'batch', 'relic_level', 'red_site', 'year_built', 'decade', 'architect', 'geometry_source', 'in_district', 'district'],
	popup: [
		{ key: 'name_zh', label: { zh: '名称', en: 'Name' } },
		{ key: 'name_en', label: { zh: '英文名', en: 'English name' } },
		{ key: 'name_historic', label: { zh: '历史名称', en: 'Historic name' } },
		{ key: 'name_historic_en', label: { zh: '租界时期外文名', en: 'Concession-era name' } },
		{ key: 'address', label: { zh: '地址', en: 'Address' }, english: 'address_en' },
		{ key: 'address_historic', label: { zh: '历史门牌', en: 'Historic address' } },
		{ key: 'year_built', label: { zh: '建造年代', en: 'Built' } },
		{ key: 'architect', label: { zh: '建筑师', en: 'Architect' } },
		{ key: 'batch', label: { zh: '优秀历史建筑批次', en: 'Listing batch' }, valueLabels: BATCH_LABELS },
		{ key: 'relic_level', label: { zh: '文物保护级别', en: 'Relic protection level' }, valueLabels: RELIC_LABELS },
		{ key: 'merged_listings', label: { zh: '名录合并', en: 'Merged listings' }, lang: true },
		{ key: 'description', label: { zh: '简介', en: 'Description' } }
	],
	searchable: ['name_zh', 'name_en', 'name_pinyin', 'name_historic', 'name_historic_en', 'address', 'address_en', 'address_historic', 'architect'],
	style: {
		layers: (lang) => [
			{ type: 'fill', filter: IS_AREA, paint: { 'fill-color': COLOR, 'fill-opacity': 0.55 }, suffix: 'footprint' },
			{ type: 'line', filter: IS_AREA, paint: { 'line-color': COLOR, 'line-width': 1.2 }, suffix: 'outline' },
			{ type: 'circle', filter: IS_POINT, paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3.5, 17, 8], 'circle-color': COLOR, 'circle-stroke-color': '#fffaf0', 'circle-stroke-width': 1.5 } },
			{ type: 'symbol', minzoom: 15.5, layout: { ...LABEL_LAYOUT, 'text-field': nameLabel(lang), 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-size': 11, 'text-optional': true }, paint: { ...LABEL_PAINT, 'text-color': '#5a2a1c' }, suffix: 'label' }
		],
		swatch: { kind: 'circle', color: EXCELLENT },
		visible: true,
		interactive: true,
		classes: [
			{ label: en('优秀历史建筑', 'Excellent Historic Building'), color: EXCELLENT, filter: ['==', ['get', 'protection'], 'excellent'] },
			{ label: en('文物保护单位', 'Protected relic site'), color: RELIC, filter: ['==', ['get', 'protection'], 'relic'] },
			{ label: en('两者皆是', 'Both'), color: BOTH, filter: ['==', ['get', 'protection'], 'both'] }
		]
	},
	filters: [
		{ property: 'batch', label: en('优秀历史建筑批次', 'Listing batch'), valueLabels: BATCH_LABELS },
		{
			property: 'relic_level',
			label: en('文物保护级别', 'Relic protection level'),
			valueLabels: RELIC_LABELS
		},
		{ property: 'decade', label: en('建造年代', 'Decade built') },
		{ property: 'architect', label: en('建筑师', 'Architect') }
	]
};
