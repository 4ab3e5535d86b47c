/**
 * Writes `_app/offline-shell.json` into the client build: the built files the map page needs to run
 * offline (its scripts, styles and workers, including the panels it loads on demand), which the
 * service worker (src/service-worker.ts) stores when it installs.
 *
 * Why not SvelteKit's `$service-worker` `build` list: it is every file of the client build (the
 * portal pages' code and deck.gl, 740 kB that only the planner's density views load), it misses the
 * walk worker (Vite emits module workers outside the manifest it is read from), and it carries a
 * placeholder name for the map worker's URL that no file has, which would fail the install.
 * Here the list is read from the bundle itself, by following imports from the map page.
 */
import type { Plugin } from 'vite';

export const OFFLINE_SHELL_FILE = '_app/offline-shell.json';

/**
 * Loaded on demand and left out of the precache (cached when first used, like any other file):
 * deck.gl draws only the planner's density views, and is two fifths of all the site's code.
 */
export const LEFT_OUT_OF_SHELL = ['src/lib/map/deck-overlays.ts'];

/** What the walk needs of a Rollup/Rolldown output file. */
export interface ShellChunk {
	type: 'chunk';
	fileName: string;
	isEntry: boolean;
	facadeModuleId: string | null;
	moduleIds: string[];
	imports: string[];
	dynamicImports: string[];
	code: string;
	viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}
export interface ShellAsset {
	type: 'asset';
	fileName: string;
}
export type ShellBundle = Record<string, ShellChunk | ShellAsset>;

/**
 * The roots: SvelteKit's client entries, its root layout and error nodes (0 and 1 by its
 * convention), the node of the map page (`src/routes/+page.svelte`) and any other entry that is
 * not a route node (the map's web worker).
 */
function isRoot(chunk: ShellChunk): boolean {
	if (!chunk.isEntry) return false;
	const node = routeNode(chunk);
	return node === null || node === '0' || node === '1' || chunk.moduleIds.some((id) => id.endsWith('/src/routes/+page.svelte'));
}

/** The route node number of a SvelteKit node chunk, or null for any other chunk. */
function routeNode(chunk: ShellChunk): string | null {
	return /\/client-optimized\/nodes\/(\d+)\.js$/.exec(chunk.facadeModuleId ?? '')?.[1] ?? null;
}

/** The shell's files (site paths, `/`-rooted, sorted), followed from the roots through static and dynamic imports. */
export function shellFiles(bundle: ShellBundle, leftOut: readonly string[] = LEFT_OUT_OF_SHELL): string[] {
	const chunks = Object.values(bundle).filter((f): f is ShellChunk => f.type === 'chunk');
	// SvelteKit's app entry imports every route's node on demand: only the map page's are followed.
	const skipped = (c: ShellChunk) => leftOut.some((id) => c.facadeModuleId?.endsWith(id)) || (routeNode(c) !== null && !isRoot(c));
	const seen = new Set<string>();
	const stack = chunks.filter(isRoot).map((c) => c.fileName);
	while (stack.length) {
		const name = stack.pop()!;
		const chunk = bundle[name];
		if (seen.has(name) || !chunk || chunk.type !== 'chunk' || skipped(chunk)) continue;
		seen.add(name);
		stack.push(...chunk.imports, ...chunk.dynamicImports);
	}
	const files = new Set(seen);
	// Module workers (the walk worker) are emitted as script assets, named only in the code that starts them.
	const workers = Object.values(bundle).filter((f) => f.type === 'asset' && f.fileName.endsWith('.js'));
	for (const name of seen) {
		const chunk = bundle[name] as ShellChunk;
		for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
		for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
		for (const worker of workers) if (chunk.code.includes(worker.fileName.slice(worker.fileName.lastIndexOf('/') + 1))) files.add(worker.fileName);
	}
	// A name with no file behind it (a placeholder) would fail the whole install.
	return [...files].filter((f) => f in bundle).map((f) => `/${f}`).sort();
}

/** The Vite plugin: in the client build only (SvelteKit's server build has no browser files). */
export function offlineShell(): Plugin {
	let client = false;
	return {
		name: 'hengfu:offline-shell',
		apply: 'build',
		enforce: 'post',
		configResolved(config) {
			client = !config.build.ssr;
		},
		generateBundle(_options, bundle) {
			if (!client) return;
			const files = shellFiles(bundle as unknown as ShellBundle);
			if (!files.some((f) => f.includes('/nodes/'))) this.error('offline shell: no SvelteKit route node in the client bundle');
			this.emitFile({ type: 'asset', fileName: OFFLINE_SHELL_FILE, source: JSON.stringify({ files }) + '\n' });
		}
	};
}
