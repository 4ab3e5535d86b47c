import type { BBox } from 'geojson';
import type { Crs, Position } from '../../src/lib/geo/crs';
import { isInShanghai, toWgs84 } from '../../src/lib/geo/crs';
import { mapPositions, positionsOf } from '../../src/lib/geo/geometry';
import type { SourceEntry } from './manifest';
import { msg } from '../../src/lib/i18n/messages';
import { refused, type Rejection } from './report';
import type { SourceFeature, Validated } from './validate';

/** How far the Chinese systems move a Shanghai point at most (BD-09: ~1.2 km), with a margin. */
const MAX_SHIFT_DEG = 0.02;

/**
 * Converts accepted features to WGS84. A feature any of whose positions lands outside
 * Shanghai after conversion is rejected: that is what a wrong declared CRS, swapped lon/lat
 * or a zero coordinate look like.
 *
 * With `area`, features whose raw extent lies wholly outside it (grown by the largest CRS
 * shift) are valid but not needed: they are left out of `accepted` and counted in `skipped`,
 * which keeps a district build from converting all of Shanghai.
 */
export function reprojectFeatures(
	entry: Pick<SourceEntry, 'id' | 'file' | 'crs'>,
	features: SourceFeature[],
	area?: BBox
): Validated & { skipped: number } {
	let skipped = 0;
	const accepted: SourceFeature[] = [];
	const rejected: Rejection[] = [];
	for (const feature of features) {
		const raw = positionsOf(feature.geometry);
		if (raw.every(([x, y]) => x === 0 && y === 0)) {
			rejected.push(refused({ source: entry.id, file: entry.file, index: feature.index, id: feature.id }, msg('report.noCoordinates')));
			continue;
		}
		if (area && disjoint(raw, area, entry.crs === 'WGS84' ? 0 : MAX_SHIFT_DEG) && raw.every(isInShanghai)) {
			skipped++;
			continue;
		}
		const geometry = mapPositions(feature.geometry, (p) => toWgs84(p, entry.crs as Crs));
		const outside = positionsOf(geometry).find((p) => !isInShanghai(p));
		if (outside) {
			const at = raw[0];
			const where = { at: outside.map((v) => v.toFixed(5)).join(', '), raw: at?.join(', ') ?? '' };
			const message = entry.crs === 'WGS84' ? msg('report.outsidePublished', where) : msg('report.outsideConverted', { ...where, crs: entry.crs });
			rejected.push(refused({ source: entry.id, file: entry.file, index: feature.index, id: feature.id }, message));
			continue;
		}
		accepted.push({ ...feature, geometry });
	}
	return { accepted, rejected, skipped };
}

/** Whether the positions' bounding box misses the area grown by `margin` degrees. */
function disjoint(positions: Position[], [w, s, e, n]: BBox, margin: number): boolean {
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of positions) {
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	}
	return maxX < w - margin || minX > e + margin || maxY < s - margin || minY > n + margin;
}
