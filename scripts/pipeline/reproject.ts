import type { Crs } from '../../src/lib/geo/crs';
import { isInShanghai, toWgs84 } from '../../src/lib/geo/crs';
import { mapPositions, positionsOf } from '../../src/lib/geo/geometry';
import type { SourceEntry } from './manifest';
import type { Rejection } from './report';
import type { SourceFeature, Validated } from './validate';

/**
 * Converts every accepted feature to WGS84. A feature any of whose positions lands outside
 * Shanghai after conversion is rejected: that is what a wrong declared CRS, swapped lon/lat
 * or a zero coordinate look like.
 */
export function reprojectFeatures(entry: Pick<SourceEntry, 'id' | 'file' | 'crs'>, features: SourceFeature[]): Validated {
	const accepted: SourceFeature[] = [];
	const rejected: Rejection[] = [];
	for (const feature of features) {
		const raw = positionsOf(feature.geometry);
		if (raw.every(([x, y]) => x === 0 && y === 0)) {
			rejected.push({ source: entry.id, file: entry.file, index: feature.index, id: feature.id, reason: 'missing coordinates (0, 0 placeholder)' });
			continue;
		}
		const geometry = mapPositions(feature.geometry, (p) => toWgs84(p, entry.crs as Crs));
		const outside = positionsOf(geometry).find((p) => !isInShanghai(p));
		if (outside) {
			const at = raw[0];
			rejected.push({
				source: entry.id,
				file: entry.file,
				index: feature.index,
				id: feature.id,
				reason: `outside Shanghai after ${entry.crs}→WGS84 conversion (${outside.map((v) => v.toFixed(5)).join(', ')}; raw ${at?.join(', ')}): wrong CRS or bad coordinates`
			});
			continue;
		}
		accepted.push({ ...feature, geometry });
	}
	return { accepted, rejected };
}
