import { area } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, Geometry } from 'geojson';
import type { ProtectedBuilding } from '../../../src/lib/schema/protected-building';
import type { BuildingFeature } from '../buildings';
import { contains } from './geo';
import type { MatchCount } from './buildings';

type Protected = Feature<Geometry, ProtectedBuilding>;

export interface FootprintJoin {
	protectedBuildings: Protected[];
	buildings: BuildingFeature[];
	count: MatchCount;
}

/**
 * Joins protected buildings to the footprints of the buildings layer: the same OSM object where
 * the heritage stage already took an OSM outline, else the smallest footprint holding the
 * listing's point. A listing that is the only one in its footprint takes that outline as its
 * shape; where a lane compound's one outline holds several listings they keep their points,
 * since no source says which part of it is whose.
 */
export function joinFootprints(protectedBuildings: readonly Protected[], buildings: readonly BuildingFeature[]): FootprintJoin {
	const count: MatchCount = { source: 'osm-buildings', candidates: buildings.length, matched: 0, byMethod: {} };
	if (buildings.length === 0) return { protectedBuildings: [...protectedBuildings], buildings: [...buildings], count };

	const byOsmId = new Map(buildings.map((b, i) => [b.properties.osm_id as string, i]));
	const index = new Flatbush(buildings.length);
	for (const b of buildings) {
		const [w, s, e, n] = boxOf(b);
		index.add(w, s, e, n);
	}
	index.finish();
	const areas = new Map<number, number>();
	const areaOf = (i: number) => areas.get(i) ?? areas.set(i, area(buildings[i])).get(i)!;

	const links = protectedBuildings.map((pb): { footprint: number; method: string } | null => {
		const osm = /(?:^|;)osm:((?:way|relation)\/\d+)/.exec(pb.properties.source_ids)?.[1];
		if (osm && byOsmId.has(osm)) return { footprint: byOsmId.get(osm)!, method: 'same-osm-object' };
		if (pb.properties.geometry_source !== 'point') return null;
		const point: [number, number] = [pb.properties.lon, pb.properties.lat];
		const holding = index.search(point[0], point[1], point[0], point[1]).filter((i) => contains(buildings[i], point));
		if (holding.length === 0) return null;
		return { footprint: holding.sort((a, b) => areaOf(a) - areaOf(b) || a - b)[0], method: 'point-in-footprint' };
	});

	const listingsIn = new Map<number, Protected[]>();
	links.forEach((link, i) => {
		if (link) listingsIn.set(link.footprint, [...(listingsIn.get(link.footprint) ?? []), protectedBuildings[i]]);
	});

	const joined = protectedBuildings.map((pb, i) => {
		const link = links[i];
		if (!link) return pb;
		count.matched += 1;
		count.byMethod[link.method] = (count.byMethod[link.method] ?? 0) + 1;
		const footprint = buildings[link.footprint];
		const alone = listingsIn.get(link.footprint)!.length === 1;
		const takesShape = link.method === 'point-in-footprint' && alone;
		return {
			...pb,
			geometry: takesShape ? footprint.geometry : pb.geometry,
			properties: {
				...pb.properties,
				geometry_source: takesShape ? ('osm-footprint' as const) : pb.properties.geometry_source,
				source_ids: `${pb.properties.source_ids};osm-buildings:${footprint.properties.osm_id}`,
				match: [pb.properties.match, `osm-buildings:${link.method}`].filter(Boolean).join(';')
			}
		};
	});

	const withListings = buildings.map((b, i) => {
		const listings = [...(listingsIn.get(i) ?? [])].sort((x, y) => (x.properties.id < y.properties.id ? -1 : 1));
		if (listings.length === 0) return b;
		return { ...b, properties: { ...b.properties, protected_id: listings[0].properties.id, protected_name: listings.map((l) => l.properties.name_zh).join('、') } };
	});
	return { protectedBuildings: joined, buildings: withListings, count };
}

function boxOf(f: BuildingFeature): [number, number, number, number] {
	const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p) => p[0]);
	for (const ring of rings) {
		for (const [x, y] of ring) {
			box[0] = Math.min(box[0], x);
			box[1] = Math.min(box[1], y);
			box[2] = Math.max(box[2], x);
			box[3] = Math.max(box[3], y);
		}
	}
	return box;
}
