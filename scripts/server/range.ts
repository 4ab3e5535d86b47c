/**
 * Parsing of the HTTP `Range` request header (RFC 9110 §14), for one representation of `size` bytes.
 *
 * PMTiles clients read a tile archive with many small single ranges, so single ranges are the
 * only case that has to be fast and exact; everything else is answered conservatively.
 */

export type RangeResult =
	/** No usable Range header: answer 200 with the full body (RFC 9110 says to ignore what we can't parse). */
	| { kind: 'none' }
	/** One satisfiable range, inclusive byte offsets already clamped to the file: answer 206. */
	| { kind: 'single'; start: number; end: number }
	/** Well-formed but no byte of it lies inside the file: answer 416 with `Content-Range: bytes *\/size`. */
	| { kind: 'unsatisfiable' }
	/**
	 * Several ranges. We refuse these cleanly by answering 200 with the full body, which RFC 9110
	 * explicitly allows (a server MAY ignore Range). Answering them properly means a
	 * multipart/byteranges body, which no client of this site (browsers, the PMTiles reader) asks
	 * for, and which is a classic amplification vector (many overlapping ranges over one file).
	 */
	| { kind: 'multi' };

type Spec = { start: number; end: number } | 'unsatisfiable';

const DIGITS = /^\d+$/;

/** Parses `header` against a body of `size` bytes. Never throws. */
export function parseRange(header: string | undefined, size: number): RangeResult {
	if (!header) return { kind: 'none' };
	const eq = header.indexOf('=');
	if (eq < 0) return { kind: 'none' };
	// The range unit is case-insensitive; `bytes` is the only unit we (or anyone) serve.
	if (header.slice(0, eq).trim().toLowerCase() !== 'bytes') return { kind: 'none' };

	const parts = header
		.slice(eq + 1)
		.split(',')
		.map((p) => p.trim())
		.filter((p) => p !== ''); // RFC 9110 list syntax tolerates empty elements
	if (parts.length === 0) return { kind: 'none' };

	const specs: Spec[] = [];
	for (const part of parts) {
		const spec = parseSpec(part, size);
		if (spec === undefined) return { kind: 'none' }; // one bad spec makes the whole header invalid
		specs.push(spec);
	}
	if (specs.length > 1) return { kind: 'multi' };
	const only = specs[0];
	return only === 'unsatisfiable' ? { kind: 'unsatisfiable' } : { kind: 'single', ...only };
}

/** One `first-last`, `first-` or `-suffix` spec; undefined when syntactically invalid. */
function parseSpec(spec: string, size: number): Spec | undefined {
	const dash = spec.indexOf('-');
	if (dash < 0) return undefined;
	const first = spec.slice(0, dash).trim();
	const last = spec.slice(dash + 1).trim();

	if (first === '') {
		// Suffix range: the last n bytes. `-0` is valid syntax but selects nothing.
		const n = toInt(last);
		if (n === undefined) return undefined;
		if (n === 0 || size === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - n), end: size - 1 };
	}

	const start = toInt(first);
	if (start === undefined) return undefined;
	let end = size - 1;
	if (last !== '') {
		const parsed = toInt(last);
		// last < first is an invalid spec (RFC 9110 §14.1.1), so the header is ignored, not 416.
		if (parsed === undefined || parsed < start) return undefined;
		end = Math.min(parsed, size - 1);
	}
	if (start >= size) return 'unsatisfiable';
	return { start, end };
}

/** Decimal digits only (no sign, no exponent, no whitespace inside), within exact integer range. */
function toInt(text: string): number | undefined {
	if (!DIGITS.test(text)) return undefined;
	const n = Number(text);
	return Number.isSafeInteger(n) ? n : undefined;
}
