import { defineConfig } from 'vitest/config';

// Unit tests need no SvelteKit: the core is plain TypeScript that runs in Node as it does in the worker.
export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		pool: 'threads'
	}
});
