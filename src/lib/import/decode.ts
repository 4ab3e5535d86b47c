/**
 * Bytes → text. Files come from Chinese Excel and GIS tools as often as from anywhere else, so
 * after UTF-8 (the default, BOM stripped) the importer tries UTF-16 when a BOM says so (Excel's
 * "Unicode text") and GB18030 (Excel's default CSV encoding on Chinese Windows).
 */
import { msg, type Message } from '../i18n/messages';
import type { ImportEncoding } from './types';

export type Decoded = { ok: true; text: string; encoding: ImportEncoding; note: Message | null } | { ok: false; reason: Message };

export function decodeBytes(bytes: Uint8Array): Decoded {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), 'utf-16');
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), 'utf-16');
	const utf8 = tryDecode('utf-8', bytes);
	if (utf8 !== null) return checkText(stripBom(utf8), 'utf-8', null);
	const gb = tryDecode('gb18030', bytes);
	if (gb !== null) {
		return checkText(gb, 'gb18030', msg('import.readAsGb18030'));
	}
	return { ok: false, reason: msg('import.notText') };
}

function decodeWith(label: string, bytes: Uint8Array, encoding: ImportEncoding): Decoded {
	const text = tryDecode(label, bytes);
	if (text === null) return { ok: false, reason: msg('import.badUtf16', { encoding: label.toUpperCase() }) };
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
function checkText(text: string, encoding: ImportEncoding, note: Message | null): Decoded {
	if (text.includes('\u0000')) return { ok: false, reason: binaryReason(text) };
	const controls = text.length > 0 ? (text.match(CONTROL)?.length ?? 0) : 0;
	if (controls > Math.max(2, text.length / 1000)) return { ok: false, reason: binaryReason(text) };
	return { ok: true, text, encoding, note };
}

function binaryReason(text: string): Message {
	if (text.startsWith('PK')) return msg('import.zipped');
	return msg('import.binary');
}
