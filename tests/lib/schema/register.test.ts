import { describe, expect, it } from 'vitest';
import { elevatorRecord, facilityRecord, sourceKind } from '../../../src/lib/schema/register';

const seed = { source: 'tianping-2021-people-city', date: '2021-11', quote: '高安路50弄电梯加装竣工' };
const web = { source: 'https://example.org/news/1.html', date: '2025', quote: '五原路也是上海64条永不拓宽的马路之一', read: '2026-11-20', strength: 'M', publisher: '湖南街道' };
const imported = { source: 'import', date: '2026-10-12', imported: { file: '加梯台账.xlsx', sheet: '台账', row: 7, date: '2026-12-03' } };
const retrofit = (citation: object, event: object = citation) => ({
	id: 'elevator-x',
	kind: 'retrofit',
	district: 'tianping',
	name_zh: '某弄加装电梯',
	address: '高安路50弄',
	...citation,
	status_history: [{ status: 'completed', ...event }]
});
const issues = (r: unknown) => {
	const parsed = elevatorRecord.safeParse(r);
	return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('citations of register records', () => {
	it('tells the three kinds of source apart', () => {
		expect([seed.source, web.source, 'import', 'seed 3.txt', 'ftp://x', ''].map(sourceKind)).toEqual(['newsletter', 'web', 'import', null, null, null]);
	});

	it('accepts a newsletter, a public page and an import, each with what it must carry; no English name is needed', () => {
		expect(issues(retrofit(seed))).toEqual([]);
		expect(issues(retrofit(web))).toEqual([]);
		expect(issues(retrofit(imported))).toEqual([]);
	});

	it('names what a citation lacks, on the record and on each status event', () => {
		expect(issues(retrofit({ ...web, read: undefined }, web))).toEqual(['read: a public page is cited with the day it was read (read: YYYY-MM-DD)']);
		expect(issues(retrofit(seed, { ...web, strength: undefined }))).toEqual(['status_history.0.strength: a public page is cited with its strength (H, M or L)']);
		expect(issues(retrofit({ ...seed, quote: undefined }, seed))).toEqual(['quote: a newsletter is cited with its own words: quote is missing']);
		expect(issues(retrofit({ ...imported, imported: undefined }, imported))).toEqual(['imported: an imported record says where it came from (imported: file, sheet, row, date)']);
		expect(issues(retrofit({ ...seed, strength: 'H' }, seed))).toEqual(['strength: only a public page carries strength']);
		expect(issues(retrofit({ ...seed, source: 'the newsletter' }, seed))).toEqual(['source: must name a newsletter by its key in data/bibliography.json ("tianping-2021-people-city"), a public page (https://…) or "import"']);
	});

	it('holds an import row to a real spreadsheet row (the header is row 1)', () => {
		expect(issues(retrofit({ ...imported, imported: { ...imported.imported, row: 1 } }, imported))[0]).toMatch(/^imported\.row: /);
	});

	it('checks facilities the same way', () => {
		const facility = { id: 'facility-x', district: 'hunan', name_zh: '某服务点', address: null, category: 'legal', categories: ['legal'] };
		expect(facilityRecord.safeParse({ ...facility, ...web }).success).toBe(true);
		expect(facilityRecord.safeParse({ ...facility, ...web, quote: undefined }).success).toBe(false);
	});
});
