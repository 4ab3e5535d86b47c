import { describe, expect, it } from 'vitest';
import { residencePerson } from '../../../src/lib/layers/simple';

describe('residencePerson', () => {
	it('drops the digit the atlas tells one person’s homes apart by', () => {
		expect(residencePerson('巴金3')).toBe('巴金');
		expect(residencePerson('孔祥熙1')).toBe('孔祥熙');
	});

	it('names a couple listed with a backslash as two people', () => {
		expect(residencePerson('萧军\\萧红')).toBe('萧军、萧红');
	});

	it('leaves a plain name, and one with digits inside, alone', () => {
		expect(residencePerson(' 竺可桢 ')).toBe('竺可桢');
		expect(residencePerson('公董局总董')).toBe('公董局总董');
	});
});
