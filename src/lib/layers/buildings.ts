import type { LayerDef } from './types';

const en = (zh: string, en: string) => ({ zh, en });

/**
 * Every OSM building footprint of the build area: the city's fabric under the protected
 * buildings, which the conflation stage joins to their own footprint. Waits for a first
 * `npm run sources:refresh -- osm-buildings`; without it the layer is empty and /about says so.
 */
export const buildings: LayerDef = {
	id: 'buildings',
	title: en('建筑轮廓', 'Building footprints'),
	description: en(
		'OpenStreetMap 中的全部建筑轮廓，含层数与高度（如有标注）；受保护建筑与其轮廓相连。',
		'Every building footprint in OpenStreetMap, with its levels and height where tagged; protected buildings are joined to theirs.'
	),
	archive: 'basemap',
	group: 'base',
	panelOrder: 140,
	geometry: 'polygon',
	sources: ['osm-buildings'],
	build: { stage: 'buildings' },
	minzoom: 14,
	tileProperties: ['id', 'building', 'levels', 'protected_id', 'in_district', 'district'],
	popup: [
		{ key: 'name_zh', label: en('名称', 'Name') },
		{ key: 'building', label: en('建筑类型（OSM）', 'Building type (OSM)') },
		{ key: 'levels', label: en('层数', 'Levels') },
		{ key: 'height', label: en('高度（米）', 'Height (m)') },
		{ key: 'address', label: en('地址', 'Address') },
		{ key: 'start_date', label: en('建成（OSM）', 'Built (OSM)') },
		{ key: 'protected_name', label: en('受保护建筑', 'Protected building') },
		{ key: 'osm_id', label: en('OSM 编号', 'OSM id') }
	],
	searchable: ['name_zh', 'address'],
	style: {
		layers: () => [
			{
				type: 'fill',
				paint: {
					'fill-color': ['case', ['==', ['get', 'protected_id'], null], '#e3dccf', '#e8cdb8'],
					'fill-outline-color': '#c9bca8',
					'fill-opacity': ['interpolate', ['linear'], ['zoom'], 14, 0.5, 16, 0.9]
				}
			}
		],
		swatch: { kind: 'fill', color: '#e3dccf', outline: '#c9bca8' },
		visible: true,
		interactive: true
	}
};
