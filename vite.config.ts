import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { maplibreFromSource } from './scripts/vite/maplibre';

export default defineConfig({
	plugins: [maplibreFromSource(), sveltekit()],
	server: { port: Number(process.env.PORT ?? 4173), strictPort: true },
	preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
	test: {
		include: ['tests/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'node_modules/**'],
		environment: 'node',
		testTimeout: 60_000
	}
});
