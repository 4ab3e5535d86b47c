import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { createHash } from 'node:crypto';
import { toWgs84 } from '../../../src/lib/geo/crs';
import type { GeocodeResult } from '../../../src/lib/geo/geocode';
import { geocodeMessage } from '../../../src/lib/geo/geocode-message';
import { bothLanguages, msg, type Message } from '../../../src/lib/i18n/messages';
import { IMPORT_SOURCE, type ImportedFrom, type RegisterId, type RegisterRecord } from '../../../src/lib/schema/register';
import { importedText } from '../../pipeline/registers/place';
import type { RowProblem, RowValues } from './rows';

export interface DistrictArea {
	id: 'tianping' | 'hunan';
	boundary: Feature<Polygon | MultiPolygon>;
	/** The boundary and the context around it the portal draws (300 m). */
	context: Feature<Polygon | MultiPolygon>;
}

export interface RecordInput {
	register: RegisterId;
	geocode: (address: string) => GeocodeResult;
	districts: DistrictArea[];
	/** The coordinate system of rows that do not name one (`--crs`). */
	crs: 'WGS84' | 'GCJ02' | 'BD09';
	file: string;
	/** The day of the import: every record's provenance. */
	today: string;
	/** Publish rows that wait for review (`--accept-review`). */
	acceptReview: boolean;
}

/** A row placed, but not to be published until a person confirms where it is. */
export interface ReviewItem {
	row: RowValues;
	record: RegisterRecord;
	zh: string;
	en: string;
}

export type RowOutcome = { record: RegisterRecord; row: RowValues } | { review: ReviewItem } | { problem: RowProblem };

/** Below this the geocoder's expected error is over 100 m: a person should look before the point is published. */
export const REVIEW_CONFIDENCE = 0.5;

const PREFIX: Record<RegisterId, string> = { 'elevator-retrofits': 'elevator', 'fire-sprinklers': 'sprinkler', 'charging-sites': 'charging', facilities: 'facility' };

/**
 * The record's id: the file's own, else one made from where it is and what it is (address, or
 * coordinates, and kind or category), so a newer file with the same rows updates the records.
 */
export function stableId(register: RegisterId, v: Record<string, unknown>): string {
	if (typeof v.id === 'string') return v.id;
	const what = String(v.kind ?? v.category ?? '');
	const where = typeof v.address === 'string' ? v.address.normalize('NFKC').replace(/\s+/g, '').replace(/^(上海市)?(徐汇区)?/, '') : `${Number(v.lon).toFixed(5)},${Number(v.lat).toFixed(5)}`;
	return `${PREFIX[register]}-${createHash('sha256').update(`${what}|${where}`).digest('hex').slice(0, 10)}`;
}

/** One valid row → a register record (placed, cited, in its district), a review item, or a problem. */
export function recordOf(row: RowValues, input: RecordInput): RowOutcome {
	const v = row.values;
	const imported: ImportedFrom = { file: input.file, sheet: row.sheet, row: row.row, date: input.today };
	const problem = (column: string | null, message: Message): RowOutcome => ({ problem: { sheet: row.sheet, row: row.row, column, ...bothLanguages(message) } });

	// A project has a status (a guidance centre is a place, not a project); a status has its date.
	if (input.register !== 'facilities' && v.kind !== 'guidance-centre' && !v.status) return problem('进度', msg('register.needsStatus'));
	if (v.status && !v.status_date) return problem('进度日期', msg('register.needsStatusDate'));

	let point: [number, number];
	let place: Pick<RegisterRecord, 'pin' | 'placement'>;
	let unsure: { zh: string; en: string } | null = null;
	if (typeof v.lon === 'number' && typeof v.lat === 'number') {
		const crs = (v.crs as RecordInput['crs'] | undefined) ?? input.crs;
		point = toWgs84([v.lon, v.lat], crs) as [number, number];
		const how = v.placed_by === 'hand' ? 'placed by hand on the map; ' : '';
		place = { pin: { lon: v.lon, lat: v.lat, crs, source: `${how}import: ${importedText(imported)}` } };
	} else {
		const address = String(v.address);
		const found = input.geocode(address);
		if (!found.ok) return problem('地址', msg('register.addressNotPlaced', { address, reason: geocodeMessage(found) }));
		point = found.point as [number, number];
		const note = [found.note, found.anchors.length ? `anchors: ${found.anchors.join(', ')}` : 'no anchors'].filter(Boolean).join('; ');
		place = { placement: { lon: round6(point[0]), lat: round6(point[1]), method: found.method, confidence: found.confidence, note } };
		if (found.method === 'street' || found.confidence < REVIEW_CONFIDENCE) {
			unsure = bothLanguages(found.method === 'street' ? msg('register.unsureStreet') : msg('register.unsureConfidence', { confidence: String(found.confidence) }));
		}
	}

	const claimed = v.district as DistrictArea['id'] | undefined;
	const inside = input.districts.find((d) => booleanPointInPolygon(point, d.boundary));
	const district = claimed ?? inside?.id;
	const area = input.districts.find((d) => d.id === district);
	let outside: { zh: string; en: string } | null = null;
	if (!district || !area) outside = bothLanguages(msg('register.inNoDistrict'));
	else if (!booleanPointInPolygon(point, area.context)) outside = bothLanguages(msg('register.outsideDistrict', { district }));

	const record = buildRecord(input.register, v, { district: district ?? input.districts[0].id, imported, place });
	const doubts = [unsure, outside].filter((d): d is { zh: string; en: string } => d !== null);
	// A point a person put in place by hand is their decision: it needs no second look.
	if (doubts.length && !v.confirmed && v.placed_by !== 'hand' && !input.acceptReview) {
		return { review: { row, record, zh: doubts.map((d) => d.zh).join('；'), en: doubts.map((d) => d.en).join('; ') } };
	}
	if (doubts.length && record.placement) record.placement.confirmed = true;
	if (doubts.length && record.pin) record.pin.source += '; position confirmed at import';
	return { record, row };
}

function buildRecord(register: RegisterId, v: Record<string, unknown>, at: { district: DistrictArea['id']; imported: ImportedFrom; place: Pick<RegisterRecord, 'pin' | 'placement'> }): RegisterRecord {
	const citation = { source: IMPORT_SOURCE, date: String(v.status_date ?? at.imported.date), imported: at.imported };
	const base: Record<string, unknown> = {
		id: stableId(register, v),
		district: at.district,
		name_zh: v.name_zh,
		...(v.name_en ? { name_en: v.name_en } : {}),
		address: (v.address as string | undefined) ?? null,
		...at.place,
		...(v.note_zh ? { note_zh: v.note_zh } : {}),
		...(v.note_en ? { note_en: v.note_en } : {}),
		...citation
	};
	if (register === 'facilities') {
		const category = v.category as string;
		const others = ((v.other_categories as string[] | undefined) ?? []).filter((c) => c !== category);
		return { ...base, category, categories: [category, ...new Set(others)] } as RegisterRecord;
	}
	const kind = (v.kind as string | undefined) ?? (register === 'fire-sprinklers' ? 'installation' : undefined);
	const out: Record<string, unknown> = { ...base, kind };
	if (v.status) out.status_history = [{ status: v.status, ...citation }];
	if (v.entrances !== undefined) out.entrances = v.entrances;
	return out as RegisterRecord;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
