/**
 * Orders a visitor's chosen stops into a short walk: nearest neighbour from the first stop,
 * then 2-opt until no reversal shortens it. An open path (no return to the start), on walking
 * distances, not straight lines. Exact for the handful of stops a walk has in practice; never
 * worse than the order given.
 */
export function orderStops(distance: number[][]): number[] {
	const n = distance.length;
	if (n <= 2) return [...Array(n).keys()];
	const given = [...Array(n).keys()];
	let order = twoOpt(nearestNeighbour(distance), distance);
	// Keep the user's own order if it happens to be shorter (the heuristic's promise).
	if (pathLength(given, distance) <= pathLength(order, distance)) order = twoOpt(given, distance);
	return order;
}

export function pathLength(order: readonly number[], distance: number[][]): number {
	let sum = 0;
	for (let i = 1; i < order.length; i++) sum += distance[order[i - 1]][order[i]];
	return sum;
}

function nearestNeighbour(distance: number[][]): number[] {
	const n = distance.length;
	const order = [0];
	const used = new Set([0]);
	while (order.length < n) {
		const last = order[order.length - 1];
		let best = -1;
		for (let j = 0; j < n; j++) if (!used.has(j) && (best < 0 || distance[last][j] < distance[last][best])) best = j;
		order.push(best);
		used.add(best);
	}
	return order;
}

/** Reverses segments while that shortens the path; the first stop stays first. */
export function twoOpt(start: readonly number[], distance: number[][]): number[] {
	const order = [...start];
	const d = (a: number, b: number) => distance[order[a]][order[b]];
	for (let improved = true; improved; ) {
		improved = false;
		for (let i = 1; i < order.length - 1; i++) {
			for (let k = i + 1; k < order.length; k++) {
				// Reversing order[i..k]: edges (i-1,i) and (k,k+1) become (i-1,k) and (i,k+1).
				const before = d(i - 1, i) + (k + 1 < order.length ? d(k, k + 1) : 0);
				const after = d(i - 1, k) + (k + 1 < order.length ? d(i, k + 1) : 0);
				if (after < before - 1e-9) {
					order.splice(i, k - i + 1, ...order.slice(i, k + 1).reverse());
					improved = true;
				}
			}
		}
	}
	return order;
}
