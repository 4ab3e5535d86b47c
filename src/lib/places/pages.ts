/**
 * Which features have a page of their own (`/places/<id>`): every protected building, former
 * residence, never-widened road and facility — bus stops aside, which are named after the crossing
 * they stand at and say nothing a page could add. The build and the map's side panel both ask here.
 */
export const PLACE_LAYERS = ['protected-buildings', 'former-residences', 'never-widened-roads', 'facilities'] as const;

export function hasPlacePage(layer: string, id: string, props: Record<string, unknown> = {}): boolean {
	if (!(PLACE_LAYERS as readonly string[]).includes(layer)) return false;
	if (layer !== 'facilities') return true;
	return !(id.startsWith('bus-') || props.dataset === 'osm-streets');
}
