import { describe, expect, it } from 'vitest';
import { dateOf, readCell } from '../../../../scripts/registers/import/cells';
import { rowColumns } from '../../../../src/lib/schema/register-row';

const col = (key: string, register: Parameters<typeof rowColumns>[0] = 'elevator-retrofits') => rowColumns(register).find((c) => c.key === key)!;
const value = (key: string, cell: Parameters<typeof readCell>[1], register?: Parameters<typeof rowColumns>[0]) => {
	const r = readCell(col(key, register), cell);
	return r.ok ? r.value : `✗ ${r.en}`;
};

describe('dates, in every form a sheet holds them', () => {
	it.each([
		[new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
		[45356, '2024-03-05'], // an Excel serial number without a date format
		[2024, '2024'],
		['2024-03-05', '2024-03-05'],
		['2024/3/5', '2024-03-05'],
		['2024.3.5', '2024-03-05'],
		['2024年3月5日', '2024-03-05'],
		['２０２４年３月', '2024-03'],
		['2024-3', '2024-03'],
		['2024', '2024']
	])('%j → %s', (cell, day) => expect(dateOf(cell as never)).toEqual({ ok: true, value: day }));

	it.each([['2024-13-01'], ['2023-02-29'], ['下个月'], [123]])('%j is refused with the reason', (cell) => {
		const r = dateOf(cell as never);
		expect(r.ok).toBe(false);
	});
});

describe('coded values, numbers and yes/no', () => {
	it('takes a status by its code or its Chinese or English label', () => {
		expect(value('status', 'completed')).toBe('completed');
		expect(value('status', '已完成')).toBe('completed');
		expect(value('status', 'Under construction')).toBe('construction');
		expect(value('status', '完成了')).toBe('✗ "完成了" is not one of the allowed values: consultation (Consultation), design (Design), construction (Under construction), completed (Completed)');
	});

	it('reads a subdistrict by its name', () => {
		expect(value('district', '湖南路街道')).toBe('hunan');
	});

	it('reads numbers written with full-width digits and thousands separators, and whole numbers only where asked', () => {
		expect(value('entrances', '１２')).toBe(12);
		expect(value('lon', '121.4456')).toBe(121.4456);
		expect(value('entrances', '2.5')).toBe('✗ "2.5" is not a whole number');
		expect(value('lon', 'abc')).toBe('✗ "abc" is not a number');
	});

	it('reads yes and no as clerks write them', () => {
		expect(['是', 'Y', '✓', 'TRUE', '否', '0'].map((c) => value('confirmed', c))).toEqual([true, true, true, true, false, false]);
		expect(value('confirmed', '也许')).toMatch(/^✗ "也许" should be yes or no/);
	});

	it('reads a list of categories separated by spaces or 、', () => {
		expect(value('other_categories', '养老与助餐、community', 'facilities')).toEqual(['elderly', 'community']);
	});

	it('leaves an empty cell empty, and keeps text as written', () => {
		expect(value('address', null)).toBeUndefined();
		expect(value('address', '  ')).toBeUndefined();
		expect(value('address', ' 高安路50弄 ')).toBe('高安路50弄');
	});
});
