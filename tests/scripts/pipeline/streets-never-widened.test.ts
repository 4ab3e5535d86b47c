import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markNeverWidened, parseCsv, parseNeverWidenedCsv, type StreetFeature } from '../../../scripts/pipeline/streets';
import { NEVER_WIDENED_COLUMNS, type NeverWidenedEntry } from '../../../src/lib/schema/never-widened';

const FILE = 'data/never_widened_roads.csv';
const HEADER = NEVER_WIDENED_COLUMNS.join(',');

function street(id: string, name: string | null, coordinates: [number, number][] = [[121.44, 31.21], [121.441, 31.21]]): StreetFeature {
	return { type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { id, osm_id: 0, name, name_en: null, highway: 'residential', oneway: false, lanes: null } };
}

type Row = Partial<Record<(typeof NEVER_WIDENED_COLUMNS)[number], string>>;
const quoteCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
/** One CSV line: a candidate unless the row says otherwise. */
function line(row: Row): string {
	const full: Row = { name_zh: '高安路', name_en: "Gao'an Road", status: 'candidate', source: 'candidate: commonly named', note: '', date: '2026-11-23', ...row };
	return NEVER_WIDENED_COLUMNS.map((c) => quoteCell(full[c] ?? '')).join(',');
}
const WUKANG_CITED: Row = {
	source_url: 'https://touch.shio.gov.cn/en/proposed-interviews/detailindex.aspx?id=60',
	quote: 'In 2005, Wukang Road was designated as a road that would never be expanded.',
	read: '2026-12-03',
	strength: 'H'
};
const reported = (row: Row = {}) => line({ name_zh: '武康路', name_en: 'Wukang Road', status: 'reported', source: 'reported: a government page', ...WUKANG_CITED, ...row });

function entry(e: Partial<NeverWidenedEntry> & Pick<NeverWidenedEntry, 'name_zh' | 'status'>): NeverWidenedEntry {
	return { name_en: '', source: 'candidate', note: '', date: '2026-11-23', source_url: null, quote: null, read: null, strength: null, publisher: null, between: null, ...e };
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

describe('parseNeverWidenedCsv: the three states', () => {
	const parse = (...rows: string[]) => parseNeverWidenedCsv(`${HEADER}\n${rows.join('\n')}\n`, FILE);

	it('reads a candidate, with no citation', () => {
		const { entries, rejected } = parse(line({}));
		expect(rejected).toEqual([]);
		expect(entries).toEqual([
			{ name_zh: '高安路', name_en: "Gao'an Road", status: 'candidate', source: 'candidate: commonly named', note: '', date: '2026-11-23', source_url: null, quote: null, read: null, strength: null, publisher: null, between: null, line: 2 }
		]);
	});

	it('reads a reported road with its page, words, read date, strength and publisher', () => {
		const { entries, rejected } = parse(reported({ publisher: 'Shanghai government information office' }));
		expect(rejected).toEqual([]);
		expect(entries[0]).toMatchObject({ name_zh: '武康路', status: 'reported', ...WUKANG_CITED, publisher: 'Shanghai government information office', between: null });
	});

	it('reads a reported stretch of a road, between two cross streets', () => {
		const row = line({
			name_zh: '长乐路',
			name_en: 'Changle Road',
			status: 'reported',
			source: 'reported, for one stretch',
			source_url: 'https://greatytc.com/p/8c9f5f45f005',
			quote: '长乐路(常熟路-陕西南路)是上海64条"永不拓宽"街道之一',
			read: '2026-12-03',
			strength: 'M',
			between: '常熟路–陕西南路'
		});
		const { entries, rejected } = parse(row);
		expect(rejected).toEqual([]);
		expect(entries[0]).toMatchObject({ status: 'reported', quote: '长乐路(常熟路-陕西南路)是上海64条"永不拓宽"街道之一', between: '常熟路–陕西南路' });
	});

	it('reads a confirmed road: an official list, strength H', () => {
		const { entries, rejected } = parse(reported({ status: 'confirmed', source: 'an official list' }));
		expect(rejected).toEqual([]);
		expect(entries[0]).toMatchObject({ status: 'confirmed', strength: 'H' });
	});

	it.each([
		['the old state "unconfirmed"', line({ status: 'unconfirmed' }), /status: status must be one of confirmed\|reported\|candidate/],
		['a wrong state', line({ status: 'probably' }), /status: status must be one of confirmed\|reported\|candidate/],
		['a reported road without its quote', reported({ quote: '' }), /quote: a reported road is cited with the words that name it: quote is empty/],
		['a reported road without its page', reported({ source_url: '' }), /source_url: a reported road is cited with the page that names it: source_url is empty/],
		['a reported road without its read date', reported({ read: '' }), /read: a reported road is cited with the day those words were read: read is empty/],
		['a reported road without its strength', reported({ strength: '' }), /strength: a reported road is cited with how strong the source is \(H, M or L\): strength is empty/],
		['a reported road whose quote does not name it', reported({ quote: '也是上海64条永不拓宽的马路之一' }), /quote: the quote does not name the road \(neither "武康路" nor "Wukang Road" is in it\)/],
		['a reported road whose quote does not say it is one of the 64', reported({ quote: 'Wukang Road is lined with plane trees.' }), /quote: the quote does not say the road is one of the 64 or never to be widened/],
		['a strength off the scale', reported({ strength: 'L–M' }), /strength: strength must be one of H\|M\|L/],
		['a page that is not a web address', reported({ source_url: 'touch.shio.gov.cn/en' }), /source_url: source_url must be a web address/],
		['an impossible read date', reported({ read: '2026-02-30' }), /read: read is not a real calendar date/],
		['a confirmed road from a source weaker than H', reported({ status: 'confirmed', strength: 'M' }), /strength: confirmed means an official list: its strength is H/],
		['a candidate with a citation', line({ quote: '衡山路、湖南路等64条马路' }), /quote: a candidate carries no citation/],
		['a stretch that does not name two streets', reported({ between: '常熟路' }), /between: between must name two cross streets/],
		['an empty source', line({ source: '' }), /source: source is empty/],
		['an impossible date', line({ date: '2026-02-30' }), /date: date is not a real calendar date/],
		['a missing field', line({}).split(',').slice(0, -1).join(','), /expected 12 fields, found 11/],
		['an unquoted comma', line({}).replace('commonly named', 'commonly, named'), /expected 12 fields, found 13/],
		['a non-Chinese name', line({ name_zh: 'Gaoan Lu' }), /name_zh must be a Chinese street name/],
		['a duplicate name', line({ name_zh: '衡山路' }), /duplicate name_zh "衡山路" \(first at line 2\)/]
	])('rejects a row with %s, naming file, line and reason', (_, row, reason) => {
		const { entries, rejected } = parse(line({ name_zh: '衡山路' }), row);
		expect(entries).toHaveLength(1);
		expect(rejected).toHaveLength(1);
		expect(rejected[0]).toMatchObject({ source: 'never-widened', file: FILE, index: 3 });
		expect(rejected[0].reason).toMatch(/^line 3: /);
		expect(rejected[0].reason).toMatch(reason);
	});

	it('throws, naming the file, when the header is wrong', () => {
		expect(() => parseNeverWidenedCsv(`name_zh,name_en,status,source,note,date\n${line({})}\n`, FILE)).toThrow(/data\/never_widened_roads\.csv: header must be "name_zh,name_en,status,source,note,date,source_url,quote,read,strength,publisher,between"/);
		expect(() => parseNeverWidenedCsv('', FILE)).toThrow(/\(empty file\)/);
	});
});

describe('markNeverWidened', () => {
	const wukang = entry({ name_zh: '武康路', status: 'reported', source: 'reported', source_url: 'https://example.org/wukang', quote: 'Wukang Road … never be expanded', read: '2026-12-03', strength: 'H', publisher: 'an office' });
	const entries = [
		wukang,
		entry({ name_zh: '高安路', status: 'confirmed', source: 'a published list', source_url: 'https://example.org/list', quote: '高安路 … 永不拓宽', read: '2026-12-03', strength: 'H' }),
		entry({ name_zh: '康平路', status: 'candidate' }),
		entry({ name_zh: '不存在路', status: 'candidate' })
	];
	const streets = [street('a', '武康路'), street('b', '武康路'), street('c', '高安路'), street('d', '康平路'), street('e', '淮海中路'), street('f', null)];

	it('marks every way of a listed street with its state and citation, and leaves the rest null', () => {
		const { features } = markNeverWidened(streets, entries);
		const p = Object.fromEntries(features.map((f) => [f.properties.id, f.properties]));
		expect(p.a).toMatchObject({
			never_widened: 'reported',
			never_widened_source: 'reported',
			never_widened_url: 'https://example.org/wukang',
			never_widened_quote: 'Wukang Road … never be expanded',
			never_widened_read: '2026-12-03',
			never_widened_strength: 'H',
			never_widened_publisher: 'an office'
		});
		expect(p.b.never_widened).toBe('reported');
		expect(p.c).toMatchObject({ never_widened: 'confirmed', never_widened_url: 'https://example.org/list' });
		expect(p.d).toMatchObject({ never_widened: 'candidate', never_widened_source: 'candidate', never_widened_url: null, never_widened_quote: null, never_widened_strength: null });
		for (const id of ['e', 'f']) expect(p[id]).toMatchObject({ never_widened: null, never_widened_source: null, never_widened_url: null, never_widened_quote: null, never_widened_read: null, never_widened_strength: null, never_widened_publisher: null });
	});

	it('lists the entries that name no street of the network, with why', () => {
		expect(markNeverWidened(streets, entries).unmatched.map((e) => [e.name_zh, e.status, e.reason])).toEqual([['不存在路', 'candidate', "不存在路 is not in this build's street network (the district and the area around it)"]]);
	});

	describe('a stretch between two cross streets', () => {
		// 长乐路 runs east along y = 0; 常熟路 crosses it at x = 1, 陕西南路 at x = 3 (shared nodes).
		const at = (x: number, y = 31.22): [number, number] => [121.44 + x * 0.003, y];
		const road = [
			street('west', '长乐路', [at(0), at(1)]),
			street('middle-1', '长乐路', [at(1), at(2)]),
			street('middle-2', '长乐路', [at(2), at(3)]),
			street('east', '长乐路', [at(3), at(4)])
		];
		const cross = [street('changshu', '常熟路', [at(1, 31.21), at(1), at(1, 31.23)]), street('shaanxi', '陕西南路', [at(3, 31.21), at(3), at(3, 31.23)])];
		const changle = entry({ name_zh: '长乐路', status: 'reported', between: '常熟路–陕西南路', source_url: 'https://example.org/changle', quote: '长乐路(常熟路-陕西南路)…64条', read: '2026-12-03', strength: 'M' });

		it('marks only the ways between the crossings, found in the whole network', () => {
			const { features, unmatched } = markNeverWidened(road, [changle], [...road, ...cross]);
			expect(Object.fromEntries(features.map((f) => [f.properties.id, f.properties.never_widened]))).toEqual({ west: null, 'middle-1': 'reported', 'middle-2': 'reported', east: null });
			expect(unmatched).toEqual([]);
		});

		it('lists a stretch whose cross street never meets the road, or that lies outside the build', () => {
			expect(markNeverWidened(road, [changle], [...road, cross[0]]).unmatched.map((e) => e.reason)).toEqual(['长乐路 (常熟路–陕西南路): 陕西南路 never meets 长乐路 in the street network, so the stretch cannot be found']);
			expect(markNeverWidened([road[0], road[3]], [changle], [...road, ...cross]).unmatched.map((e) => e.reason)).toEqual(["no way of 长乐路 in this build's area lies between 常熟路–陕西南路"]);
		});
	});
});

describe('the curated data/never_widened_roads.csv', () => {
	const path = fileURLToPath(new URL('../../../data/never_widened_roads.csv', import.meta.url));
	const { entries, rejected } = parseNeverWidenedCsv(readFileSync(path, 'utf8'), FILE);
	const byState = (s: string) => entries.filter((e) => e.status === s).map((e) => e.name_zh).sort();

	it('parses without rejections', () => {
		expect(rejected).toEqual([]);
		expect(entries.length).toBeGreaterThan(10);
	});

	it('confirms nothing: no official list is in hand', () => {
		expect(byState('confirmed')).toEqual([]);
	});

	it('reports exactly the roads a public source names in its own words, each with its page, words, read date and strength', () => {
		expect(byState('reported')).toEqual(['东平路', '武康路', '汾阳路', '湖南路', '桃江路', '衡山路', '长乐路'].sort());
		for (const e of entries.filter((e) => e.status === 'reported')) {
			expect(e.source_url, e.name_zh).toMatch(/^https:\/\//);
			expect(e.read, e.name_zh).toBe('2026-12-03');
			expect(['H', 'M', 'L'], e.name_zh).toContain(e.strength);
		}
		expect(entries.find((e) => e.name_zh === '武康路')).toMatchObject({ strength: 'H', quote: 'In 2005, Wukang Road was designated as a road that would never be expanded.' });
		expect(entries.find((e) => e.name_zh === '长乐路')).toMatchObject({ between: '常熟路–陕西南路', strength: 'M' });
	});

	it('keeps a road whose recorded words do not name it a candidate (五原路), and every candidate without a citation', () => {
		expect(entries.find((e) => e.name_zh === '五原路')).toMatchObject({ status: 'candidate', quote: null });
		expect(entries.find((e) => e.name_zh === '五原路')?.source).toMatch(/do not name the road/);
		for (const e of entries.filter((e) => e.status === 'candidate')) {
			expect(e.source, e.name_zh).toMatch(/SOURCES\.md|seed /);
			expect([e.source_url, e.quote, e.read, e.strength, e.publisher], e.name_zh).toEqual([null, null, null, null, null]);
		}
		expect(entries.find((e) => e.name_zh === '高安路')?.source).toMatch(/^tianping-2021-people-city \(“我为群众办实事，打造美好社区治理共同体”, 2021-11\): named as the 风貌道路 pilot/);
	});

	it('says when each row was written', () => {
		for (const e of entries) expect(['2026-11-23', '2026-12-03'], e.name_zh).toContain(e.date);
	});
});
