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
}

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
export const saveImported = (layer: ImportedLayer) => run('readwrite', (s) => s.put(layer));
export const deleteImported = (id: string) => run('readwrite', (s) => s.delete(id));

/** Distinct colours for imported layers, apart from the registry's own. */
export const IMPORT_COLOURS = ['#d6336c', '#7048e8', '#1098ad', '#f08c00', '#37b24d', '#495057'];
