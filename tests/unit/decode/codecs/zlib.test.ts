import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateRawSync, deflateSync } from 'node:zlib';
import { zlib } from '../../../../src/lib/core/decode/codecs/zlib';
import { Budget, LimitExceeded } from '../../../../src/lib/core/limits';
import { bytesOf, ctx } from './context';
import { zlibZeroBomb } from './bombs';

const enc = new TextEncoder();
const dec = new TextDecoder();

describe('zlib: real-world bodies', () => {
	const cases: Array<{ name: string; plain: string; level: number; firstBytes: string }> = [
		{ name: 'mitmproxy-captured deflate response (JSON)', plain: '{"ads":[{"id":"cr-1","click":"https://ad.example/c?id=1"}],"ttl":300}', level: 6, firstBytes: '789c' },
		{ name: 'Unity analytics batch at level 9', plain: '{"common":{"userid":"u-77","deviceid":"d-88"},"events":[]}'.repeat(20), level: 9, firstBytes: '78da' },
		{ name: 'fastest level', plain: 'a=1&b=2&imei=867530912345678', level: 1, firstBytes: '7801' },
		{ name: 'Adobe-style XML beacon', plain: '<?xml version="1.0"?><request><visitor id="123"/></request>', level: 6, firstBytes: '789c' },
		{ name: 'empty body', plain: '', level: 6, firstBytes: '789c' }
	];
	for (const c of cases) {
		it(c.name, () => {
			const packed = deflateSync(enc.encode(c.plain), { level: c.level });
			expect(packed.subarray(0, 2).toString('hex')).toBe(c.firstBytes);
			expect(zlib.sniff(packed, {})).toBe(0.9);
			expect(zlib.sniff(packed, { contentEncoding: 'deflate' })).toBe(1);
			const result = zlib.decode(packed, ctx());
			expect(dec.decode(bytesOf(result))).toBe(c.plain);
			expect(result.kind === 'bytes' && result.note).toBeFalsy();
		});
	}
});

describe('zlib: damaged and hostile input', () => {
	it('an Adler-32 mismatch is reported in a note', () => {
		const bad = Buffer.from(deflateSync(enc.encode('{"lat":52.52,"lon":13.40}')));
		bad[bad.length - 1]! ^= 1;
		const result = zlib.decode(bad, ctx());
		expect(dec.decode(bytesOf(result))).toBe('{"lat":52.52,"lon":13.40}');
		expect(result.kind === 'bytes' && result.note).toMatch(/^Adler-32 is [0-9a-f]{8}, trailer says/);
	});

	it('a truncated stream keeps the readable prefix', () => {
		const plain = 'event=open&url=https%3A%2F%2Fexample.com%2F'.repeat(500);
		const packed = deflateSync(enc.encode(plain), { level: 1 });
		const result = zlib.decode(packed.subarray(0, packed.length - 200), ctx());
		expect(plain.startsWith(dec.decode(bytesOf(result)))).toBe(true);
		expect(result.kind === 'bytes' && result.note).toMatch(/^truncated zlib stream/);
	});

	const failures: Array<[string, Uint8Array, RegExp]> = [
		['not a zlib header', enc.encode('{"a":1}'), /no zlib header/],
		['preset dictionary', Uint8Array.from([0x78, 0xbb, 0, 0, 0, 1, 1, 2, 3]), /preset dictionary/],
		['raw deflate is not zlib', deflateRawSync(enc.encode('hello hello hello')), /no zlib header/],
		['bad block type after a valid header', Uint8Array.from([0x78, 0x9c, 0xff, 0xff, 0xff, 0, 0, 0, 0]), /invalid zlib stream/]
	];
	for (const [name, input, reason] of failures) {
		it(`fails: ${name}`, () => {
			const r = zlib.decode(input, ctx());
			expect(r.kind === 'failure' && r.reason).toMatch(reason);
		});
	}

	it('a zlib bomb stops at the byte limit', () => {
		let thrown: unknown;
		const started = performance.now();
		try {
			zlib.decode(zlibZeroBomb(256), ctx({}, { maxBytesPerNode: 16 * 1024 * 1024 }));
		} catch (e) {
			thrown = e;
		}
		expect(performance.now() - started).toBeLessThan(1500);
		expect((thrown as LimitExceeded).limit).toBe('bytes-per-node');
	});
});

describe('zlib: properties', () => {
	it('decodes whatever node:zlib deflates', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 4096 }), fc.integer({ min: 0, max: 9 }), (data, level) => {
				expect(bytesOf(zlib.decode(deflateSync(data, { level }), ctx()))).toEqual(data);
			}),
			{ numRuns: 200 }
		);
	});

	it('random bytes behind a valid header never throw anything but a limit', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 2048 }), (tail) => {
				const budget = new Budget({ maxBytesPerNode: 1024 * 1024 });
				try {
					zlib.decode(new Uint8Array([0x78, 0x9c, ...tail]), { budget, hints: {} });
				} catch (e) {
					expect(e).toBeInstanceOf(LimitExceeded);
				}
				expect(budget.bytesProduced).toBeLessThanOrEqual(1024 * 1024);
			}),
			{ numRuns: 300 }
		);
	});
});
