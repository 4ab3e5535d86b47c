import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCURACY_FILE, measureAccuracy } from '../../bench/geocode';

// /about quotes data/geocoder-accuracy.json; this keeps it true of the geocoder as committed.
describe('the published geocoder accuracy', () => {
	it('matches a fresh leave-one-out evaluation on the real bundle (rerun `npm run bench -- geocode` after changing the geocoder)', () => {
		const published = JSON.parse(readFileSync(ACCURACY_FILE, 'utf8'));
		const { accuracy } = measureAccuracy();
		expect({ median_m: published.median_m, p90_m: published.p90_m, coverage: published.coverage, evaluated: published.evaluated }).toEqual(accuracy);
	}, 60_000);
});
