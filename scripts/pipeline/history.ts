import { pointToLineDistance } from '@turf/turf';
import type { Feature, Geometry, LineString, Point, Position } from 'geojson';
import { MODES, NETWORKS, type Mode, type Network } from '../../src/lib/schema/history-vocabulary';
import type { LayerFeature } from './layers';
import type { SourceFeature } from './validate';

/** How near a line must pass a stop to serve it: the atlas draws stops within 10 m of their line, and the next line is 100 m off or more. */
export const STOP_LINE_M = 20;

const LINE_SOURCE: Record<Mode, string> = { tram: '645-trams', trolleybus: '645-trolleybuses' };
const STOP_SOURCE: Record<Mode, string> = { tram: '645-tram-stops', trolleybus: '645-trolleybus-stops' };

type Placed<F> = F & { properties: { in_district: boolean; district: string | null } };

export interface HistoryInput {
	/** A source's features after validation (which decodes them, src/lib/schema/history.ts) and conversion to WGS84, not yet clipped. */
	features: (sourceId: string) => SourceFeature[];
	/** The build's clip to its coverage, marking each kept feature's district. */
	clip: <F extends Feature>(features: F[]) => Array<Placed<F>>;
}

/**
 * The History group's layers: the concession-era tram and trolleybus lines and stops, and the
 * 1928 guide's places, clipped to the build's coverage. A stop lists the lines of its mode that
 * pass it, found among every line of the table, so a line that only grazes the coverage's edge
 * still names its stops inside.
 */
export function buildHistoryLayers({ features, clip }: HistoryInput): Map<string, LayerFeature[]> {
	const lines: LayerFeature[] = [];
	const stops: LayerFeature[] = [];
	for (const mode of MODES) {
		const all = features(LINE_SOURCE[mode]);
		for (const f of clip(all)) {
			const p = f.properties;
			lines.push(feature(f.geometry, { id: `${mode}-${f.id}`, name_zh: p.title, name_en: p.name_en, mode, network: p.network, in_district: p.in_district, district: p.district }));
		}
		for (const f of clip(features(STOP_SOURCE[mode]))) {
			const passing = linesPassing(f.geometry as Point, all);
			stops.push(
				feature(f.geometry, {
					id: `${mode}-stop-${f.id}`,
					name_zh: f.properties.title,
					mode,
					lines_zh: passing.length ? passing.map((l) => l.properties.title).join('；') : null,
					lines_en: passing.length ? passing.map((l) => l.properties.name_en).join('; ') : null,
					in_district: f.properties.in_district,
					district: f.properties.district
				})
			);
		}
	}
	const places = clip(features('645-places-1928')).map((f) => {
		const p = f.properties;
		return feature(f.geometry, { id: `place1928-${f.id}`, name_zh: p.name_zh, name_en: p.name_en, years: p.years, in_district: p.in_district, district: p.district });
	});
	return new Map([
		['historic-transit-lines', lines],
		['historic-transit-stops', stops],
		['places-1928', places]
	]);
}

/** The lines passing within STOP_LINE_M of a stop, by network (法租界, 公共租界, 华商) and line number. */
export function linesPassing(stop: Point, lines: SourceFeature[]): SourceFeature[] {
	const near = lines.filter((l) => partsOf(l.geometry).some((part) => pointToLineDistance(stop.coordinates, { type: 'LineString', coordinates: part } as LineString, { units: 'meters' }) <= STOP_LINE_M));
	const rank = (l: SourceFeature) => NETWORKS.indexOf(l.properties.network as Network);
	const number = (l: SourceFeature) => Number(/\d+/.exec(String(l.properties.name_en))?.[0] ?? 0);
	return near.sort((a, b) => rank(a) - rank(b) || number(a) - number(b));
}

function partsOf(geometry: Geometry): Position[][] {
	if (geometry.type === 'LineString') return [geometry.coordinates];
	if (geometry.type === 'MultiLineString') return geometry.coordinates;
	return [];
}

function feature(geometry: Geometry, properties: Record<string, unknown>): LayerFeature {
	return { type: 'Feature', geometry, properties };
}
