/**
 * The grid both formats become before their headers and rows are found: an XLSX worksheet (via
 * xlsx-grid.ts) and a CSV file (via csv.ts) are each turned into rows of cells plus merged ranges,
 * and table-build.ts reads the table from that. The notes gathered on the way live here too,
 * grouped so a column of 5,000 formulas is one note: the converters and the builder all add to
 * them, and keeping them here rather than in table-build.ts (which uses xlsx-grid.ts's text
 * helpers) spares xlsx-grid.ts an import of the builder, which would be a cycle.
 */
import { n, type Cell, type Msg } from './table-result';

// ——— The grid both formats become ———————————————————————————————————————————————————

export interface Merge {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

export interface Grid {
	/** Rows with at least one value, in order; cells[0] is column A. Merge slaves are null. */
	rows: Array<{ row: number; cells: Cell[] }>;
	/** 1-based rows, 1-based columns. */
	merges: Merge[];
	/** The last row the sheet uses (formatted empty rows included), for the trailing-rows note. */
	lastRow: number;
}

// ——— Notes, grouped so a column of 5,000 formulas is one note ————————————————————————————

export class Notes {
	private list: Array<Msg | { group: string }> = [];
	private groups = new Map<string, { zh: string; en: string; where: Msg[] }>();

	add(zh: string, en: string): void {
		this.list.push({ zh, en });
	}

	group(key: string, where: Msg, zh: string, en: string): void {
		let g = this.groups.get(key);
		if (!g) {
			g = { zh, en, where: [] };
			this.groups.set(key, g);
			this.list.push({ group: key });
		}
		g.where.push(where);
	}

	render(): Msg[] {
		return this.list.map((item) => {
			if (!('group' in item)) return item;
			const g = this.groups.get(item.group)!;
			const shown = g.where.slice(0, 10);
			const more = g.where.length - shown.length;
			return {
				zh: `${shown.map((w) => w.zh).join('、')}${more > 0 ? ` 等另外 ${n(more)} 处` : ''}：${g.zh}。`,
				en: `${capitalise(shown.map((w) => w.en).join(', '))}${more > 0 ? ` and ${n(more)} more` : ''}: ${g.en}.`
			};
		});
	}
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
