import { describe, expect, it } from 'vitest';
import { matchHeaders, normaliseHeader, type HeaderColumn } from '../../../../scripts/registers/io/headers';

const COLUMNS: HeaderColumn[] = [
	{ key: 'address', aliases: ['门牌', '地 址'], header: { zh: '地址', en: 'Address' } },
	{ key: 'status', aliases: ['状态'], header: { zh: '进度', en: 'Status' } },
	{ key: 'status_date', aliases: ['进度时间'], header: { zh: '进度日期', en: 'Status date' } },
	{ key: 'house_number', aliases: ['门牌号'], header: { zh: '号', en: 'House number' } },
	{ key: 'note', aliases: [] }
];

describe('normaliseHeader', () => {
	it('drops bracketed notes, marks, case, spaces, underscores and hyphens; folds full width', () => {
		expect(normaliseHeader('进度日期（YYYY-MM-DD）')).toBe('进度日期');
		expect(normaliseHeader('Status date (YYYY-MM-DD)')).toBe('statusdate');
		expect(normaliseHeader('地址【必填】*')).toBe('地址');
		expect(normaliseHeader('ｓｔａｔｕｓ＿ｄａｔｅ')).toBe('statusdate');
		expect(normaliseHeader('status-date：')).toBe('statusdate');
		expect(normaliseHeader('  备注（选填） ')).toBe('备注');
	});
});

describe('matchHeaders', () => {
	it('matches by the key row when there is one, whatever the header says', () => {
		const m = matchHeaders(['随便', '进度', '日期'], ['address', 'status', 'status_date'], COLUMNS);
		expect([...m.byKey]).toEqual([
			['address', 0],
			['status', 1],
			['status_date', 2]
		]);
		expect(m.matchedBy).toEqual(['key', 'key', 'key']);
		expect(m.unknown).toEqual([]);
		expect(m.missing).toEqual(['house_number', 'note']);
	});

	it('falls back to the header where the key row cell is empty or unknown, and ignores the example column', () => {
		const m = matchHeaders(['示例 / example', '地址', '进度', '备用'], ['_example', null, 'stauts', 'spare_field'], COLUMNS);
		expect(m.byKey.get('address')).toBe(1);
		expect(m.byKey.get('status')).toBe(2);
		expect(m.matchedBy).toEqual([null, 'header', 'header', null]);
		expect(m.unknown).toEqual([{ index: 3, header: '备用' }]);
	});

	it('matches Chinese and English headers, aliases and the key itself, with bracketed notes', () => {
		const m = matchHeaders(['地址（必填）', 'STATUS', '进度时间 (YYYY-MM-DD)', 'note', '门牌号'], undefined, COLUMNS);
		expect(Object.fromEntries(m.byKey)).toEqual({ address: 0, status: 1, status_date: 2, note: 3, house_number: 4 });
		expect(m.matchedBy.every((v) => v === 'header')).toBe(true);
		expect(matchHeaders(['Status Date', 'status_date'], null, COLUMNS).duplicates).toEqual([{ key: 'status_date', indices: [0, 1] }]);
	});

	it('reports duplicate matches, keeping the first column', () => {
		const m = matchHeaders(['地址', '门牌', '进度'], undefined, COLUMNS);
		expect(m.byKey.get('address')).toBe(0);
		expect(m.duplicates).toEqual([{ key: 'address', indices: [0, 1] }]);
	});

	it('tries the parts of a bilingual or two-row header, the sub-header first', () => {
		const m = matchHeaders(['进度日期 / Status date', '地址 / 号', '备注 / 其他'], undefined, COLUMNS);
		expect(m.byKey.get('status_date')).toBe(0);
		expect(m.byKey.get('house_number')).toBe(1);
		expect(m.unknown).toEqual([{ index: 2, header: '备注 / 其他' }]);
	});

	it('reports a header two fields claim as unknown with its candidates; skips empty columns', () => {
		const cols: HeaderColumn[] = [
			{ key: 'a', aliases: ['名称'] },
			{ key: 'b', aliases: ['名称'] }
		];
		const m = matchHeaders(['名称', '', '  '], undefined, cols);
		expect(m.byKey.size).toBe(0);
		expect(m.unknown).toEqual([{ index: 0, header: '名称', candidates: ['a', 'b'] }]);
	});
});
