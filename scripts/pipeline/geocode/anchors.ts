/**
 * The geocoder's inputs from the source bundle: anchor addresses (records that carry both an
 * address and a position) and the named street lines.
 */
import type { BBox } from 'geojson';
import type { Anchor, StreetLine } from '../../../src/lib/geo/geocode';
import { anchorOf } from '../conflate/geo';
import { loadSource } from '../load';
import { sourceById } from '../manifest';
import { readJson } from '../read';
import { overpassToStreets, STREETS_SOURCE, type StreetFeature } from '../streets/overpass';
import type { SourceFeature } from '../validate';

/** The extent of the bundle's street network (SOURCES.md): anchors beyond it have no street to sit on. */
export const STREET_NETWORK_BBOX: BBox = [121.42, 31.19, 121.47, 31.232];

/** Where each anchor source keeps its address, as written. */
const ADDRESS_OF: Record<string, (p: Record<string, unknown>) => string | null> = {
	'shl-excellent-buildings': (p) => text(p.address),
	'shl-relic-sites': (p) => text(p.address),
	'shl-immovable-relics': (p) => text(p.address),
	'osm-heritage': osmAddress,
	'645-buildings': (p) => text(p.xian_di_zhi),
	'645-residences': (p) => text(p.di_zhi)
};

/** The sources anchors come from; load them (WGS84) over the street network's extent. */
export const ANCHOR_SOURCES: readonly string[] = Object.keys(ADDRESS_OF);

/**
 * One anchor per record with an address, id `<source id>:<record id>`. Whether an address can
 * be used is the geocoder's call (it lists what it skips and why), so none is filtered here.
 */
export function anchorsFromSources(features: (sourceId: string) => SourceFeature[]): Anchor[] {
	const anchors: Anchor[] = [];
	for (const source of ANCHOR_SOURCES) {
		for (const f of features(source)) {
			const address = ADDRESS_OF[source](f.properties);
			if (!address || !f.geometry) continue;
			anchors.push({ id: `${source}:${f.id}`, source, address, point: anchorOf(f.geometry) });
		}
	}
	return anchors;
}

/** Named OSM ways as the geocoder's street lines (unnamed service roads and paths cannot be addressed). */
export function streetLinesFrom(streets: StreetFeature[]): StreetLine[] {
	return streets
		.filter((s) => s.properties.name)
		.map((s) => ({ name: s.properties.name!, coordinates: s.geometry.coordinates.map(([x, y]) => [x, y] as [number, number]) }));
}

/**
 * OSM splits an address over two tags, and mappers differ on where the lane goes:
 * `南京西路1394弄` + `2`, or `淮海中路` + `350弄`. A bare number is a door (号).
 */
function osmAddress(p: Record<string, unknown>): string | null {
	const street = text(p['addr:street']);
	const number = text(p['addr:housenumber']);
	if (!street || !number) return null;
	return /[号弄]$/.test(number) ? `${street}${number}` : `${street}${number}号`;
}

function text(v: unknown): string | null {
	return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** Streets and anchors straight from the bundle folder (for the benchmark and the tests on real data). */
export function loadGeocoderInputs(dir: string, area: BBox = STREET_NETWORK_BBOX): { streets: StreetLine[]; anchors: Anchor[] } {
	const entry = sourceById(STREETS_SOURCE);
	const streets = streetLinesFrom(overpassToStreets(readJson(dir, entry), entry.file).features);
	const loaded = new Map(ANCHOR_SOURCES.map((id) => [id, loadSource(dir, sourceById(id), area).features]));
	return { streets, anchors: anchorsFromSources((id) => loaded.get(id) ?? []) };
}
