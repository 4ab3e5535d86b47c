import { hashBucket } from '../layers/details';

/**
 * Where a place's page data is published for clients (the offline app): `/data/places/<bucket>.json`,
 * `{ id: PlaceData }`, PLACE_BUCKETS files by an FNV-1a hash of the id. One file per place would be
 * a thousand requests to take a district offline; one file for all would be megabytes to read one.
 */
export const PLACE_BUCKETS = 32;

export const placeBucket = (id: string): string => hashBucket(id, PLACE_BUCKETS);

export const placeDataPath = (id: string) => `/data/places/${placeBucket(id)}.json`;

/** Every tour's page data, `{ id: TourPageData }`. */
export const TOURS_DATA_PATH = '/data/places/tours.json';
