/**
 * Bytes → text. Files come from Chinese Excel and GIS tools as often as from anywhere else, so
 * after UTF-8 (the default, BOM stripped) the importer tries UTF-16 when a BOM says so (Excel's
 * "Unicode text") and GB18030 (Excel's default CSV encoding on Chinese Windows).
 */
import type { ImportEncoding } from './types';

export type Decoded = { ok: true; text: string; encoding: ImportEncoding; note: string | null } | { ok: false; reason: string };

export function decodeBytes(bytes: Uint8Array): Decoded {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), 'utf-16');
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), 'utf-16');
	const utf8 = tryDecode('utf-8', bytes);
	if (utf8 !== null) return checkText(stripBom(utf8), 'utf-8', null);
	const gb = tryDecode('gb18030', bytes);
	if (gb !== null) {
		return checkText(gb, 'gb18030', 'The file is not UTF-8, so it was read as GB18030 (GBK), the encoding of Chinese Excel exports: check that the Chinese text reads right, or save it as "CSV UTF-8" and import it again.');
	}
	return { ok: false, reason: 'The file is neither UTF-8 nor GB18030 text: save it as "CSV UTF-8" (Excel) or GeoJSON and try again.' };
}

function decodeWith(label: string, bytes: Uint8Array, encoding: ImportEncoding): Decoded {
	const text = tryDecode(label, bytes);
	if (text === null) return { ok: false, reason: `The file starts like ${label.toUpperCase()} text but is not valid ${label.toUpperCase()}: save it as "CSV UTF-8" and try again.` };
	return checkText(text, encoding, null);
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
	try {
		return new TextDecoder(label, { fatal: true }).decode(bytes);
	} catch {
		// An unknown label (a runtime without GB18030) reads as "cannot decode" too.
		return null;
	}
}

function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// C0 controls other than tab, line feed, carriage return; \x1a is the old DOS end-of-file mark some tools still write.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x19\x1b-\x1f]/g;

/** Text full of control characters is a binary file (a spreadsheet, an archive) that happens to decode. */
function checkText(text: string, encoding: ImportEncoding, note: string | null): Decoded {
	if (text.includes('\u0000')) return { ok: false, reason: binaryReason(text) };
	const controls = text.length > 0 ? (text.match(CONTROL)?.length ?? 0) : 0;
	if (controls > Math.max(2, text.length / 1000)) return { ok: false, reason: binaryReason(text) };
	return { ok: true, text, encoding, note };
}

function binaryReason(text: string): string {
	if (text.startsWith('PK')) return 'This is a zipped file (an Excel .xlsx or a zipped shapefile?), not CSV or GeoJSON: save it as "CSV UTF-8" or export GeoJSON and try again.';
	return 'This is a binary file, not CSV or GeoJSON text (UTF-16 without a byte-order mark reads like this too): save it as "CSV UTF-8" or GeoJSON and try again.';
}
