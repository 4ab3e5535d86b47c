import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { join } from 'node:path';
import { contextArea, loadDistrictRegistry } from '../../pipeline/districts';
import { loadSource } from '../../pipeline/load';
import { sourceById } from '../../pipeline/manifest';
import type { DistrictArea } from './records';

/** Every subdistrict of data/districts.json with its OSM boundary and the context the portal draws around it. */
export function districtAreas(repoRoot: string, sourcesDir: string): DistrictArea[] {
	const registry = loadDistrictRegistry(join(repoRoot, 'data/districts.json'));
	return registry.districts.map((d) => {
		const found = loadSource(sourcesDir, sourceById(d.boundary_source)).features.find((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
		if (!found) throw new Error(`district "${d.id}": ${d.boundary_source} holds no boundary polygon`);
		const boundary = found as Feature<Polygon | MultiPolygon>;
		return { id: d.id as DistrictArea['id'], boundary, context: contextArea(boundary, d.context_buffer_m) };
	});
}
