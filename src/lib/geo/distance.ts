/**
 * Equirectangular measures: over a few kilometres they are within a metre of the geodesic
 * and far cheaper than turf's, which matters inside the pipeline's matching loops.
 */
export const METRES_PER_DEGREE = (Math.PI / 180) * 6_371_008.8;

/** Distance in metres between two lon/lat points. */
export function metres(a: [number, number], b: [number, number]): number {
	const kx = METRES_PER_DEGREE * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
	return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * METRES_PER_DEGREE);
}
