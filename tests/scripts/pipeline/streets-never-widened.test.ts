import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markNeverWidened, parseCsv, parseNeverWidenedCsv, type StreetFeature } from '../../../scripts/pipeline/streets';

const FILE = 'data/never_widened_roads.csv';
const HEADER = 'name_zh,name_en,status,source,note,date';

function street(id: string, name: string | null): StreetFeature {
	return {
		type: 'Feature',
		geometry: { type: 'LineString', coordinates: [[121.44, 31.21], [121.441, 31.21]] },
		properties: { id, osm_id: 0, name, name_en: null, highway: 'residential', oneway: false, lanes: null }
	};
}

describe('parseCsv', () => {
	it('reads quoted fields with commas, "" escapes and newlines, and numbers records by their first line', () => {
		const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",z\nlast,\n';
		expect(parseCsv(text, FILE)).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['x, y', 'say "hi"'] },
			{ line: 4, fields: ['multi\nline', 'z'] },
			{ line: 6, fields: ['last', ''] }
		]);
	});

	it('reads a file without a final newline', () => {
		expect(parseCsv('a,b\nc,d', FILE)).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['c', 'd'] }
		]);
	});

	it('throws, naming file and line, on a quote that never closes', () => {
		expect(() => parseCsv('a,b\n"open,b\nc,d\n', FILE)).toThrow(/data\/never_widened_roads\.csv: line 2: a quoted field is never closed/);
	});
});

describe('parseNeverWidenedCsv', () => {
	const good = '武康路,Wukang Road,unconfirmed,"candidate; not in bundle",borders,2026-11-23';

	it('parses valid rows and keeps their line numbers', () => {
		const { entries, rejected } = parseNeverWidenedCsv(`${HEADER}\n${good}\n`, FILE);
		expect(rejected).toEqual([]);
		expect(entries).toEqual([
			{ name_zh: '武康路', name_en: 'Wukang Road', status: 'unconfirmed', source: 'candidate; not in bundle', note: 'borders', date: '2026-11-23', line: 2 }
		]);
	});

	it.each([
		['a wrong status', '高安路,Gao\'an Road,probably,seed,,2026-11-23', /status: status must be one of confirmed\|unconfirmed/],
		['an empty source', '高安路,Gao\'an Road,unconfirmed,,,2026-11-23', /source: source is empty/],
		['an impossible date', '高安路,Gao\'an Road,unconfirmed,seed,,2026-02-30', /date: date is not a real calendar date/],
		['a missing field', '高安路,Gao\'an Road,unconfirmed,seed,2026-11-23', /expected 6 fields, found 5/],
		['an unquoted comma', '高安路,Gao\'an Road,unconfirmed,seed, pilot,note,2026-11-23', /expected 6 fields, found 7/],
		['a non-Chinese name', 'Gaoan Lu,Gao\'an Road,unconfirmed,seed,,2026-11-23', /name_zh must be a Chinese street name/],
		['a duplicate name', good, /duplicate name_zh "武康路" \(first at line 2\)/]
	])('rejects a row with %s, naming file and line', (_, row, reason) => {
		const { entries, rejected } = parseNeverWidenedCsv(`${HEADER}\n${good}\n${row}\n`, FILE);
		expect(entries).toHaveLength(1);
		expect(rejected).toHaveLength(1);
		expect(rejected[0]).toMatchObject({ source: 'never-widened', file: FILE, index: 3 });
		expect(rejected[0].reason).toMatch(/^line 3: /);
		expect(rejected[0].reason).toMatch(reason);
	});

	it('throws, naming the file, when the header is wrong', () => {
		expect(() => parseNeverWidenedCsv(`name,status\n${good}\n`, FILE)).toThrow(/data\/never_widened_roads\.csv: header must be "name_zh,name_en,status,source,note,date"/);
		expect(() => parseNeverWidenedCsv('', FILE)).toThrow(/\(empty file\)/);
	});
});

describe('markNeverWidened', () => {
	const entries = [
		{ name_zh: '武康路', name_en: 'Wukang Road', status: 'unconfirmed' as const, source: 'candidate', note: '', date: '2026-11-23' },
		{ name_zh: '高安路', name_en: "Gao'an Road", status: 'confirmed' as const, source: 'a published list', note: '', date: '2026-11-23' },
		{ name_zh: '不存在路', name_en: 'Nowhere Road', status: 'unconfirmed' as const, source: 'candidate', note: '', date: '2026-11-23' }
	];
	const streets = [street('a', '武康路'), street('b', '武康路'), street('c', '高安路'), street('d', '淮海中路'), street('e', null)];

	it('marks every way of a listed street with its status and source, and leaves the rest null', () => {
		const { features } = markNeverWidened(streets, entries);
		const p = Object.fromEntries(features.map((f) => [f.properties.id, f.properties]));
		expect(p.a).toMatchObject({ never_widened: 'unconfirmed', never_widened_source: 'candidate' });
		expect(p.b.never_widened).toBe('unconfirmed');
		expect(p.c).toMatchObject({ never_widened: 'confirmed', never_widened_source: 'a published list' });
		expect(p.d).toMatchObject({ never_widened: null, never_widened_source: null });
		expect(p.e.never_widened).toBeNull();
	});

	it('reports entries that name no OSM street', () => {
		expect(markNeverWidened(streets, entries).unmatched.map((e) => e.name_zh)).toEqual(['不存在路']);
	});
});

describe('the curated data/never_widened_roads.csv', () => {
	const path = fileURLToPath(new URL('../../../data/never_widened_roads.csv', import.meta.url));
	const { entries, rejected } = parseNeverWidenedCsv(readFileSync(path, 'utf8'), FILE);

	it('parses without rejections', () => {
		expect(rejected).toEqual([]);
		expect(entries.length).toBeGreaterThan(10);
	});

	it('confirms nothing: no source in the bundle confirms a 永不拓宽 road', () => {
		expect(entries.filter((e) => e.status === 'confirmed')).toEqual([]);
	});

	it('says what every row rests on, and when it was written', () => {
		for (const e of entries) {
			expect(e.source).toMatch(/SOURCES\.md|seed /);
			expect(e.date).toBe('2026-11-23');
		}
		expect(entries.find((e) => e.name_zh === '高安路')?.source).toMatch(/^seed 003_56d26621740f9aa2\.txt: named as the 风貌道路 pilot/);
	});
});
