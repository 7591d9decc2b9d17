/**
 * Where a DEFLATE stream ends decides what the bytes after it are: a gzip trailer, the next member, a
 * zlib Adler-32, padding or something else. These properties hold the three DEFLATE codecs to it on
 * random documents: a cut anywhere is reported as a cut (never as clean data), bytes after the data
 * are named and never swallowed, and concatenated members are all read.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { gzip } from '../../../../src/lib/core/decode/codecs/gzip';
import { zlib } from '../../../../src/lib/core/decode/codecs/zlib';
import { deflateRaw } from '../../../../src/lib/core/decode/codecs/deflate-raw';
import type { BytesCodec, CodecResult } from '../../../../src/lib/core/decode/codec';
import { ctx } from './context';

const dec = new TextDecoder();
/** Documents large enough to span several DEFLATE blocks and output chunks now and then. */
const documents = fc
	.tuple(fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 1, max: 400 }))
	.map(([value, times]) => JSON.stringify(Array.from({ length: times }, (_, i) => ({ i, value }))));

const FORMATS: Array<{ name: string; codec: BytesCodec; encode: (text: string, level: number) => Uint8Array; label: string }> = [
	{ name: 'gzip', codec: gzip, encode: (t, level) => new Uint8Array(gzipSync(t, { level })), label: 'gzip' },
	{ name: 'zlib', codec: zlib, encode: (t, level) => new Uint8Array(deflateSync(t, { level })), label: 'zlib' },
	{ name: 'raw DEFLATE', codec: deflateRaw, encode: (t, level) => new Uint8Array(deflateRawSync(t, { level })), label: 'DEFLATE' }
];

function noteOf(result: CodecResult): string | undefined {
	return result.kind === 'bytes' ? result.note : undefined;
}

describe.each(FORMATS)('$name: where the stream ends', ({ codec, encode, label }) => {
	it('a cut anywhere is a failure or a readable prefix with a note, never clean data', () => {
		fc.assert(
			fc.property(documents, fc.integer({ min: 0, max: 9 }), fc.double({ min: 0, max: 1, noNaN: true }), (text, level, where) => {
				const whole = encode(text, level);
				const cut = whole.subarray(0, Math.floor(where * (whole.length - 1)));
				const result = codec.decode(cut, ctx());
				if (result.kind === 'failure') return;
				expect(result.kind).toBe('bytes');
				expect(text.startsWith(dec.decode(result.kind === 'bytes' ? result.bytes : new Uint8Array()))).toBe(true);
				expect(noteOf(result)).toMatch(/truncated|no Adler-32 trailer/);
			}),
			{ numRuns: 150 }
		);
	});

	it('bytes after the data are named (padding or other bytes) and the data is whole', () => {
		fc.assert(
			fc.property(documents, fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.boolean(), (text, extra, zeros) => {
				const after = zeros ? new Uint8Array(extra.length) : extra;
				// Bytes that start another gzip member are a member, not trailing bytes.
				fc.pre(!(label === 'gzip' && after[0] === 0x1f));
				const input = new Uint8Array([...encode(text, 6), ...after]);
				const result = codec.decode(input, ctx());
				expect(result.kind).toBe('bytes');
				expect(dec.decode(result.kind === 'bytes' ? result.bytes : new Uint8Array())).toBe(text);
				const n = after.length.toLocaleString('en-US');
				const what = after.every((b) => b === 0) ? `${n} zero byte${after.length === 1 ? '' : 's'} of padding` : `${n} other byte${after.length === 1 ? '' : 's'}`;
				expect(noteOf(result)).toContain(`${what} after the ${label} data`);
			}),
			{ numRuns: 150 }
		);
	});
});

describe('gzip: members', () => {
	it('reads every concatenated member, each checked against its own trailer', () => {
		fc.assert(
			fc.property(fc.array(documents, { minLength: 2, maxLength: 4 }), (texts) => {
				const input = new Uint8Array(texts.flatMap((t) => [...gzipSync(t)]));
				const result = gzip.decode(input, ctx());
				expect(dec.decode(result.kind === 'bytes' ? result.bytes : new Uint8Array())).toBe(texts.join(''));
				expect(noteOf(result)).toBe(`${texts.length} gzip members`);
			}),
			{ numRuns: 60 }
		);
	});

	it('a member with a file name and a comment in its header is read past them', () => {
		const plain = gzipSync('{"member":2}');
		// FLG = FNAME | FCOMMENT, then the name and the comment, each ending in a zero byte.
		const named = new Uint8Array([...plain.subarray(0, 3), 0x18, ...plain.subarray(4, 10), ...new TextEncoder().encode('a.json\0note\0'), ...plain.subarray(10)]);
		const input = new Uint8Array([...gzipSync('{"member":1}'), ...named]);
		const result = gzip.decode(input, ctx());
		expect(dec.decode(result.kind === 'bytes' ? result.bytes : new Uint8Array())).toBe('{"member":1}{"member":2}');
		expect(noteOf(result)).toBe('2 gzip members');
	});

	it('a second member cut inside its header leaves the first one readable, as a truncated stream', () => {
		const first = gzipSync('{"member":1}');
		const input = new Uint8Array([...first, ...gzipSync('{"member":2}').subarray(0, 6)]);
		const result = gzip.decode(input, ctx());
		expect(dec.decode(result.kind === 'bytes' ? result.bytes : new Uint8Array())).toBe('{"member":1}');
		expect(noteOf(result)).toMatch(/^truncated gzip stream/);
	});

	it('a trailer cut short is said to be cut, not called a checksum mismatch', () => {
		const whole = gzipSync('{"imei":"867530912345678"}');
		const result = gzip.decode(new Uint8Array(whole.subarray(0, whole.length - 3)), ctx());
		expect(dec.decode(result.kind === 'bytes' ? result.bytes : new Uint8Array())).toBe('{"imei":"867530912345678"}');
		expect(noteOf(result)).toBe('truncated gzip stream: the trailer of member 1 is cut short, so its checksum was not checked');
	});
});
