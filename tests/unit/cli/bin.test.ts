// The installed command: dist/cli/telltale.mjs as package.json's "bin" names it, built by scripts/build-cli.mjs and run
// the way a shell runs it (through its #! line, from wherever the user is), with no tsx and no node_modules.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { accessSync, constants, copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = 'dist/cli/telltale.mjs';
const FIXTURE = join(ROOT, 'tests/fixtures/har/mitmproxy/chrome.har');

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
	return spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
}

describe.skipIf(process.platform === 'win32')('the telltale command (dist/cli/telltale.mjs)', () => {
	let elsewhere: string;

	beforeAll(() => {
		// Built once, as `prepare` builds it.
		const build = run(process.execPath, ['scripts/build-cli.mjs'], ROOT);
		expect(build.stderr).toBe('');
		expect(build.status).toBe(0);
		// A directory outside the checkout holding a capture, as a user's would.
		elsewhere = mkdtempSync(join(tmpdir(), 'telltale-bin-'));
		copyFileSync(FIXTURE, join(elsewhere, 'capture.har'));
	}, 120_000);

	afterAll(() => {
		if (elsewhere) rmSync(elsewhere, { recursive: true, force: true });
	});

	it('is what package.json names, a #! script anyone may execute', () => {
		const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
		expect(manifest.bin).toEqual({ telltale: BIN });
		expect(readFileSync(join(ROOT, BIN), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
		expect(() => accessSync(join(ROOT, BIN), constants.X_OK)).not.toThrow();
	});

	it('reads a path relative to the directory it is run in', () => {
		// Two threads whatever the machine: the pool's thread is a file of its own in dist/cli/.
		const result = run(join(ROOT, BIN), ['analyze', 'capture.har', '--json', '--jobs', '2'], elsewhere);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const report = JSON.parse(result.stdout) as { input: { name: string; exchanges: number }; exchanges: unknown[] };
		expect(report.input).toMatchObject({ name: 'capture.har', exchanges: 3 });
		expect(report.exchanges).toHaveLength(3);
	});

	it('prints its usage for --help', () => {
		const result = run(join(ROOT, BIN), ['--help'], elsewhere);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^usage: telltale analyze /);
	});

	it('needs nothing but Node: a copy away from node_modules still works', () => {
		// Copied with its directory: the pool's thread and the chunk it shares with the command come along.
		cpSync(join(ROOT, 'dist/cli'), join(elsewhere, 'cli'), { recursive: true });
		const result = run(join(elsewhere, 'cli/telltale.mjs'), ['analyze', 'capture.har', '--jobs', '2'], elsewhere);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^capture\.har: har, 3 exchanges/);
	});

	it('is packed, without the sources and tests it was built from', () => {
		// --ignore-scripts: the command was just built; `prepare` would build it again.
		const pack = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
		expect(pack.status).toBe(0);
		const files = (JSON.parse(pack.stdout) as [{ files: { path: string; mode: number }[] }])[0].files;
		const paths = files.map((file) => file.path);
		expect(paths).toContain(BIN);
		expect(paths).toContain('dist/cli/pool-worker.mjs');
		expect(paths).toContain('NOTICE');
		expect(paths.filter((path) => /^(src|tests|scripts|static)\//.test(path))).toEqual([]);
		expect(files.find((file) => file.path === BIN)?.mode).toBe(0o755);
	});
});
