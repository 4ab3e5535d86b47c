/**
 * Browser end-to-end tests (npm run test:e2e → tests/e2e/run.ts). Separate from vite.config.ts:
 * these run against the production build through the production server, not through Vite.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// One Chromium at a time: the CI machine has 2 cores and SwiftShader renders on the CPU.
		fileParallelism: false,
		reporters: ['default']
	}
});
