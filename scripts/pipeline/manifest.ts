import type { ZodType } from 'zod';
import type { Crs } from '../../src/lib/geo/crs';
import * as s from '../../src/lib/schema/sources';
import * as h from '../../src/lib/schema/history';
import { CREDITS } from '../../src/lib/sources';

/** How a file is laid out; `read.ts` turns each layout into uniform records. */
export type SourceFormat = 'geojson' | 'shl' | 'overpass' | 'photos';

export interface SourceEntry {
	id: string;
	/** Path relative to the source bundle folder. */
	file: string;
	format: SourceFormat;
	crs: Crs;
	licence: string;
	attribution: string;
	description: string;
	/** Schema of a record's properties (for `shl`, of the whole record). */
	properties?: ZodType;
	/** Schema of a record's geometry. */
	geometry?: ZodType;
	/** The property holding the record's stable id within its source. */
	idField?: string;
	/**
	 * The build runs without the file: its layers stay empty and the build report says they wait
	 * for `npm run sources:refresh -- <id>` (sources the first bundle lacked).
	 */
	optional?: true;
}

const credit = (id: string) => ({ licence: CREDITS[id].licence, attribution: CREDITS[id].attribution });
const OSM = { crs: 'WGS84', ...credit('osm-streets') } as const;
const BOOK645 = {
	crs: 'GCJ02',
	...credit('645-buildings'),
	idField: '_id'
} as const;
const SHL = {
	format: 'shl',
	crs: 'BD09',
	...credit('shl-excellent-buildings'),
	properties: s.shlRecord,
	idField: 'uri'
} as const;

function table645(id: string, name: string, description: string, properties: ZodType, geometry: ZodType): SourceEntry {
	return { id, file: `645/${name}.geojson`, format: 'geojson', description, properties, geometry, ...BOOK645 };
}

/**
 * Every source file the pipeline reads, with its layout, coordinate system, schema and licence.
 * Where each came from, when, and its checksum are in data/sources/sources.json.
 */
export const SOURCES: readonly SourceEntry[] = [
	{ id: 'osm-boundary-tianping', file: 'osm/boundary_tianping.geojson', format: 'geojson', description: '天平路街道 boundary', properties: s.osmBoundary, geometry: s.areaGeometry, ...OSM },
	{ id: 'osm-boundary-hunan', file: 'osm/boundary_hunan.geojson', format: 'geojson', description: '湖南路街道 boundary', properties: s.osmBoundary, geometry: s.areaGeometry, ...OSM },
	{ id: 'osm-streets', file: 'osm/streets_hengfu.overpass.json', format: 'overpass', description: 'street network (Overpass JSON)', ...OSM },
	{ id: 'osm-metro-stations', file: 'osm/metro_stations_hengfu.geojson', format: 'geojson', description: 'metro stations', properties: s.osmMetro, geometry: s.pointGeometry, idField: 'id', ...OSM },
	{ id: 'osm-metro-lines', file: 'osm/metro_lines_hengfu.geojson', format: 'geojson', description: 'metro lines', properties: s.osmMetro, geometry: s.lineGeometry, idField: 'id', ...OSM },
	{ id: 'osm-heritage', file: 'osm/heritage_shanghai.geojson', format: 'geojson', description: 'OSM heritage / historic objects', properties: s.osmHeritage, geometry: s.anyGeometry, idField: '@id', ...OSM },
	{ id: 'osm-buildings', file: 'osm/buildings_hengfu.geojson', format: 'geojson', description: 'OSM building footprints', properties: s.osmBuilding, geometry: s.areaGeometry, idField: '@id', optional: true, ...OSM },
	{ id: 'osm-pois', file: 'osm/pois_hengfu.geojson', format: 'geojson', description: 'OSM points of interest (services, shops, health, leisure)', properties: s.osmPoi, geometry: s.pointGeometry, idField: '@id', optional: true, ...OSM },
	{ id: 'shl-excellent-buildings', file: 'shl/excellent_historic_buildings.json', description: '上海市优秀历史建筑 list', ...SHL },
	{ id: 'shl-relic-sites', file: 'shl/protected_relic_sites.json', description: '文物保护单位', ...SHL },
	{ id: 'shl-immovable-relics', file: 'shl/immovable_relics.json', description: '不可移动文物 incl. 文物保护点', ...SHL },
	table645('645-buildings', 'table_li_shi_jian_zhu', 'historic buildings (architect, years)', s.building645, s.pointGeometry),
	table645('645-roads', 'table_li_shi_jiao_tong', 'historic roads under historic names', s.building645.pick({ _id: true, title: true }), s.lineGeometry),
	table645('645-historic-areas', 'table_feng_mao_bao_hu_qu', '风貌保护区 polygons', s.building645.pick({ _id: true, title: true }), s.areaGeometry),
	table645('645-parks', 'table_li_shi_gong_yuan', 'historic parks and gardens', s.building645.pick({ _id: true, title: true }), s.areaGeometry),
	table645('645-residences', 'table_ren_wu_zhu_suo', 'former residences of notable people', s.residence645, s.pointGeometry),
	table645('645-theatres', 'table_xiu_xian_chang_suo', 'historic theatres and cinemas', s.building645.pick({ _id: true, title: true }), s.pointGeometry),
	table645('645-trams', 'table_you_gui_dian_che', 'concession-era tram lines (有轨电车)', h.tramLine645, s.lineGeometry),
	table645('645-tram-stops', 'table_you_gui_dian_che_zhan_dian', 'concession-era tram stops', h.stop645, s.pointGeometry),
	table645('645-trolleybuses', 'table_wu_gui_dian_che', 'concession-era trolleybus lines (无轨电车)', h.trolleybusLine645, s.lineGeometry),
	table645('645-trolleybus-stops', 'table_wu_gui_dian_che_zhan_dian', 'concession-era trolleybus stops', h.stop645, s.pointGeometry),
	table645('645-places-1928', 'table_Place_1928', 'places of a 1928 guide, with English names', h.place1928, s.pointGeometry),
	{
		id: 'wikidata-places',
		file: 'wikidata/places_shanghai.geojson',
		format: 'geojson',
		crs: 'WGS84',
		...credit('wikidata-places'),
		description: 'Wikidata items with coordinates',
		properties: s.wikidataPlace,
		geometry: s.pointGeometry,
		idField: 'item'
	},
	{
		id: 'virtual-shanghai',
		file: 'virtual_shanghai/buildings.geojson',
		format: 'geojson',
		crs: 'WGS84',
		...credit('virtual-shanghai'),
		description: 'historic buildings with English and historic addresses',
		properties: s.virtualShanghaiBuilding,
		geometry: s.pointGeometry,
		idField: 'building_id'
	},
	{
		id: 'photos',
		file: 'photos',
		format: 'photos',
		crs: 'WGS84',
		...credit('photos'),
		description: 'photos of protected buildings'
	}
];

export function sourceById(id: string): SourceEntry {
	const entry = SOURCES.find((e) => e.id === id);
	if (!entry) throw new Error(`unknown source id "${id}" (not in scripts/pipeline/manifest.ts)`);
	return entry;
}
