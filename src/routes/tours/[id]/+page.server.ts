import { tourEntries } from '$lib/server/places/routes';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = tourEntries;
