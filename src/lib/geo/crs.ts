import gcoord from 'gcoord';

/** The coordinate systems found in the source bundle. */
export const CRS_NAMES = ['WGS84', 'GCJ02', 'BD09'] as const;
export type Crs = (typeof CRS_NAMES)[number];

export type Position = [number, number];

/** Shanghai's administrative extent with a margin: anything converted outside it is a wrong-CRS or garbage coordinate. */
export const SHANGHAI_BBOX: readonly [number, number, number, number] = [120.8, 30.6, 122.2, 31.9];

const GCOORD_CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/** Converts one lon/lat position to WGS84, rounded to 1e-7° (~1 cm) so outputs are stable across runs. */
export function toWgs84([lon, lat]: Position, from: Crs): Position {
	if (from === 'WGS84') return [round7(lon), round7(lat)];
	const [x, y] = gcoord.transform([lon, lat], GCOORD_CRS[from], gcoord.WGS84) as Position;
	return [round7(x), round7(y)];
}

/** Converts from WGS84 into one of the Chinese systems (used when exporting, and to build test pairs). */
export function fromWgs84([lon, lat]: Position, to: Crs): Position {
	if (to === 'WGS84') return [lon, lat];
	return gcoord.transform([lon, lat], gcoord.WGS84, GCOORD_CRS[to]) as Position;
}

export function isInShanghai([lon, lat]: Position): boolean {
	const [w, s, e, n] = SHANGHAI_BBOX;
	return lon >= w && lon <= e && lat >= s && lat <= n;
}

function round7(v: number): number {
	return Math.round(v * 1e7) / 1e7;
}
