/**
 * A file's coordinates → WGS84 inside Shanghai, or a reason a planner can act on: the number
 * that is not a number, the system that was probably wrong, the columns probably swapped.
 */
import { isInShanghai, toWgs84, type Position } from '../geo/crs';
import { msg, type Message } from '../i18n/messages';
import type { ImportCrs } from './types';

export type Placed = { ok: true; position: Position } | { ok: false; reason: Message };

// Plain decimals as spreadsheets write them; no hex, no "Infinity", no thousands separators.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** A CSV cell as a number: full-width digits (１２１．４) are read, anything else is not a number. */
export function readNumber(cell: string): { ok: true; value: number } | { ok: false; reason: 'notNumber' | 'notFinite' } {
	const text = cell.normalize('NFKC').trim();
	if (!DECIMAL.test(text)) return { ok: false, reason: 'notNumber' };
	const value = Number(text);
	if (!Number.isFinite(value)) return { ok: false, reason: 'notFinite' };
	return { ok: true, value };
}

/** Converts one lon/lat from the declared system and checks it lands in Shanghai. */
export function placeLonLat(lon: number, lat: number, crs: ImportCrs): Placed {
	if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { ok: false, reason: msg('import.coord.notFinitePair', { lon: show(lon), lat: show(lat) }) };
	if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
		// Shanghai's local grid and Web Mercator both give metres in the thousands to tens of millions.
		const largest = Math.max(Math.abs(lon), Math.abs(lat));
		const pair = { lon: show(lon), lat: show(lat) };
		if (largest > 1000 && largest < 1e8) return { ok: false, reason: msg('import.coord.projected', pair) };
		return { ok: false, reason: msg(swapped(lon, lat, crs) ? 'import.coord.notLonLatSwapped' : 'import.coord.notLonLat', pair) };
	}
	const position = convert([lon, lat], crs);
	if (position && isInShanghai(position)) return { ok: true, position };
	const where = crs === 'WGS84' || !position ? `${show(lon)}, ${show(lat)}` : msg('import.coord.converted', { lon: show(lon), lat: show(lat), crs, wgsLon: show(position[0]), wgsLat: show(position[1]) });
	return { ok: false, reason: msg(swapped(lon, lat, crs) ? 'import.coord.outsideSwapped' : 'import.coord.outside', { where }) };
}

function swapped(lon: number, lat: number, crs: ImportCrs): boolean {
	if (Math.abs(lat) > 180 || Math.abs(lon) > 90) return false;
	const turned = convert([lat, lon], crs);
	return turned !== null && isInShanghai(turned);
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
