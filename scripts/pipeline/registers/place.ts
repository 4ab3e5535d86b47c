import type { Feature, Point } from 'geojson';
import { toWgs84, type Position } from '../../../src/lib/geo/crs';
import type { GeocodeResult } from '../../../src/lib/geo/geocode';
import { geocodeMessage } from '../../../src/lib/geo/geocode-message';
import { english, msg, type Message } from '../../../src/lib/i18n/messages';
import { citationText, citedNewsletter, type BibliographyEntry } from '../../../src/lib/schema/bibliography';
import { sourceKind, type ImportedFrom, type RegisterId, type RegisterRecord } from '../../../src/lib/schema/register';

export type Geocode = (address: string) => GeocodeResult;

/** A record the build could not put on the map, and why; listed in the build report and the catalogue. */
export interface Unplaced {
	register: RegisterId;
	id: string;
	name_zh: string;
	address: string | null;
	/** The subdistrict its source names: where the record belongs, though it has no point. */
	district: string;
	/** `no-address`, or the geocoder's problem code: what the UI translates. */
	code: string;
	/** In English; `message` is what pages render (absent in a report written before the catalogue). */
	reason: string;
	message?: Message;
}

export type RegisterFeature = Feature<Point, Record<string, unknown>>;

interface Placement {
	point: Position;
	method: 'exact' | 'interpolated' | 'street' | 'pinned';
	confidence: number;
	note: string;
}

/**
 * A pinned coordinate wins over the address (it carries its own source); then the placement an
 * import reviewed (so the map shows what was checked); otherwise the geocoder decides.
 */
export function placeRecord(record: RegisterRecord, geocode: Geocode): Placement | { code: string; reason: string; message: Message } {
	if (record.pin) {
		return { point: toWgs84([record.pin.lon, record.pin.lat], record.pin.crs), method: 'pinned', confidence: 1, note: `pinned: ${record.pin.source}` };
	}
	if (record.placement) {
		const { lon, lat, method, confidence, note, confirmed } = record.placement;
		return { point: [lon, lat], method, confidence, note: confirmed ? `${note}; confirmed at import` : note };
	}
	if (record.address === null) return unplacedBecause('no-address', msg('report.unplaced.noAddress'));
	const result = geocode(record.address);
	if (!result.ok) return unplacedBecause(result.code ?? 'geocoder', msg('report.unplaced.geocoder', { reason: geocodeMessage(result) }));
	const anchors = result.anchors.length ? `anchors: ${result.anchors.join(', ')}` : 'no anchors';
	return { point: result.point, method: result.method, confidence: round2(result.confidence), note: [result.note, anchors].filter(Boolean).join('; ') };
}

function unplacedBecause(code: string, message: Message): { code: string; reason: string; message: Message } {
	return { code, reason: english(message), message };
}

/** Every record either becomes a point feature or an `Unplaced` entry: none is dropped unseen. */
export function placeRegister(
	register: RegisterId,
	records: RegisterRecord[],
	geocode: Geocode,
	newsletters: ReadonlyMap<string, BibliographyEntry> = new Map()
): { features: RegisterFeature[]; unplaced: Unplaced[] } {
	const features: RegisterFeature[] = [];
	const unplaced: Unplaced[] = [];
	for (const record of records) {
		const placed = placeRecord(record, geocode);
		if ('reason' in placed) {
			unplaced.push({ register, id: record.id, name_zh: record.name_zh, address: record.address, district: record.district, code: placed.code, reason: placed.reason, message: placed.message });
			continue;
		}
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: placed.point },
			properties: {
				...commonProperties(record, newsletters),
				...registerProperties(record),
				geocode_method: placed.method,
				geocode_confidence: placed.confidence,
				geocode_note: placed.note
			}
		});
	}
	return { features, unplaced };
}

/**
 * A newsletter is shown by its headline and date (its key kept beside, for the bibliography on
 * /about); a public page by its URL; an import as "import".
 */
function citation(source: string, newsletters: ReadonlyMap<string, BibliographyEntry>): { source: string; source_key: string | null } {
	const entry = sourceKind(source) === 'newsletter' ? newsletters.get(source) : undefined;
	return entry ? { source: citationText(citedNewsletter(entry)), source_key: entry.key } : { source, source_key: null };
}

function commonProperties(r: RegisterRecord, newsletters: ReadonlyMap<string, BibliographyEntry>): Record<string, unknown> {
	return {
		id: r.id,
		name_zh: r.name_zh,
		name_en: r.name_en ?? null,
		// The subdistrict the source names; the clip adds `district`, where the point lies.
		source_district: r.district,
		address: r.address,
		note_zh: r.note_zh ?? null,
		note_en: r.note_en ?? null,
		...citation(r.source, newsletters),
		date: r.date,
		quote: r.quote ?? null,
		source_publisher: r.publisher ?? null,
		source_read: r.read ?? null,
		source_strength: r.strength ?? null,
		imported_from: r.imported ? importedText(r.imported) : null
	};
}

/** Where an imported record came from, as its clerk would look for it: file › sheet › row, and the day. */
export function importedText(i: ImportedFrom): string {
	return `${i.file}${i.sheet ? ` › ${i.sheet}` : ''} › row ${i.row} (imported ${i.date})`;
}

/** The flat, tile-friendly properties of each register's own fields. */
function registerProperties(r: RegisterRecord): Record<string, unknown> {
	if ('category' in r) {
		return {
			category: r.category,
			categories: r.categories.join(' '),
			// Chinese readers get the seed's own words; English readers the number with its unit.
			facts_zh: r.facts?.map((f) => f.quote).join('；') ?? null,
			facts_en: r.facts?.map((f) => `${f.value.toLocaleString('en')} ${f.unit}`).join('; ') ?? null,
			origin: 'register',
			dataset: 'register:facilities'
		};
	}
	const out: Record<string, unknown> = { kind: r.kind };
	if ('status_history' in r) {
		const latest = r.status_history[r.status_history.length - 1];
		out.status = latest.status;
		out.status_date = latest.date;
		// The year of the latest status, for the planners' filter (dates may be YYYY, YYYY-MM or YYYY-MM-DD).
		out.year = latest.date.slice(0, 4);
		out.status_history = r.status_history.map((e) => `${e.date} ${e.status}`).join(' → ');
	} else {
		out.status = null;
		out.status_date = null;
		out.year = null;
		out.status_history = null;
	}
	if ('entrances' in r) out.entrances = r.entrances ?? null;
	return out;
}

function round2(v: number): number {
	return Math.round(v * 100) / 100;
}
