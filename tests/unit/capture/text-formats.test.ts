import { describe, expect, it } from 'vitest';
import { part, read, readText, textOf } from './helpers';
import { splitCommands, shellFlavourOf } from '../../../src/lib/core/capture/shell-words';
import { parseCaptureTime } from '../../../src/lib/core/capture/dates';
import { firstJsonProblem } from '../../../src/lib/core/capture/json-locate';
import { burpTime } from '../../../src/lib/core/capture/burp';

const SENSORS_GZIP_PREFIX = 'H4sIAAAAAAACAyXNwY6CMBRG4Xf5w25AKKBgE+ODTCaTcnsrVdTa3oGZGN/d6KzO4iy+zzusT';

describe('raw HTTP', () => {
	it('reads a request and its chunked response (sensors-request-response.http)', () => {
		const capture = read('capture/sensors-request-response.http');
		expect(capture.format).toBe('http');
		const [e] = capture.exchanges as [any];
		expect(capture.exchanges).toHaveLength(1);
		expect([e.method, e.url, e.status]).toEqual(['POST', 'https://sa.example.com/sa?project=default', 200]);
		expect(e.notes).toEqual(['the message does not say http or https: assumed https']);
		expect(e.parts.map((p: any) => p.name)).toEqual(['query', 'header.user-agent', 'header.x-client-id', 'cookie.sensorsdata2015jssdkcross', 'cookie.sid', 'body', 'response']);
		expect(new URLSearchParams(textOf(part(e, 'body'))).get('data_list')).toMatch(new RegExp(`^${SENSORS_GZIP_PREFIX.replace(/\+/g, '\\+')}`));
		expect(textOf(part(e, 'response'))).toBe('{"code":0,"ok":1}');
	});

	it('leaves a gzip body and its Content-Encoding to the decoder (gzip-body.http)', () => {
		const body = part(read('capture/gzip-body.http').exchanges[0]!, 'body');
		expect(body.payload.kind).toBe('bytes');
		expect(body.contentEncoding).toBe('gzip');
		expect(body.contentType).toBe('application/json');
	});

	it.each([
		['LF line ends, no body', 'GET /a?x=1 HTTP/1.1\nHost: example.com:80\n\n', { url: 'http://example.com:80/a?x=1', status: null, parts: ['query'] }],
		['absolute target', 'GET https://api.example.com/v1 HTTP/1.1\r\n\r\n', { url: 'https://api.example.com/v1', status: null, parts: [] }],
		['a response alone', 'HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnope', { url: null, status: 404, parts: ['response'] }],
		['bytes past Content-Length are ignored, with a note', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokay', { url: null, status: 200, parts: ['response'] }],
		['a body without length runs to the response', 'POST / HTTP/1.1\r\nHost: h.example\r\n\r\na=1\r\nHTTP/1.1 204 No Content\r\n\r\n', { url: 'https://h.example/', status: 204, parts: ['body'] }],
		['HTTP/2 as proxies print it', 'GET /p HTTP/2\r\nHost: h2.example\r\nX-Trace: t-1\r\n\r\n', { url: 'https://h2.example/p', status: null, parts: ['header.x-trace'] }]
	])('%s', (_, text, expected) => {
		const e = readText('msg.txt', text).exchanges[0]!;
		expect({ url: e.url, status: e.status, parts: e.parts.map((p) => p.name) }).toEqual(expected);
	});

	it('pairs several requests with their responses', () => {
		const capture = readText('x.http', 'GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nAGET /2 HTTP/1.1\r\nHost: b.example\r\n\r\n');
		expect(capture.exchanges.map((e) => [e.host, e.status])).toEqual([['a.example', 200], ['b.example', null]]);
	});
});

describe('curl command lines', () => {
	it.each(['chrome-bash', 'firefox-bash', 'chrome-cmd', 'firefox-cmd'])('%s.curl.txt: the same request', (name) => {
		const capture = read(`capture/${name}.curl.txt`);
		expect(capture.format).toBe('curl');
		const e = capture.exchanges[0]!;
		expect([e.method, e.url, e.host]).toEqual(['POST', 'https://sa.example.com/sa?project=default', 'sa.example.com']);
		const body = part(e, 'body');
		expect(body.contentType).toBe('application/x-www-form-urlencoded');
		const form = new URLSearchParams(textOf(body));
		expect(form.get('data_list')!.startsWith(SENSORS_GZIP_PREFIX)).toBe(true);
		expect(form.get('gzip')).toBe('1');
		expect(textOf(part(e, 'cookie.sid'))).toBe('s-42');
	});

	it('reads $\'…\' escapes (chrome-bash) and cmd escapes inside a header (chrome-cmd)', () => {
		expect(new URLSearchParams(textOf(part(read('capture/chrome-bash.curl.txt').exchanges[0]!, 'body'))).get('note')).toBe("it's\nfine");
		expect(textOf(part(read('capture/chrome-cmd.curl.txt').exchanges[0]!, 'header.x-json'))).toBe('{"a":1}');
	});

	it.each([
		['-G moves data into the query', "curl -G 'https://s.example/q' -d 'q=cats' -d 'n=1'", { method: 'GET', url: 'https://s.example/q?q=cats&n=1', parts: ['query'] }],
		['grouped flags and attached values', 'curl -sSLXPUT -HX-Key:k1 https://a.example/x --data-binary \'{"a":1}\'', { method: 'PUT', url: 'https://a.example/x', parts: ['header.x-key', 'body'] }],
		['--json sets the content type', "curl --json '{\"id\":7}' https://j.example/", { method: 'POST', url: 'https://j.example/', parts: ['body'] }],
		['-u becomes Authorization', 'curl -u alice:s3cret https://b.example/', { method: 'GET', url: 'https://b.example/', parts: ['header.authorization'] }],
		['--data-urlencode', "curl https://u.example/ --data-urlencode 'msg=a b&c'", { method: 'POST', url: 'https://u.example/', parts: ['body'] }],
		['a bare host gets curl\'s default scheme', 'curl example.com/path', { method: 'GET', url: 'http://example.com/path', parts: [] }]
	])('%s', (_, command, expected) => {
		const e = readText('cmd.txt', command).exchanges[0]!;
		expect({ method: e.method, url: e.url, parts: e.parts.map((p) => p.name) }).toEqual(expected);
	});

	it('reads "Copy all as cURL": one exchange per command', () => {
		const capture = readText('all.txt', "curl 'https://a.example/1' ;\ncurl 'https://b.example/2' -H 'x-a: 1'");
		expect(capture.exchanges.map((e) => e.url)).toEqual(['https://a.example/1', 'https://b.example/2']);
	});

	it.each([
		['posix', `a 'b c' "d \\"e\\"" $'f\\x41\\u00e9' g\\ h`, [['a', 'b c', 'd "e"', 'fAé', 'g h']]],
		['posix', 'a \\\n b; c', [['a', 'b'], ['c']]],
		['cmd', 'a ^"b c^" ^\r\n  ^"x\\^"y^"', [['a', 'b c', 'x"y']]],
		['cmd', 'a ^"1^" &\r\nb', [['a', '1'], ['b']]]
	] as const)('%s words: %j', (flavour, text, expected) => {
		expect(splitCommands(text, flavour)).toEqual(expected);
	});

	it('picks the cmd flavour from caret escapes', () => {
		expect(shellFlavourOf('curl ^"https://x^"')).toBe('cmd');
		expect(shellFlavourOf("curl 'https://x' -H 'a: ^b'")).toBe('posix');
	});
});

describe('Burp Suite XML', () => {
	const capture = read('capture/burp-items.xml');
	it('reads each item as an exchange with base64 and plain messages', () => {
		expect(capture.format).toBe('burp');
		expect(capture.notes).toEqual(['written by Burp Suite 2023.10.3.4']);
		const [a, b] = capture.exchanges as [any, any];
		expect([a.method, a.url, a.status, a.startedAt]).toEqual(['POST', 'https://events.example.io/api/v2/events?app=com.example.shop', 200, '2023-11-07T14:20:55.000Z']);
		expect(a.parts.map((p: any) => p.name)).toEqual(['query', 'header.x-adid', 'body', 'response']);
		expect(JSON.parse(textOf(part(a, 'body'))).gaid).toBe('38400000-8cf0-11bd-b23e-10b96e40000d');
		expect([b.method, b.url, b.status, b.startedAt]).toEqual(['GET', 'http://t.example.com/pixel.gif?uid=u-77&amp=1', null, null]);
		expect(b.notes[0]).toMatch(/time zone name/);
	});
});

describe('Burp time stamps (Java Date.toString)', () => {
	it.each([
		['Tue Nov 07 14:20:55 UTC 2023', '2023-11-07T14:20:55.000Z'],
		['Tue Nov 07 14:20:56 CET 2023', '2023-11-07T13:20:56.000Z'],
		['Mon Jul 03 09:00:00 CEST 2023', '2023-07-03T07:00:00.000Z'],
		['Mon Jul 03 09:00:00 BST 2023', '2023-07-03T08:00:00.000Z'],
		['Fri Dec 01 23:30:00 PST 2023', '2023-12-02T07:30:00.000Z'],
		['Sat Jun 01 08:15:00 PDT 2024', '2024-06-01T15:15:00.000Z'],
		['Wed Jan 10 12:00:00 EST 2024', '2024-01-10T17:00:00.000Z'],
		['Wed Jan 10 12:00:00 JST 2024', '2024-01-10T03:00:00.000Z'],
		['Wed Jan 10 12:00:00 ACDT 2024', '2024-01-10T01:30:00.000Z'],
		['Wed Jan 10 12:00:00 GMT+05:30 2024', '2024-01-10T06:30:00.000Z'],
		['Wed Jan 10 12:00:00 GMT-03:00 2024', '2024-01-10T15:00:00.000Z'],
		['Wed Jan 10 12:00:00 IST 2024', null],
		['Wed Jan 10 12:00:00 CST 2024', null],
		['Wed Jan 10 12:00:00 XYZT 2024', null],
		['Wed Foo 10 12:00:00 CET 2024', null]
	])('%s', (input, iso) => {
		expect(burpTime(input)).toBe(iso);
	});

	it('keeps the note for a zone it cannot convert', () => {
		const xml = (zone: string): string => `<?xml version="1.0"?><items burpVersion="2023.10"><item><time>Tue Nov 07 14:20:56 ${zone} 2023</time><url>https://a.example/</url><request base64="false">GET / HTTP/1.1\r\nHost: a.example\r\n\r\n</request></item></items>`;
		const converted = readText('b.xml', xml('CET')).exchanges[0]!;
		expect([converted.startedAt, converted.notes]).toEqual(['2023-11-07T13:20:56.000Z', []]);
		const kept = readText('b.xml', xml('IST')).exchanges[0]!;
		expect(kept.startedAt).toBeNull();
		expect(kept.notes).toEqual(['time "Tue Nov 07 14:20:56 IST 2023" has a time zone name Telltale cannot convert; not used']);
	});
});

describe('time stamps', () => {
	it.each([
		['2016-06-28T21:42:02.7221474+01:00', '2016-06-28T20:42:02.722Z', false],
		['2023-08-29T13:03:20.195591+00:00', '2023-08-29T13:03:20.195Z', false],
		['2024-05-01 10:00:00', '2024-05-01T10:00:00.000Z', true],
		['2024-05-01T10:00:00+0530', '2024-05-01T04:30:00.000Z', false]
	])('%s', (input, iso, assumedUtc) => {
		expect(parseCaptureTime(input)).toEqual({ iso, assumedUtc });
	});
	it('rejects what is not a date', () => expect(parseCaptureTime('yesterday')).toBeNull());
});

describe('JSON problem location', () => {
	it.each([
		['{"a":}', 5, false],
		['{"a":1', 6, true],
		['[1}', 2, false],
		['{"a":"\u0001"}', 6, false]
	])('%j', (text, index, atEnd) => {
		expect(firstJsonProblem(text)).toMatchObject({ index, atEnd });
	});
	it('accepts valid JSON', () => expect(firstJsonProblem('{"a":[1,{"b":null}],"c":"\\u00e9"}')).toBeNull());
});
