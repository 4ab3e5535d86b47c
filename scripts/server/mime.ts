/**
 * Content types by file extension, and which of them are worth gzipping.
 * A fixed table rather than a dependency: the site only ships a handful of file kinds.
 */

const UTF8 = '; charset=utf-8';

const TYPES: Record<string, string> = {
	html: 'text/html' + UTF8,
	js: 'text/javascript' + UTF8,
	mjs: 'text/javascript' + UTF8,
	css: 'text/css' + UTF8,
	json: 'application/json' + UTF8,
	webmanifest: 'application/manifest+json' + UTF8,
	geojson: 'application/geo+json' + UTF8,
	map: 'application/json' + UTF8, // source maps
	svg: 'image/svg+xml' + UTF8,
	txt: 'text/plain' + UTF8,
	xml: 'application/xml' + UTF8,
	csv: 'text/csv' + UTF8,
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pmtiles: 'application/vnd.pmtiles',
	pbf: 'application/x-protobuf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
	woff2: 'font/woff2',
	wasm: 'application/wasm'
};

const DEFAULT_TYPE = 'application/octet-stream';

/**
 * Text formats that shrink well under gzip. Deliberately NOT `.pmtiles`: clients read archives
 * with Range requests whose offsets point into the raw file bytes, and the tiles inside are
 * already compressed, so gzipping would break range reads for no gain. Nor `.pbf`, images,
 * fonts or wasm, which are compressed formats already.
 */
const COMPRESSIBLE = new Set(['html', 'js', 'mjs', 'css', 'json', 'webmanifest', 'geojson', 'map', 'svg', 'txt', 'xml', 'csv']);

/** Types a browser may render as a page or run as a script: they get the whole security policy (headers.ts). */
const DOCUMENT = new Set(['html', 'js', 'mjs', 'svg', 'xml']);

/** Lower-cased extension without the dot (`photo.JPG` → `jpg`); '' when there is none. */
export function extensionOf(path: string): string {
	const base = path.slice(path.lastIndexOf('/') + 1);
	const dot = base.lastIndexOf('.');
	return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function mimeType(path: string): string {
	return TYPES[extensionOf(path)] ?? DEFAULT_TYPE;
}

export function isCompressible(path: string): boolean {
	return COMPRESSIBLE.has(extensionOf(path));
}

export function isDocument(path: string): boolean {
	return DOCUMENT.has(extensionOf(path));
}
