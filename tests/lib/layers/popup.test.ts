import { describe, expect, it } from 'vitest';
import { fieldText, fieldValue } from '../../../src/lib/layers/popup';
import type { PopupField } from '../../../src/lib/layers/types';

const address: PopupField = { key: 'address', label: { zh: '地址', en: 'Address' }, english: 'address_en' };
const batch: PopupField = { key: 'batch', label: { zh: '批次', en: 'Batch' }, valueLabels: { 第一批: { zh: '第一批', en: 'Batch 1' } } };
const merged: PopupField = { key: 'merged_listings', label: { zh: '合并', en: 'Merged' }, lang: true };

describe('fieldValue', () => {
	it('reads a per-language field in the reader’s language, else the other', () => {
		expect(fieldValue(merged, { merged_listings_zh: '两条', merged_listings_en: 'two' }, 'en')).toBe('two');
		expect(fieldValue(merged, { merged_listings_zh: '两条', merged_listings_en: null }, 'en')).toBe('两条');
	});
});

describe('fieldText', () => {
	it('gives the English address with the source’s own beside it, in English only', () => {
		const record = { address: '衡山路53号', address_en: '53 Hengshan Road' };
		expect(fieldText(address, record, 'en')).toBe('53 Hengshan Road (衡山路53号)');
		expect(fieldText(address, record, 'zh')).toBe('衡山路53号');
	});

	it('keeps the source’s address where there is no English one', () => {
		expect(fieldText(address, { address: '衡山路53弄', address_en: null }, 'en')).toBe('衡山路53弄');
	});

	it('labels coded values and says yes or no in words', () => {
		expect(fieldText(batch, { batch: '第一批' }, 'en')).toBe('Batch 1');
		expect(fieldText(batch, { batch: '第九批' }, 'en')).toBe('第九批');
		expect(fieldText({ key: 'red', label: { zh: '', en: '' } }, { red: false }, 'zh')).toBe('否');
	});

	it('has nothing to show for an empty value', () => {
		for (const v of [null, undefined, '', '  ']) expect(fieldText(address, { address: v }, 'en')).toBeNull();
	});
});
