import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { curlCommand, fetchCode, jsString, shellQuote, type CodeRequest } from '../../../src/lib/core/shared/request-code';
import { readCapture } from '../../../src/lib/core/capture/sniff';

const HOSTILE = [
	`it's`,
	`"double" and 'single'`,
	'line one\nline two\r\nthree',
	'$(touch /tmp/telltale-pwned)',
	'`touch /tmp/telltale-pwned`',
	'${HOME} $HOME \\$HOME',
	'back\\slash\\',
	'!event !! ^caret %PATH%',
	'tab\there; rm -rf ~ && echo | cat > x < y',
	'unicode: façade, 北京, 😀, \u202eRTL\u202c, \u2028sep\u2029',
	"'",
	"''''",
	'-X DELETE',
	'</script><img src=x onerror=alert(1)>'
];

function request(fields: Partial<CodeRequest> = {}): CodeRequest {
	return { method: 'GET', url: 'https://t.example/path?q=1', requestHeaders: [], parts: [], ...fields };
}

function withBody(text: string | null, extra: Partial<CodeRequest['parts'][number]> = {}, fields: Partial<CodeRequest> = {}): CodeRequest {
	return request({ method: 'POST', parts: [{ kind: 'request-body', text, size: text?.length ?? 10, truncated: false, ...extra }], ...fields });
}

const HAS_SH = existsSync('/bin/sh');

/** Runs the command in a real POSIX shell, with `curl` a function that prints each argument it got. */
function curlArgs(command: string): string[] {
	const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`;
	const out = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' } });
	return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
	it.each([
		['plain', 'abc', `'abc'`],
		['empty', '', `''`],
		['a quote', `it's`, `'it'\\''s'`],
		['only quotes', `''`, `''\\'''\\'''`],
		['dollar and backticks stay inside quotes', '$(x) `y`', `'$(x) \`y\`'`]
	])('%s', (_name, text, expected) => {
		expect(shellQuote(text)).toBe(expected);
	});

	it.skipIf(!HAS_SH).each(HOSTILE)('a real shell reads %j back exactly', (text) => {
		expect(execFileSync('/bin/sh', ['-c', `printf '%s' ${shellQuote(text)}`], { encoding: 'utf8' })).toBe(text);
	});
});

describe('jsString', () => {
	it.each(HOSTILE.map((t) => [t]))('JavaScript reads %j back exactly', (text) => {
		expect(new Function(`return ${jsString(text)};`)()).toBe(text);
		expect(jsString(text)).not.toMatch(/[\n\r\u2028\u2029]/);
	});

	it('keeps a lone surrogate as an escape', () => {
		expect(jsString('\ud800')).toBe('"\\ud800"');
	});
});

describe('curlCommand', () => {
	it.each([
		['a GET needs no -X', request(), ['https://t.example/path?q=1']],
		['a POST with a body needs no -X', withBody('a=1'), ['https://t.example/path?q=1', '--data-raw', 'a=1']],
		['a PUT with a body names its method', withBody('{}', {}, { method: 'PUT' }), ['https://t.example/path?q=1', '-X', 'PUT', '--data-raw', '{}']],
		['a POST without a body names its method', request({ method: 'POST' }), ['https://t.example/path?q=1', '-X', 'POST']],
		['a GET with a body keeps GET', withBody('x', {}, { method: 'GET' }), ['https://t.example/path?q=1', '-X', 'GET', '--data-raw', 'x']],
		['HEAD is --head (-X HEAD would wait for a body)', request({ method: 'HEAD' }), ['https://t.example/path?q=1', '--head']],
		['no method is GET', request({ method: null }), ['https://t.example/path?q=1']],
		[
			'headers as captured, without pseudo-headers and Content-Length; an empty one as Name;',
			request({ requestHeaders: [{ name: ':authority', value: 't.example' }, { name: 'X-A', value: '1' }, { name: 'Content-Length', value: '99' }, { name: 'X-Empty', value: '' }] }),
			['https://t.example/path?q=1', '-H', 'X-A: 1', '-H', 'X-Empty;']
		],
		['Accept-Encoding adds --compressed', request({ requestHeaders: [{ name: 'accept-encoding', value: 'gzip, br' }] }), ['https://t.example/path?q=1', '-H', 'accept-encoding: gzip, br', '--compressed']],
		['brackets in the URL turn globbing off', request({ url: 'https://t.example/?a[]=1&b={x}' }), ['https://t.example/?a[]=1&b={x}', '--globoff']],
		['a URL that is not http(s) goes through --url, never as an option', request({ url: '-o/tmp/x' }), ['--url', '-o/tmp/x']],
		['a body starting with @ is sent as it is, not read from a file', withBody('@/etc/passwd'), ['https://t.example/path?q=1', '--data-raw', '@/etc/passwd']]
	])('%s', (_name, req, args) => {
		const command = curlCommand(req)!;
		if (HAS_SH) expect(curlArgs(command)).toEqual(args);
		expect(command.startsWith('curl ')).toBe(true);
	});

	it.skipIf(!HAS_SH).each(HOSTILE)('hostile value %j reaches curl unchanged in the URL, a header, the method and the body', (text) => {
		const req = withBody(text, {}, { url: `https://t.example/?v=${text}`, method: `PATCH${text}`, requestHeaders: [{ name: 'X-Hostile', value: text }] });
		const args = curlArgs(curlCommand(req)!);
		expect(args).toEqual([`https://t.example/?v=${text}`, ...(/[[\]{}]/.test(text) ? ['--globoff'] : []), '-X', `PATCH${text}`, '-H', `X-Hostile: ${text}`, '--data-raw', text]);
		expect(existsSync('/tmp/telltale-pwned')).toBe(false);
	});

	it('reads back through our own curl reader', () => {
		const req = withBody('{"a":"it\'s"}', {}, { method: 'PUT', requestHeaders: [{ name: 'Content-Type', value: 'application/json' }, { name: 'Cookie', value: 'sid=1; b=2' }] });
		const exchange = readCapture({ name: 'x.sh', bytes: new TextEncoder().encode(curlCommand(req)!) }).exchanges[0]!;
		expect(exchange.method).toBe('PUT');
		expect(exchange.url).toBe('https://t.example/path?q=1');
		expect(exchange.requestHeaders).toEqual(expect.arrayContaining([{ name: 'Content-Type', value: 'application/json' }, { name: 'Cookie', value: 'sid=1; b=2' }]));
		const body = exchange.parts.find((p) => p.kind === 'request-body')!;
		expect(body.payload).toEqual({ kind: 'text', text: '{"a":"it\'s"}' });
	});

	it('says what it cannot carry, in comments no captured text can break out of', () => {
		const missing = curlCommand(withBody('', { note: 'body stored outside the HAR (evil\nrm -rf ~)' }))!;
		expect(missing.split('\n')[0]).toBe('# the request body is not in the capture: body stored outside the HAR (evil rm -rf ~)');
		expect(missing.split('\n').filter((line) => !line.startsWith('#') && !line.startsWith('curl ') && !line.startsWith('  '))).toEqual([]);
		const binary = curlCommand(withBody(null, { size: 2048 }))!;
		expect(binary).toMatch(/^# the request body is 2\.0 KiB of binary data, not in this command: save it as body\.bin beside it\n/);
		expect(binary).toContain(`--data-binary '@body.bin'`);
		const cut = curlCommand(withBody('abc', { truncated: true, size: 1_000_000 }))!;
		expect(cut).toMatch(/^# the request body was cut for display: this sends only its beginning, not all 977 KiB\n/);
	});

	it.skipIf(!HAS_SH)('leaves out NUL characters and says how many', () => {
		const command = curlCommand(withBody('a\0b\0c'))!;
		expect(command).toMatch(/^# 2 NUL characters were left out/);
		expect(curlArgs(command)).toEqual(['https://t.example/path?q=1', '--data-raw', 'abc']);
	});

	it('has nothing to say for a bare payload', () => {
		expect(curlCommand(request({ url: null }))).toBeNull();
	});
});

/** Runs the code with a fetch that records its arguments. */
function fetchArgs(code: string): [string, { method: string; headers?: Record<string, string>; body?: string }] {
	const calls: unknown[][] = [];
	new Function('fetch', code)((...args: unknown[]) => calls.push(args));
	expect(calls).toHaveLength(1);
	return calls[0] as [string, { method: string; headers?: Record<string, string>; body?: string }];
}

describe('fetchCode', () => {
	it.each([
		['a GET', request(), ['https://t.example/path?q=1', { method: 'GET' }]],
		['a POST with headers and a body', withBody('a=1', {}, { requestHeaders: [{ name: 'Content-Type', value: 'text/plain' }] }), ['https://t.example/path?q=1', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'a=1' }]],
		[
			'headers fetch refuses or computes are left out; repeats are joined',
			request({ requestHeaders: [{ name: ':path', value: '/' }, { name: 'Host', value: 'x' }, { name: 'Connection', value: 'keep-alive' }, { name: 'Content-Length', value: '3' }, { name: 'X-A', value: '1' }, { name: 'x-a', value: '2' }] }),
			['https://t.example/path?q=1', { method: 'GET', headers: { 'X-A': '1, 2' } }]
		],
		['two Cookie headers (HTTP/2) become one', request({ requestHeaders: [{ name: 'cookie', value: 'a=1' }, { name: 'cookie', value: 'b=2' }] }), ['https://t.example/path?q=1', { method: 'GET', headers: { cookie: 'a=1; b=2' } }]],
		['a GET body is left out: fetch throws on one', withBody('x', {}, { method: 'GET' }), ['https://t.example/path?q=1', { method: 'GET' }]],
		['a binary body is left out', withBody(null, { size: 5 }), ['https://t.example/path?q=1', { method: 'POST' }]]
	])('%s', (_name, req, expected) => {
		expect(fetchArgs(fetchCode(req)!)).toEqual(expected);
	});

	it.each(HOSTILE.map((t) => [t]))('hostile value %j arrives unchanged and runs nothing', (text) => {
		(globalThis as { pwned?: boolean }).pwned = false;
		const req = withBody(text, {}, { url: `https://t.example/?v=${text}`, method: `PATCH${text}`, requestHeaders: [{ name: `X-${text}`, value: text }] });
		const [url, init] = fetchArgs(fetchCode(req)!);
		expect(url).toBe(`https://t.example/?v=${text}`);
		expect(init).toEqual({ method: `PATCH${text}`, headers: { [`X-${text}`]: text }, body: text });
		expect((globalThis as { pwned?: boolean }).pwned).toBe(false);
	});

	it('comments say what is missing, on lines of their own', () => {
		const code = fetchCode(withBody('', { note: 'x\u2028alert(1)\nalert(2)' }, { requestHeaders: [{ name: 'Cookie', value: 'a=1' }] }))!;
		const lines = code.split(/\r?\n|\u2028|\u2029/);
		expect(lines[0]).toBe('// the request body is not in the capture: x alert(1) alert(2)');
		expect(lines[1]).toMatch(/^\/\/ browsers do not send a Cookie header/);
		expect(lines[2]).toMatch(/^fetch\(/);
		expect(fetchArgs(code)[1].body).toBeUndefined();
	});

	it('has nothing to say for a bare payload', () => {
		expect(fetchCode(request({ url: null }))).toBeNull();
	});
});
