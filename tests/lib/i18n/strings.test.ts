import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../../src/lib/i18n/strings';

describe('groupDigits', () => {
	it('writes counts as toLocaleString does in zh-CN and en', () => {
		for (const n of [0, 7, 303, 5800, 12345, 1234567, -4500, 2.5, 1234.75]) {
			expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en'));
			expect(groupDigits(n), String(n)).toBe(n.toLocaleString('zh-CN'));
		}
	});
});
