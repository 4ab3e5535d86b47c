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
	outsideDistrict: { zh: '（街道范围外）', en: '(outside the subdistrict)' }
} satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
	return STRINGS[key][lang];
}

export function pick(lang: Lang, text: Text | undefined): string {
	return text ? text[lang] || text.zh : '';
}
