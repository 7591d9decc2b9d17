// `telltale analyze FILE --format har [--sanitize[=secrets]]`, run as a user runs it (through tsx).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'telltale-sanitize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function telltale(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(`${ROOT}node_modules/.bin/tsx`, [`${ROOT}src/cli/main.ts`, ...args], { cwd: ROOT });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
		child.stdin.end();
	});
}

const IMEI = '490154203237518';
const TOKEN = 'tok_0123456789abcdefXYZ';
const capture = join(dir, 'capture.har');
writeFileSync(
	capture,
	JSON.stringify({
		log: {
			version: '1.2',
			creator: { name: 'test', version: '1' },
			entries: [
				{
					startedDateTime: '2024-01-01T00:00:00.000Z',
					time: 1,
					request: { method: 'GET', url: `https://t.example.net/a?imei=${IMEI}&access_token=${TOKEN}`, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
					response: { status: 204, statusText: '', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: 0 },
					cache: {},
					timings: { send: 0, wait: 1, receive: 0 }
				}
			]
		}
	})
);

describe('telltale analyze --format har', () => {
	it('--sanitize masks secrets and identifiers and sums the changes up on standard error', async () => {
		const { code, stdout, stderr } = await telltale(['analyze', capture, '--format', 'har', '--sanitize']);
		expect(code).toBe(0);
		const har = JSON.parse(stdout);
		expect(har.log.entries[0].request.url).toMatch(/^https:\/\/t\.example\.net\/a\?imei=IMEI-1&access_token=SECRET-1$/);
		expect(stdout).not.toContain(IMEI);
		expect(stdout).not.toContain(TOKEN);
		expect(stderr).toMatch(/sanitized capture\.har \(secrets and identifiers\): 2 change\(s\) in 1 exchange\(s\)/);
		expect(stderr).toMatch(/IMEI ×1/);
	});

	it('--sanitize=secrets keeps identifiers, and --out writes the file', async () => {
		const out = join(dir, 'secrets.har');
		const { code, stdout } = await telltale(['analyze', capture, '--format=har', '--sanitize=secrets', '--out', out]);
		expect(code).toBe(0);
		expect(stdout).toBe('');
		const written = readFileSync(out, 'utf8');
		expect(written).toContain(`imei=${IMEI}`);
		expect(written).not.toContain(TOKEN);
	});

	it('without --sanitize writes the capture back unchanged and warns that it is not sanitized', async () => {
		const { code, stdout, stderr } = await telltale(['analyze', capture, '--format', 'har']);
		expect(code).toBe(0);
		const before = JSON.parse(readFileSync(capture, 'utf8')).log.entries;
		expect(JSON.parse(stdout).log.entries).toEqual(before);
		expect(stderr).toMatch(/NOT sanitized/);
	});

	it('--sanitize without --format har is a usage error', async () => {
		const { code, stderr } = await telltale(['analyze', capture, '--sanitize']);
		expect(code).toBe(2);
		expect(stderr).toMatch(/--sanitize writes a HAR: add --format har/);
	});
});
