/**
 * CSV or GeoJSON, from the file's name and its first characters. The content wins over the
 * name when they disagree clearly (a GeoJSON saved as .txt), and files the importer cannot read
 * (spreadsheets, shapefiles, KML) are named with what to export instead.
 */
import { msg, type Message } from '../i18n/messages';
import type { ImportFormat } from './types';

export interface Detected {
	format: ImportFormat;
	/** Set when the name did not decide it. */
	note: Message | null;
}

const CSV_EXTENSIONS = ['csv', 'txt', 'tsv'];
const JSON_EXTENSIONS = ['geojson', 'json'];
const excel = msg('import.kind.excel');
const convert = (format: string, tool: string) => msg('import.kind.convert', { format, tool });
const UNSUPPORTED: Record<string, Message> = {
	xlsx: excel,
	xls: excel,
	ods: msg('import.kind.ods'),
	numbers: msg('import.kind.numbers'),
	shp: msg('import.kind.shp'),
	zip: msg('import.kind.zip'),
	kml: convert('KML', 'QGIS'),
	kmz: convert('KMZ', 'QGIS'),
	gpx: convert('GPX', 'QGIS'),
	topojson: convert('TopoJSON', 'mapshaper')
};

export function fileExtension(fileName: string): string {
	const m = /\.([^./\\]+)$/.exec(String(fileName ?? ''));
	return m ? m[1].toLowerCase() : '';
}

/** Extensions decided before the bytes are decoded: a workbook is binary and would only fail later with a vaguer message. */
export function unsupportedExtension(fileName: string): Message | null {
	const ext = fileExtension(fileName);
	return Object.hasOwn(UNSUPPORTED, ext) ? msg('import.unsupported', { what: UNSUPPORTED[ext] }) : null;
}

export function detectFormat(fileName: string, text: string): Detected {
	const ext = fileExtension(fileName);
	const looksJson = /^\s*[{[]/.test(text.slice(0, 1000));
	if (JSON_EXTENSIONS.includes(ext)) return { format: 'geojson', note: null };
	if (CSV_EXTENSIONS.includes(ext)) {
		// A CSV never opens with "{"; one opening with "[" could be a bracketed header, so only "{" overrides the name.
		return /^\s*\{/.test(text.slice(0, 1000)) ? { format: 'geojson', note: msg('import.jsonNamedCsv', { ext }) } : { format: 'csv', note: null };
	}
	if (looksJson) return { format: 'geojson', note: ext ? msg('import.unknownExtJson', { ext }) : msg('import.noExtJson') };
	return { format: 'csv', note: ext ? msg('import.unknownExtCsv', { ext }) : msg('import.noExtCsv') };
}
