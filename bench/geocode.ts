/**
 * Geocoder accuracy, leave-one-out: every anchor inside the street network's extent is
 * geocoded from its own address with itself left out — and with every other record of the
 * same building left out too (one building listed by three sources would otherwise find
 * itself). The error is the distance to the point its source gives.
 *
 * That point is itself uncertain: the same building in two sources lies a median 21 m
 * (p90 85 m) apart in this bundle, which bounds what any geocoder can score here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseShanghaiAddress, roadKey, type ShanghaiAddress } from '../src/lib/geo/address';
import { metres } from '../src/lib/geo/distance';
import { createGeocoder, type Anchor, type GeocodeResult, type Geocoder } from '../src/lib/geo/geocode';
import { loadGeocoderInputs, STREET_NETWORK_BBOX } from '../scripts/pipeline/geocode/anchors';
import { sourcesDir } from '../scripts/pipeline/read';
import { median, percentile, type Metrics } from './metrics';

/** A threshold a caller might set: shows whether confidence sorts good answers from bad. */
const CONFIDENT = 0.6;

export interface Trial {
	anchor: Anchor;
	result: GeocodeResult;
	/** Metres from the anchor's own point; null when not found. */
	error: number | null;
}

export interface LeaveOneOutOptions {
	/**
	 * `siblings` (default) keeps the other houses of the same lane: different buildings, and a
	 * real user asking for 武康路40弄4号 has 武康路40弄1号 to go by. `strict` leaves the whole
	 * lane out, measuring placement along the street alone.
	 */
	lanes?: 'siblings' | 'strict';
	/** Which anchors to evaluate (default: those the geocoder uses, see `trustedIds`). */
	only?: ReadonlySet<string>;
}

/**
 * The anchors whose own point we trust as ground truth: the ones the geocoder itself accepts
 * (near their street) plus those it drops only for contradicting their neighbours. An anchor
 * 500 m from its own street measures its source, not the geocoder; `geocode_readable_coverage`
 * still counts every readable address.
 */
export function trustedIds(geocoder: Geocoder): Set<string> {
	const outOfOrder = geocoder.skipped.filter((s) => s.code === 'out-of-order').map((s) => s.anchor);
	return new Set([...geocoder.anchors, ...outOfOrder].map((a) => a.id));
}

export function leaveOneOut(geocoder: Geocoder, anchors: Anchor[], { lanes = 'siblings', only = trustedIds(geocoder) }: LeaveOneOutOptions = {}): Trial[] {
	const parsed = readable(anchors);
	return parsed
		.filter(({ anchor }) => only.has(anchor.id))
		.map(({ anchor, a, road }) => {
			const exclude = new Set(parsed.filter((o) => o.road === road && sameBuilding(a, o.a, lanes)).map((o) => o.anchor.id));
			exclude.add(anchor.id);
			const result = geocoder.geocode(anchor.address, { exclude });
			return { anchor, result, error: result.ok ? metres(result.point, anchor.point) : null };
		});
}

/** Anchors inside the street network's extent whose address parses. */
function readable(anchors: Anchor[]): Array<{ anchor: Anchor; a: ShanghaiAddress; road: string }> {
	const [w, s, e, n] = STREET_NETWORK_BBOX;
	return anchors.flatMap((anchor) => {
		const [x, y] = anchor.point;
		const p = parseShanghaiAddress(anchor.address);
		return p.ok && x >= w && x <= e && y >= s && y <= n ? [{ anchor, a: p.address, road: roadKey(p.address.road) }] : [];
	});
}

/** Same side, overlapping numbers — unless both are houses of one lane with different house numbers. */
function sameBuilding(a: ShanghaiAddress, b: ShanghaiAddress, lanes: 'siblings' | 'strict'): boolean {
	if (a.number % 2 !== b.number % 2 || a.number > b.numberTo || b.number > a.numberTo) return false;
	if (lanes === 'strict' || a.sub === null || b.sub === null || a.lane === null || b.lane === null) return true;
	return a.sub <= (b.subTo ?? b.sub) && b.sub <= (a.subTo ?? a.sub);
}

/** The headline accuracy, committed for the /about page and checked against a fresh evaluation by a test. */
export const ACCURACY_FILE = join(import.meta.dirname, '..', 'data', 'geocoder-accuracy.json');

export interface GeocoderAccuracy {
	median_m: number;
	p90_m: number;
	coverage: number;
	evaluated: number;
}

/** Leave-one-out over the trusted anchors of the real bundle (about 5 s). */
export function measureAccuracy(): { accuracy: GeocoderAccuracy; trials: Trial[]; geocoder: Geocoder; anchors: Anchor[] } {
	const dir = sourcesDir(join(import.meta.dirname, '..'));
	const { streets, anchors } = loadGeocoderInputs(dir);
	const geocoder = createGeocoder(streets, anchors);
	const trials = leaveOneOut(geocoder, anchors);
	const errors = trials.flatMap((t) => (t.error === null ? [] : [t.error]));
	const r = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
	const accuracy = { median_m: r(median(errors)), p90_m: r(percentile(errors, 90)), coverage: r(errors.length / trials.length, 3), evaluated: trials.length };
	return { accuracy, trials, geocoder, anchors };
}

export function geocodeBench(): Metrics {
	const { accuracy, trials, geocoder, anchors } = measureAccuracy();
	writeFileSync(
		ACCURACY_FILE,
		JSON.stringify(
			{
				$comment: 'Written by `npm run bench -- geocode`; shown on /about; tests/bench/geocoder-accuracy.test.ts fails when it no longer matches the geocoder.',
				method: 'leave-one-out on the geocoder’s trusted anchors, every record of the same building left out; error = distance to the anchor’s own point',
				...accuracy
			},
			null,
			'\t'
		) + '\n'
	);
	const strict = leaveOneOut(geocoder, anchors, { lanes: 'strict' });
	const everyReadable = leaveOneOut(geocoder, anchors, { only: new Set(readable(anchors).map((r) => r.anchor.id)) });

	const start = performance.now();
	for (const t of trials) geocoder.geocode(t.anchor.address);
	const msPerAddress = (performance.now() - start) / trials.length;

	const errors = (ts: Trial[]) => ts.flatMap((t) => (t.error === null ? [] : [t.error]));
	const confident = trials.filter((t) => t.result.ok && t.result.confidence >= CONFIDENT);
	const share = (ts: Trial[], method: string) => ts.filter((t) => t.result.ok && t.result.method === method).length / ts.length;
	const count = (codes: Array<string | undefined>) => [...tally(codes)].map(([k, v]) => `${k} ${v}`).join(', ');
	const failures = trials.map((t) => (t.result.ok ? undefined : t.result.code)).filter(Boolean);
	const r = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
	return {
		geocode_median_m: { value: r(median(errors(trials))), unit: 'm', goal: '≤ 40 (leave-one-out, same building left out)' },
		geocode_p90_m: { value: r(percentile(errors(trials), 90)), unit: 'm', goal: '≤ 120' },
		geocode_coverage: { value: r(errors(trials).length / trials.length, 3), unit: '', goal: `≥ 0.9 (not found: ${count(failures) || 'none'})` },
		geocode_confident_p90_m: { value: r(percentile(errors(confident), 90)), unit: 'm', goal: `reference: answers with confidence ≥ ${CONFIDENT} only` },
		geocode_confident_coverage: { value: r(confident.length / trials.length, 3), unit: '', goal: `reference: share answered with confidence ≥ ${CONFIDENT}` },
		geocode_strict_median_m: { value: r(median(errors(strict))), unit: 'm', goal: 'reference: the whole lane left out too' },
		geocode_strict_p90_m: { value: r(percentile(errors(strict), 90)), unit: 'm', goal: 'reference: the whole lane left out too' },
		geocode_readable_coverage: { value: r(errors(everyReadable).length / everyReadable.length, 3), unit: '', goal: `reference: every readable address in the extent (${everyReadable.length}), roads missing from the network included` },
		geocode_exact_share: { value: r(share(trials, 'exact'), 3), unit: '', goal: 'reference: answered from another house of the same lane' },
		geocode_street_share: { value: r(share(trials, 'street'), 3), unit: '', goal: 'reference: road with no anchor left' },
		geocode_evaluated: { value: trials.length, unit: '', goal: 'reference: anchors evaluated' },
		geocode_anchors: { value: geocoder.anchors.length, unit: '', goal: `reference: used, of ${anchors.length} records with an address` },
		geocode_skipped_anchors: { value: geocoder.skipped.length, unit: '', goal: `reference: ${count(geocoder.skipped.map((s) => s.code))}` },
		geocode_ms_per_address: { value: r(msPerAddress, 3), unit: 'ms', goal: 'reference' }
	};
}

function tally(values: Array<string | undefined>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
	return new Map([...counts].sort((a, b) => b[1] - a[1]));
}
