/**
 * An imported layer → a CSV that `npm run register -- import <layer> <file>` accepts: the file's
 * own columns under their own headers, each row's position as 经度/纬度 in WGS84 with 坐标系 =
 * WGS84, and 定位方式 = hand where a planner put the point in place by hand. Pure.
 *
 * The file's coordinate columns (whatever they were called: lon, x, 经度(GCJ02)…) are overwritten
 * in place by 经度 and 纬度, and any other column the register import would read as a longitude,
 * latitude, coordinate system or placement is replaced or dropped, so no row carries two
 * positions. The importer's own properties (`_record`, `_geocode_*`) and the marks of a move by
 * hand (`_placed_by`, `_moved_*`) are not columns of the file and are left out.
 */
import type { Feature } from 'geojson';
import { representativePoint } from '../analysis/representative';
import { REGISTER_ROWS, rowColumns } from '../schema/register-row';
import type { RegisterId } from '../schema/register';
import { findLocationColumns, LAT_NAMES, LON_NAMES, normalizeHeader } from './csv-columns';
import { HAND_PROPERTIES } from '../state/imported';
import { RESERVED_PROPERTIES } from './types';

/** What the conversion needs of an imported layer (src/lib/state/imported.ts). */
export interface RegisterSource {
	name: string;
	features: Feature[];
	/** The file's columns in order; when absent, the properties' keys in first-seen order. */
	columns?: string[];
	/** The columns that held the coordinates; when absent, found from the column names as the CSV importer finds them. */
	coordinateColumns?: { lon: string; lat: string } | null;
	format?: 'csv' | 'geojson' | null;
}

type Role = 'lon' | 'lat' | 'crs' | 'placed_by';
const ROLES: Role[] = ['lon', 'lat', 'crs', 'placed_by'];
const OWN = new Set<string>([...RESERVED_PROPERTIES, ...HAND_PROPERTIES]);
const HAND_WORDS = new Set(['hand', '手工', 'byhand']);

/** A header as the register import compares it (NFKC, lower case, bracketed note dropped), spaces and underscores ignored. */
const headerKey = (name: string) => normalizeHeader(name).replace(/[\s_-]+/g, '');

let roles: { headers: Record<Role, string>; names: Map<string, Role> } | null = null;
/** The register's headers for the four location columns and every name it knows them by, in any register. */
function registerRoles(): NonNullable<typeof roles> {
	if (roles) return roles;
	const headers = {} as Record<Role, string>;
	const names = new Map<string, Role>();
	for (const register of Object.keys(REGISTER_ROWS) as RegisterId[]) {
		for (const c of rowColumns(register)) {
			if (!(ROLES as string[]).includes(c.key)) continue;
			const role = c.key as Role;
			headers[role] ??= c.header.zh;
			for (const n of [c.key, c.header.zh, c.header.en, ...c.aliases]) names.set(headerKey(n), role);
		}
	}
	// The planning panel's own coordinate names too (lon, lng, x, 经度 …), so a column it read as a coordinate never survives beside 经度.
	for (const n of LON_NAMES) names.set(headerKey(n), 'lon');
	for (const n of LAT_NAMES) names.set(headerKey(n), 'lat');
	roles = { headers, names };
	return roles;
}

/** The file's columns, the importer's own left out. */
export function sourceColumns(layer: RegisterSource): string[] {
	if (layer.columns?.length) return layer.columns.filter((c) => !OWN.has(c));
	const seen = new Set<string>();
	for (const f of layer.features) for (const k of Object.keys(f.properties ?? {})) if (!OWN.has(k)) seen.add(k);
	return [...seen];
}

/** The columns that held the layer's coordinates: as recorded at import, else as the CSV importer finds them by name. */
export function coordinateColumnsOf(layer: RegisterSource, columns = sourceColumns(layer)): { lon: string; lat: string } | null {
	if (layer.coordinateColumns !== undefined) return layer.coordinateColumns;
	if (layer.format === 'geojson') return null;
	const found = findLocationColumns(columns);
	return found.ok && found.columns.lon !== null && found.columns.lat !== null ? { lon: columns[found.columns.lon], lat: columns[found.columns.lat] } : null;
}

/** Output columns: the file's, with the location columns put in place (the first of each) or appended. */
export function registerColumns(layer: RegisterSource): Array<{ header: string; from: string | null; role: Role | null }> {
	const { headers, names } = registerRoles();
	const columns = sourceColumns(layer);
	const coordinates = coordinateColumnsOf(layer, columns);
	const out: Array<{ header: string; from: string | null; role: Role | null }> = [];
	const placed = new Set<Role>();
	for (const name of columns) {
		const role: Role | null = name === coordinates?.lon ? 'lon' : name === coordinates?.lat ? 'lat' : (names.get(headerKey(name)) ?? null);
		if (!role) out.push({ header: name, from: name, role: null });
		else if (!placed.has(role) && (role === 'crs' || role === 'placed_by' || !coordinates || name === coordinates[role])) {
			out.push({ header: headers[role], from: name, role });
			placed.add(role);
		}
		// Any further column of the same role (a second pair of coordinates, a lone lat beside an address) is dropped.
	}
	for (const role of ROLES) if (!placed.has(role)) out.push({ header: headers[role], from: null, role });
	return out;
}

/** True when the feature was put in place by a person: moved in the panel, or a row of the file already marked so and placed by its coordinates. */
function placedByHand(feature: Feature, original: unknown): boolean {
	if (feature.properties?._placed_by === 'hand') return true;
	const said = typeof original === 'string' && HAND_WORDS.has(original.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ''));
	return said && feature.properties?._geocode_method === undefined;
}

const round7 = (v: number) => String(Math.round(v * 1e7) / 1e7);

/**
 * The CSV text (UTF-8 with a BOM so Excel reads the Chinese; CRLF rows; RFC 4180 quoting; text a
 * spreadsheet would run as a formula defused with an apostrophe, as every export of the portal
 * does). Rows in the file's order; a feature without a position (none comes from the importer)
 * gets empty coordinates.
 */
export function toRegisterCsv(layer: RegisterSource): string {
	const columns = registerColumns(layer);
	const features = [...layer.features].sort((a, b) => Number(a.properties?._record ?? 0) - Number(b.properties?._record ?? 0));
	const rows = features.map((f) => {
		const p = f.properties ?? {};
		const at = representativePoint(f.geometry);
		return columns.map((c) => {
			switch (c.role) {
				case 'lon':
					return at ? round7(at[0]) : '';
				case 'lat':
					return at ? round7(at[1]) : '';
				case 'crs':
					return at ? 'WGS84' : '';
				case 'placed_by':
					return placedByHand(f, c.from !== null ? p[c.from] : undefined) ? 'hand' : '';
				default:
					return cell(p[c.from!]);
			}
		});
	});
	return '\uFEFF' + [columns.map((c) => cell(c.header)), ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/** The download's name: the file's own, marked for the register import (加梯.csv → 加梯-register.csv). */
export function registerFileName(name: string): string {
	const stem = name.replace(/\.[^./\\]*$/, '') || 'imported';
	return `${stem}-register.csv`;
}

function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
