import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { FACILITY_CATEGORIES, PROJECT_STATUSES } from '../schema/vocabulary';
import { LABEL_LAYOUT, LABEL_PAINT, nameLabel } from './labels';
import type { LayerDef, PopupField, Text } from './types';

/**
 * The project's own registers (data/registers): sites the subdistrict newsletters name,
 * placed by the geocoder. Totals the seeds give without sites are the district's figures,
 * shown beside each layer (see `layer` in data/districts.json).
 */

const en = (zh: string, en: string): Text => ({ zh, en });

export const STATUS_LABELS: Record<(typeof PROJECT_STATUSES)[number], Text> = {
	consultation: en('意见征询', 'Consultation'),
	design: en('方案设计', 'Design'),
	construction: en('施工中', 'Under construction'),
	completed: en('已完成', 'Completed')
};
const STATUS_COLORS = { consultation: '#f4a261', design: '#e9c46a', construction: '#2a9d8f', completed: '#264653' } as const;

export const METHOD_LABELS: Record<string, Text> = {
	exact: en('门牌锚点', 'exact (address anchor)'),
	interpolated: en('沿街门牌插值', 'interpolated along the street'),
	street: en('道路中点（低精度）', 'street midpoint (low precision)'),
	pinned: en('指定坐标', 'pinned coordinates'),
	source: en('数据集自带坐标', "the dataset's own position")
};

/** How far a cited public page is to be trusted (data/registers: `strength`). */
export const SOURCE_STRENGTH_LABELS: Record<'H' | 'M' | 'L', Text> = {
	H: en('高：官方或原始页面', 'High: an official or primary page'),
	M: en('中：可靠媒体或其转载', 'Medium: reputable media, or a copy of it'),
	L: en('低：博客或来源不明', 'Low: a blog or an unknown site')
};

const head: PopupField[] = [
	{ key: 'name_zh', label: en('名称', 'Name') },
	{ key: 'name_en', label: en('英文名', 'English name') },
	{ key: 'address', label: en('地址（原文）', 'Address (as written)') }
];
const tail: PopupField[] = [
	{ key: 'note', label: en('说明', 'About'), lang: true },
	{ key: 'geocode_method', label: en('定位方法', 'Located by'), valueLabels: METHOD_LABELS },
	{ key: 'geocode_confidence', label: en('定位可信度', 'Location confidence') },
	{ key: 'geocode_note', label: en('定位依据', 'Location basis') },
	{ key: 'source', label: en('出处', 'Source'), valueLabels: { import: en('街道台账导入', 'An office’s register file, imported') } },
	{ key: 'source_publisher', label: en('发布者', 'Published by') },
	{ key: 'source_strength', label: en('来源可信度', 'Source strength'), valueLabels: SOURCE_STRENGTH_LABELS },
	{ key: 'source_read', label: en('查阅日期', 'Read on') },
	{ key: 'imported_from', label: en('导入自', 'Imported from') },
	{ key: 'date', label: en('报道日期', 'Reported') },
	{ key: 'quote', label: en('原文', 'In the source’s words') }
];
const projectPopup: PopupField[] = [
	...head,
	{ key: 'status', label: en('进度', 'Status'), valueLabels: STATUS_LABELS },
	{ key: 'status_history', label: en('进度记录', 'Status history') },
	{ key: 'entrances', label: en('门洞数', 'Entrances') },
	...tail
];

/** Registers may hold thousands of sites: below z16 they are drawn in groups with their counts, each site from z16. */
const GROUPS = { from: 16, radius: 32 };

const PROJECT_TILE_PROPS = ['id', 'name_zh', 'name_en', 'kind', 'status', 'year', 'geocode_method', 'in_district', 'district'];
const FACILITY_TILE_PROPS = ['id', 'name_zh', 'name_en', 'category', 'origin', 'geocode_method', 'in_district', 'district'];
const radius: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 12, 4, 17, 9];
const label = (lang: 'zh' | 'en', color: string, filter?: FilterSpecification) => ({
	type: 'symbol' as const,
	minzoom: 15.5,
	...(filter ? { filter } : {}),
	layout: { ...LABEL_LAYOUT, 'text-field': nameLabel(lang), 'text-offset': [0, 1.2] as [number, number], 'text-anchor': 'top' as const, 'text-size': 11, 'text-optional': true },
	paint: { ...LABEL_PAINT, 'text-color': color },
	suffix: 'label'
});

function projectLayer(id: string, title: Text, description: Text, color: string, extra: Partial<LayerDef> = {}): LayerDef {
	return {
		id,
		title,
		description,
		archive: 'thematic',
		group: 'thematic',
		geometry: 'point',
		sources: ['hengfu-registers', 'osm-streets'],
		build: { stage: 'register' },
		minzoom: 12,
		tileProperties: PROJECT_TILE_PROPS,
		popup: projectPopup,
		searchable: ['name_zh', 'name_en', 'address'],
		style: {
			layers: (lang) => [
				{ type: 'circle', paint: { 'circle-radius': radius, 'circle-color': color, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
				label(lang, color)
			],
			swatch: { kind: 'circle', color, outline: '#ffffff' },
			visible: true,
			interactive: true
		},
		filters: [
			{ property: 'status', label: en('进度', 'Status'), valueLabels: STATUS_LABELS },
			{ property: 'year', label: en('年份（最近进度）', 'Year (latest status)') }
		],
		cluster: GROUPS,
		...extra
	};
}

const statusColor: ExpressionSpecification = ['match', ['get', 'status'], ...Object.entries(STATUS_COLORS).flat(), '#6c757d'] as unknown as ExpressionSpecification;

export const elevatorRetrofits: LayerDef = projectLayer(
	'elevator-retrofits',
	en('加装电梯', 'Elevator retrofits'),
	en('老房加梯项目与加梯指导站，按街道简报所写地址定位；进度按“征询→设计→施工→竣工”。', 'Elevator retrofits in old houses and the centres that guide them, placed by the address the newsletters give; status follows consultation → design → construction → completed.'),
	STATUS_COLORS.construction,
	{
		style: {
			layers: (lang) => [
				{
					type: 'circle',
					paint: {
						'circle-radius': radius,
						'circle-color': ['case', ['==', ['get', 'kind'], 'guidance-centre'], '#ffffff', statusColor],
						'circle-stroke-color': ['case', ['==', ['get', 'kind'], 'guidance-centre'], '#264653', '#ffffff'],
						'circle-stroke-width': ['case', ['==', ['get', 'kind'], 'guidance-centre'], 3, 2]
					}
				},
				label(lang, '#264653')
			],
			swatch: { kind: 'circle', color: STATUS_COLORS.construction, outline: '#264653' },
			visible: true,
			interactive: true,
			classes: [
				...PROJECT_STATUSES.map((s) => ({ label: STATUS_LABELS[s], color: STATUS_COLORS[s], filter: ['==', ['get', 'status'], s] as never })),
				{ label: en('加梯指导站', 'Guidance centre'), color: '#ffffff', filter: ['==', ['get', 'kind'], 'guidance-centre'] }
			]
		},
		filters: [
			{ property: 'status', label: en('进度', 'Status'), valueLabels: STATUS_LABELS },
			{ property: 'kind', label: en('类型', 'Kind'), valueLabels: { retrofit: en('加梯项目', 'Retrofit'), 'guidance-centre': en('指导站', 'Guidance centre') } },
			{ property: 'year', label: en('年份（最近进度）', 'Year (latest status)') }
		],
		panelOrder: 70
	}
);

export const fireSprinklers: LayerDef = projectLayer(
	'fire-sprinklers',
	en('消防喷淋', 'Fire sprinklers'),
	en('里弄房屋加装的消防喷淋。简报多只给总数（如湖南街道今年5800多个喷淋头），总数显示为数字，不画成点。', 'Sprinklers fitted in lane houses. The newsletters mostly give totals (e.g. 5,800+ heads this year in Hunan); totals are shown as figures, never drawn as points.'),
	'#d62828',
	{ panelOrder: 80 }
);

export const chargingSites: LayerDef = projectLayer(
	'charging-sites',
	en('电动自行车充电', 'E-bike charging'),
	en('智能充电柜与小区集中充电场所。简报只给总数、未列点位，故地图上暂无点位，总数见图层说明。', 'Smart charging cabinets and estate charging sites. The newsletters give totals but no sites, so the map has no points yet: the totals are listed with the layer.'),
	'#2b9348',
	{ panelOrder: 90 }
);

// Bus stops are many and small; the places the seeds name stand out.
const FACILITY_SCALE: ExpressionSpecification = ['case', ['==', ['get', 'category'], 'transport'], 0.55, ['==', ['get', 'origin'], 'register'], 1.2, 0.8];
const facilityColor = ['match', ['get', 'category'], ...Object.entries(FACILITY_CATEGORIES).flatMap(([k, v]) => [k, v.color]), '#6c757d'] as unknown as ExpressionSpecification;

export const facilities: LayerDef = {
	id: 'facilities',
	title: en('15分钟生活圈设施', '15-minute life-circle facilities'),
	description: en(
		'街道简报所列社区设施（邻里汇、菜场、法律服务客厅、党群与事务中心等），加上开放数据中的学校、医院、博物馆、教堂（Wikidata）、公交与地铁站（OSM）、历史公园（645）和 OSM 兴趣点（诊所、药店、养老、菜场与超市等，取得后），按上海15分钟社区生活圈分类。',
		"Community facilities the newsletters name (neighbourhood centres, a food market, legal service rooms, service centres…), plus schools, hospitals, museums and churches (Wikidata), bus and metro stops (OSM), historic parks (645) and, once fetched, OSM points of interest (clinics, pharmacies, elderly care, markets and shops…), grouped by Shanghai's 15-minute community life circle categories."
	),
	archive: 'thematic',
	group: 'thematic',
	panelOrder: 30,
	geometry: 'point',
	sources: ['hengfu-registers', 'osm-streets', 'wikidata-places', 'osm-metro-stations', '645-parks', 'osm-pois'],
	build: { stage: 'register' },
	minzoom: 12,
	tileProperties: FACILITY_TILE_PROPS,
	popup: [
		...head,
		{ key: 'category', label: en('类别', 'Category'), valueLabels: FACILITY_CATEGORIES },
		{ key: 'facts', label: en('数据', 'Figures'), lang: true },
		...tail
	],
	searchable: ['name_zh', 'name_en', 'address'],
	style: {
		layers: (lang) => [
			{
				type: 'circle',
				paint: {
					'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, ['*', 4, FACILITY_SCALE], 17, ['*', 9, FACILITY_SCALE]],
					'circle-color': facilityColor,
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': ['case', ['==', ['get', 'origin'], 'register'], 2, 1]
				}
			},
			// Bus stops are named after the crossing they stand at, which the street labels already say.
			label(lang, '#3b2f2a', ['!=', ['get', 'category'], 'transport'])
		],
		swatch: { kind: 'circle', color: FACILITY_CATEGORIES.community.color, outline: '#ffffff' },
		visible: true,
		interactive: true,
		classes: Object.entries(FACILITY_CATEGORIES).map(([k, v]) => ({ label: { zh: v.zh, en: v.en }, color: v.color, filter: ['==', ['get', 'category'], k] }))
	},
	cluster: GROUPS,
	filters: [
		{ property: 'category', label: en('类别', 'Category'), valueLabels: FACILITY_CATEGORIES },
		{ property: 'origin', label: en('来源', 'Origin'), valueLabels: { register: en('街道简报', 'Subdistrict newsletters'), 'open-data': en('开放数据', 'Open data') } }
	]
};
