#!/usr/bin/env node
// Builds the installable command (package.json "bin") into dist/cli/: plain JavaScript for Node with every dependency
// bundled in, so `telltale` needs neither tsx nor node_modules at run time and starts in about a tenth of a second.
//   node scripts/build-cli.mjs      (also `npm run build:cli`, and `prepare`: npm install, npm ci, npm link)
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDictionaryAsBase64 } from './esbuild-brotli-dictionary.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const outdir = join(repoRoot, 'dist', 'cli');

/**
 * One entry per program Node starts; `out` names its file in dist/cli/ (`.mjs` added). A worker_threads script is
 * one more entry here, started from main with new Worker(new URL('./<out>.mjs', import.meta.url)).
 */
export const ENTRIES = [
	{ in: 'src/cli/main.ts', out: 'telltale' },
	// The --jobs pool's thread: src/cli/pool.ts starts ./pool-worker.mjs next to the module it is bundled into.
	{ in: 'src/cli/pool-worker.ts', out: 'pool-worker' }
];

/** The command package.json's "bin" names. */
export const binPath = join(outdir, 'telltale.mjs');

/** Builds every entry into a fresh dist/cli/; resolves with esbuild's result (its metafile says what went where). */
export async function buildCli() {
	const esbuild = await import('esbuild');
	rmSync(outdir, { recursive: true, force: true });
	const result = await esbuild.build({
		absWorkingDir: repoRoot,
		entryPoints: ENTRIES.map((entry) => ({ in: join(repoRoot, entry.in), out: entry.out })),
		outdir,
		outExtension: { '.js': '.mjs' },
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		// Code two entries share (main and a worker) goes into one chunk, loaded once. Chunks sit beside the entries:
		// a module bundled into one still finds ./pool-worker.mjs relative to its import.meta.url.
		splitting: true,
		chunkNames: '[name]-[hash]',
		// Not minified: it would save ~2 ms of start-up, and TELLTALE_DEBUG's stack traces would lose their names.
		minify: false,
		// Built-ins stay imports; everything else (tldts, libphonenumber-js, the tracker data…) is inside the bundle.
		external: ['node:*'],
		banner: { js: '#!/usr/bin/env node' },
		// The compiler options that change emitted code, given here so the build does not read tsconfig.json, whose
		// base (.svelte-kit/tsconfig.json) exists only once `svelte-kit sync` has run, which `prepare` lets fail.
		tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
		plugins: [brotliDictionaryAsBase64],
		// Licence comments the dependencies mark (/*! … */, @license) are kept, at the end of each file.
		legalComments: 'eof',
		metafile: true,
		logLevel: 'warning'
	});
	for (const entry of ENTRIES) chmodSync(join(outdir, `${entry.out}.mjs`), 0o755);
	return result;
}

/** `npm ci --omit=dev` runs `prepare` too, without esbuild: the app's dependencies install, the command is skipped. */
async function esbuildInstalled() {
	try {
		await import('esbuild');
		return true;
	} catch {
		return false;
	}
}

// Run as a script, not imported (by the tests).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	if (!(await esbuildInstalled())) {
		console.warn('build-cli: esbuild is not installed (dev dependencies omitted?), the telltale command is not built');
	} else {
		await buildCli().catch((error) => {
			console.error(`build-cli: ${error instanceof Error ? error.message : String(error)}`);
			process.exitCode = 1;
		});
	}
}
