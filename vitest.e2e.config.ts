import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium against the production build; one file at a time on a 2-core machine.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 120_000,
		fileParallelism: false,
		globalSetup: ['tests/e2e/global-setup.ts']
	}
});
