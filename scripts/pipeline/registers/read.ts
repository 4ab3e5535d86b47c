import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGISTER_SCHEMAS, registerFile, sourceKind, type RegisterId, type RegisterRecord } from '../../../src/lib/schema/register';
import { msg, type Message } from '../../../src/lib/i18n/messages';
import { refused, SourceError, type Rejection, type SourceCount } from '../report';
import { bibliographyPath, loadBibliography } from '../bibliography';

export const REGISTER_IDS: readonly RegisterId[] = ['elevator-retrofits', 'fire-sprinklers', 'charging-sites', 'facilities'];

export interface RegisterRead {
	id: RegisterId;
	file: string;
	records: RegisterRecord[];
	rejected: Rejection[];
	count: SourceCount;
}

export const registerPath = (id: RegisterId) => `data/registers/${id}.json`;

/** Reads one register. A broken file stops the build; a bad record is rejected with its index, id and reason. */
export function readRegister(repoRoot: string, id: RegisterId): RegisterRead {
	const file = registerPath(id);
	let text: string;
	try {
		text = readFileSync(join(repoRoot, file), 'utf8');
	} catch (err) {
		throw new SourceError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); every register in ${REGISTER_IDS.join(', ')} must exist, even with no records`);
	}
	const newsletters = new Set(loadBibliography(bibliographyPath(repoRoot)).entries.map((e) => e.key));
	return parseRegister(id, file, text, newsletters);
}

/** The same on text already read (for tests). */
export function parseRegister(id: RegisterId, file: string, text: string, newsletters?: ReadonlySet<string>): RegisterRead {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (err) {
		throw new SourceError(file, `is not valid JSON (${(err as Error).message})`);
	}
	const doc = registerFile.safeParse(parsed);
	if (!doc.success) {
		const issue = doc.error.issues[0];
		throw new SourceError(file, `${issue.path.join('.') || '(root)'}: ${issue.message} (expected { "register": "${id}", "records": [...] })`);
	}
	if (doc.data.register !== id) throw new SourceError(file, `says it is register "${doc.data.register}", expected "${id}"`);

	const schema = REGISTER_SCHEMAS[id];
	const records: RegisterRecord[] = [];
	const rejected: Rejection[] = [];
	const seen = new Map<string, number>();
	doc.data.records.forEach((raw, index) => {
		const rawId = (raw as { id?: unknown } | null)?.id;
		const recordId = typeof rawId === 'string' ? rawId : null;
		const reject = (message: Message) => rejected.push(refused({ source: `register:${id}`, file, index, id: recordId }, message));
		const result = schema.safeParse(raw);
		if (!result.success) {
			const issue = result.error.issues[0];
			return reject(msg('report.badFields', { issues: `${issue.path.join('.') || '(record)'}: ${issue.message}` }));
		}
		const unknown = newsletters && citedNewsletters(result.data).find((key) => !newsletters.has(key));
		if (unknown) return reject(msg('report.unknownNewsletter', { key: unknown }));
		const first = seen.get(result.data.id);
		if (first !== undefined) return reject(msg('report.duplicateRecord', { id: result.data.id, first }));
		seen.set(result.data.id, index);
		records.push(result.data);
	});
	const read = doc.data.records.length;
	return { id, file, records, rejected, count: { source: `register:${id}`, file, read, accepted: records.length, rejected: rejected.length, outsideArea: 0 } };
}

/** Every newsletter a record cites: its own source, its status events' and the one that writes its address. */
function citedNewsletters(r: RegisterRecord): string[] {
	const sources = [r.source, ...('status_history' in r ? r.status_history.map((e) => e.source) : []), r.address_source ?? ''];
	return sources.filter((s) => sourceKind(s) === 'newsletter');
}
