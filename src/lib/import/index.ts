/**
 * The planners' file importer: a CSV (lon/lat in WGS84, GCJ-02 or BD-09, or addresses for the
 * geocoder) or a GeoJSON → WGS84 features, per-record errors and whole-file messages. Pure and
 * synchronous, for the page, a web worker or Node; it never throws.
 */
import { importCsv } from './csv';
import { decodeBytes } from './decode';
import { detectFormat, unsupportedExtension } from './detect';
import { importGeoJson } from './geojson';
import { sizeProblem } from './limits';
import { msg } from '../i18n/messages';
import { fatalResult, guarded, prependNotes } from './result';
import { resolveOptions, type ImportOptions, type ImportResult } from './types';

export { importCsv } from './csv';
export { importGeoJson } from './geojson';
export { IMPORT_LIMITS, RESERVED_PROPERTIES } from './types';
export type { ImportCrs, ImportEncoding, ImportFormat, ImportLimits, ImportOptions, ImportResult, ImportRowError, ImportStats } from './types';

export function importFile(fileName: string, bytes: Uint8Array, options: ImportOptions): ImportResult {
	return guarded(null, () => readFile(fileName, bytes, options));
}

function readFile(fileName: string, bytes: Uint8Array, options: ImportOptions): ImportResult {
	const resolved = resolveOptions(options);
	if ('problem' in resolved) return fatalResult(null, resolved.problem);
	const { maxBytes } = resolved.limits;
	if (!(bytes instanceof Uint8Array)) return fatalResult(null, msg('import.noContent'));
	const tooBig = sizeProblem(bytes.byteLength, maxBytes);
	if (tooBig) return fatalResult(null, tooBig);
	if (bytes.byteLength === 0) return fatalResult(null, msg('import.empty'));
	const unsupported = unsupportedExtension(fileName);
	if (unsupported) return fatalResult(null, unsupported);

	const decoded = decodeBytes(bytes);
	if (!decoded.ok) return fatalResult(null, decoded.reason);
	const { format, note } = detectFormat(fileName, decoded.text);
	// The bytes passed the size limit; the text may count more as UTF-8 (GB18030 and UTF-16 are denser for Chinese), so it is not counted again.
	const readerOptions = { ...resolved, limits: { ...resolved.limits, maxBytes: Infinity } };
	const result = format === 'csv' ? importCsv(decoded.text, readerOptions) : importGeoJson(decoded.text, readerOptions);
	result.encoding = decoded.encoding;
	// Notes about how the file was read come before notes about its content.
	prependNotes(result, [decoded.note, note].filter((n) => n !== null));
	return result;
}
