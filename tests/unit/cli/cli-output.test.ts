import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { SHOWN } from '../../../src/cli/summary';
import { harBytes } from '../classify/helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const FIXTURES = `${ROOT}tests/fixtures/`;

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

function telltale(args: string[], options: { stdin?: Uint8Array; cwd?: string; env?: NodeJS.ProcessEnv; viaNpm?: boolean } = {}): Promise<Run> {
	return new Promise((resolve) => {
		const [command, argv] = options.viaNpm ? ['npm', ['--prefix', ROOT, 'run', '--silent', 'telltale', '--', ...args]] : [TSX, [`${ROOT}src/cli/main.ts`, ...args]];
		const child = spawn(command, argv, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
		child.stdin.end(options.stdin ?? new Uint8Array());
	});
}

const reportOf = (path: string) => analyze(readCapture({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) })).report;
const dir = mkdtempSync(join(tmpdir(), 'telltale-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('telltale analyze, streamed output', () => {
	it('--json writes exactly JSON.stringify(report, null, 2) and a line break', async () => {
		const path = `${FIXTURES}har/mitmproxy/firefox.har`;
		const run = await telltale(['analyze', path, '--json']);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toBe(`${JSON.stringify(reportOf(path), null, 2)}\n`);
	});

	it('--format ndjson: a line per exchange, then identifiers and summary', async () => {
		const path = `${FIXTURES}har/mitmproxy/safari.har`;
		const run = await telltale(['analyze', path, '--format', 'ndjson']);
		expect(run.code, run.stderr).toBe(0);
		const report = reportOf(path);
		const records = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { record: string; capture: string });
		expect(records.map((r) => r.record)).toEqual([...report.exchanges.map(() => 'exchange'), 'identifiers', 'summary']);
		expect(records.every((r) => r.capture === 'safari.har')).toBe(true);
	});

	it('several inputs and a directory: a JSON list with one report each, named by file', async () => {
		mkdirSync(join(dir, 'captures/sub'), { recursive: true });
		copyFileSync(`${FIXTURES}har/mitmproxy/chrome.har`, join(dir, 'captures/chrome.har'));
		copyFileSync(`${FIXTURES}capture/gzip-body.http`, join(dir, 'captures/sub/gzip-body.http'));
		writeFileSync(join(dir, 'captures/notes.md'), 'not a capture');
		const run = await telltale(['analyze', `${FIXTURES}har/mitmproxy/charles.har`, join(dir, 'captures'), '--json']);
		expect(run.code, run.stderr).toBe(0);
		const reports = JSON.parse(run.stdout) as Array<{ input: { name: string } }>;
		expect(reports.map((r) => r.input.name)).toEqual(['charles.har', 'chrome.har', 'sub/gzip-body.http']);
	});

	it('a bad input among several is reported on stderr, the others still are, and the exit status is 2', async () => {
		const run = await telltale(['analyze', `${FIXTURES}capture/truncated.har`, `${FIXTURES}har/mitmproxy/chrome.har`, '--format', 'ndjson']);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^telltale: The HAR ends unexpectedly at byte 3,149/);
		expect(run.stdout.trimEnd().split('\n').every((line) => (JSON.parse(line) as { capture: string }).capture === 'chrome.har')).toBe(true);
	});

	it('reads standard input twice from one read (its chunks are kept for the second pass)', async () => {
		const bytes = new Uint8Array(readFileSync(`${FIXTURES}har/mitmproxy/chrome.har`));
		const run = await telltale(['analyze', '-', '--json'], { stdin: bytes });
		expect(run.code, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify({ ...reportOf(`${FIXTURES}har/mitmproxy/chrome.har`), input: { name: 'stdin', format: 'har', exchanges: 3 } })));
	});

	it('npm run telltale reads a relative path from the directory it was run in', async () => {
		copyFileSync(`${FIXTURES}capture/gzip-body.http`, join(dir, 'here.http'));
		const run = await telltale(['analyze', 'here.http'], { cwd: dir, viaNpm: true });
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/^here\.http: http, 1 exchange/);
	});
});

describe('the readable summary fits a screen', () => {
	it('caps exchanges, findings and identifiers, and counts repeated notes', async () => {
		const entries = Array.from({ length: 300 }, (_, i) => ({
			url: `https://t.tracker${i % 40}.com/c?imei=490154203237518&idfa=6D92078A-8246-4BA4-AE5B-76104861E7DC&q=${i}`,
			body: 'crc=1&gzip=1&data_list=' + encodeURIComponent(Buffer.from('{"a":1}').toString('base64')),
			mimeType: 'application/x-www-form-urlencoded'
		}));
		writeFileSync(join(dir, 'many.har'), harBytes(entries));
		const run = await telltale(['analyze', join(dir, 'many.har')]);
		expect(run.code, run.stderr).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines.length).toBeLessThan(200);
		expect(run.stdout).toContain(`exchanges with findings (the first ${SHOWN.exchanges} of 300):`);
		expect(run.stdout).toMatch(/… and 288 more exchanges with findings/);
		expect(run.stdout).toMatch(/device\.imei 490154203237518 → .* and 36 more sites \(300 exchanges, #0 to #299\)/);
		expect(run.stdout).toMatch(/crc mismatch — in 300 exchanges, 0 to 299/);
		expect(run.stdout).toMatch(new RegExp(`… and ${40 - SHOWN.destinations} more sites`));
	});
});
