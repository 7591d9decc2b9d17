import { describe, expect, it } from 'vitest';
import type { Exchange, Header, Part } from '../../../src/lib/core/model';
import { SOURCE_BYTES_PREVIEW, SOURCE_TEXT_LIMIT, cutUtf8, exchangeSource } from '../../../src/lib/core/report/exchange-source';
import { readCapture } from '../../../src/lib/core/capture/sniff';

function exchange(fields: Partial<Exchange> = {}): Exchange {
	return { index: 0, method: 'POST', url: 'https://t.example/c', host: 't.example', status: 200, startedAt: null, requestHeaders: [], responseHeaders: [], parts: [], notes: [], ...fields };
}

const h = (name: string, value: string): Header => ({ name, value });
const textPart = (text: string, kind: Part['kind'] = 'request-body'): Part => ({ kind, name: kind === 'request-body' ? 'body' : 'response', payload: { kind: 'text', text } });
const bytesPart = (bytes: Uint8Array, kind: Part['kind'] = 'response-body'): Part => ({ kind, name: kind === 'request-body' ? 'body' : 'response', payload: { kind: 'bytes', bytes } });

describe('cookies', () => {
	it.each([
		['one Cookie header', [h('Cookie', 'sid=abc; theme=dark')], [], [['request', 'sid', 'abc'], ['request', 'theme', 'dark']]],
		['Cookie in lower case, HTTP/2 style, twice', [h('cookie', 'a=1'), h('cookie', 'b=2')], [], [['request', 'a', '1'], ['request', 'b', '2']]],
		['values keep their = and spaces inside', [h('Cookie', ' tok = x=y=z ;  ; empty=')], [], [['request', 'tok', 'x=y=z'], ['request', 'empty', '']]],
		['a piece without = is a name', [h('Cookie', 'flag')], [], [['request', 'flag', '']]],
		['Set-Cookie with attributes', [], [h('Set-Cookie', 'id=42; Path=/; HttpOnly; Secure')], [['response', 'id', '42', 'Path=/; HttpOnly; Secure']]],
		['several Set-Cookie lines in one value (joined by the tool)', [], [h('set-cookie', 'a=1; Path=/\nb=2')], [['response', 'a', '1', 'Path=/'], ['response', 'b', '2']]],
		['Set-Cookie without = is a value with no name (RFC 6265)', [], [h('Set-Cookie', 'lonely; Max-Age=0')], [['response', '', 'lonely', 'Max-Age=0']]],
		['other headers are not cookies', [h('X-Cookie', 'a=1')], [h('Cookie', 'b=2')], []],
		['hostile text stays text', [h('Cookie', 'x=<img src=x onerror=alert(1)>')], [], [['request', 'x', '<img src=x onerror=alert(1)>']]]
	] as const)('%s', (_name, requestHeaders, responseHeaders, expected) => {
		const source = exchangeSource(exchange({ requestHeaders: [...requestHeaders], responseHeaders: [...responseHeaders] }));
		expect(source.cookies).toEqual(expected.map(([side, name, value, attributes]) => ({ side, name, value, ...(attributes ? { attributes } : {}) })));
	});
});

describe('parts and sizes', () => {
	it.each([
		['ASCII text', 'hello', 5],
		['two-byte letters', 'façade', 7],
		['a three-byte symbol', '€', 3],
		['an emoji (a surrogate pair, four bytes)', '😀', 4],
		['a lone surrogate counts as U+FFFD, three bytes', '\ud800', 3],
		['empty', '', 0]
	])('%s: %s is %i bytes', (_name, text, bytes) => {
		expect(exchangeSource(exchange({ parts: [textPart(text)] })).parts[0]).toMatchObject({ size: bytes, text, truncated: false });
		expect(cutUtf8(text, Infinity).bytes).toBe(new TextEncoder().encode(text).length);
	});

	it('cuts text at 256 KiB of UTF-8 and keeps the whole size', () => {
		const text = 'é'.repeat(SOURCE_TEXT_LIMIT);
		const part = exchangeSource(exchange({ parts: [textPart(text)] })).parts[0]!;
		expect(part.size).toBe(2 * SOURCE_TEXT_LIMIT);
		expect(part.truncated).toBe(true);
		expect(part.text).toHaveLength(SOURCE_TEXT_LIMIT / 2);
	});

	it('never cuts a surrogate pair in half', () => {
		const text = `${'a'.repeat(SOURCE_TEXT_LIMIT - 2)}😀tail`;
		const part = exchangeSource(exchange({ parts: [textPart(text)] })).parts[0]!;
		expect(part.text).toBe('a'.repeat(SOURCE_TEXT_LIMIT - 2));
		expect(part.truncated).toBe(true);
	});

	it('text exactly at the limit is whole', () => {
		const part = exchangeSource(exchange({ parts: [textPart('x'.repeat(SOURCE_TEXT_LIMIT))] })).parts[0]!;
		expect(part).toMatchObject({ size: SOURCE_TEXT_LIMIT, truncated: false });
	});

	it('UTF-8 bytes are text; a body cut in the middle of a character drops that character', () => {
		const bytes = new TextEncoder().encode(`${'a'.repeat(SOURCE_TEXT_LIMIT - 1)}€€`);
		const part = exchangeSource(exchange({ parts: [bytesPart(bytes)] })).parts[0]!;
		expect(part.size).toBe(bytes.length);
		expect(part.text).toBe('a'.repeat(SOURCE_TEXT_LIMIT - 1));
		expect(part.truncated).toBe(true);
		expect(part.bytesPreview).toBeUndefined();
	});

	it('binary bytes send a 64 KiB preview, a copy and not a view of the whole body', () => {
		const bytes = new Uint8Array(SOURCE_BYTES_PREVIEW * 3).map((_, i) => (i * 131 + 7) & 0xff);
		bytes[0] = 0x1f;
		bytes[1] = 0x8b;
		const part = exchangeSource(exchange({ parts: [bytesPart(bytes)] })).parts[0]!;
		expect(part.text).toBeNull();
		expect(part.size).toBe(bytes.length);
		expect(part.truncated).toBe(true);
		expect(part.bytesPreview).toHaveLength(SOURCE_BYTES_PREVIEW);
		expect(part.bytesPreview!.buffer.byteLength).toBe(SOURCE_BYTES_PREVIEW);
		expect([...part.bytesPreview!.subarray(0, 4)]).toEqual([0x1f, 0x8b, bytes[2], bytes[3]]);
	});

	it('small binary bytes are whole; valid UTF-8 full of control bytes is binary', () => {
		const part = exchangeSource(exchange({ parts: [bytesPart(new Uint8Array([0, 1, 2, 3, 0x41]))] })).parts[0]!;
		expect(part).toMatchObject({ text: null, truncated: false, size: 5 });
		expect([...part.bytesPreview!]).toEqual([0, 1, 2, 3, 0x41]);
	});

	it('counts header and body sizes; a body stored elsewhere has no size', () => {
		const source = exchangeSource(
			exchange({
				requestHeaders: [h('a', 'bc'), h('é', '€')],
				responseHeaders: [h('x', '')],
				parts: [textPart('12345'), { kind: 'response-body', name: 'response', payload: { kind: 'text', text: '' }, note: 'body stored outside the HAR (x.bin)' }]
			})
		);
		expect(source.sizes).toEqual({ requestHeaders: 1 + 2 + 4 + (2 + 3 + 4), requestBody: 5, responseHeaders: 1 + 4, responseBody: null });
		expect(source.parts[1]!.note).toBe('body stored outside the HAR (x.bin)');
	});

	it('keeps kind, name, content type and note of every part, in order', () => {
		const parts: Part[] = [
			{ kind: 'query', name: 'query', payload: { kind: 'text', text: 'a=1' }, contentType: 'application/x-www-form-urlencoded' },
			{ kind: 'cookie', name: 'cookie.sid', payload: { kind: 'text', text: 'abc' } },
			textPart('{}')
		];
		expect(exchangeSource(exchange({ parts })).parts.map((p) => [p.kind, p.name, p.contentType])).toEqual([
			['query', 'query', 'application/x-www-form-urlencoded'],
			['cookie', 'cookie.sid', undefined],
			['request-body', 'body', undefined]
		]);
	});
});

describe('from a HAR', () => {
	it('carries method, URL, status, headers, timing and notes as read', () => {
		const har = {
			log: {
				version: '1.2',
				entries: [
					{
						startedDateTime: '2024-05-01T10:00:00Z',
						time: 42,
						timings: { send: 1, wait: 40, receive: 1 },
						request: { method: 'POST', url: 'https://t.example/c?x=1', headers: [{ name: 'Cookie', value: 'sid=1' }], bodySize: 2, postData: { mimeType: 'application/json', text: '{}' } },
						response: { status: 204, headers: [{ name: 'Set-Cookie', value: 'n=2; Path=/' }], content: {} }
					}
				]
			}
		};
		const capture = readCapture({ name: 'x.har', bytes: new TextEncoder().encode(JSON.stringify(har)) });
		const source = exchangeSource(capture.exchanges[0]!);
		expect(source).toMatchObject({ method: 'POST', url: 'https://t.example/c?x=1', status: 204, startedAt: '2024-05-01T10:00:00.000Z', timing: { totalMs: 42 }, recordedSizes: { requestBody: 2 } });
		expect(source.cookies.map((c) => `${c.side}:${c.name}=${c.value}`)).toEqual(['request:sid=1', 'response:n=2']);
		expect(source.parts.find((p) => p.kind === 'request-body')).toMatchObject({ text: '{}', contentType: 'application/json', size: 2 });
		// A source crosses to the page by structured clone: plain data only.
		expect(structuredClone(source)).toEqual(source);
	});
});
