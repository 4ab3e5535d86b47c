import { describe, expect, it } from 'vitest';
import { knownNames } from '../../../scripts/pipeline/build';

describe('knownNames', () => {
	const street = (name: string, name_en: string | null) => ({ properties: { name, name_en } });
	const known = knownNames([street('衡山路', 'Hengshan Road'), street('衡山路', 'Hengshan Road'), street('衡山路', null), street('某路', 'Mou Road'), street('某路', 'Mou Lu'), street('无名路', null)]);

	it('gives a street’s English name by its Chinese name', () => {
		expect(known.streetEn('衡山路')).toBe('Hengshan Road');
	});
	it('gives none where the streets disagree or have none', () => {
		expect(known.streetEn('某路')).toBeNull();
		expect(known.streetEn('无名路')).toBeNull();
		expect(known.streetEn('上海图书馆')).toBeNull();
	});
});
