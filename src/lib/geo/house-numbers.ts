/**
 * House numbers → metres along a street, from anchors whose number and position are known.
 *
 * Shanghai numbers each road from one end, odd doors on one side and even on the other, and
 * lanes (弄) take numbers from the same sequence. So along one side, position grows with the
 * number — but not evenly (a villa garden takes one number, a row of shops twenty), which is
 * why we interpolate between the nearest known numbers rather than fit one rate per road.
 */

/** An anchor reduced to what placing numbers needs. */
export interface Placed {
	id: string;
	number: number;
	/** Parity of the number: Shanghai puts odd and even doors on opposite sides. */
	side: 0 | 1;
	measure: number;
	offset: number;
}

export interface Estimate {
	measure: number;
	offset: number;
	/** Rough 1-σ error in metres, from how far the estimate had to reach. */
	sigma: number;
	used: string[];
	/** `at`: an anchor has this very number (another unit, e.g. 50弄 for 50号). */
	how: 'at' | 'between' | 'beyond';
	otherSide: boolean;
	/** Which way numbers grow along the axis: 1 with the measure, -1 against it. */
	direction: 1 | -1;
}

/** Anchors further than this from the monotone fit of their side contradict their neighbours. */
export const OUT_OF_ORDER_M = 80;
/**
 * Metres per number when a road's own anchors cannot say: the median over the roads of the
 * bundle's network that have anchors (2.4; each side counts in twos, so ~5 m per door).
 */
export const DEFAULT_METRES_PER_NUMBER = 2.4;
/** A number placed further than this past the end of the mapped street lies on a part of the road the network lacks. */
export const BEYOND_END_M = 60;
/** Fewer pairs of anchors than this give a rate no steadier than the default one. */
const MIN_SLOPE_PAIRS = 3;
/** Offsets come from anchors, some deep in their lane; a door is rarely further off the axis (20 and 60 measured worse). */
const MAX_OFFSET_M = 35;
/**
 * How far off the street a lane (弄) with no known house is placed. Its opening (at most
 * MAX_OFFSET_M off) is not where its buildings are: in the bundle a lane's own point lies a
 * median 59 m from its street. Placing such lanes this deep cut the leave-one-out p90 from
 * 128 m to 123.4 m, for a median 1.2 m worse (36.4 m); a house of the lane goes by its
 * number instead (`laneDepth`).
 */
export const LANE_DEPTH_M = 60;

/**
 * Where number `n` (on `side`) lies along a street `length` metres long, in metres along its
 * axis. Null when no anchor is left. The estimate may lie past an end of the axis (when
 * nothing better exists), which the caller must check with `withinStreet`.
 *
 * Same-side anchors on both sides of `n` always win: the other side's numbers can drift far
 * from ours (陕西南路235号 faces 370, not 234), and measured on the bundle, letting the other
 * side compete made p90 worse. Past the last same-side number, the other side may stand in
 * when it reaches less far or when ours would leave the mapped street.
 *
 * `fallbackSlope`: metres per number when the anchors cannot say, signed by the way the
 * city's rule says numbers grow along the axis (see `numberingDirection`).
 */
export function estimate(n: number, side: 0 | 1, anchors: readonly Placed[], fallbackSlope: number, length: number): Estimate | null {
	const { slope, sides } = prepared(anchors, fallbackSlope);
	const same = sides[side];
	const other = sides[side ? 0 : 1];
	const mine = along(n, same, slope);
	if (mine && mine.how !== 'beyond') return mine;
	const theirs = along(n, other, slope);
	const across = theirs && { ...theirs, offset: sideOffset(same, other, theirs.offset), sigma: theirs.sigma + 45, otherSide: true };
	const candidates = [mine, across].filter((e): e is Estimate => e !== null);
	const inside = candidates.filter((e) => withinStreet(e.measure, length));
	return (inside.length ? inside : candidates).sort((a, b) => a.sigma - b.sigma)[0] ?? null;
}

/**
 * What `estimate` derives from a road's anchors alone (the rate, and each side's anchors), kept
 * per anchor list: a register of thousands of addresses asks about the same roads again and again.
 */
const derived = new WeakMap<readonly Placed[], Map<number, { slope: number; sides: [Placed[], Placed[]] }>>();
function prepared(anchors: readonly Placed[], fallbackSlope: number): { slope: number; sides: [Placed[], Placed[]] } {
	const bySlope = derived.get(anchors) ?? derived.set(anchors, new Map()).get(anchors)!;
	let hit = bySlope.get(fallbackSlope);
	if (!hit) {
		const slope = signedRate(anchors, fallbackSlope);
		// Order is only judged (here and in `outOfOrder`) where the road's anchors give a rate: two lone anchors may be the ones to trust.
		const judged = metresPerNumber(anchors) !== null;
		const direction = slope < 0 ? -1 : 1;
		const sideOf = (s: 0 | 1) => (judged ? pooled(anchors.filter((a) => a.side === s), direction) : anchors.filter((a) => a.side === s));
		bySlope.set(fallbackSlope, (hit = { slope, sides: [sideOf(0), sideOf(1)] }));
	}
	return hit;
}

/**
 * The offset of a lane with no known house: `laneDepth` off the axis, on its number's side.
 * Odd numbers lie to the left of the way numbers grow, even to the right (1,022 anchors more
 * than 8 m off their street against 42 in the bundle) — surer than the side of the anchors an
 * estimate rests on, which may be the other side's or deep in some other lane.
 */
export function laneOffset(side: 0 | 1, direction: 1 | -1, house: number | null = null): number {
	return (side ? 1 : -1) * direction * laneDepth(house);
}

/**
 * How far off the street to place a house of a lane none of whose houses is known: a lane
 * numbers its houses from its mouth inwards, so the higher the number, the deeper. The bundle's
 * lane houses lie a median 34 m from their street when numbered 1–3, 66 m for 4–8, 80 m for
 * 9–20 and 105 m beyond; a lane without a house number goes LANE_DEPTH_M in.
 */
export function laneDepth(house: number | null): number {
	if (house === null) return LANE_DEPTH_M;
	return house <= 3 ? 34 : house <= 8 ? 66 : house <= 20 ? 80 : 105;
}

/** Whether a measure lies on the mapped street, give or take BEYOND_END_M. */
export function withinStreet(measure: number, length: number): boolean {
	return measure >= -BEYOND_END_M && measure <= length + BEYOND_END_M;
}

/*
 * The σ formulas are fitted to the leave-one-out errors on the bundle (bench/geocode.ts):
 * between two anchors the median error is ~25 m, growing slowly with the gap; past the last
 * known number ~40 m, growing with the distance extrapolated.
 */
function along(n: number, anchors: readonly Placed[], slope: number): Estimate | null {
	if (!anchors.length) return null;
	const direction = slope < 0 ? -1 : 1;
	const below = nearest(anchors, (a) => a.number <= n, (a, b) => b.number - a.number);
	const above = nearest(anchors, (a) => a.number >= n, (a, b) => a.number - b.number);
	if (below.length && above.length) {
		const [lo, hi] = [mean(below), mean(above)];
		const t = hi.number === lo.number ? 0.5 : (n - lo.number) / (hi.number - lo.number);
		const measure = lo.measure + t * (hi.measure - lo.measure);
		const offset = clampOffset(lo.offset + t * (hi.offset - lo.offset));
		const reach = Math.abs(hi.measure - lo.measure) * Math.min(t, 1 - t) * 2;
		const how = lo.number === hi.number ? 'at' : 'between';
		return { measure, offset, sigma: 25 + 0.04 * reach, used: ids(below, above), how, otherSide: false, direction };
	}
	const end = below.length ? below : above;
	const near = mean(end);
	const measure = near.measure + slope * (n - near.number);
	const sigma = 38 + 0.05 * Math.abs(measure - near.measure);
	return { measure, offset: clampOffset(near.offset), sigma, used: ids(end), how: 'beyond', otherSide: false, direction };
}

/** The anchors sharing the closest number on one side of `n` (several sources often list one building). */
function nearest(anchors: readonly Placed[], keep: (a: Placed) => boolean, order: (a: Placed, b: Placed) => number): Placed[] {
	const side = anchors.filter(keep).sort(order);
	return side.filter((a) => a.number === side[0]?.number);
}

/**
 * Metres per house number along the axis (signed: numbers may run either way), as the median
 * of pairwise slopes (Theil–Sen), which one misplaced anchor cannot swing. Null with too few
 * pairs to trust. `sameSide` keeps only pairs of one parity.
 */
export function metresPerNumber(anchors: readonly Placed[], sameSide = false): number | null {
	const slopes: number[] = [];
	for (let i = 0; i < anchors.length; i++) {
		for (let j = i + 1; j < anchors.length; j++) {
			const dn = anchors[j].number - anchors[i].number;
			if (sameSide && anchors[i].side !== anchors[j].side) continue;
			if (Math.abs(dn) >= 2) slopes.push((anchors[j].measure - anchors[i].measure) / dn);
		}
	}
	if (slopes.length < MIN_SLOPE_PAIRS) return null;
	slopes.sort((a, b) => a - b);
	return slopes[slopes.length >> 1];
}

/**
 * Which way numbers grow along the axis: as pairs of anchors on one side say, else as the
 * city's rule (`rule`, from the end nearer the Huangpu) says. Pairs across the street do not
 * count here: the two sides drift apart (陕西南路235号 faces 370), and on a short road that
 * drift outweighs the numbering — 东湖路's 12 anchors, mixed, pointed the wrong way.
 */
export function numberingDirection(anchors: readonly Placed[], rule: 1 | -1): 1 | -1 {
	const sameSide = metresPerNumber(anchors, true);
	return sameSide ? (sameSide < 0 ? -1 : 1) : rule;
}

/**
 * Metres per number, signed by `numberingDirection`. The rate counts pairs across the street
 * too (more pairs, steadier), but a rate against the direction measures drift, not numbering,
 * so the default rate stands in for it.
 */
function signedRate(anchors: readonly Placed[], fallbackSlope: number): number {
	const direction = numberingDirection(anchors, fallbackSlope < 0 ? -1 : 1);
	const rate = metresPerNumber(anchors);
	return rate !== null && Math.sign(rate) === direction ? rate : direction * Math.abs(fallbackSlope);
}

/**
 * The anchors that contradict their side's order: numbers must run along the street the way
 * `numberingDirection` says (`rule`: the city's rule for this road). Fits a monotone curve per
 * side (pool-adjacent-violators) and drops the worst anchor while any lies further than
 * OUT_OF_ORDER_M from it.
 */
export function outOfOrder(anchors: readonly Placed[], rule: 1 | -1): Set<string> {
	const dropped = new Set<string>();
	if (!metresPerNumber(anchors)) return dropped;
	const direction = numberingDirection(anchors, rule);
	for (const side of [0, 1] as const) {
		const kept = anchors.filter((a) => a.side === side).sort((a, b) => a.number - b.number);
		for (;;) {
			const fit = isotonic(kept.map((a) => direction * a.measure));
			let worst = -1;
			let worstResidual = OUT_OF_ORDER_M;
			kept.forEach((a, i) => {
				const r = Math.abs(direction * a.measure - fit[i]);
				if (r > worstResidual) [worst, worstResidual] = [i, r];
			});
			if (worst < 0) break;
			dropped.add(kept[worst].id);
			kept.splice(worst, 1);
		}
	}
	return dropped;
}

/**
 * One side's anchors, each at its number's place on the side's monotone fit. Neighbours whose
 * order contradicts `direction` by less than OUT_OF_ORDER_M are kept, but which of them is off
 * cannot be told, so both stand at their mean rather than pulling an estimate backwards.
 */
function pooled(anchors: readonly Placed[], direction: 1 | -1): Placed[] {
	const numbers = [...new Set(anchors.map((a) => a.number))].sort((a, b) => a - b);
	const fit = isotonic(numbers.map((n) => direction * mean(anchors.filter((a) => a.number === n)).measure));
	const at = new Map(numbers.map((n, i) => [n, direction * fit[i]]));
	return anchors.map((a) => ({ ...a, measure: at.get(a.number)! }));
}

/** Least-squares non-decreasing fit (pool adjacent violators). */
function isotonic(values: number[]): number[] {
	const blocks: Array<{ sum: number; count: number }> = [];
	for (const v of values) {
		blocks.push({ sum: v, count: 1 });
		while (blocks.length > 1) {
			const [a, b] = [blocks[blocks.length - 2], blocks[blocks.length - 1]];
			if (a.sum / a.count <= b.sum / b.count) break;
			blocks.splice(-2, 2, { sum: a.sum + b.sum, count: a.count + b.count });
		}
	}
	return blocks.flatMap((b) => new Array<number>(b.count).fill(b.sum / b.count));
}

/** The other side's position mirrored onto ours: our own side's typical offset if we have one, else theirs flipped. */
function sideOffset(same: readonly Placed[], other: readonly Placed[], theirs: number): number {
	if (same.length) return clampOffset(median(same.map((a) => a.offset)));
	const sign = Math.sign(median(other.map((a) => a.offset)));
	return clampOffset(-sign * Math.abs(theirs));
}

function mean(anchors: Placed[]): Placed {
	const m = (f: (a: Placed) => number) => anchors.reduce((s, a) => s + f(a), 0) / anchors.length;
	return { id: anchors[0].id, number: anchors[0].number, side: anchors[0].side, measure: m((a) => a.measure), offset: m((a) => a.offset) };
}

function ids(...groups: Placed[][]): string[] {
	return [...new Set(groups.flat().map((a) => a.id))];
}

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function clampOffset(v: number): number {
	return clamp(v, -MAX_OFFSET_M, MAX_OFFSET_M);
}

function clamp(v: number, lo: number, hi: number): number {
	return v < lo ? lo : v > hi ? hi : v;
}
