import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';

/**
 * SvelteKit names the chunks a prerendered page imports in its head (`modulepreload`), so the
 * browser fetches them all at once. For the map page its list (built from Vite's client manifest)
 * stops short of the chunk that re-exports MapLibre and of MapLibre's own two chunks, the page's
 * largest; the dataset pages import that chunk dynamically too, which may be why. Found only when
 * the page's module graph reached them, they were fetched ~250 ms into the load on this machine,
 * and a network round trip later than the rest anywhere else. So, when prerendering, every chunk
 * in the static import graph of the page's own modules that the head does not name yet is added
 * to it, read from the same manifest (the file Vite writes for servers to do just this). `vite dev`
 * serves modules unbundled: nothing to name. tests/e2e/smoke.e2e.ts checks the result.
 */
export const handle: Handle = ({ event, resolve }) => {
	// The English place and tour pages are files of their own (/en/…): their document says so.
	const english = event.url.pathname.startsWith('/en/');
	if (!building && !english) return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			if (english) html = html.replace('<html lang="zh-Hans">', '<html lang="en">');
			if (!building) return html;
			const missing = staticImports(pageModules(html)).filter((file) => !html.includes(file));
			if (!missing.length) return html;
			const links = missing.map((file) => `\t<link href="./${file}" rel="modulepreload">\n\t`);
			return html.replace('</head>', `${links.join('')}</head>`);
		}
	});
};

interface ManifestChunk {
	file: string;
	imports?: string[];
}

let manifest: Record<string, ManifestChunk> | undefined;
let byFile: Map<string, string> | undefined;

/** The route modules (`_app/immutable/nodes/…`) a page's head names. */
function pageModules(html: string): string[] {
	return [...new Set(html.match(/_app\/immutable\/nodes\/[\w.-]+\.js/g) ?? [])];
}

/** Every chunk file the given modules import statically, directly or not, themselves included. */
function staticImports(files: string[]): string[] {
	manifest ??= JSON.parse(readFileSync(join('.svelte-kit', 'output', 'client', '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
	byFile ??= new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
	const out = new Set<string>();
	const visit = (key: string | undefined) => {
		const chunk = key ? manifest![key] : undefined;
		if (!chunk || out.has(chunk.file)) return;
		out.add(chunk.file);
		for (const dep of chunk.imports ?? []) visit(dep);
	};
	for (const file of files) {
		if (!byFile.has(file)) throw new Error(`hooks.server.ts: ${file}, named in a prerendered page, is not in the client build's manifest`);
		visit(byFile.get(file));
	}
	return [...out];
}
