/**
 * Greedy one-to-one matching: every plausible (target, candidate) pair is scored, pairs
 * are taken best first, and each side is used at most once. Greedy is enough here: the
 * candidate sets are small and a strong method (same name) always outranks a weak one
 * (mere proximity), so conflicts resolve the way a person would resolve them.
 */
export interface Pair<M extends string> {
	target: number;
	candidate: number;
	method: M;
	distanceM: number;
}

export function matchOneToOne<M extends string>(pairs: Pair<M>[], methodRank: readonly M[]): Map<number, Pair<M>> {
	const rank = (m: M) => methodRank.indexOf(m);
	const sorted = [...pairs].sort(
		(a, b) => rank(a.method) - rank(b.method) || a.distanceM - b.distanceM || a.target - b.target || a.candidate - b.candidate
	);
	const byTarget = new Map<number, Pair<M>>();
	const usedCandidates = new Set<number>();
	for (const pair of sorted) {
		if (byTarget.has(pair.target) || usedCandidates.has(pair.candidate)) continue;
		byTarget.set(pair.target, pair);
		usedCandidates.add(pair.candidate);
	}
	return byTarget;
}
