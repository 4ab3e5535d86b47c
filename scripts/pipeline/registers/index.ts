import type { Feature } from 'geojson';
import type { RegisterId } from '../../../src/lib/schema/register';
import type { Rejection, SourceCount } from '../report';
import { openFacilities, type OpenFacilities, type OpenFacilityInput } from './open-facilities';
import { placeRegister, type Geocode, type RegisterFeature, type Unplaced } from './place';
import { readRegister, REGISTER_IDS } from './read';

export { REGISTER_IDS } from './read';
export type { Unplaced } from './place';

export interface RegisterLayers {
	/** Layer id (= register id) → features inside the build's context area, flagged `in_district`. */
	layers: Map<RegisterId, RegisterFeature[]>;
	counts: SourceCount[];
	rejected: Rejection[];
	unplaced: Unplaced[];
	open: OpenFacilities['counts'];
	/**
	 * Every placed facility, not clipped to the district: people walk across its edge, so the
	 * walk feature must know the clinic 600 m beyond it too.
	 */
	walkFacilities: RegisterFeature[];
}

type Clip = <F extends Feature>(features: F[]) => Array<F & { properties: { in_district: boolean } }>;

/**
 * read → validate → place (pin or geocode) → clip, for every register; facilities also
 * gain the open-data places. Count law per register: read = accepted + rejected, and
 * accepted = placed (inside or outside the build area) + unplaced.
 */
export function buildRegisterLayers(input: { repoRoot: string; geocode: Geocode; clip: Clip; open: OpenFacilityInput }): RegisterLayers {
	const layers = new Map<RegisterId, RegisterFeature[]>();
	const walkFacilities: RegisterFeature[] = [];
	const counts: SourceCount[] = [];
	const rejected: Rejection[] = [];
	const unplaced: Unplaced[] = [];
	for (const id of REGISTER_IDS) {
		const read = readRegister(input.repoRoot, id);
		const placed = placeRegister(id, read.records, input.geocode);
		const kept = input.clip(placed.features);
		if (id === 'facilities') walkFacilities.push(...placed.features);
		layers.set(id, kept);
		counts.push({ ...read.count, outsideArea: placed.features.length - kept.length });
		rejected.push(...read.rejected);
		unplaced.push(...placed.unplaced);
	}
	const open = openFacilities({ ...input.open, placed: walkFacilities });
	layers.set('facilities', [...layers.get('facilities')!, ...input.clip(open.features)]);
	walkFacilities.push(...open.features);
	return { layers, counts, rejected, unplaced, open: open.counts, walkFacilities };
}
