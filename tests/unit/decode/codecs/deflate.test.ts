import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateRawSync, deflateSync } from 'node:zlib';
import { deflateRaw } from '../../../../src/lib/core/decode/codecs/deflate-raw';
import { Budget, LimitExceeded } from '../../../../src/lib/core/limits';
import { bytesOf, ctx } from './context';
import { hasZlibHeader } from '../../../../src/lib/core/decode/codecs/zlib';
import { isReadable, utf8OrNull } from '../../../../src/lib/core/shared/text';
import { deflateZeroBomb } from './bombs';

const enc = new TextEncoder();
const dec = new TextDecoder();

describe('deflate (raw): real-world bodies', () => {
	const cases: Array<{ name: string; plain: string; level: number }> = [
		{ name: 'SDK event batch sent as raw DEFLATE', plain: '[{"e":"session_start","did":"5f2b9c1e-7a4d-4e11-9d2a-0c3b8e6f1a77","ts":1718000000}]', level: 6 },
		{ name: 'HTTP deflate from a server that skips the zlib wrapper', plain: '<html><body>' + 'news item '.repeat(200) + '</body></html>', level: 9 },
		{ name: 'stored block', plain: 'gaid=38400000-8cf0-11bd-b23e-10b96e40000d', level: 0 },
		{ name: 'URL-encoded form', plain: 'q=weather+berlin&lang=de&uid=12345678', level: 1 },
		{ name: 'binary protobuf-ish payload', plain: '\b\u0001\u0012\u0007android\u001a\u0005en_US', level: 6 }
	];
	for (const c of cases) {
		it(c.name, () => {
			const packed = deflateRawSync(enc.encode(c.plain), { level: c.level });
			expect(deflateRaw.sniff(packed, {})).toBe(0.3);
			expect(deflateRaw.sniff(packed, { contentEncoding: 'deflate' })).toBe(1);
			const result = deflateRaw.decode(packed, ctx());
			expect(dec.decode(bytesOf(result))).toBe(c.plain);
		});
	}

	it('with Content-Encoding: deflate and a zlib header, raw is only the fallback', () => {
		const wrapped = deflateSync(enc.encode('{"ok":true}'));
		expect(deflateRaw.sniff(wrapped, { contentEncoding: 'deflate' })).toBe(0.3);
		expect(deflateRaw.sniff(wrapped, {})).toBe(0);
	});
});

describe('deflate (raw): damaged and hostile input', () => {
	it('readable text is never sniffed as DEFLATE', () => {
		expect(deflateRaw.sniff(enc.encode('{"event":"open","ts":1718000000}'), {})).toBe(0);
	});

	it('the reserved block type fails', () => {
		const r = deflateRaw.decode(Uint8Array.from([0x07, 0x00, 0x00]), ctx());
		expect(r.kind === 'failure' && r.reason).toMatch(/invalid DEFLATE stream/);
	});

	it('a stream with no output fails rather than producing an empty layer', () => {
		const r = deflateRaw.decode(deflateRawSync(new Uint8Array(0)), ctx());
		expect(r).toEqual({ kind: 'failure', reason: 'DEFLATE stream holds no data' });
	});

	it('truncation keeps the prefix', () => {
		const plain = 'screen=Home&screen=Cart&screen=Checkout&'.repeat(400);
		const packed = deflateRawSync(enc.encode(plain), { level: 1 });
		const result = deflateRaw.decode(packed.subarray(0, packed.length >> 1), ctx());
		expect(plain.startsWith(dec.decode(bytesOf(result)))).toBe(true);
		expect(result.kind === 'bytes' && result.note).toMatch(/^truncated DEFLATE stream/);
	});

	it('a 1 GiB raw DEFLATE bomb stops at the limit', () => {
		const bomb = deflateZeroBomb(1024);
		const started = performance.now();
		let thrown: unknown;
		try {
			deflateRaw.decode(bomb, ctx());
		} catch (e) {
			thrown = e;
		}
		expect(performance.now() - started).toBeLessThan(1500);
		expect(['ratio', 'bytes-per-node']).toContain((thrown as LimitExceeded).limit);
	});
});

describe('deflate (raw): properties', () => {
	it('decodes whatever node:zlib deflateRaw produces (non-empty)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 4096 }), fc.integer({ min: 0, max: 9 }), (data, level) => {
				expect(bytesOf(deflateRaw.decode(deflateRawSync(data, { level }), ctx()))).toEqual(data);
			}),
			{ numRuns: 200 }
		);
	});

	it('sniff takes every stream node:zlib produces, and turns down a cut small one (it must end where the input does)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 4096 }), fc.integer({ min: 0, max: 9 }), (data, level) => {
				const packed = new Uint8Array(deflateRawSync(data, { level }));
				// What sniff turns down before probing: a zlib header by chance, or a start that reads as text.
				const start = utf8OrNull(packed.subarray(0, 64));
				fc.pre(!hasZlibHeader(packed) && !(start !== null && isReadable(start)));
				expect(deflateRaw.sniff(packed, {})).toBe(0.3);
				if (packed.length <= 64 && packed.length > 2) expect(deflateRaw.sniff(packed.subarray(0, packed.length - 1), {})).toBe(0);
			}),
			{ numRuns: 200 }
		);
	});

	it('random bytes never throw anything but a limit, and sniff stays cheap and low', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 2048 }), (input) => {
				expect(deflateRaw.sniff(input, {})).toBeLessThanOrEqual(0.3);
				const budget = new Budget({ maxBytesPerNode: 1024 * 1024 });
				try {
					deflateRaw.decode(input, { budget, hints: {} });
				} catch (e) {
					expect(e).toBeInstanceOf(LimitExceeded);
				}
				expect(budget.bytesProduced).toBeLessThanOrEqual(1024 * 1024);
			}),
			{ numRuns: 300 }
		);
	});
});
