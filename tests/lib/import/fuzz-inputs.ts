/**
 * Malformed files for the importer's fuzz test, from a seeded PRNG so a failure can be
 * replayed: each generator makes one kind of trouble a planner's file can carry.
 */

import { mulberry32, type Random } from '../../support/seeded-random';

export { mulberry32, type Random };

export interface FuzzInput {
	kind: string;
	fileName: string;
	bytes: Uint8Array;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, items: readonly T[]): T => items[int(r, items.length)];

const BAD_NUMBERS = ['NaN', '1e400', '-1e400', 'Infinity', '-Infinity', '', ' ', 'abc', '0x1F', '1,5', '121.4.4', '∞', '--1', '1e', '.', '+', 'null', 'true', '121.44°', '３１．２'];
const JSON_JUNK = ['null', 'true', '0', '-1', '1e400', '"x"', '""', '[]', '{}', '[[[]]]', '[null]', '{"type":null}', '[1e400,-1e400]', '"Point"', '[121.44,"31.2"]', '[121.44]', '[[121.44,31.21]]'];
const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'Circle', 'point', '', 'Feature'];
const HEADERS = ['name,lon,lat', '名称,经度,纬度', 'id;x;y', 'a\tlng\tlatitude', 'name,address', '地址', 'lon,lat,地址', 'name,value', '', 'LON,LAT', ',,,', '"unclosed,lon,lat'];

function inShanghai(r: Random): [number, number] {
	return [121.40 + r() * 0.08, 31.17 + r() * 0.07];
}

function anyNumberText(r: Random): string {
	if (r() < 0.5) return pick(r, BAD_NUMBERS);
	const [x, y] = inShanghai(r);
	return String(r() < 0.5 ? x : y);
}

function validPosition(r: Random): number[] {
	return inShanghai(r).map((v) => Math.round(v * 1e6) / 1e6);
}

/** A geometry of any type, valid or broken at a random place. */
function geometry(r: Random): unknown {
	const type = pick(r, GEOMETRY_TYPES);
	const broken = r() < 0.5;
	const pos = () => (broken && r() < 0.3 ? JSON.parse(pick(r, JSON_JUNK).replace('1e400', '1e300')) : validPosition(r));
	const line = (n: number) => Array.from({ length: n }, pos);
	const ring = () => {
		const ps = line(broken ? int(r, 5) : 3);
		return broken && r() < 0.5 ? ps : [...ps, ps[0]];
	};
	switch (type) {
		case 'Point':
			return { type, coordinates: pos() };
		case 'MultiPoint':
		case 'LineString':
			return { type, coordinates: line(int(r, 4)) };
		case 'MultiLineString':
			return { type, coordinates: [line(int(r, 4)), line(2)] };
		case 'Polygon':
			return { type, coordinates: [ring()] };
		case 'MultiPolygon':
			return { type, coordinates: [[ring()], broken ? ring() : [ring()]] };
		case 'GeometryCollection':
			return { type, geometries: [{ type: 'Point', coordinates: pos() }] };
		default:
			return { type, coordinates: pos() };
	}
}

function feature(r: Random): unknown {
	const roll = r();
	if (roll < 0.05) return null;
	if (roll < 0.1) return JSON.parse(pick(r, JSON_JUNK).replace('1e400', '1'));
	const properties = r() < 0.1 ? JSON.parse(pick(r, JSON_JUNK).replace('1e400', '1')) : { name: 'x'.repeat(int(r, 3000)), nested: [[[{ a: [] }]]], n: r() };
	return { type: r() < 0.9 ? 'Feature' : pick(r, GEOMETRY_TYPES), properties, geometry: r() < 0.1 ? null : geometry(r) };
}

function featureCollectionText(r: Random, count: number): string {
	return JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: count }, () => feature(r)) });
}

const generators: Record<string, (r: Random) => { fileName: string; text?: string; bytes?: Uint8Array }> = {
	brokenJson: (r) => {
		const text = featureCollectionText(r, 1 + int(r, 5));
		const cut = int(r, text.length);
		const mutated = r() < 0.5 ? text.slice(0, cut) : text.slice(0, cut) + pick(r, ['}', ']', ',', '"', '\\', 'NaN', ':', '{']) + text.slice(cut + int(r, 3));
		return { fileName: pick(r, ['a.geojson', 'a.json', 'a']), text: mutated };
	},
	wrongTypes: (r) => {
		const slot = pick(r, JSON_JUNK);
		const templates = [
			`{"type":"FeatureCollection","features":${slot}}`,
			`{"type":${slot},"features":[]}`,
			`{"type":"Feature","geometry":${slot},"properties":{}}`,
			`{"type":"Feature","geometry":{"type":"Point","coordinates":${slot}},"properties":${slot}}`,
			`{"type":"Feature","geometry":{"type":${slot},"coordinates":[121.44,31.21]},"id":${slot}}`,
			slot
		];
		return { fileName: pick(r, ['t.geojson', 't.json']), text: pick(r, templates) };
	},
	badNumbersJson: (r) => {
		const n = () => pick(r, ['1e400', '-1e400', '1e-400', '121.44', '31.21', '1e308', '-0', '9007199254740993', '"NaN"', 'NaN', 'Infinity']);
		return { fileName: 'n.geojson', text: `{"type":"Feature","properties":{"v":${n()}},"geometry":{"type":"Point","coordinates":[${n()},${n()}]}}` };
	},
	badNumbersCsv: (r) => {
		const rows = Array.from({ length: 1 + int(r, 6) }, (_, i) => `p${i},${anyNumberText(r)},${anyNumberText(r)}`);
		return { fileName: 'n.csv', text: ['name,lon,lat', ...rows].join(pick(r, ['\n', '\r\n', '\r'])) };
	},
	hugeStrings: (r) => {
		const huge = pick(r, ['x', '长', '"', ',', '\n', '🏠']).repeat(10_000 + int(r, 200_000));
		return r() < 0.5
			? { fileName: 'h.csv', text: pick(r, [`name,lon,lat\n"${huge.replaceAll('"', '""')}",121.44,31.21`, `${huge},lon,lat\n1,2,3`, `address\n${huge}`, huge]) }
			: { fileName: 'h.geojson', text: JSON.stringify({ type: 'Feature', properties: { [huge.slice(0, 5000)]: huge }, geometry: { type: 'Point', coordinates: [121.44, 31.21] } }) };
	},
	randomBytes: (r) => {
		const bytes = new Uint8Array(int(r, 2000));
		for (let i = 0; i < bytes.length; i++) bytes[i] = int(r, 256);
		return { fileName: pick(r, ['r.csv', 'r.geojson', 'r.txt', 'r', 'r.bin']), bytes };
	},
	invalidUtf8: (r) => {
		const good = utf8(`名称,经度,纬度\n武康大楼,${anyNumberText(r)},${anyNumberText(r)}\n`);
		const bytes = new Uint8Array(good.length + 3);
		bytes.set(good);
		bytes.set(pick(r, [[0xff, 0xfe, 0xfd], [0xc3, 0x28, 0x41], [0xe2, 0x82, 0x0a], [0x80, 0x81, 0x82], [0xed, 0xa0, 0x80]]), int(r, good.length));
		return { fileName: 'u.csv', bytes };
	},
	mixedGeometries: (r) => ({ fileName: 'm.geojson', text: featureCollectionText(r, 2 + int(r, 20)) }),
	emptyish: (r) => {
		const variants: Array<number[] | string> = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], ' ', '\n\n\n', '\t', '\uFEFF\n', ',,,\n,,,', '{}', '[]', '""', 'null'];
		const v = pick(r, variants);
		return { fileName: pick(r, ['e.csv', 'e.geojson', 'e.json', 'e.txt', 'e']), bytes: typeof v === 'string' ? utf8(v) : new Uint8Array(v) };
	},
	headerOnlyCsv: (r) => ({ fileName: 'ho.csv', text: pick(r, HEADERS) + pick(r, ['', '\n', '\r\n', '\n\n', '\n,,\n']) }),
	nestedArrays: (r) => {
		const depth = 2 + int(r, 20_000);
		const nested = '['.repeat(depth) + '121.44,31.21' + ']'.repeat(depth);
		const templates = [nested, `{"type":"Point","coordinates":${nested}}`, `{"type":"Feature","properties":{"deep":${nested}},"geometry":{"type":"Point","coordinates":[121.44,31.21]}}`];
		return { fileName: 'd.geojson', text: pick(r, templates) };
	},
	nullFeatures: (r) => ({ fileName: 'nf.geojson', text: `{"type":"FeatureCollection","features":[${Array.from({ length: 1 + int(r, 5) }, () => pick(r, ['null', '{"type":"Feature","geometry":null,"properties":null}', '{}', '[]', '"Feature"', JSON.stringify(feature(r))])).join(',')}]}` }),
	mangledCsv: (r) => {
		const header = pick(r, HEADERS);
		const cell = () => pick(r, [anyNumberText(r), '"', '""', '"a,b"', '"x\ny"', '武康路1号', '', 'a"b', '\t', ';', '"unclosed']);
		const rows = Array.from({ length: 1 + int(r, 8) }, () => Array.from({ length: int(r, 6) }, cell).join(pick(r, [',', ';', '\t'])));
		return { fileName: pick(r, ['c.csv', 'c.txt', 'c']), text: [header, ...rows].join(pick(r, ['\n', '\r\n'])) };
	},
	wrongEncodingText: (r) => {
		// UTF-16 without a BOM, Latin-1 bytes, and GB18030 with a broken trail byte.
		const variants = [
			new Uint8Array([...'lon,lat\n'].flatMap((c) => [c.charCodeAt(0), 0])),
			new Uint8Array([0x6c, 0x6f, 0x6e, 0x2c, 0x6c, 0x61, 0x74, 0x0a, 0xe9, 0x2c, 0xe8, 0x0a]),
			new Uint8Array([0xb5, 0xd8, 0xd6, 0x0a, 0xb5, 0x7f]),
			new Uint8Array([0xfe, 0xff, 0x00, 0x6c, 0xd8, 0x00])
		];
		return { fileName: pick(r, ['w.csv', 'w.geojson']), bytes: pick(r, variants) };
	}
};

export const FUZZ_KINDS = Object.keys(generators);

export function fuzzInputs(seed: number, perKind: number): FuzzInput[] {
	const r = mulberry32(seed);
	const out: FuzzInput[] = [];
	for (const [kind, make] of Object.entries(generators)) {
		for (let i = 0; i < perKind; i++) {
			const { fileName, text, bytes } = make(r);
			out.push({ kind, fileName, bytes: bytes ?? utf8(text ?? '') });
		}
	}
	return out;
}
