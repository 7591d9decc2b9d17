import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../../src/lib/core/report/compare';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = `${ROOT}tests/fixtures/`;
const dir = mkdtempSync(join(tmpdir(), 'telltale-evidence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function telltale(args: string[], stdin: Uint8Array = new Uint8Array()): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(`${ROOT}node_modules/.bin/tsx`, [`${ROOT}src/cli/main.ts`, ...args, '--jobs', '1'], { cwd: ROOT });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
		child.stdin.end(stdin);
	});
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('telltale analyze --format md|html', () => {
	it('--format html --out FILE writes the page there, with the SHA-256 of the file as given (gzip and all)', async () => {
		const input = `${FIXTURES}capture/quirks.har.gz`;
		const out = join(dir, 'report.html');
		const run = await telltale(['analyze', input, '--format', 'html', '--out', out]);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toBe('');
		const page = readFileSync(out, 'utf8');
		expect(page).toMatch(/^<!DOCTYPE html>/);
		expect(page).toContain(`<code>${sha256(input)}</code>`);
		expect(page).toContain(`${readFileSync(input).length.toLocaleString('en-US')} bytes`);
		expect(page).not.toMatch(/<script/i);
		expect(page.trimEnd().endsWith('</html>')).toBe(true);
	});

	it('--format md from standard input: the digest of what was piped in', async () => {
		const bytes = readFileSync(`${FIXTURES}capture/burp-items.xml`);
		const run = await telltale(['analyze', '-', '--format=md'], new Uint8Array(bytes));
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/^# Telltale evidence report: stdin\n/);
		expect(run.stdout).toContain(`| SHA-256 | ${createHash('sha256').update(bytes).digest('hex')} |`);
		expect(run.stdout).toContain('- **ad.advertising_id**: 38400000-8cf0-11bd-b23e-10b96e40000d ×2');
	});

	it('a broken input with --out leaves no file behind, and says why', async () => {
		const out = join(dir, 'broken.md');
		const run = await telltale(['analyze', `${FIXTURES}capture/truncated.har`, '--format', 'md', '--out', out]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^telltale: The HAR ends unexpectedly/);
		expect(existsSync(out)).toBe(false);
	});

	it('md and html describe one capture: several inputs are a usage error', async () => {
		const run = await telltale(['analyze', `${FIXTURES}capture/quirks.har`, `${FIXTURES}capture/burp-items.xml`, '--format', 'html']);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/--format html reports one capture/);
	});
});

describe('telltale compare', () => {
	it('--json: a capture with itself is all in both, with the keys of the contract', async () => {
		const path = `${FIXTURES}capture/quirks.har`;
		const run = await telltale(['compare', path, path, '--json']);
		expect(run.code, run.stderr).toBe(0);
		const c = JSON.parse(run.stdout) as Comparison;
		expect(Object.keys(c)).toEqual(['a', 'b', 'both', 'onlyA', 'onlyB', 'persisted', 'changed']);
		expect(c.onlyA).toEqual({ sites: [], types: [], values: [] });
		expect(c.onlyB).toEqual({ sites: [], types: [], values: [] });
		expect(c.persisted.length).toBeGreaterThan(0);
	});

	it('the readable summary names a reset advertising ID', async () => {
		const xml = readFileSync(`${FIXTURES}capture/burp-items.xml`, 'utf8').replace(/(<request base64="true"><!\[CDATA\[)(.*?)(\]\]>)/gs, (_m, open: string, body: string, close: string) =>
			open + Buffer.from(Buffer.from(body, 'base64').toString('latin1').replaceAll('38400000-8cf0-11bd-b23e-10b96e40000d', 'a7c3e0f1-2b4d-4e6f-8a9b-0c1d2e3f4a5b'), 'latin1').toString('base64') + close
		);
		const b = join(dir, 'b.xml');
		writeFileSync(b, xml);
		const run = await telltale(['compare', `${FIXTURES}capture/burp-items.xml`, b]);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toContain('ad.advertising_id reset: 38400000-8cf0-11bd-b23e-10b96e40000d → a7c3e0f1-2b4d-4e6f-8a9b-0c1d2e3f4a5b');
		expect(run.stdout).toMatch(/identifiers in both captures \(1\):\n {2}user\.id u-77/);
	});
});
