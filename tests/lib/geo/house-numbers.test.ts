import { describe, expect, it } from 'vitest';
import { estimate, metresPerNumber, numberingDirection, outOfOrder, type Placed } from '../../../src/lib/geo/house-numbers';

const door = (number: number, measure: number, offset = number % 2 ? 15 : -15): Placed => ({ id: `${number}@${measure}`, number, side: (number % 2) as 0 | 1, measure, offset });

/*
 * Both sides number the same way (12.5 m per number), but the even side's numbers sit some
 * 300 m before the odd side's: every pair across the street points the other way, and there
 * are more of them (9) than pairs along one side (6).
 */
const drifted = [door(1, 300), door(9, 400), door(17, 500), door(40, 0), door(48, 100), door(56, 200)];

describe('numberingDirection', () => {
	it('goes by pairs on one side, not by pairs across the street', () => {
		expect(metresPerNumber(drifted)).toBeLessThan(0);
		expect(numberingDirection(drifted, -1)).toBe(1);
	});

	it('falls back on the city’s rule when one side gives too few pairs', () => {
		expect(numberingDirection([door(1, 100), door(11, 130), door(20, 0)], -1)).toBe(-1);
		expect(numberingDirection([door(1, 100), door(11, 130), door(20, 0)], 1)).toBe(1);
	});
});

describe('estimate: past the last known number', () => {
	it('extrapolates the way numbers grow, at the default rate when the measured one runs against it', () => {
		const e = estimate(25, 1, drifted, -2.4, 1000)!;
		expect(e.how).toBe('beyond');
		expect(e.direction).toBe(1);
		expect(e.measure).toBeCloseTo(500 + 8 * 2.4, 5);
	});

	it('keeps the measured rate when it runs the right way', () => {
		const even = [door(2, 10), door(12, 40), door(22, 70), door(32, 100)];
		expect(estimate(42, 0, even, -2.4, 1000)!.measure).toBeCloseTo(130, 5);
	});
});

describe('estimate: between known numbers', () => {
	it('puts neighbours that run slightly backwards at their mean, not one behind the other', () => {
		// 9 lies 10 m behind 5: too little to drop either, so both stand at 135
		const odd = [door(1, 100), door(5, 140), door(9, 130), door(13, 200)];
		expect(outOfOrder(odd, 1).size).toBe(0);
		expect(estimate(3, 1, odd, 2.4, 1000)!.measure).toBeCloseTo(117.5, 5);
		expect(estimate(7, 1, odd, 2.4, 1000)!.measure).toBeCloseTo(135, 5);
		expect(estimate(11, 1, odd, 2.4, 1000)!.measure).toBeCloseTo(167.5, 5);
	});

	it('leaves two lone anchors where they are, even against the city’s rule', () => {
		expect(estimate(101, 1, [door(1, 5), door(199, 995)], -2.4, 1000)!.measure).toBeCloseTo(505, 5);
	});
});

describe('outOfOrder', () => {
	it('judges each side against the direction its own pairs give', () => {
		expect(outOfOrder(drifted, -1).size).toBe(0);
	});

	it('drops the anchor that runs against its side', () => {
		const dropped = outOfOrder([...drifted, door(13, 150)], 1);
		expect([...dropped]).toEqual(['13@150']);
	});
});
