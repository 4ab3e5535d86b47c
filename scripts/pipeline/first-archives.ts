// A district's first archives: in a build of several districts, the map of one district opens on
// these and takes the full archives once it is idle (src/lib/map/first-archives.ts), so a reader of
// one district does not pay for the others in the first view.
import type { Feature } from 'geojson';
import type { LayerDef } from '../../src/lib/layers';
import { districtMask } from '../../src/lib/layers/district';
import { bbox } from '@turf/turf';
import { intersectsArea, ringsOf } from '../../src/lib/geo/geometry';
import type { Covered } from './districts';

/**
 * Whether a feature of a layer belongs in a district's first archive: it lies in that district, or touches
 * its context (the district and the buffer round it, `context_buffer_m`). That is the rule a build
 * of the district alone clips every layer by (clipToCoverage), so the first archive holds what such
 * a build's archive of the same layers holds, and its first view costs what that build's does. A feature
 * other districts share is kept where it reaches this one: the historic area's outline, said to
 * lie in Hunan (where its middle is), reaches far into Tianping, so it frames both first views
 * with no exception for it. Features of another district beyond the buffer, and of the context of
 * another district alone, wait for the full archive. Of the masks (one per choice, each over the
 * frame of every district) the first archive holds the one its map draws, this district's.
 */
export function inFirstArchive(covered: Covered, layer?: LayerDef): (feature: Feature) => boolean {
	const id = covered.district.id;
	if (layer?.id === districtMask.id) return (feature) => feature.properties?.d === id;
	const box = bbox(covered.context);
	const rings = ringsOf(covered.context.geometry);
	return (feature) => {
		if (feature.properties?.district === id) return true;
		if (!feature.geometry) return false;
		const [w, s, e, n] = bbox(feature);
		if (w > box[2] || e < box[0] || s > box[3] || n < box[1]) return false;
		return intersectsArea(feature.geometry, rings);
	};
}
