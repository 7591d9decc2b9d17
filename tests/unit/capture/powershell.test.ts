import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { doubleQuoted, statements } from '../../../src/lib/core/capture/powershell';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { isInputError } from '../../../src/lib/core/errors';
import { caught, part, read, readText, textOf } from './helpers';

const SENSORS_GZIP_PREFIX = 'H4sIAAAAAAACAyXNwY6CMBRG4Xf5w25AKKBgE+ODTCaTcnsrVdTa3oGZGN/d6KzO4iy+zzusT';

describe('"Copy as PowerShell" (Chrome, Edge)', () => {
	it('chrome.powershell.txt: the same request as the curl fixtures, with the session\'s cookies and user agent', () => {
		const capture = read('capture/chrome.powershell.txt');
		expect(capture.format).toBe('curl');
		expect(capture.notes).toEqual(['PowerShell Invoke-WebRequest command (Copy as PowerShell)']);
		const e = capture.exchanges[0]!;
		expect([e.method, e.url, e.host]).toEqual(['POST', 'https://sa.example.com/sa?project=default', 'sa.example.com']);
		expect(e.parts.map((p) => p.name)).toEqual(['query', 'header.x-request-id', 'header.x-json', 'header.user-agent', 'cookie.sid', 'cookie.theme', 'body']);
		expect(e.requestHeaders.slice(0, 4).map((h) => h.name)).toEqual([':authority', ':method', ':path', ':scheme']);
		const body = part(e, 'body');
		expect(body.contentType).toBe('application/x-www-form-urlencoded');
		const form = new URLSearchParams(textOf(body));
		expect(form.get('data_list')!.startsWith(SENSORS_GZIP_PREFIX)).toBe(true);
		expect(form.get('note')).toBe("it's\nfine");
		expect(textOf(part(e, 'header.x-json'))).toBe('{"a":1,"price":"$5"}');
		expect(textOf(part(e, 'cookie.sid'))).toBe('s-42');
		expect(textOf(part(e, 'header.user-agent'))).toMatch(/^Mozilla\/5\.0 \(Windows NT 10\.0/);
		expect(e.notes).toEqual([]);
	});

	it.each([
		['a GET with no session', 'Invoke-WebRequest -UseBasicParsing -Uri "https://a.example/p?id=7" `\n-Headers @{\n"x-id"="u-1"\n}', { method: 'GET', url: 'https://a.example/p?id=7', parts: ['query', 'header.x-id'], notes: [] }],
		['CRLF line ends and continuations', 'Invoke-WebRequest -UseBasicParsing -Uri "https://a.example/" `\r\n-Method "PUT" `\r\n-ContentType "application/json" `\r\n-Body "{`"k`":`"v`"}"\r\n', { method: 'PUT', url: 'https://a.example/', parts: ['body'], notes: [] }],
		['single quotes, a positional URL, `-Param:value`', "Invoke-WebRequest 'https://b.example/it''s' -Method:Post -Body 'a=1'", { method: 'POST', url: "https://b.example/it's", parts: ['body'], notes: [] }],
		['Invoke-RestMethod and a $body variable', '$body = "q=1"\nInvoke-RestMethod -Uri https://c.example/ -Method POST -Body $body', { method: 'POST', url: 'https://c.example/', parts: ['body'], notes: [] }],
		['an unknown variable is noted, not invented', 'Invoke-WebRequest -Uri "https://d.example/" -Body $payload', { method: 'GET', url: 'https://d.example/', parts: [], notes: ['the body is the variable $payload, not set in the command'] }],
		['a session defined elsewhere', 'Invoke-WebRequest -Uri "https://e.example/" -WebSession $s', { method: 'GET', url: 'https://e.example/', parts: [], notes: ['-WebSession names a session not created in the command: its cookies are unknown'] }],
		['-InFile', 'Invoke-WebRequest -Uri "https://f.example/" -Method POST -InFile "C:\\data.bin"', { method: 'POST', url: 'https://f.example/', parts: [], notes: ['body read from the file C:\\data.bin (not in the command)'] }],
		['a comment and a switch before the URL', '# copied from Edge\nInvoke-WebRequest -UseBasicParsing -SkipCertificateCheck https://g.example/ # trailing', { method: 'GET', url: 'https://g.example/', parts: [], notes: [] }]
	])('%s', (_, script, expected) => {
		const capture = readText('ps.txt', script);
		expect(capture.format).toBe('curl');
		const e = capture.exchanges[0]!;
		expect({ method: e.method, url: e.url, parts: e.parts.map((p) => p.name), notes: e.notes }).toEqual(expected);
	});

	it('reads "Copy all as PowerShell": one exchange per command, each with its own session', () => {
		const script = [
			'$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession',
			'$session.Cookies.Add((New-Object System.Net.Cookie("a", "1", "/", "x.example")))',
			'Invoke-WebRequest -UseBasicParsing -Uri "https://x.example/1" -WebSession $session;',
			'$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession',
			'$session.Cookies.Add((New-Object System.Net.Cookie("b", "2", "/", "y.example")))',
			'Invoke-WebRequest -UseBasicParsing -Uri "https://y.example/2" -WebSession $session'
		].join('\r\n');
		const capture = readText('all.ps1', script);
		expect(capture.notes).toEqual(['PowerShell Invoke-WebRequest commands (Copy as PowerShell)']);
		expect(capture.exchanges.map((e) => [e.url, e.parts.map((p) => p.name)])).toEqual([
			['https://x.example/1', ['cookie.a']],
			['https://y.example/2', ['cookie.b']]
		]);
	});

	it.each([
		['`"quoted`" and ``backtick', '"quoted" and `backtick'],
		['`$notAVariable', '$notAVariable'],
		['line$([char]10)break and tab$([char]9)', 'line\nbreak and tab\t'],
		['caf$([char]233) $([char]0x263A)', 'café ☺'],
		['`n`r`t`0`u{1F600}', '\n\r\t\0😀'],
		['say ""hi""', 'say "hi"'],
		['$env:HOME and $(Get-Date)', '$env:HOME and $(Get-Date)']
	])('double-quoted %j', (raw, expected) => {
		expect(doubleQuoted(raw)).toBe(expected);
	});

	it('notes what it keeps as written', () => {
		const notes: string[] = [];
		doubleQuoted('a $(Get-Date) b', notes);
		expect(notes).toEqual(['kept the PowerShell expression $(Get-Date) as written']);
	});

	it.each([
		['a; b\nc', ['a', 'b', 'c']],
		['a `\n  -B "x;y`"\nz" @{\n"k"="v"\n}\nc', ['a `\n  -B "x;y`"\nz" @{\n"k"="v"\n}', 'c']],
		["'it''s; fine' d", ["'it''s; fine' d"]]
	])('statements of %j', (text, expected) => {
		expect(statements(text)).toEqual(expected);
	});

	it('says when a PowerShell script holds no request', () => {
		const error = caught(() => readCapture({ name: 'session.ps1', bytes: new TextEncoder().encode('$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n') }));
		expect(isInputError(error)).toBe(true);
		expect(error.message).toBe('session.ps1 holds no Invoke-WebRequest command');
	});

	it('random text after Invoke-WebRequest never throws anything but InputError', () => {
		const unit = fc.constantFrom('a', ' ', '"', "'", '`', '$', '(', ')', '{', '}', '@', '=', ';', '\n', '\r', '-', '#', 'é');
		fc.assert(
			fc.property(fc.constantFrom('Invoke-WebRequest ', '$s = New-Object WebRequestSession\n'), fc.string({ unit, maxLength: 200 }), (head, rest) => {
				try {
					const capture = readText('ps.txt', head + rest);
					expect(capture.exchanges.length).toBeGreaterThan(0);
				} catch (error) {
					expect(isInputError(error)).toBe(true);
				}
			}),
			{ numRuns: 400 }
		);
	});
});
