import { describe, expect, it } from 'vitest';
import { groupDigits, STRINGS, tf } from '../../../src/lib/i18n/strings';

describe('groupDigits', () => {
	it('writes counts as toLocaleString does in zh-CN and en', () => {
		for (const n of [0, 7, 303, 5800, 12345, 1234567, -4500, 2.5, 1234.75]) {
			expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en'));
			expect(groupDigits(n), String(n)).toBe(n.toLocaleString('zh-CN'));
		}
	});
});

describe('strings with slots', () => {
	it('fill their slots in both languages, as the issue words the unknown district’s note', () => {
		expect(tf('zh', 'districtUnknown', { d: 'x', name: '天平路街道' })).toBe('未知的街道 “x”，已显示天平路街道');
		expect(tf('en', 'districtUnknown', { d: 'x', name: 'Tianping Road Subdistrict' })).toBe('Unknown subdistrict "x": showing Tianping Road Subdistrict');
		// A value is put in as it is, even one that looks like a slot or a replacement pattern.
		expect(tf('en', 'inOtherDistrict', { name: '$& {name}' })).toBe('(in $& {name})');
	});

	it('have the same slots in zh and en', () => {
		const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const [key, text] of Object.entries(STRINGS)) expect(slots(text.en), key).toEqual(slots(text.zh));
	});
});
