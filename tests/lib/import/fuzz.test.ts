import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { isInShanghai } from '../../../src/lib/geo/crs';
import type { GeocodeResult } from '../../../src/lib/geo/geocode';
import { IMPORT_LIMITS, importCsv, importFile, importGeoJson, type ImportCrs, type ImportResult } from '../../../src/lib/import';
import { FUZZ_KINDS, fuzzInputs, mulberry32 } from './fuzz-inputs';

const PER_KIND = 40;
const SEED = 20261124;

/** Places any address that mentions 路 and refuses the rest, so geocoded rows are fuzzed too. */
const geocode = (address: string): GeocodeResult =>
	address.includes('路') ? { ok: true, point: [121.44, 31.21], method: 'street', confidence: 0.2, anchors: [], road: '武康路' } : { ok: false, reason: 'no road in it' };

/** Everything a well-formed answer must satisfy, whatever the input. Returns the first violation. */
function violation(r: ImportResult): string | null {
	if (r.fatal !== null) {
		if (typeof r.fatal !== 'string' || r.fatal.trim() === '') return 'empty fatal message';
		if (/fault of the importer/.test(r.fatal)) return `internal error: ${r.fatal}`;
		if (r.features.length || r.errors.length || r.stats.records) return 'a fatal result with records';
		return null;
	}
	const { records, imported, rejected } = r.stats;
	if (records !== imported + rejected) return `records ${records} ≠ ${imported} + ${rejected}`;
	if (imported !== r.features.length || rejected !== r.errors.length) return 'stats disagree with the lists';
	if (!r.errors.length && !imported) return 'no fatal, no errors and nothing imported';
	for (const e of r.errors) {
		if (typeof e.reason !== 'string' || e.reason.trim() === '') return `record ${e.record} has no reason`;
		if (!Number.isInteger(e.record) || e.record < 0 || e.record >= records) return `bad record index ${e.record}`;
		if (r.format === 'geojson' ? e.line !== null : !(Number.isInteger(e.line) && e.line! >= 1)) return `bad line ${e.line}`;
	}
	for (const f of r.features) {
		if (!positions(f.geometry).every((p) => p.length >= 2 && p.every(Number.isFinite) && isInShanghai([p[0], p[1]]))) return 'a position outside Shanghai or not finite';
		for (const v of Object.values(f.properties ?? {})) {
			if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) return `a ${typeof v} property`;
			if (typeof v === 'string' && v.length > IMPORT_LIMITS.maxStringLength) return 'a string longer than the limit';
			if (typeof v === 'number' && !Number.isFinite(v)) return 'a non-finite number property';
		}
	}
	return null;
}

function positions(g: Geometry): number[][] {
	if (g.type === 'GeometryCollection') return [[NaN]];
	const flat = (c: unknown): number[][] => (typeof (c as unknown[])[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(flat));
	return flat(g.coordinates);
}

function check(name: string, run: () => ImportResult): string | null {
	try {
		const problem = violation(run());
		return problem ? `${name}: ${problem}` : null;
	} catch (e) {
		return `${name}: threw ${e instanceof Error ? e.stack : String(e)}`;
	}
}

describe('importer fuzz', () => {
	const inputs = fuzzInputs(SEED, PER_KIND);

	it(`answers ${FUZZ_KINDS.length * PER_KIND} malformed files, every one with a message and consistent figures`, () => {
		expect(inputs.length).toBeGreaterThanOrEqual(500);
		const r = mulberry32(SEED + 1);
		const crs = (): ImportCrs => (['WGS84', 'GCJ02', 'BD09'] as const)[Math.floor(r() * 3)];
		const failures = inputs
			.map((input, i) => check(`#${i} ${input.kind} (${input.fileName})`, () => importFile(input.fileName, input.bytes, { crs: crs(), geocode: r() < 0.7 ? geocode : undefined })))
			.filter((f) => f !== null);
		expect(failures).toEqual([]);
	});

	it('answers the same inputs as text passed straight to the CSV and GeoJSON readers', () => {
		const decoder = new TextDecoder('utf-8');
		const failures = inputs.flatMap((input, i) => {
			const text = decoder.decode(input.bytes);
			return [check(`#${i} ${input.kind} as CSV`, () => importCsv(text, { crs: 'GCJ02', geocode })), check(`#${i} ${input.kind} as GeoJSON`, () => importGeoJson(text, { crs: 'BD09' }))];
		});
		expect(failures.filter((f) => f !== null)).toEqual([]);
	});

	it('covers every kind of trouble, and some inputs import something', () => {
		const kinds = new Set(inputs.map((i) => i.kind));
		expect(kinds.size).toBe(FUZZ_KINDS.length);
		const results = inputs.map((input) => importFile(input.fileName, input.bytes, { crs: 'WGS84', geocode }));
		expect(results.filter((r) => r.fatal !== null).length).toBeGreaterThan(50);
		expect(results.filter((r) => r.stats.imported > 0).length).toBeGreaterThan(50);
		expect(results.filter((r) => r.errors.length > 0).length).toBeGreaterThan(50);
	});
});
