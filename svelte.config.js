import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './scripts/server/csp-directives.js';

// HENGFU_STATIC_DIR / HENGFU_BUILD_DIR build a second site from other data beside the real one
// (the browser tests' fixture site); by default the pipeline writes static/ and the site is build/.
const staticDir = process.env.HENGFU_STATIC_DIR ?? 'static';
const buildDir = process.env.HENGFU_BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		files: { assets: staticDir },
		// src/lib/offline/register.ts registers the service worker once the map's first view is drawn.
		serviceWorker: { register: false },
		// Every page and endpoint is prerendered: the site is a folder of static files
		// that the project's own server (scripts/serve.ts) or any object store can serve.
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: undefined, strict: true }),
		// Each prerendered page carries the policy as a <meta> with the hashes of its inline
		// bootstrap; the server's header adds those same hashes (scripts/server/headers.ts).
		csp: { mode: 'hash', directives: CSP_DIRECTIVES }
	}
};
