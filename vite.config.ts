import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { maplibreFromSource } from './scripts/vite/maplibre';
import { offlineShell } from './scripts/vite/offline-shell';

export default defineConfig({
	plugins: [maplibreFromSource(), sveltekit(), offlineShell()],
	// The origin canonical links, Open Graph and the sitemap name (src/lib/places/urls.ts reads and checks it).
	define: { __HENGFU_SITE_ORIGIN__: JSON.stringify(process.env.HENGFU_SITE_ORIGIN ?? '') },
	server: { port: Number(process.env.PORT ?? 4173), strictPort: true },
	preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
	test: {
		include: ['tests/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'node_modules/**'],
		environment: 'node',
		testTimeout: 60_000,
		// A whole build in a beforeAll takes 10–25 s on a busy two-core machine: vitest's 10 s default for hooks is too short.
		hookTimeout: 120_000
	}
});
