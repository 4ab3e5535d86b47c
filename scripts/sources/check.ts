import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MANIFEST_FILE, readManifest, sha256, type SourceManifest, type SourceRecord } from './manifest';

/** One way the folder differs from its manifest. */
export interface SourceProblem {
	/** Relative to the sources folder. */
	file: string;
	/** The manifest entry that lists the file; null for a file nobody lists. */
	source: string | null;
	kind: 'missing' | 'changed' | 'extra';
	/** What differs and what to do about it. */
	detail: string;
}

export interface SourcesCheck {
	manifest: SourceManifest;
	files: number;
	bytes: number;
	problems: SourceProblem[];
	/** Optional sources not yet fetched: the build runs without them and says which layers wait. */
	pending: SourceRecord[];
}

/** Files a sources folder holds beside its data. */
const OWN_FILES = new Set([MANIFEST_FILE, 'README.md']);

/**
 * Holds a sources folder to its manifest: every listed file present with the recorded size
 * and SHA-256, nothing unlisted beside them. The queries a refresh runs are part of the
 * folder too. Throws ManifestError when the manifest itself cannot be read.
 */
export function checkSources(dir: string): SourcesCheck {
	const manifest = readManifest(dir);
	const problems: SourceProblem[] = [];
	const listed = new Set<string>(OWN_FILES);
	let files = 0;
	let bytes = 0;
	for (const source of manifest.sources) {
		if (source.refresh && 'query' in source.refresh) {
			const query = source.refresh.query;
			listed.add(query);
			if (!existsSync(join(dir, query))) problems.push({ file: query, source: source.id, kind: 'missing', detail: `the query npm run sources:refresh runs for ${source.id}: restore it (git checkout -- data/sources)` });
		}
		if (source.files.length === 0 && !source.optional) {
			problems.push({ file: MANIFEST_FILE, source: source.id, kind: 'missing', detail: `${source.id} lists no file, and the build needs one: restore sources.json (git checkout -- data/sources)${source.refresh ? `, or run npm run sources:refresh -- ${source.id}` : ''}` });
		}
		for (const file of source.files) {
			listed.add(file.path);
			const path = join(dir, file.path);
			if (!existsSync(path) || !statSync(path).isFile()) {
				problems.push({ file: file.path, source: source.id, kind: 'missing', detail: `listed by ${source.id} in sources.json but not in the folder: ${restore(source)}` });
				continue;
			}
			const data = readFileSync(path);
			files += 1;
			bytes += data.byteLength;
			if (data.byteLength !== file.bytes) {
				problems.push({ file: file.path, source: source.id, kind: 'changed', detail: `${data.byteLength} bytes where sources.json records ${file.bytes}: the file was cut off or edited; ${restore(source)}` });
			} else if (sha256(data) !== file.sha256) {
				problems.push({ file: file.path, source: source.id, kind: 'changed', detail: `SHA-256 differs from sources.json (same size, other bytes): the file was edited; ${restore(source)}` });
			}
		}
	}
	for (const file of listFiles(dir)) {
		if (!listed.has(file)) problems.push({ file, source: null, kind: 'extra', detail: 'not listed in sources.json: remove it, or let npm run sources:refresh write and record it' });
	}
	const pending = manifest.sources.filter((s) => s.optional && s.files.length === 0);
	return { manifest, files, bytes, problems, pending };
}

/** What to do about a file that is not as recorded: restore it, or take it again from its origin. */
function restore(source: SourceRecord): string {
	const again = source.refresh ? `run npm run sources:refresh -- ${source.id}` : `take it again by hand from its origin (${source.origin.url ?? 'see sources.json'}) and record its checksum`;
	return `restore it (git checkout -- data/sources), or ${again}`;
}

export function describeProblem(p: SourceProblem): string {
	return `${p.file}: ${p.kind}: ${p.detail}`;
}

function listFiles(dir: string): string[] {
	const out: string[] = [];
	const visit = (path: string) => {
		for (const entry of readdirSync(path, { withFileTypes: true })) {
			const full = join(path, entry.name);
			if (entry.isDirectory()) visit(full);
			else out.push(relative(dir, full).split(sep).join('/'));
		}
	};
	visit(dir);
	return out.sort();
}
