/**
 * Header conventions shared by the template writer and the sheet reader, and the matcher that
 * maps a sheet's columns to field keys. Pure: no I/O.
 */

/** A field key as the template's key row writes it: `status_date`. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/**
 * The template's first column: it marks the example row (its cell holds the spec's
 * `exampleMarker`) and is empty in every row a clerk fills in. Its key-row cell holds
 * EXAMPLE_KEY, which is how the reader finds it (or by EXAMPLE_HEADER when the key row is gone).
 */
export const EXAMPLE_KEY = '_example';
export const EXAMPLE_HEADER = '示例 / example';

/** A key-row cell: a field key, or the example column's key. */
export function isKeyCell(text: string): boolean {
	return KEY_PATTERN.test(text) || text === EXAMPLE_KEY;
}

const BRACKETED = /[(\[【〔《<][^)\]】〕》>]*[)\]】〕》>]/g;

/**
 * A header as compared: NFKC (full-width to half-width), lower case, bracketed notes removed
 * ("（选填）", "(YYYY-MM-DD)", "【必填】"), required-marks (*) and trailing colons removed, spaces,
 * underscores and hyphens ignored.
 */
export function normaliseHeader(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(BRACKETED, '')
		.replace(/[*＊]/g, '')
		.replace(/[:：]\s*$/, '')
		.replace(/[\s_\-\u2010-\u2015]+/g, '');
}

export interface HeaderColumn {
	key: string;
	/** Other names the column goes by (a district's own header, an old template's wording). */
	aliases: string[];
	/** The template's headers, matched like aliases. */
	header?: { zh: string; en: string };
}

export interface HeaderMatch {
	/** Field key → column index (the first column that matched, when several did). */
	byKey: Map<string, number>;
	/** Columns with a header (or key) that matched no field, or several (`candidates`). */
	unknown: Array<{ index: number; header: string; candidates?: string[] }>;
	/** Fields more than one column matched: every such column index, the one kept first. */
	duplicates: Array<{ key: string; indices: number[] }>;
	/** Fields no column matched, in the order given (the caller decides which are required). */
	missing: string[];
	/** Per column: matched by its key-row cell, by its header text, or not at all. */
	matchedBy: Array<'key' | 'header' | null>;
	missingRequired?: never;
}

/**
 * Columns → field keys. A column's key-row cell (the template's row 2), when present and a known
 * key, decides; otherwise its header text, normalised (see normaliseHeader), is compared with each
 * field's key, zh/en headers and aliases. A header that does not match as a whole is split on "/",
 * "|" and line breaks and its parts tried from the last one back (a two-row header read as
 * "地址 / 门牌号" matches on its sub-header; "进度日期 / Status date" on either half).
 */
export function matchHeaders(headers: string[], keys: Array<string | null> | null | undefined, columns: HeaderColumn[]): HeaderMatch {
	const byName = new Map<string, Set<string>>();
	const known = new Set(columns.map((c) => c.key));
	for (const column of columns) {
		const names = [column.key, ...column.aliases];
		if (column.header) names.push(column.header.zh, column.header.en);
		for (const name of names) {
			const n = normaliseHeader(name);
			if (!n) continue;
			if (!byName.has(n)) byName.set(n, new Set());
			byName.get(n)!.add(column.key);
		}
	}
	const lookup = (text: string): string[] => {
		const whole = byName.get(normaliseHeader(text));
		if (whole) return [...whole];
		const parts = text.split(/[/|\n\r]+/);
		if (parts.length < 2) return [];
		for (let i = parts.length - 1; i >= 0; i--) {
			const found = byName.get(normaliseHeader(parts[i]));
			if (found) return [...found];
		}
		return [];
	};

	const found = new Map<string, number[]>();
	const unknown: HeaderMatch['unknown'] = [];
	const matchedBy: HeaderMatch['matchedBy'] = [];
	const width = Math.max(headers.length, keys?.length ?? 0);
	for (let index = 0; index < width; index++) {
		const header = (headers[index] ?? '').trim();
		const key = (keys?.[index] ?? '').trim();
		matchedBy.push(null);
		if (key === EXAMPLE_KEY || (!header && !key)) continue;
		let match: string | null = null;
		let via: 'key' | 'header' = 'key';
		if (key && known.has(key)) match = key;
		else if (header) {
			const candidates = lookup(header);
			if (candidates.length === 1) {
				match = candidates[0];
				via = 'header';
			} else if (candidates.length > 1) {
				unknown.push({ index, header, candidates: candidates.sort() });
				continue;
			}
		}
		if (match === null) {
			unknown.push({ index, header: header || key });
			continue;
		}
		matchedBy[index] = via;
		if (!found.has(match)) found.set(match, []);
		found.get(match)!.push(index);
	}
	const byKey = new Map<string, number>();
	const duplicates: HeaderMatch['duplicates'] = [];
	for (const column of columns) {
		const indices = found.get(column.key);
		if (!indices) continue;
		byKey.set(column.key, indices[0]);
		if (indices.length > 1) duplicates.push({ key: column.key, indices });
	}
	return { byKey, unknown, duplicates, missing: columns.map((c) => c.key).filter((k) => !byKey.has(k)), matchedBy };
}
