/**
 * The size limit, checked before any parsing: on bytes for a file, and on text for callers that
 * pass text (a paste), counting it as the UTF-8 bytes it would be saved as.
 */
import { msg, type Message } from '../i18n/messages';
import { formatMegabytes } from './messages';
import { FatalImportError } from './result';
import { resolveOptions, type ImportOptions, type ResolvedOptions } from './types';

/** What both readers do first: the options checked, a BOM dropped, the size and emptiness checked. */
export function readyText(input: string, given: ImportOptions): { text: string; options: ResolvedOptions } {
	const options = resolveOptions(given);
	if ('problem' in options) throw new FatalImportError(options.problem);
	const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : '';
	const tooBig = textSizeProblem(text, options.limits.maxBytes);
	if (tooBig) throw new FatalImportError(tooBig);
	if (text.trim() === '') throw new FatalImportError(msg('import.empty'));
	return { text, options };
}

export function sizeProblem(bytes: number, maxBytes: number): Message | null {
	if (bytes <= maxBytes) return null;
	let [is, max] = [formatMegabytes(bytes), formatMegabytes(maxBytes)];
	// 5,242,881 bytes would read "5 MB; the limit is 5 MB".
	if (is === max) [is, max] = [`${bytes.toLocaleString('en-US')} bytes`, `${maxBytes.toLocaleString('en-US')} bytes`];
	return msg('import.tooBig', { size: is, max });
}

export function textSizeProblem(text: string, maxBytes: number): Message | null {
	// A UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair is 4 for 2), so short texts need no counting.
	if (text.length * 3 <= maxBytes) return null;
	return sizeProblem(utf8Length(text), maxBytes);
}

function utf8Length(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3; // a surrogate pair: 2 + 2
	}
	return n;
}
