import { english, type Message } from '../../src/lib/i18n/messages';

/** One record the pipeline refused, with enough context for a person to find and fix it. */
export interface Rejection {
	source: string;
	file: string;
	/** 0-based index of the record in its file (or 1-based line for CSV, say so in `reason`). */
	index: number;
	id: string | null;
	/** In English, for command lines and JSON readers. */
	reason: string;
	/** The reason as a catalogue message, which pages render in the reader's language. */
	message?: Message;
}

/** A rejection whose reason is a catalogue message; `reason` is its English text. */
export function refused(where: Omit<Rejection, 'reason' | 'message'>, message: Message): Rejection {
	return { ...where, reason: english(message), message };
}

/** Per-source accounting: the build asserts `read = accepted + rejected.length`. */
export interface SourceCount {
	source: string;
	file: string;
	read: number;
	accepted: number;
	rejected: number;
	/** Accepted records lying wholly outside the build area, so not converted or used further. */
	outsideArea: number;
}

/** A whole-file problem: the build stops and the message names the file and what to do. */
export class SourceError extends Error {
	constructor(
		readonly file: string,
		message: string
	) {
		super(`${file}: ${message}`);
		this.name = 'SourceError';
	}
}

export function countLine({ source, read, accepted, rejected, outsideArea }: SourceCount): string {
	const ok = read === accepted + rejected ? '' : '  ✗ COUNT MISMATCH';
	const outside = outsideArea ? `   (${outsideArea} accepted lie outside the build area)` : '';
	return `${source.padEnd(24)} in ${String(read).padStart(5)} = accepted ${String(accepted).padStart(5)} + rejected ${String(rejected).padStart(4)}${ok}${outside}`;
}
