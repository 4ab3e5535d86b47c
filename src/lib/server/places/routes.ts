/**
 * What the place and tour routes prerender (Chinese at /places, English at /en/places): every id.
 * Their data comes from the published data files (src/lib/places/load.ts).
 */
import { placeIds } from './place';
import { tourIds } from './tour';

export const placeEntries = () => placeIds().map((id) => ({ id }));
export const tourEntries = () => tourIds().map((id) => ({ id }));
