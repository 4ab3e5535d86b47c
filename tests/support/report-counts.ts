/**
 * The counts a build report holds, without its long lists: what "the same portal" means when a
 * build from another copy of the sources is compared with a recorded one.
 */
export interface ReportLike {
	sources: Array<{ source: string; read: number; accepted: number; rejected: number; outsideArea: number }>;
	rejected: Array<{ source: string }>;
	layers: Array<{ id: string; total: number; in_district: number }>;
	/** Per district (or, in reports before both districts were built, one list). */
	figures: Record<string, Array<{ key: string; published: number; computed: number | null }>> | Array<{ key: string; published: number; computed: number | null }>;
	conflation: unknown;
	registers: { counts: Array<{ source: string; read: number; accepted: number; rejected: number; outsideArea: number }>; unplaced: unknown[] };
	walk: { nodes: number; edges: number; waysKept: number };
	archives: Array<{ archive: string; tileCount: number; featuresPerLayer: Record<string, number> }>;
}

export function reportCounts(report: ReportLike) {
	const rejectedBySource: Record<string, number> = {};
	for (const r of report.rejected) rejectedBySource[r.source] = (rejectedBySource[r.source] ?? 0) + 1;
	return {
		sources: report.sources.map(({ source, read, accepted, rejected, outsideArea }) => ({ source, read, accepted, rejected, outsideArea })),
		rejectedBySource,
		layers: report.layers,
		figures: (Array.isArray(report.figures) ? report.figures : Object.values(report.figures).flat()).map(({ key, published, computed }) => ({ key, published, computed })),
		conflation: report.conflation,
		registers: report.registers.counts.map(({ source, read, accepted, rejected, outsideArea }) => ({ source, read, accepted, rejected, outsideArea })),
		unplaced: report.registers.unplaced.length,
		walk: { nodes: report.walk.nodes, edges: report.walk.edges, waysKept: report.walk.waysKept },
		archives: report.archives.map(({ archive, tileCount, featuresPerLayer }) => ({ archive, tileCount, featuresPerLayer }))
	};
}
