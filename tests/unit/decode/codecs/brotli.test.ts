import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brotliCompressSync, constants } from 'node:zlib';
import { brotli } from '../../../../src/lib/core/decode/codecs/brotli';
import { Budget, LimitExceeded } from '../../../../src/lib/core/limits';
import { bytesOf, ctx } from './context';

const enc = new TextEncoder();
const dec = new TextDecoder();

function compress(data: Uint8Array | string, quality = 11, lgwin = 22): Buffer {
	return brotliCompressSync(typeof data === 'string' ? enc.encode(data) : data, {
		params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_LGWIN]: lgwin }
	});
}

describe('brotli: real-world bodies', () => {
	const cases: Array<{ name: string; plain: string; quality: number; lgwin?: number }> = [
		{ name: 'API response (Content-Encoding: br)', plain: '{"user":{"id":"u_1f3a","email":"someone@example.org"},"flags":{"beta":true}}', quality: 11 },
		{ name: 'big JSON list at quality 5', plain: JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: i, name: `item ${i}`, price: i * 1.5 }))), quality: 5 },
		{ name: 'HTML with words from the static dictionary', plain: '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Welcome</title></head><body>the information about the company</body></html>', quality: 11 },
		{ name: 'JavaScript bundle chunk, small window', plain: 'function track(e){navigator.sendBeacon("/collect",JSON.stringify(e))}'.repeat(30), quality: 9, lgwin: 16 },
		{ name: 'quality 0 (fast server setting)', plain: 'id=42&android_id=9774d56d682e549c&lang=en', quality: 0 },
		{ name: 'empty body', plain: '', quality: 11 }
	];
	for (const c of cases) {
		it(c.name, () => {
			const packed = compress(c.plain, c.quality, c.lgwin);
			expect(brotli.sniff(packed, { contentEncoding: 'br' })).toBe(1);
			expect(dec.decode(bytesOf(brotli.decode(packed, ctx())))).toBe(c.plain);
		});
	}

	it('without a hint, base64-wrapped brotli of a JSON body still gets a (low) sniff', () => {
		const packed = compress(JSON.stringify({ events: Array.from({ length: 40 }, (_, i) => ({ n: i })) }));
		expect(brotli.sniff(packed, {})).toBe(0.3);
	});
});

describe('brotli: damaged and hostile input', () => {
	it('readable text is not sniffed as brotli without a hint', () => {
		expect(brotli.sniff(enc.encode('{"plain":"json"}'), {})).toBe(0);
	});

	it('a truncated stream fails with a reason', () => {
		const packed = compress(JSON.stringify(Array.from({ length: 500 }, (_, i) => `entry number ${i}`)));
		const r = brotli.decode(packed.subarray(0, packed.length >> 1), ctx());
		expect(r).toEqual({ kind: 'failure', reason: 'truncated brotli stream: it ends before its last block' });
	});

	it('random bytes with a hint fail cleanly', () => {
		const r = brotli.decode(Uint8Array.from([0x1b, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x12, 0x34]), ctx({ contentEncoding: 'br' }));
		expect(r.kind).toBe('failure');
	});

	it('a brotli bomb stops at the limit while decoding', () => {
		const bomb = compress(new Uint8Array(128 * 1024 * 1024), 1, 24);
		expect(bomb.length).toBeLessThan(200_000);
		const budget = new Budget({ maxBytesPerNode: 16 * 1024 * 1024 });
		let thrown: unknown;
		const started = performance.now();
		try {
			brotli.decode(bomb, { budget, hints: { contentEncoding: 'br' } });
		} catch (e) {
			thrown = e;
		}
		expect(performance.now() - started).toBeLessThan(1500);
		expect((thrown as LimitExceeded).limit).toBe('bytes-per-node');
		expect(budget.bytesProduced).toBe(0);
	});
});

describe('brotli: properties', () => {
	it('decodes whatever node:zlib brotliCompress produces', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 4096 }), fc.integer({ min: 0, max: 11 }), (data, quality) => {
				expect(bytesOf(brotli.decode(compress(data, quality), ctx()))).toEqual(data);
			}),
			{ numRuns: 100 }
		);
	});

	it('random bytes never throw anything but a limit', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 1024 }), (input) => {
				expect(brotli.sniff(input, {})).toBeLessThanOrEqual(0.3);
				const budget = new Budget({ maxBytesPerNode: 1024 * 1024 });
				try {
					brotli.decode(input, { budget, hints: {} });
				} catch (e) {
					expect(e).toBeInstanceOf(LimitExceeded);
				}
				expect(budget.bytesProduced).toBeLessThanOrEqual(1024 * 1024);
			}),
			{ numRuns: 200 }
		);
	});
});
