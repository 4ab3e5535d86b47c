import type { Feature } from 'geojson';
import type { RegisterId } from '../../../src/lib/schema/register';
import type { Rejection, SourceCount } from '../report';
import { openFacilities, type OpenFacilities, type OpenFacilityInput } from './open-facilities';
import { placeRegister, type Geocode, type RegisterFeature, type Unplaced } from './place';
import { readRegister, REGISTER_IDS } from './read';
import { bibliographyIndex, bibliographyPath, loadBibliography } from '../bibliography';

export { REGISTER_IDS } from './read';
export type { Unplaced } from './place';

export interface RegisterLayers {
	/** Layer id (= register id) → features inside the build's context area, with the district each lies in. */
	layers: Map<RegisterId, RegisterFeature[]>;
	counts: SourceCount[];
	rejected: Rejection[];
	unplaced: Unplaced[];
	open: OpenFacilities['counts'];
	/** Records whose source names one subdistrict while the point lies in another: reported, never trusted silently. */
	mismatches: DistrictMismatch[];
	/**
	 * Every placed facility, not clipped to the district: people walk across its edge, so the
	 * walk feature must know the clinic 600 m beyond it too.
	 */
	walkFacilities: RegisterFeature[];
}

type Clip = <F extends Feature>(features: F[]) => Array<F & { properties: { in_district: boolean; district: string | null } }>;

export interface DistrictMismatch {
	register: RegisterId;
	id: string;
	name_zh: string;
	/** The subdistrict the source names. */
	claimed: string;
	/** The covered subdistrict the point lies in; null: in none of them (the claimed one is covered). */
	lies_in: string | null;
}

/**
 * read → validate → place (pin or geocode) → clip, for every register; facilities also
 * gain the open-data places. Count law per register: read = accepted + rejected, and
 * accepted = placed (inside or outside the build area) + unplaced.
 */
export function buildRegisterLayers(input: { repoRoot: string; geocode: Geocode; clip: Clip; open: OpenFacilityInput; districts: readonly string[] }): RegisterLayers {
	const layers = new Map<RegisterId, RegisterFeature[]>();
	const walkFacilities: RegisterFeature[] = [];
	const counts: SourceCount[] = [];
	const rejected: Rejection[] = [];
	const unplaced: Unplaced[] = [];
	const mismatches: DistrictMismatch[] = [];
	const newsletters = bibliographyIndex(loadBibliography(bibliographyPath(input.repoRoot)));
	for (const id of REGISTER_IDS) {
		const read = readRegister(input.repoRoot, id);
		const placed = placeRegister(id, read.records, input.geocode, newsletters);
		const kept = input.clip(placed.features);
		for (const f of kept) {
			const { source_district: claimed, district: liesIn } = f.properties as unknown as { source_district: string; district: string | null };
			// A point in the context of a district this build does not cover says nothing against its claim.
			if (claimed !== liesIn && (liesIn !== null || input.districts.includes(claimed))) {
				mismatches.push({ register: id, id: String(f.properties.id), name_zh: String(f.properties.name_zh), claimed, lies_in: liesIn });
			}
		}
		if (id === 'facilities') walkFacilities.push(...placed.features);
		layers.set(id, kept);
		counts.push({ ...read.count, outsideArea: placed.features.length - kept.length });
		rejected.push(...read.rejected);
		unplaced.push(...placed.unplaced);
	}
	const open = openFacilities({ ...input.open, placed: walkFacilities });
	layers.set('facilities', [...layers.get('facilities')!, ...input.clip(open.features)]);
	walkFacilities.push(...open.features);
	return { layers, counts, rejected, unplaced, open: open.counts, walkFacilities, mismatches };
}
