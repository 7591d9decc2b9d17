/**
 * The cheap pre-checks in front of costly sniffs must give exactly the answer of the long way:
 * brotli's header walk against the decoder's own probe, CRC-32 slicing-by-8 against node:zlib.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brotliCompressSync, crc32 as zlibCrc32, constants } from 'node:zlib';
import { BrotliDecompress } from 'brotli/dec/decode.js';
import { brotli } from '../../../../src/lib/core/decode/codecs/brotli';
import { base64 } from '../../../../src/lib/core/decode/codecs/base64';
import { crc32 } from '../../../../src/lib/core/decode/codecs/checksums';

class Stop extends Error {}

/** The decoder run on the first 256 bytes, as the sniff did before the header walk existed. */
function decoderAccepts(input: Uint8Array): boolean {
	const head = input.subarray(0, 256);
	let at = 0;
	try {
		BrotliDecompress(
			{
				read(buffer: Uint8Array, offset: number, count: number) {
					const n = Math.min(count, head.length - at);
					buffer.set(head.subarray(at, at + n), offset);
					at += n;
					return n;
				}
			},
			{
				buffer: { length: Number.POSITIVE_INFINITY } as unknown as Uint8Array,
				write() {
					throw new Stop();
				}
			}
		);
		return true;
	} catch (e) {
		return e instanceof Stop || (e instanceof Error && /Unexpected end of input/.test(e.message));
	}
}

function windowOk(first: number): boolean {
	if ((first & 1) === 0) return true;
	const n = (first >> 1) & 7;
	if (n !== 0) return 17 + n <= 22;
	return ((first >> 4) & 7) !== 1;
}

function readableUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

describe('brotli sniff: header walk agrees with the decoder', () => {
	it('on random bytes of every short length', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 4, maxLength: 300 }), (bytes) => {
				if (!windowOk(bytes[0]!) || readableUtf8(bytes)) return;
				expect(brotli.sniff(bytes, {}) > 0).toBe(decoderAccepts(bytes));
			}),
			{ numRuns: 3000 }
		);
	});

	it.each([
		['JSON', Buffer.from(JSON.stringify({ id: 'u_1', events: Array.from({ length: 50 }, (_, i) => ({ i })) }))],
		['random bytes', Buffer.from(Array.from({ length: 500 }, (_, i) => (i * 7919) % 251))],
		['one byte', Buffer.from('x')],
		['HTML', Buffer.from('<html><body>the information about the company</body></html>')]
	])('still accepts real brotli streams (%s)', (_name, plain) => {
		for (const quality of [0, 5, 11]) {
			const stream = new Uint8Array(brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_LGWIN]: 18 } }));
			if (readableUtf8(stream)) continue;
			expect(brotli.sniff(stream, {})).toBe(0.3);
		}
	});
});

describe('base64 sniff: the one-pass rejection', () => {
	it.each([
		['a sentence', 'the quick brown fox jumps over the lazy dog again'],
		['a URL', 'https://www.example.com/search?q=weather'],
		['a log message', 'news 3fa9c0d1e2b3a4f5 weather music 9a8b7c6d5e4f3a2b video'],
		['JSON', '{"a":1}']
	])('rejects %s', (_name, text) => {
		expect(base64.sniff(text, {})).toBe(0);
	});

	it.each([
		['form-decoded base64 with a space for a +', 'H4sIAAAAAAAAA 9WSTWvDMAyG/0oQ7U7J6jht0xjGq1w'],
		['padded standard base64', Buffer.from('{"user":"someone@example.org"}').toString('base64')]
	])('still scores %s', (_name, text) => {
		expect(base64.sniff(text, {})).toBeGreaterThan(0);
	});
});

describe('crc32 (slicing-by-8)', () => {
	it('matches node:zlib on random data, whole and continued', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 2000 }), fc.nat(), (bytes, cut) => {
				const at = bytes.length === 0 ? 0 : cut % bytes.length;
				expect(crc32(bytes)).toBe(zlibCrc32(bytes));
				expect(crc32(bytes.subarray(at), crc32(bytes.subarray(0, at)))).toBe(zlibCrc32(bytes));
			}),
			{ numRuns: 300 }
		);
	});
});
