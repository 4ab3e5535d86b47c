import type { Lang, Text } from '../layers/types';

/** Every UI string, in both languages. Layer titles and field labels live in the registry. */
export const STRINGS = {
	appTitle: { zh: '衡复风貌地图', en: 'Hengfu Heritage Map' },
	appSubtitle: { zh: '衡山路—复兴路历史文化风貌区', en: 'Hengshan Rd–Fuxing Rd Historic Area' },
	switchLang: { zh: 'English', en: '中文' },
	switchLangLabel: { zh: 'Switch to English', en: '切换到中文' },
	layers: { zh: '图层', en: 'Layers' },
	legend: { zh: '图例', en: 'Legend' },
	inDistrict: { zh: '街道内', en: 'in district' },
	shown: { zh: '显示', en: 'shown' },
	publishedTotals: { zh: '街道公布的总数', en: 'Totals published by the subdistrict' },
	notOnMap: { zh: '未能上图的记录', en: 'Records not on the map' },
	filters: { zh: '筛选', en: 'Filters' },
	clearFilters: { zh: '清除筛选', en: 'Clear filters' },
	any: { zh: '全部', en: 'Any' },
	unknown: { zh: '不详', en: 'Unknown' },
	search: { zh: '搜索建筑、地址、路名（含旧路名）', en: 'Search buildings, addresses, street names (old ones too)' },
	searchLabel: { zh: '搜索', en: 'Search' },
	noResults: { zh: '没有找到', en: 'Nothing found' },
	formerly: { zh: '旧称', en: 'formerly' },
	share: { zh: '分享链接', en: 'Share link' },
	copied: { zh: '链接已复制', en: 'Link copied' },
	close: { zh: '关闭', en: 'Close' },
	source: { zh: '数据来源', en: 'Source' },
	licence: { zh: '许可', en: 'Licence' },
	photo: { zh: '照片', en: 'Photo' },
	matchedBy: { zh: '匹配方式', en: 'Matched by' },
	loading: { zh: '加载中…', en: 'Loading…' },
	showLayers: { zh: '显示图层面板', en: 'Show the layer panel' },
	map: { zh: '地图', en: 'Map' },
	yes: { zh: '是', en: 'yes' },
	no: { zh: '否', en: 'no' },
	decade: { zh: '年代', en: 's' },
	outsideDistrict: { zh: '（街道范围外）', en: '(outside the subdistrict)' },
	walk: { zh: '步行可达', en: 'Walk' },
	walkTitle: { zh: '步行可达：15分钟生活圈', en: 'On foot: the 15-minute life circle' },
	walkHint: { zh: '在地图上点击起点，或输入地址、使用当前位置。', en: 'Click the map to set a start, or type an address, or use your location.' },
	walkAddress: { zh: '地址', en: 'Address' },
	walkAddressPlaceholder: { zh: '如 广元路153号', en: 'e.g. 广元路153号' },
	walkLocate: { zh: '定位', en: 'Find' },
	walkMyLocation: { zh: '使用我的位置', en: 'Use my location' },
	walkMinutes: { zh: '步行时间（分钟）', en: 'Walking time (minutes)' },
	walkSpeed: { zh: '步速（米/分钟）', en: 'Walking speed (m/min)' },
	walkSpeedNote: { zh: '默认60米/分钟（约1米/秒），适合老年人；成年人平均约80米/分钟。', en: 'Default 60 m/min (about 1 m/s), an older resident’s pace; adults average about 80 m/min.' },
	walkSnapped: { zh: '起点距最近可步行道路', en: 'Start to the nearest walkable street' },
	walkOutside: { zh: '起点在街道范围外（仍可计算）', en: 'The start is outside the subdistrict (still computed)' },
	walkReachable: { zh: '可到达的设施', en: 'Reachable facilities' },
	walkNone: { zh: '此时间内无法到达', en: 'Not reachable in this time' },
	walkNearestBeyond: { zh: '最近', en: 'nearest' },
	walkNoneNear: { zh: '附近没有', en: 'none nearby' },
	walkRoute: { zh: '步行路线', en: 'Walking route' },
	walkMin: { zh: '分钟', en: 'min' },
	walkMore: { zh: '还有', en: 'more' },
	walkCoverage: { zh: '覆盖盲区', en: 'Coverage blind spots' },
	walkCoverageHint: { zh: '选择一类设施：红色格子表示步行超过设定时间才能到达。', en: 'Pick a category: red cells are more than the set time from its nearest facility.' },
	walkCoverageShare: { zh: '街道面积覆盖率', en: 'Share of the district within reach' },
	walkCoverageNone: { zh: '不显示', en: 'none' },
	walkClose: { zh: '关闭步行分析', en: 'Close the walk panel' },
	walkComputing: { zh: '计算中…', en: 'Computing…' },
	walkNotFound: { zh: '无法定位', en: 'Could not place' },
	walkConfidence: { zh: '可信度', en: 'confidence' }
} satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
	return STRINGS[key][lang];
}

export function pick(lang: Lang, text: Text | undefined): string {
	return text ? text[lang] || text.zh : '';
}
