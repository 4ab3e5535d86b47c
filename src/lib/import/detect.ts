/**
 * CSV or GeoJSON, from the file's name and its first characters. The content wins over the
 * name when they disagree clearly (a GeoJSON saved as .txt), and files the importer cannot read
 * (spreadsheets, shapefiles, KML) are named with what to export instead.
 */
import type { ImportFormat } from './types';

export interface Detected {
	format: ImportFormat;
	/** Set when the name did not decide it. */
	note: string | null;
}

const CSV_EXTENSIONS = ['csv', 'txt', 'tsv'];
const JSON_EXTENSIONS = ['geojson', 'json'];
const UNSUPPORTED: Record<string, string> = {
	xlsx: 'an Excel workbook: in Excel, save it as "CSV UTF-8 (comma delimited)" and import the CSV',
	xls: 'an Excel workbook: in Excel, save it as "CSV UTF-8 (comma delimited)" and import the CSV',
	ods: 'a spreadsheet: save it as CSV (UTF-8) and import the CSV',
	numbers: 'a spreadsheet: export it as CSV and import the CSV',
	shp: 'a shapefile: convert it to GeoJSON (QGIS: Export → Save Features As… → GeoJSON) and import that',
	zip: 'a zip archive: unpack it, or convert a zipped shapefile to GeoJSON, and import that',
	kml: 'KML: convert it to GeoJSON (e.g. with QGIS) and import that',
	kmz: 'KMZ: convert it to GeoJSON (e.g. with QGIS) and import that',
	gpx: 'GPX: convert it to GeoJSON (e.g. with QGIS) and import that',
	topojson: 'TopoJSON: convert it to GeoJSON (e.g. with mapshaper) and import that'
};

export function fileExtension(fileName: string): string {
	const m = /\.([^./\\]+)$/.exec(String(fileName ?? ''));
	return m ? m[1].toLowerCase() : '';
}

/** Extensions decided before the bytes are decoded: a workbook is binary and would only fail later with a vaguer message. */
export function unsupportedExtension(fileName: string): string | null {
	const ext = fileExtension(fileName);
	return ext in UNSUPPORTED ? `The file is ${UNSUPPORTED[ext]}.` : null;
}

export function detectFormat(fileName: string, text: string): Detected {
	const ext = fileExtension(fileName);
	const looksJson = /^\s*[{[]/.test(text.slice(0, 1000));
	if (JSON_EXTENSIONS.includes(ext)) return { format: 'geojson', note: null };
	if (CSV_EXTENSIONS.includes(ext)) {
		// A CSV never opens with "{"; one opening with "[" could be a bracketed header, so only "{" overrides the name.
		return /^\s*\{/.test(text.slice(0, 1000)) ? { format: 'geojson', note: `The file is named .${ext} but holds JSON: read as GeoJSON.` } : { format: 'csv', note: null };
	}
	const named = ext ? `.${ext} is not a format the importer knows` : 'the file name has no extension';
	return looksJson
		? { format: 'geojson', note: `${named[0].toUpperCase()}${named.slice(1)}; the content looks like JSON, so it was read as GeoJSON.` }
		: { format: 'csv', note: `${named[0].toUpperCase()}${named.slice(1)}; the content does not look like JSON, so it was read as CSV.` };
}
