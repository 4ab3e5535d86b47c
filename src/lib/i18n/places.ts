import type { Lang, Text } from '../layers/types';
import { fillSlots } from './slots';

/** UI strings of the place and tour pages (/places/<id>, /tours/<id>, and their /en/ twins). */
export const PLACE_STRINGS = {
	siteName: { zh: '衡复风貌地图', en: 'Hengfu Heritage Map' },
	otherLang: { zh: 'English', en: '中文' },
	openOnMap: { zh: '在地图上查看', en: 'Open on the map' },
	startOnMap: { zh: '在地图上开始导览', en: 'Start on the map' },
	facts: { zh: '资料', en: 'Facts' },
	district: { zh: '所在街道', en: 'Subdistrict' },
	outside: { zh: '两街道范围外（周边）', en: 'Outside the two subdistricts (nearby)' },
	street: { zh: '所在道路', en: 'Street' },
	streetThen: { zh: '租界时期路名', en: 'Concession-era name' },
	description: { zh: '简介', en: 'About' },
	locator: { zh: '位置图', en: 'Where it is' },
	locatorAlt: { zh: '{name}的位置图：周边道路与街道边界', en: 'Locator map of {name}: the streets around it and the subdistrict edge' },
	scale: { zh: '比例尺', en: 'Scale' },
	north: { zh: '北', en: 'N' },
	nearby: { zh: '步行可达的附近地点', en: 'Nearby on foot' },
	nearbyNote: { zh: '按步行网络计算的距离，步速每分钟{pace}米。', en: 'Walking distances on the street network, at {pace} m a minute.' },
	noneNearby: { zh: '800米步行范围内没有其他地点。', en: 'No other place within an 800 m walk.' },
	min: { zh: '分钟', en: 'min' },
	tours: { zh: '途经此地的导览', en: 'Tours that stop here' },
	stopOf: { zh: '第{n}站', en: 'stop {n}' },
	sources: { zh: '来源与许可', en: 'Sources and licences' },
	photo: { zh: '照片', en: 'Photo' },
	tourStops: { zh: '站点', en: 'Stops' },
	tourRoute: { zh: '路线图', en: 'Route' },
	tourRouteAlt: { zh: '{name}的步行路线图，站点按顺序编号', en: 'Walking route of {name}, stops numbered in order' },
	tourLength: { zh: '{n}站 · {km}公里 · 约{min}分钟（每分钟{pace}米）', en: '{n} stops · {km} km · about {min} min (at {pace} m a minute)' },
	legTo: { zh: '步行前往第{n}站：{metres}米，约{min}分钟', en: 'Walk to stop {n}: {metres} m, about {min} min' },
	legVia: { zh: '经', en: 'via' },
	year: { zh: '建成', en: 'Built' },
	architect: { zh: '建筑师', en: 'Architect' },
	address: { zh: '地址', en: 'Address' },
	addressThen: { zh: '历史门牌', en: 'Historic address' },
	placePage: { zh: '地点详情页（可分享）', en: 'This place’s own page (to share)' },
	print: { zh: '打印此页可得到导览单（含路线图与各站文字）。', en: 'Print this page for a walking sheet (route map and every stop’s text).' },
	credits: { zh: '道路与边界：© OpenStreetMap 贡献者（ODbL）；路线按项目步行网络计算。', en: 'Streets and edges: © OpenStreetMap contributors (ODbL); routes computed on the project’s walking network.' }
} satisfies Record<string, Text>;

export type PlaceKey = keyof typeof PLACE_STRINGS;

export function ps(lang: Lang, key: PlaceKey, vars: Record<string, string | number> = {}): string {
	return fillSlots(PLACE_STRINGS[key][lang], vars);
}
