import type { ShlRecord } from '../shl';

/** shl/excellent_historic_buildings.json: the list with what an earlier collector added to it. */
export interface ShlDocument {
	metadata: Record<string, unknown>;
	data: ShlRecord[];
}

/** Fields the earlier collector matched from Wikipedia; the API does not send them. */
const ENRICHMENT = ['batch', 'construction_year', 'wiki_url', 'photo_url', 'csv_names'];

/**
 * The API's records, in its order, each followed by the enrichment the current file holds for
 * the same uri (a record the API renamed keeps its Wikipedia match: the uri is the identity).
 * The metadata's counts are recomputed; what only the collector knew (match scores) is kept.
 */
export function mergeShl(records: ShlRecord[], previous: ShlDocument | null, today: string, notes: string[]): ShlDocument {
	const fields = stringList(previous?.metadata?.fields_added_for_matches) ?? ENRICHMENT;
	const before = new Map((previous?.data ?? []).map((r) => [r.uri, r]));
	const data = records.map((record) => {
		const own = Object.fromEntries(Object.entries(record).filter(([k]) => !fields.includes(k))) as ShlRecord;
		const old = before.get(record.uri);
		if (!old || !fields.some((f) => f in old)) return own;
		return { ...own, ...Object.fromEntries(fields.filter((f) => f in old).map((f) => [f, old[f]])) } as ShlRecord;
	});
	const matched = data.filter((r) => fields.some((f) => f in r)).length;
	const listed = new Set(records.map((r) => r.uri));
	const lost = (previous?.data ?? []).filter((r) => fields.some((f) => f in r) && !listed.has(r.uri)).length;
	if (lost) notes.push(`${lost} enriched record${lost > 1 ? 's are' : ' is'} no longer in the list; their enrichment went with them`);
	const metadata: Record<string, unknown> = { ...(previous?.metadata ?? { title: 'Shanghai excellent historic buildings (上海市优秀历史建筑)', source: 'Shanghai Library Data' }) };
	metadata.total_records = data.length;
	if (previous) {
		metadata.matched_records = matched;
		metadata.unmatched_records = data.length - matched;
		metadata.match_rate = data.length ? `${((matched / data.length) * 100).toFixed(1)}%` : '0.0%';
		if (metadata.batch_distribution) metadata.batch_distribution = countBy(data, 'batch', metadata.batch_distribution as Record<string, number>);
	}
	metadata.refreshed_date = today;
	metadata.refresh_note = `Records refreshed from the Shanghai Library open-data API (getArchitectures) by npm run sources:refresh on ${today}; enrichment fields (${fields.join(', ')}) kept by record uri, so records new to the list have none.`;
	return { metadata, data };
}

function countBy(records: ShlRecord[], field: string, order: Record<string, number>): Record<string, number> {
	const counts: Record<string, number> = Object.fromEntries(Object.keys(order).map((k) => [k, 0]));
	for (const r of records) if (typeof r[field] === 'string' && r[field]) counts[r[field] as string] = (counts[r[field] as string] ?? 0) + 1;
	return counts;
}

function stringList(value: unknown): string[] | null {
	return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
}
