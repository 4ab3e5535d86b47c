/**
 * CSV text → rows, each with the file line it starts on. Papaparse reads the quoting; the line
 * numbers come from its cursor (the offset where each row ends), counting line breaks between
 * one row's end and the next, so a quoted value spanning lines moves the count correctly.
 */
import Papa from 'papaparse';
import { msg, type Message } from '../i18n/messages';

export interface CsvRow {
	/** 1-based line of the file where the row starts. */
	line: number;
	fields: string[];
	/** Broken quoting papaparse reports for this row, if any. */
	problem: Message | null;
}

export interface CsvRows {
	delimiter: string;
	/** The first non-blank row, or null when the file has none. */
	header: CsvRow | null;
	/** Non-blank rows after the header, at most `maxRows`. */
	rows: CsvRow[];
	/** True when the file has more than `maxRows` data rows (reading stopped there). */
	tooMany: boolean;
}

const DELIMITERS = [',', ';', '\t'] as const;

export function parseCsvRows(text: string, maxRows: number): CsvRows {
	const delimiter = guessDelimiter(text);
	const out: CsvRows = { delimiter, header: null, rows: [], tooMany: false };
	let rowStart = 0;
	let line = 1;
	Papa.parse<string[]>(text, {
		delimiter,
		skipEmptyLines: false,
		step: (results, parser) => {
			const end = results.meta.cursor;
			const row: CsvRow = { line, fields: results.data, problem: quoteProblem(results.errors, line) };
			line += countBreaks(text, rowStart, end);
			rowStart = end;
			if (isBlank(row.fields) && !row.problem) return;
			if (!out.header) out.header = row;
			else if (out.rows.length < maxRows) out.rows.push(row);
			else {
				out.tooMany = true;
				parser.abort();
			}
		}
	});
	return out;
}

/**
 * The delimiter the header line uses most, outside quotes: the header defines the columns, and a
 * file with one column (a list of addresses) would defeat a guess over the rows.
 */
export function guessDelimiter(text: string): string {
	const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	let seen = false;
	for (let i = 0; i < text.length && i < 100_000; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (!quoted && (c === '\n' || c === '\r')) {
			if (seen) break; // the end of the first non-blank line
		} else if (!quoted && counts.has(c)) {
			counts.set(c, counts.get(c)! + 1);
			seen = true;
		} else if (c.trim() !== '') seen = true;
	}
	let best: string = ',';
	for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
	return best;
}

/** Line breaks in text[from, to): CRLF counts once, a lone CR (old Mac files) counts too. */
function countBreaks(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to && i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) n++;
		else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
	}
	return n;
}

function isBlank(fields: string[]): boolean {
	return fields.every((f) => f.trim() === '');
}

function quoteProblem(errors: Papa.ParseError[], line: number): Message | null {
	const quotes = errors.find((e) => e.type === 'Quotes');
	if (!quotes) return null;
	if (quotes.code === 'MissingQuotes') return msg('import.csv.unclosedQuote', { line });
	return msg('import.csv.textAfterQuote');
}
