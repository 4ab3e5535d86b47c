/**
 * Which CSV columns say where a row is: by header name, case-insensitive, English or Chinese,
 * ignoring a bracketed note such as "经度(GCJ02)" or "lon [deg]".
 */

import { msg, type Message } from '../i18n/messages';
import { clip, quote } from './messages';

export const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度'] as const;
export const LAT_NAMES = ['lat', 'latitude', 'y', '纬度'] as const;
export const ADDRESS_NAMES = ['address', 'addr', '地址', '门牌', '门牌号', '门牌地址', '详细地址'] as const;

export interface LocationColumns {
	/** Column indexes; lon and lat are both set or both null. */
	lon: number | null;
	lat: number | null;
	address: number | null;
	/** Something the user should know about the columns that is not fatal. */
	note: Message | null;
}

export type ColumnsFound = { ok: true; columns: LocationColumns } | { ok: false; reason: Message };

export function normalizeHeader(name: string): string {
	return name
		.normalize('NFKC')
		.replace(/[([【].*?[)\]】]/g, '')
		.trim()
		.toLowerCase();
}

export function findLocationColumns(headers: string[]): ColumnsFound {
	const normalized = headers.map(normalizeHeader);
	const find = (names: readonly string[]) => {
		for (const name of names) {
			const i = normalized.indexOf(name);
			if (i >= 0) return i;
		}
		return null;
	};
	const lon = find(LON_NAMES);
	const lat = find(LAT_NAMES);
	const address = find(ADDRESS_NAMES);
	const half = (lon === null) !== (lat === null);
	const missing = lon === null ? msg('import.csv.latOnly', { column: clip(headers[lat!] ?? '') }) : msg('import.csv.lonOnly', { column: clip(headers[lon] ?? '') });
	if (half && address === null) return { ok: false, reason: msg('import.csv.halfColumns', { missing }) };
	if (lon === null && lat === null && address === null) {
		const found = headers.slice(0, 12).map((h) => quote(h)).join(', ') + (headers.length > 12 ? ', …' : '');
		return { ok: false, reason: msg('import.csv.noLocationColumns', { found }) };
	}
	const note = half ? msg('import.csv.halfColumnsNote', { missing }) : null;
	return { ok: true, columns: half ? { lon: null, lat: null, address, note } : { lon, lat, address, note } };
}
