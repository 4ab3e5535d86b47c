/**
 * The bands drawn for a time limit: the 5/10/15-minute rings of the life-circle plan up to the
 * limit, or thirds of a longer limit (more than four shades stop being readable).
 */
export function bandsFor(limit: number): number[] {
	if (limit <= 20) return [...[5, 10, 15].filter((m) => m < limit), limit];
	return [Math.round(limit / 3), Math.round((2 * limit) / 3), limit];
}
