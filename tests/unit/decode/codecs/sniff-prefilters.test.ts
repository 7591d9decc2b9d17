/**
 * The cheap pre-checks in front of costly sniffs must give exactly the answer of the long way:
 * brotli's header walk against the decoder's own probe, CRC-32 slicing-by-8 against node:zlib, the
 * one-pass alphabet scans against the regular expressions they replace, and inflating in large slices
 * against 4 KiB slices.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brotliCompressSync, crc32 as zlibCrc32, constants, gzipSync } from 'node:zlib';
import { Gunzip } from 'fflate';
import { BrotliDecompress } from 'brotli/dec/decode.js';
import { brotli } from '../../../../src/lib/core/decode/codecs/brotli';
import { base64 } from '../../../../src/lib/core/decode/codecs/base64';
import { crc32 } from '../../../../src/lib/core/decode/codecs/checksums';
import { lzSixBitForm as sixBitForm } from '../../../../src/lib/core/decode/codecs/six-bit-census';
import { gzip } from '../../../../src/lib/core/decode/codecs/gzip';
import { BoundedSink } from '../../../../src/lib/core/decode/codecs/bounded-sink';
import { Budget, LimitExceeded } from '../../../../src/lib/core/limits';
import { ctx } from './context';

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

describe('base64: the one-pass fast path of normalize', () => {
	// Spaces around the value force the long way (trim, escapes, alphabet regexes); the bare value takes the fast one.
	const alphabetText = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_='), maxLength: 80 });
	it('scores and decodes exactly as the long way', () => {
		fc.assert(
			fc.property(alphabetText, (text) => {
				expect(base64.sniff(text, {})).toBe(base64.sniff(` ${text} `, {}));
				const fast = base64.decode(text, ctx());
				const slow = base64.decode(` ${text} `, ctx());
				expect(fast).toEqual(slow);
			}),
			{ numRuns: 2000 }
		);
	});

	it('decodes real base64 of both alphabets like Buffer', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.boolean(), (bytes, urlSafe) => {
				const text = Buffer.from(bytes).toString(urlSafe ? 'base64url' : 'base64');
				const result = base64.decode(text, ctx());
				expect(result.kind).toBe('bytes');
				if (result.kind === 'bytes') expect(Buffer.from(result.bytes).equals(Buffer.from(bytes))).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('lz-string: sixBitForm agrees with the two form regexes', () => {
	const BASE64_FORM = /^[A-Za-z0-9+/]+={0,3}$/;
	const URI_FORM = /^[A-Za-z0-9+-]+$/;
	const reference = (s: string) => (URI_FORM.test(s) ? (s.includes('-') ? 'uri' : 'base64') : BASE64_FORM.test(s) ? 'base64' : null);
	it('on strings over the alphabets and a few strangers', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom(...'Aa0+/-=_ %é'), maxLength: 24 }), (s) => {
				expect(sixBitForm(s)).toBe(reference(s));
			}),
			{ numRuns: 5000 }
		);
	});
});

describe('inflate: large slices stop a bomb exactly where 4 KiB slices did', () => {
	/** The loop before slices grew: 4 KiB at a time, budget checked on every output chunk. */
	function fourKiBSlices(data: Uint8Array, budget: Budget): { size: number; limit: string | null; spent: number } {
		const sink = new BoundedSink({ budget, hints: {} }, data.length);
		const stream = new Gunzip((chunk) => sink.push(chunk));
		try {
			for (let at = 0; at < data.length; at += 4096) stream.push(data.subarray(at, at + 4096), false);
			stream.push(new Uint8Array(0), true);
			sink.finish();
		} catch (e) {
			if (!(e instanceof LimitExceeded)) throw e;
			return { size: sink.size, limit: e.message, spent: budget.bytesProduced };
		}
		return { size: sink.size, limit: null, spent: budget.bytesProduced };
	}

	/** `size` bytes of zeros, or of a few random blocks repeated (compresses about 4×: a long input, large slices). */
	function content(size: number, kind: 'zeros' | 'blocks'): Uint8Array {
		const out = new Uint8Array(size);
		if (kind === 'blocks') {
			let seed = 7;
			for (let i = 0; i < size; i++) {
				if (i % 4096 < 1024) seed = (seed * 1103515245 + 12345) >>> 0;
				out[i] = i % 4096 < 1024 ? seed >>> 24 : out[i - 1024]!;
			}
		}
		return out;
	}

	it.each([
		['zeros, per-node limit (large slices first)', 40 * 1024 * 1024, 'zeros', { maxBytesPerNode: 24 * 1024 * 1024 }],
		['zeros, per-node limit (4 KiB slices only)', 40 * 1024 * 1024, 'zeros', { maxBytesPerNode: 3 * 1024 * 1024 }],
		['zeros, total limit', 40 * 1024 * 1024, 'zeros', { maxTotalBytes: 20 * 1024 * 1024 + 123 }],
		['zeros, ratio limit', 8 * 1024 * 1024, 'zeros', { maxRatio: 300 }],
		['blocks, per-node limit', 12 * 1024 * 1024, 'blocks', { maxBytesPerNode: 9 * 1024 * 1024 + 77 }],
		['blocks, fits', 6 * 1024 * 1024, 'blocks', {}],
		['zeros, fits', 2 * 1024 * 1024, 'zeros', {}]
	] as const)('%s', (_name, size, kind, limits) => {
		const bomb = new Uint8Array(gzipSync(content(size, kind), { level: 9 }));
		const reference = fourKiBSlices(bomb, new Budget(limits));
		const budget = new Budget(limits);
		let limit: string | null = null;
		let bytes = 0;
		try {
			const result = gzip.decode(bomb, { budget, hints: {} });
			if (result.kind === 'bytes') bytes = result.bytes.length;
		} catch (e) {
			if (!(e instanceof LimitExceeded)) throw e;
			limit = e.message;
		}
		expect(limit).toBe(reference.limit);
		expect(budget.bytesProduced).toBe(reference.spent);
		if (limit === null) expect(bytes).toBe(reference.size);
	});
});
