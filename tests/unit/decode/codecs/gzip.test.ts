import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { gzip } from '../../../../src/lib/core/decode/codecs/gzip';
import { decodeBase64 } from '../../../../src/lib/core/shared/base64';
import { peel } from '../../../../src/lib/core/decode/peel';
import { Budget, LimitExceeded } from '../../../../src/lib/core/limits';
import type { DecodedNode } from '../../../../src/lib/core/model';
import { bytesOf, ctx } from './context';
import { gzipZeroBomb } from './bombs';

const enc = new TextEncoder();
const dec = new TextDecoder();

const sensorsBatch = JSON.stringify([
	{ distinct_id: 'a1b2c3d4e5f60718', event: '$AppViewScreen', time: 1718000000000, properties: { $url: 'https://www.example.com/search?q=flu', $model: '2201123C' } },
	{ distinct_id: 'a1b2c3d4e5f60718', event: 'search', time: 1718000001000, properties: { keyword: 'cheap flights' } }
]);

describe('gzip: real-world bodies', () => {
	const cases: Array<{ name: string; plain: string; level?: number }> = [
		{ name: 'Sensors Analytics data_list batch (JSON array of events)', plain: sensorsBatch },
		{ name: 'Firebase-style JSON config response', plain: '{"entries":{"ad_enabled":"true","min_version":"4.2"},"state":"UPDATE","templateVersion":"77"}' },
		{ name: 'NDJSON log upload', plain: '{"t":1,"msg":"start"}\n{"t":2,"msg":"tick"}\n'.repeat(50), level: 9 },
		{ name: 'HTML page (Content-Encoding: gzip response)', plain: '<!doctype html><title>Hi</title><p>' + 'lorem ipsum '.repeat(300) },
		{ name: 'stored (level 0) member', plain: 'device_id=867530912345678&os=android', level: 0 },
		{ name: 'empty body', plain: '' }
	];
	for (const c of cases) {
		it(c.name, () => {
			const packed = gzipSync(enc.encode(c.plain), { level: c.level ?? 6 });
			expect(gzip.sniff(packed, {})).toBeGreaterThanOrEqual(0.9);
			const result = gzip.decode(packed, ctx());
			expect(dec.decode(bytesOf(result))).toBe(c.plain);
			expect('note' in result ? result.note : undefined).toBeUndefined();
		});
	}

	it('multi-member gzip (concatenated members) decodes all members and checks each CRC', () => {
		const both = Buffer.concat([gzipSync(enc.encode('first,')), gzipSync(enc.encode('second'))]);
		const result = gzip.decode(both, ctx());
		expect(dec.decode(bytesOf(result))).toBe('first,second');
		expect(result.kind === 'bytes' && result.note).toBe('2 gzip members');
	});

	it('reports the stored file name', () => {
		// FNAME flag with "events.json"
		const plain = gzipSync(enc.encode('[]'));
		const name = enc.encode('events.json\0');
		const withName = Buffer.concat([plain.subarray(0, 3), Buffer.from([8]), plain.subarray(4, 10), name, plain.subarray(10)]);
		const result = gzip.decode(withName, ctx());
		expect(dec.decode(bytesOf(result))).toBe('[]');
		expect(result.kind === 'bytes' && result.note).toContain('"events.json"');
	});

	it('Content-Encoding: gzip makes the sniff certain; no magic means no gzip whatever the header says', () => {
		const packed = gzipSync(enc.encode('{}'));
		expect(gzip.sniff(packed, { contentEncoding: 'gzip' })).toBe(1);
		expect(gzip.sniff(enc.encode('{"already":"decoded"}'), { contentEncoding: 'gzip' })).toBe(0);
	});
});

describe('gzip: damaged and hostile input', () => {
	const big = gzipSync(enc.encode(sensorsBatch.repeat(200)));

	it('a truncated stream returns the readable prefix with a note', () => {
		const cut = big.subarray(0, Math.floor(big.length / 2));
		const result = gzip.decode(cut, ctx());
		const bytes = bytesOf(result);
		expect(bytes.length).toBeGreaterThan(0);
		expect(sensorsBatch.repeat(200).startsWith(dec.decode(bytes))).toBe(true);
		expect(result.kind === 'bytes' && result.note).toMatch(/^truncated gzip stream/);
	});

	it('a stream cut inside its header or first block fails with a reason', () => {
		expect(gzip.decode(big.subarray(0, 6), ctx())).toEqual({ kind: 'failure', reason: 'truncated gzip stream: the header needs 10 bytes, got 6' });
		const r = gzip.decode(big.subarray(0, 12), ctx());
		expect(r.kind === 'failure' && r.reason).toMatch(/^truncated gzip stream/);
	});

	it('a corrupted CRC is reported, not hidden', () => {
		const bad = Buffer.from(gzipSync(enc.encode('{"imei":"867530912345678"}')));
		bad[bad.length - 8]! ^= 0xff;
		const result = gzip.decode(bad, ctx());
		expect(dec.decode(bytesOf(result))).toBe('{"imei":"867530912345678"}');
		expect(result.kind === 'bytes' && result.note).toMatch(/checksum mismatch \(member 1 CRC-32/);
	});

	const failures: Array<[string, Uint8Array, RegExp]> = [
		['no magic', enc.encode('hello world, not gzip'), /no gzip magic/],
		['wrong method', Uint8Array.from([0x1f, 0x8b, 7, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]), /method 7/],
		['reserved flags', Uint8Array.from([0x1f, 0x8b, 8, 0xe0, 0, 0, 0, 0, 0, 3, 1, 2, 3]), /reserved flag/],
		['garbage after a valid header', Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]), /invalid gzip stream/]
	];
	for (const [name, input, reason] of failures) {
		it(`fails: ${name}`, () => {
			const r = gzip.decode(input, ctx());
			expect(r.kind).toBe('failure');
			expect(r.kind === 'failure' && r.reason).toMatch(reason);
		});
	}

	it('a 1 GiB gzip bomb stops at the limit, fast, without producing 1 GiB', () => {
		const bomb = gzipZeroBomb(1024);
		const budget = new Budget();
		const started = performance.now();
		let thrown: unknown;
		try {
			gzip.decode(bomb, { budget, hints: {} });
		} catch (e) {
			thrown = e;
		}
		const took = performance.now() - started;
		expect(thrown).toBeInstanceOf(LimitExceeded);
		expect(['ratio', 'bytes-per-node']).toContain((thrown as LimitExceeded).limit);
		// About 150 ms on its own; the margin is for a busy machine running other test files at once.
		expect(took).toBeLessThan(1500);
		expect(budget.bytesProduced).toBe(0);
	});

	it('a base64 gzip bomb through the peeler ends with a recorded limit', () => {
		const bomb = gzipZeroBomb(1024);
		const started = performance.now();
		const root = peel({ kind: 'text', text: bomb.toString('base64') }, 'body');
		expect(performance.now() - started).toBeLessThan(2500);
		const limits: string[] = [];
		const walk = (n: DecodedNode | undefined) => {
			if (!n) return;
			if (n.limit) limits.push(n.limit);
			walk(n.decoded);
			n.children?.forEach(walk);
		};
		walk(root);
		expect(limits.join('\n')).toMatch(/^gzip: output larger than \d+ MiB$/m);
	});

	it('the ratio limit stops a small bomb long before the byte limit', () => {
		const bomb = gzipZeroBomb(8);
		let thrown: unknown;
		try {
			gzip.decode(bomb, ctx({}, { maxRatio: 100 }));
		} catch (e) {
			thrown = e;
		}
		expect((thrown as LimitExceeded).limit).toBe('ratio');
	});
});

describe('gzip: properties', () => {
	it('decodes whatever node:zlib compresses', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 4096 }), fc.integer({ min: 0, max: 9 }), (data, level) => {
				const result = gzip.decode(gzipSync(data, { level }), ctx());
				expect(bytesOf(result)).toEqual(data);
			}),
			{ numRuns: 200 }
		);
	});

	it('random bytes after the magic never throw and stay within budget', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 2048 }), (tail) => {
				const input = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, ...tail]);
				const budget = new Budget({ maxBytesPerNode: 1024 * 1024 });
				try {
					gzip.decode(input, { budget, hints: {} });
				} catch (e) {
					expect(e).toBeInstanceOf(LimitExceeded);
				}
				expect(budget.bytesProduced).toBeLessThanOrEqual(1024 * 1024);
			}),
			{ numRuns: 300 }
		);
	});

	it('decodeBase64 round trip of a real data_list value', () => {
		const packed = gzipSync(enc.encode(sensorsBatch));
		const bytes = decodeBase64(packed.toString('base64').replace(/=+$/, ''));
		expect(dec.decode(bytesOf(gzip.decode(bytes, ctx())))).toBe(sensorsBatch);
	});
});
