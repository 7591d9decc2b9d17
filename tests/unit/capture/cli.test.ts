import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { FIXTURES } from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;

function telltale(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
			resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
		});
	});
}

const SHARED = ['harviewer/ie11.fiddler.har', 'mitmproxy/charles.har', 'mitmproxy/chrome.har', 'mitmproxy/firefox.har', 'mitmproxy/safari.har', 'mitmproxy/websocket.har'];

describe('telltale analyze (command line)', () => {
	it('reads each shared HAR: exit 0, valid JSON, one exchange per entry', async () => {
		const results = await Promise.all(SHARED.map((path) => telltale('analyze', `${FIXTURES}har/${path}`, '--json')));
		results.forEach((result, i) => {
			const entries = (JSON.parse(readFileSync(`${FIXTURES}har/${SHARED[i]}`, 'utf8').replace(/^\ufeff/, '')) as { log: { entries: unknown[] } }).log.entries.length;
			expect(result.code, result.stderr).toBe(0);
			const report = JSON.parse(result.stdout) as { input: { format: string; exchanges: number }; exchanges: unknown[] };
			expect(report.input).toMatchObject({ format: 'har', exchanges: entries });
			expect(report.exchanges).toHaveLength(entries);
		});
	});

	it('exits 2 with one line on stderr for each malformed input', async () => {
		const cases: Array<[string, RegExp]> = [
			['empty.har', /^telltale: empty\.har is empty$/],
			['garbage.bin', /^telltale: Not a capture: garbage\.bin is 4\.0 KiB of binary data/],
			['not-json.har', /^telltale: Not a HAR file: not-json\.har is not JSON/],
			['not-a-har.har', /^telltale: Not a HAR file: `log` is missing$/],
			['zero-entries.har', /^telltale: The HAR has no entries$/],
			['truncated.har', /^telltale: The HAR ends unexpectedly at byte 3,149 \(inside entry 3\): the file is truncated — 2 complete entries were read$/]
		];
		const results = await Promise.all(cases.map(([file]) => telltale('analyze', `${FIXTURES}capture/${file}`, '--json')));
		results.forEach((result, i) => {
			expect(result.code).toBe(2);
			expect(result.stdout).toBe('');
			const lines = result.stderr.trimEnd().split('\n');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(cases[i]![1]);
		});
	});

	// /proc/self/mem opens and stats as a file, then every read of it fails (EIO): a read error after opening.
	it.runIf(existsSync('/proc/self/mem'))('exits 2 with one line when the file cannot be read after opening', async () => {
		const result = await telltale('analyze', '/proc/self/mem', '--json');
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^telltale: could not read mem after 0 bytes: EIO: i\/o error, read\n$/);
	});

	it('reads the wrapped and text formats through the same streaming reader', async () => {
		const files = ['quirks.har.gz', 'quirks.zhar', 'quirks-har.zip', 'sensors-request-response.http', 'chrome-cmd.curl.txt', 'chrome.powershell.txt', 'burp-items.xml'];
		const results = await Promise.all(files.map((file) => telltale('analyze', `${FIXTURES}capture/${file}`, '--json')));
		expect(results.map((r) => [r.code, (JSON.parse(r.stdout) as { input: { format: string } }).input.format])).toEqual([
			[0, 'har'],
			[0, 'har'],
			[0, 'har'],
			[0, 'http'],
			[0, 'curl'],
			[0, 'curl'],
			[0, 'burp']
		]);
	});
});
