/**
 * An address-only record → a point from the project's geocoder (or any placer the caller
 * passes), carrying how it was placed and how sure, or why it could not be.
 */
import { isInShanghai, type Position } from '../geo/crs';
import type { GeocodeResult } from '../geo/geocode';
import { quote } from './messages';
import type { GeocodedBy } from './result';

/** Longer than this is a note or a paragraph, not an address; the geocoder is not asked. */
export const MAX_ADDRESS_LENGTH = 200;

export type PlacedAddress = { ok: true; position: Position; by: GeocodedBy } | { ok: false; reason: string };

export function placeAddress(address: string, geocode: ((address: string) => GeocodeResult) | undefined): PlacedAddress {
	if (!geocode) return { ok: false, reason: `no coordinates and no geocoder to place the address ${quote(address)}` };
	if (address.length > MAX_ADDRESS_LENGTH) return { ok: false, reason: `the address is ${address.length} characters long, more than an address (${MAX_ADDRESS_LENGTH}): check the columns` };
	let result: GeocodeResult;
	try {
		result = geocode(address);
	} catch (e) {
		return { ok: false, reason: `the geocoder failed on ${quote(address)} (${e instanceof Error ? e.message.slice(0, 120) : 'unknown error'})` };
	}
	if (!result || typeof result !== 'object') return { ok: false, reason: `the geocoder gave no answer for ${quote(address)}` };
	if (!result.ok) return { ok: false, reason: `${quote(address)} could not be placed: ${String(result.reason)}` };
	const [lon, lat] = Array.isArray(result.point) ? result.point : [NaN, NaN];
	// The geocoder answers WGS84 on Shanghai's streets; a placer that does not is a bug, not a row to show.
	if (!Number.isFinite(lon) || !Number.isFinite(lat) || !isInShanghai([lon, lat])) {
		return { ok: false, reason: `the geocoder placed ${quote(address)} outside Shanghai` };
	}
	const confidence = Number.isFinite(result.confidence) ? result.confidence : 0;
	return { ok: true, position: [lon, lat], by: { method: String(result.method), confidence } };
}
