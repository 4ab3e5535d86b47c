/**
 * An address-only record → a point from the project's geocoder (or any placer the caller
 * passes), carrying how it was placed and how sure, or why it could not be.
 */
import { isInShanghai, type Position } from '../geo/crs';
import type { GeocodeResult } from '../geo/geocode';
import { geocodeMessage } from '../geo/geocode-message';
import { msg, type Message } from '../i18n/messages';
import { clip } from './messages';
import type { GeocodedBy } from './result';

/** Longer than this is a note or a paragraph, not an address; the geocoder is not asked. */
export const MAX_ADDRESS_LENGTH = 200;

export type PlacedAddress = { ok: true; position: Position; by: GeocodedBy } | { ok: false; reason: Message };

export function placeAddress(address: string, geocode: ((address: string) => GeocodeResult) | undefined): PlacedAddress {
	if (!geocode) return { ok: false, reason: msg('import.address.noGeocoder', { address: clip(address) }) };
	if (address.length > MAX_ADDRESS_LENGTH) return { ok: false, reason: msg('import.address.tooLong', { length: address.length, max: MAX_ADDRESS_LENGTH }) };
	let result: GeocodeResult;
	try {
		result = geocode(address);
	} catch (e) {
		return { ok: false, reason: msg('import.address.geocoderFailed', { address: clip(address), why: e instanceof Error ? e.message.slice(0, 120) : 'unknown error' }) };
	}
	if (!result || typeof result !== 'object') return { ok: false, reason: msg('import.address.noAnswer', { address: clip(address) }) };
	if (!result.ok) return { ok: false, reason: msg('import.address.notPlaced', { address: clip(address), reason: geocodeMessage(result) }) };
	const [lon, lat] = Array.isArray(result.point) ? result.point : [NaN, NaN];
	// The geocoder answers WGS84 on Shanghai's streets; a placer that does not is a bug, not a row to show.
	if (!Number.isFinite(lon) || !Number.isFinite(lat) || !isInShanghai([lon, lat])) {
		return { ok: false, reason: msg('import.address.outside', { address: clip(address) }) };
	}
	const confidence = Number.isFinite(result.confidence) ? result.confidence : 0;
	return { ok: true, position: [lon, lat], by: { method: String(result.method), confidence } };
}
