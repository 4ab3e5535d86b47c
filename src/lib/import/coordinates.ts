/**
 * A file's coordinates → WGS84 inside Shanghai, or a reason a planner can act on: the number
 * that is not a number, the system that was probably wrong, the columns probably swapped.
 */
import { isInShanghai, toWgs84, type Position } from '../geo/crs';
import type { ImportCrs } from './types';

export type Placed = { ok: true; position: Position } | { ok: false; reason: string };

// Plain decimals as spreadsheets write them; no hex, no "Infinity", no thousands separators.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** A CSV cell as a number: full-width digits (１２１．４) are read, anything else is not a number. */
export function readNumber(cell: string): { ok: true; value: number } | { ok: false; reason: string } {
	const text = cell.normalize('NFKC').trim();
	if (!DECIMAL.test(text)) return { ok: false, reason: 'is not a number' };
	const value = Number(text);
	if (!Number.isFinite(value)) return { ok: false, reason: 'is not a finite number' };
	return { ok: true, value };
}

/** Converts one lon/lat from the declared system and checks it lands in Shanghai. */
export function placeLonLat(lon: number, lat: number, crs: ImportCrs): Placed {
	if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { ok: false, reason: `${show(lon)}, ${show(lat)} is not a pair of finite numbers` };
	if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
		// Shanghai's local grid and Web Mercator both give metres in the thousands to tens of millions.
		const largest = Math.max(Math.abs(lon), Math.abs(lat));
		const projected = largest > 1000 && largest < 1e8 ? ': these look like projected metres, not degrees; export longitude/latitude instead' : '';
		return { ok: false, reason: `${show(lon)}, ${show(lat)} is not a longitude/latitude${projected || swappedHint(lon, lat, crs)}` };
	}
	const position = convert([lon, lat], crs);
	if (position && isInShanghai(position)) return { ok: true, position };
	const where = crs === 'WGS84' || !position ? `${show(lon)}, ${show(lat)}` : `${show(lon)}, ${show(lat)} (${crs}; ${show(position[0])}, ${show(position[1])} in WGS84)`;
	return { ok: false, reason: `${where} lies outside Shanghai${swappedHint(lon, lat, crs) || ': check the coordinate system and the columns'}` };
}

function swappedHint(lon: number, lat: number, crs: ImportCrs): string {
	if (Math.abs(lat) > 180 || Math.abs(lon) > 90) return '';
	const swapped = convert([lat, lon], crs);
	return swapped && isInShanghai(swapped) ? ': longitude and latitude look swapped' : '';
}

function convert(p: Position, crs: ImportCrs): Position | null {
	try {
		const out = toWgs84(p, crs);
		return Number.isFinite(out[0]) && Number.isFinite(out[1]) ? out : null;
	} catch {
		return null;
	}
}

/** A number short enough for a message; huge or tiny ones in exponent form. */
export function show(v: number): string {
	if (!Number.isFinite(v)) return String(v);
	return Math.abs(v) >= 1e7 || (v !== 0 && Math.abs(v) < 1e-6) ? v.toExponential(3) : String(Math.round(v * 1e7) / 1e7);
}
