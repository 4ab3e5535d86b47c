import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';

/** The module behind the map page's `import()` of MapLibre (src/lib/map/load.ts). */
const MAPLIBRE = 'src/lib/map/maplibre.ts';

/**
 * The map page imports MapLibre dynamically, so the page hydrates without waiting for it; but
 * then its download starts only once the page's own scripts have run, and the map is built
 * that much later. When prerendering, the page's head names MapLibre's chunks for the browser
 * to fetch alongside the page's own, read from the client build's manifest (the file Vite
 * writes for servers to do just this). `vite dev` serves MapLibre unbundled: nothing to name.
 */
export const handle: Handle = ({ event, resolve }) => {
	if (!building || event.route.id !== '/') return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const links = maplibreChunks()
				.filter((file) => !html.includes(file))
				.map((file) => `\t<link href="./${file}" rel="modulepreload">\n\t`);
			return html.replace('</head>', `${links.join('')}</head>`);
		}
	});
};

interface ManifestChunk {
	file: string;
	imports?: string[];
}

let chunks: string[] | undefined;

function maplibreChunks(): string[] {
	if (chunks) return chunks;
	const manifest = JSON.parse(readFileSync(join('.svelte-kit', 'output', 'client', '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
	if (!manifest[MAPLIBRE]) throw new Error(`hooks.server.ts: ${MAPLIBRE} is not in the client build's manifest`);
	const files = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || files.has(chunk.file)) return;
		for (const dep of chunk.imports ?? []) visit(dep);
		files.add(chunk.file);
	};
	visit(MAPLIBRE);
	return (chunks = [...files]);
}
