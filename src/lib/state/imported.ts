/**
 * Imported layers kept in the browser (IndexedDB) until the user deletes them. Nothing is
 * uploaded: the file is read, checked and drawn on this machine only.
 */
import type { Feature } from 'geojson';

export interface ImportedLayer {
	id: string;
	name: string;
	crs: string;
	created: string;
	features: Feature[];
	/** What the import reported, kept so the list can say it again. */
	errors: Array<{ line: number | null; record: number; reason: string }>;
	colour: string;
	/** The file's columns in order (the CSV header, or the GeoJSON property keys), as the importer named them. Absent in layers saved before it was kept. */
	columns?: string[];
	/** How the file was read; with `columns`, enough to tell which columns held the coordinates (src/lib/import/register-rows.ts). */
	format?: 'csv' | 'geojson' | null;
}

/**
 * What a move by hand adds to a feature's properties (beside the importer's `_record`,
 * `_geocode_*`): `_placed_by: 'hand'`, `_moved_from: [lon, lat]` (where the point was before the
 * first move by hand) and `_moved_at` (ISO time of the latest move).
 */
export const HAND_PROPERTIES = ['_placed_by', '_moved_from', '_moved_at'] as const;

const DB = 'hengfu-heritage-map';
const STORE = 'imported-layers';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
	});
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const req = work(db.transaction(STORE, mode).objectStore(STORE));
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
	} finally {
		db.close();
	}
}

export const listImported = () => run<ImportedLayer[]>('readonly', (s) => s.getAll() as IDBRequest<ImportedLayer[]>).then((all) => all.sort((a, b) => (a.created < b.created ? -1 : 1)));
/** Adds or replaces a layer. A plain object only: pass `$state.snapshot(layer)`, since a reactive proxy cannot be stored. */
export const saveImported = (layer: ImportedLayer) => run('readwrite', (s) => s.put(layer));
export const deleteImported = (id: string) => run('readwrite', (s) => s.delete(id));

/** Distinct colours for imported layers, apart from the registry's own. */
export const IMPORT_COLOURS = ['#d6336c', '#7048e8', '#1098ad', '#f08c00', '#37b24d', '#495057'];
