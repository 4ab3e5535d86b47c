/** One benchmark figure as stored in bench/results.json. */
export interface Metric {
	value: number;
	unit: string;
	goal: string;
	/** The suite that wrote it (set by bench/run.ts), so a rerun of that suite replaces all its figures. */
	suite?: string;
}

export type Metrics = Record<string, Metric>;

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
