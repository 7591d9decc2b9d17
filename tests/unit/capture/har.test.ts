import { describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'fflate';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { fixture, part, read, readInChunks, textOf } from './helpers';

const SHARED = ['harviewer/ie11.fiddler.har', 'mitmproxy/charles.har', 'mitmproxy/chrome.har', 'mitmproxy/firefox.har', 'mitmproxy/safari.har', 'mitmproxy/websocket.har'];

describe('the six shared HAR files', () => {
	it.each(SHARED)('%s: one exchange per entry, in file order, same as streaming', async (path) => {
		const bytes = fixture(`har/${path}`);
		const reference = JSON.parse(new TextDecoder().decode(bytes).replace(/^\ufeff/, '')) as { log: { entries: Array<{ request: { url: string; method: string } }> } };
		const capture = read(`har/${path}`);
		expect(capture.format).toBe('har');
		expect(capture.exchanges.map((e) => e.url)).toEqual(reference.log.entries.map((e) => e.request.url));
		expect(capture.exchanges.map((e) => e.method)).toEqual(reference.log.entries.map((e) => e.request.method));
		expect(capture.exchanges.map((e) => e.index)).toEqual(reference.log.entries.map((_, i) => i));
		for (const e of capture.exchanges) expect(e.host).toBeTruthy();
		const streamed = await readInChunks(path.split('/').pop()!, bytes, [7, 4096, 1, 65536, 333]);
		expect(streamed).toEqual(capture);
	});

	it('reads Fiddler\'s BOM and 7-digit fractions with a zone', () => {
		const capture = read('har/harviewer/ie11.fiddler.har');
		expect(capture.exchanges[0]!.startedAt).toBe('2016-06-28T20:42:02.722Z');
		expect(capture.notes).toContain('written by Fiddler 4.6.2.2');
	});

	it('turns Chrome\'s HTTP/2 cookies and client hints into parts, keeps `_` fields', () => {
		const e = read('har/mitmproxy/chrome.har').exchanges[2]!;
		expect(e.parts.map((p) => p.name)).toEqual(expect.arrayContaining(['cookie.SID', 'header.x-client-data', 'header.sec-ch-ua-model', 'response']));
		expect(e.parts.some((p) => p.name.startsWith('header.:'))).toBe(false);
		expect(e.extensions?._resourceType).toBeDefined();
		expect(part(e, 'response').payload.kind).toBe('bytes');
	});

	it('reads mitmproxy\'s websocket messages as ws[i] parts', () => {
		const e = read('har/mitmproxy/websocket.har').exchanges[2]!;
		const ws = e.parts.filter((p) => p.kind === 'websocket');
		expect(ws.map((p) => p.name)).toEqual(['ws[0]', 'ws[1]', 'ws[2]']);
		expect(e.extensions?._webSocketMessages).toBeUndefined();
	});
});

describe('HAR quirks (tests/fixtures/capture/quirks.har)', () => {
	const capture = read('capture/quirks.har');
	const [h2, binary, socket, form] = capture.exchanges as [any, any, any, any];

	it('reads HAR 1.1 with a BOM and no pages, and says what it tolerated', () => {
		expect(capture.exchanges).toHaveLength(4);
		expect(capture.notes).toEqual([
			'written by Telltale test fixture 1',
			'HAR version 1.1',
			'1 time stamp had no time zone and was read as UTC',
			'1 body marked base64 was not base64 and was read as text',
			'1 body stored outside the HAR (not decoded)'
		]);
	});

	it.each([
		['a 7-digit fraction without a zone, read as UTC', () => h2.startedAt, '2024-05-01T10:00:00.123Z'],
		['an offset zone', () => socket.startedAt, '2024-05-01T08:00:02.500Z'],
		['a path-only URL completed from pseudo-headers', () => h2.url, 'https://sa.example.com/sa?project=default'],
		['host from :authority', () => h2.host, 'sa.example.com'],
		['null / -1 sizes and `timings: {}` ignored', () => h2.status, 200],
		['part names of an HTTP/2 request', () => h2.parts.map((p: any) => p.name), ['query', 'header.x-device-id', 'header.authorization', 'cookie.sid', 'cookie.theme', 'body', 'response']],
		[
			'entry notes: URL completion, a body rebuilt from postData.params, a base64 that lies',
			() => h2.notes,
			['URL completed from the :authority pseudo-header', 'request body rebuilt from postData.params', 'response body marked base64 but is not base64: read as text']
		],
		['unknown `_` fields preserved', () => h2.extensions, { _initiator: { type: 'script' }, _priority: 'High' }],
		['Playwright `_file` reported', () => part(binary, 'response').note, 'body stored outside the HAR (7d1b0c2e.bin)'],
		['websocket message parts', () => socket.parts.map((p: any) => `${p.name}:${p.payload.kind}:${p.note}`), ['query:text:undefined', 'cookie.uid:text:undefined', 'ws[0]:text:sent', 'ws[1]:bytes:received']],
		['postData.text preferred over params', () => textOf(part(form, 'body')), 'email=jane%40example.com&zip=12345']
	])('%s', (_, actual, expected) => {
		expect(actual()).toEqual(expected);
	});

	it('decodes a base64 request body to bytes and keeps its content type', () => {
		const body = part(binary, 'body');
		expect(body.payload.kind).toBe('bytes');
		expect(body.contentType).toBe('application/octet-stream');
		expect(new TextDecoder().decode(gunzipSync((body.payload as { bytes: Uint8Array }).bytes))).toContain('490154203237518');
	});

	it('reads a response marked base64 that is not base64 as text, without the browser-removed Content-Encoding', () => {
		const response = part(h2, 'response');
		expect(response.payload).toEqual({ kind: 'text', text: '{"ok":true}' });
		expect(response.contentEncoding).toBeUndefined();
	});

	it('passes the form body with its content type for the decoder', () => {
		const body = part(h2, 'body');
		expect(body.contentType).toBe('application/x-www-form-urlencoded');
		expect(new URLSearchParams(textOf(body)).get('gzip')).toBe('1');
	});
});

describe('compressed wrappers, sniffed from magic bytes', () => {
	const plain = read('capture/quirks.har');
	it.each([
		['capture/quirks.har.gz', 'unpacked from gzip'],
		['capture/quirks.zhar', 'unpacked from zlib (.zhar)'],
		['capture/quirks-har.zip', 'unpacked from zip']
	])('%s reads like the plain HAR', async (path, note) => {
		const capture = read(path);
		expect(capture.notes[0]).toBe(note);
		expect(capture.exchanges).toEqual(plain.exchanges);
		const streamed = await readInChunks('x', fixture(path), [3, 100, 17]);
		expect(streamed.exchanges).toEqual(plain.exchanges);
	});

	it('keeps a gzip that is not a capture as a bare payload of the original bytes (the decoder peels it)', () => {
		const gz = gzipSync(new TextEncoder().encode('{"distinct_id":"u-1","event":"view"}'));
		const capture = readCapture({ name: 'body.bin', bytes: gz });
		expect(capture.format).toBe('payload');
		expect(capture.exchanges[0]!.parts[0]!.payload).toEqual({ kind: 'bytes', bytes: gz });
	});
});
