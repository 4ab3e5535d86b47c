/**
 * A seeded PRNG (mulberry32) for fuzz inputs and benchmark samples: the same seed gives the
 * same numbers on every machine, so a failure or a figure can be replayed.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
