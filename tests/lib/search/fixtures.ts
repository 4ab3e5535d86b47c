import type { Feature, Geometry } from 'geojson';
import { layerById, type LayerDef } from '../../../src/lib/layers';
import type { SearchLayer } from '../../../src/lib/search/documents';

/** Hand-made features in the shape the pipeline writes; the layer definitions are the real ones. */
const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });
const line = (...coordinates: [number, number][]): Geometry => ({ type: 'LineString', coordinates });
const point = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });

const street = (id: string, name: string | null, extra: Record<string, unknown>, geometry: Geometry) =>
	feature(geometry, { id, osm_id: 1, name, name_en: null, name_historic: null, name_fr: null, highway: 'secondary', in_district: true, ...extra });

const building = (id: string, props: Record<string, unknown>, geometry: Geometry) =>
	feature(geometry, { id, name_en: null, name_pinyin: null, name_historic: null, name_historic_en: null, address: null, address_historic: null, architect: null, description: 'LONG TEXT NOT FOR THE INDEX', ...props });

const huaihai = { name_en: 'Middle Huaihai Road', name_historic: '霞飞路', name_fr: 'Avenue Joffre' };

export const streets = [
	// Three ways of one street, listed out of order, one without the French name.
	street('osm-way-3', '淮海中路', huaihai, line([121.44, 31.21], [121.45, 31.215])),
	street('osm-way-1', '淮海中路', huaihai, line([121.43, 31.205], [121.435, 31.207])),
	street('osm-way-2', '淮海中路', { ...huaihai, name_fr: null }, line([121.435, 31.207], [121.44, 31.21])),
	street('osm-way-4', '建国西路', { name_en: 'West Jianguo Road', name_historic: '福履理路；台斯德朗路', name_fr: 'Route Joseph Frelupt' }, line([121.44, 31.2], [121.45, 31.201])),
	street('osm-way-5', '武康路', { name_en: 'Wukang Road', name_historic: '福开森路', name_fr: 'Route Ferguson' }, line([121.434, 31.206], [121.437, 31.211])),
	street('osm-way-6', '衡山路', { name_en: 'Hengshan Road', name_historic: '贝当路', name_fr: 'Avenue Pétain' }, line([121.438, 31.2], [121.445, 31.207])),
	street('osm-way-7', null, {}, line([121.44, 31.2], [121.441, 31.2]))
];

const square = (lon: number, lat: number, d = 0.0004): Geometry => ({
	type: 'Polygon',
	coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]]
});

export const buildings = [
	building('ehb-wukang', { name_zh: '武康大楼', name_en: 'Wukang Mansion', name_pinyin: 'wukangdalou', address: '淮海中路1836-1858号', address_historic: '1920 AVENUE JOFFRE', architect: '邬达克' }, square(121.4334, 31.206)),
	building('ehb-hengshan', { name_zh: '衡山宾馆', name_historic_en: 'Picardie Apartments', name_pinyin: 'hengshanbinguan', address: '衡山路534号', address_historic: '534 AVENUE PÉTAIN' }, point(121.4386, 31.2025)),
	building('ehb-next-door', { name_zh: '住宅', name_pinyin: 'zhuzhai', address: '衡山路524号' }, point(121.4387, 31.2026)),
	building('ehb-huashan', { name_zh: '西湖公寓', name_historic: '華盛頓公寓', address: '衡山路303号' }, point(121.44, 31.203))
];

export const residences = [feature(point(121.4356, 31.2097), { id: 'residence-1', name_zh: '巴金', address: '武康路113号', district_zh: '徐汇区', in_district: true })];

const def = (id: string): LayerDef => layerById(id)!;

export const layers: SearchLayer[] = [
	{ layer: def('streets'), features: streets },
	// The same ways again, as the pipeline writes them: must not make second documents.
	{ layer: def('never-widened-roads'), features: streets.slice(3, 5) },
	{ layer: def('protected-buildings'), features: buildings },
	{ layer: def('former-residences'), features: residences },
	{ layer: def('metro-lines'), features: [feature(line([121.43, 31.2], [121.45, 31.2]), { id: 'line-1', name_zh: '1号线' })] }
];
