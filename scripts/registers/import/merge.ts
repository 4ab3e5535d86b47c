import { IMPORT_SOURCE, type RegisterRecord } from '../../../src/lib/schema/register';

/** What an import changes in a register, record by record and field by field. */
export interface RegisterDiff {
	added: string[];
	changed: Array<{ id: string; fields: Array<{ field: string; before: unknown; after: unknown }> }>;
	unchanged: string[];
	/** Imported records the file no longer has: kept, unless `--replace` removed them. */
	missing: string[];
	removed: string[];
}

export interface Merged {
	records: RegisterRecord[];
	diff: RegisterDiff;
	/** Rows whose id names a record cited from a newsletter or a page: an import never overwrites those. */
	refused: Array<{ id: string; source: string }>;
}

/** Where a record was imported from and when: it changes with every import, so it is not a change of the record. */
const PROVENANCE = new Set(['imported', 'date', 'source']);

type Loose = Record<string, unknown> & { id: string; status_history?: Array<Record<string, unknown>> };

/**
 * The register after an import: new ids added; imported records updated in place (a new status
 * is appended to the history, so the record keeps what it went through); records cited from
 * newsletters or public pages left alone; imported records the file lacks kept unless `replace`.
 */
export function mergeImport(current: readonly RegisterRecord[], incoming: readonly RegisterRecord[], replace: boolean): Merged {
	const diff: RegisterDiff = { added: [], changed: [], unchanged: [], missing: [], removed: [] };
	const refused: Merged['refused'] = [];
	const byId = new Map(current.map((r) => [r.id, r as unknown as Loose]));
	const next = new Map<string, Loose>(byId);
	const seen = new Set<string>();
	for (const record of incoming as unknown as Loose[]) {
		seen.add(record.id);
		const before = byId.get(record.id);
		if (!before) {
			next.set(record.id, record);
			diff.added.push(record.id);
			continue;
		}
		if (before.source !== IMPORT_SOURCE) {
			refused.push({ id: record.id, source: String(before.source) });
			continue;
		}
		const after = withHistory(before, record);
		const fields = changedFields(before, after);
		if (fields.length === 0) diff.unchanged.push(record.id);
		else {
			next.set(record.id, after);
			diff.changed.push({ id: record.id, fields });
		}
	}
	for (const r of current) {
		if (r.source !== IMPORT_SOURCE || seen.has(r.id)) continue;
		if (replace) {
			next.delete(r.id);
			diff.removed.push(r.id);
		} else diff.missing.push(r.id);
	}
	return { records: [...next.values()] as unknown as RegisterRecord[], diff, refused };
}

/** The incoming record, with the earlier history kept and the new status appended when it moved on. */
function withHistory(before: Loose, incoming: Loose): Loose {
	if (!incoming.status_history || !before.status_history?.length) return incoming;
	const last = before.status_history[before.status_history.length - 1];
	const now = incoming.status_history[0];
	const same = last.status === now.status && last.date === now.date;
	return { ...incoming, status_history: same ? before.status_history : [...before.status_history, now] };
}

function changedFields(before: Loose, after: Loose): RegisterDiff['changed'][number]['fields'] {
	const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !PROVENANCE.has(k));
	return keys
		.filter((k) => JSON.stringify(comparable(k, before[k])) !== JSON.stringify(comparable(k, after[k])))
		.map((field) => ({ field, before: before[field], after: after[field] }));
}

/** Positions and histories compared without the provenance they carry. */
function comparable(key: string, value: unknown): unknown {
	if (key === 'pin' && value) return { ...(value as object), source: undefined };
	if (key === 'status_history' && Array.isArray(value)) return value.map((e) => ({ status: e.status, date: e.date }));
	return value;
}
