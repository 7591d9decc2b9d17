#!/usr/bin/env node
// `npm test`: unit tests, then Chromium check, production build and e2e tests against it. The CI system reads the very
// last line, which is always "N passed, N failed" (plus ", N skipped" when any were skipped).
//
//   node scripts/test.mjs               everything (what CI runs, from a clean clone)
//   node scripts/test.mjs --unit-only   unit tests only
//   node scripts/test.mjs --e2e-only    Chromium check, build, e2e tests
//   node scripts/test.mjs --no-build    reuse an existing build/ (local iteration only; CI never passes it)
//   arguments after `--` go to vitest (a file filter, -t name); pair them with --unit-only or --e2e-only
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(repoRoot, 'test-results');
const vitestBin = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');

const argv = process.argv.slice(2);
const dashDash = argv.indexOf('--');
const flags = dashDash >= 0 ? argv.slice(0, dashDash) : argv;
const passThrough = dashDash >= 0 ? argv.slice(dashDash + 1) : [];
const known = new Set(['--unit-only', '--e2e-only', '--no-build']);
const unknown = flags.filter((flag) => !known.has(flag));
if (unknown.length > 0 || (flags.includes('--unit-only') && flags.includes('--e2e-only'))) {
	console.error(`Usage: node scripts/test.mjs [--unit-only | --e2e-only] [--no-build] [-- vitest args]`);
	console.error('0 passed, 1 failed');
	process.exit(2);
}
const runUnit = !flags.includes('--e2e-only');
const runE2e = !flags.includes('--unit-only');
const skipBuild = flags.includes('--no-build');

const totals = { passed: 0, failed: 0, skipped: 0 };

/** Runs a command with inherited output; resolves with its exit code (never rejects). */
function run(command, args, { env } = {}) {
	return new Promise((resolveRun) => {
		const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
		const forward = (signal) => child.kill(signal);
		process.on('SIGINT', forward);
		process.on('SIGTERM', forward);
		child.on('error', (error) => {
			console.error(`Cannot run ${command}: ${error.message}`);
			resolveRun(127);
		});
		child.on('exit', (code, signal) => {
			process.off('SIGINT', forward);
			process.off('SIGTERM', forward);
			resolveRun(code ?? (signal ? 128 : 1));
		});
	});
}

/** A stage that failed outside any test (build, missing browser, crash) still shows up as a failure in the last line. */
function stageFailed(what) {
	console.error(`\n✗ ${what}`);
	totals.failed += 1;
}

async function runVitest(label, config) {
	const jsonPath = join(resultsDir, `${label}.json`);
	rmSync(jsonPath, { force: true });
	console.log(`\n▶ ${label} tests (${config})`);
	const code = await run(process.execPath, [
		vitestBin,
		'run',
		'--config',
		config,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${jsonPath}`,
		...passThrough
	]);
	if (!existsSync(jsonPath)) {
		stageFailed(`${label} tests did not run to completion (vitest exit code ${code}, no results written)`);
		return;
	}
	const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
	// A file that fails to load, or whose beforeAll throws, has no failing test of its own: count the file once.
	const brokenFiles = report.testResults.filter(
		(file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')
	);
	const failed = report.numFailedTests + brokenFiles.length;
	totals.passed += report.numPassedTests;
	totals.failed += failed;
	totals.skipped += report.numPendingTests + report.numTodoTests;
	for (const file of brokenFiles) console.error(`✗ ${file.name}: ${(file.message || 'failed outside any test').split('\n')[0]}`);
	if (code !== 0 && failed === 0) stageFailed(`${label} tests: vitest exited with code ${code} (unhandled error outside a test?)`);
}

async function main() {
	const started = Date.now();
	mkdirSync(resultsDir, { recursive: true });

	if (runUnit) await runVitest('unit', 'vitest.config.ts');

	if (runE2e) {
		const chromiumReady = (await run(process.execPath, [join(repoRoot, 'scripts', 'ensure-chromium.mjs')])) === 0;
		if (!chromiumReady) {
			stageFailed('e2e tests not run: Chromium is missing (see the line above)');
		} else {
			let built = true;
			if (skipBuild && existsSync(join(repoRoot, 'build', 'index.html'))) {
				console.log('\n▶ build skipped (--no-build): testing the existing build/');
			} else {
				console.log('\n▶ production build (npm run build)');
				built = (await run('npm', ['run', 'build'])) === 0;
				if (!built) stageFailed('e2e tests not run: the production build failed');
			}
			if (built) await runVitest('e2e', 'vitest.e2e.config.ts');
		}
	}

	const seconds = Math.round((Date.now() - started) / 1000);
	console.log(`\nTest run took ${seconds}s; results in test-results/ (unit.json, e2e.json, screenshots).`);
	const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
	console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
	process.exitCode = totals.failed > 0 ? 1 : 0;
}

await main();
