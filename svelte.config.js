import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// Every page and endpoint is prerendered: the site is a folder of static files
		// that the project's own server (scripts/serve.ts) or any object store can serve.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true })
	}
};
