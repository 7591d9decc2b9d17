import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hex } from '../../../../src/lib/core/decode/codecs/hex';
import { bytesOf, ctx } from './context';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('hex: real-world values', () => {
	const cases: Array<{ name: string; input: string; bytes: Uint8Array; minSniff: number }> = [
		{ name: 'hex-encoded JSON in a query parameter', input: Buffer.from('{"imei":"861234567890123"}').toString('hex'), bytes: utf8('{"imei":"861234567890123"}'), minSniff: 0.7 },
		{ name: 'upper-case hex of gzip', input: '1F8B0800000000000003CB48CDC9C9070086A61036', bytes: new Uint8Array(Buffer.from('1f8b0800000000000003cb48cdc9c9070086a61036', 'hex')), minSniff: 0.7 },
		{ name: 'a colon-separated dump (Wireshark copy)', input: '7b:22:61:22:3a:31:7d:0a', bytes: utf8('{"a":1}\n'), minSniff: 0.8 },
		{ name: 'a space-separated dump', input: '48 65 6c 6c 6f 20 77 6f 72 6c 64', bytes: utf8('Hello world'), minSniff: 0.8 },
		{ name: 'a 0x-prefixed value', input: '0x68747470733a2f2f782e636f6d', bytes: utf8('https://x.com'), minSniff: 0.7 }
	];
	for (const { name, input, bytes, minSniff } of cases) {
		it(name, () => {
			expect(hex.sniff(input, {})).toBeGreaterThanOrEqual(minSniff);
			expect(bytesOf(hex.decode(input, ctx()))).toEqual(bytes);
		});
	}
});

describe('hex: what is not hex', () => {
	for (const input of ['550e8400-e29b-41d4-a716-446655440000', 'deadbeef', 'hello world, hello', 'SGVsbG8gd29ybGQh', 'abcdefabcdefabcde']) {
		it(`sniffs 0: ${JSON.stringify(input)}`, () => expect(hex.sniff(input, {})).toBe(0));
	}
	it('a long number sniffs low', () => expect(hex.sniff('12345678901234567890', {})).toBeLessThan(0.3));
	it('mixed case sniffs low', () => expect(hex.sniff('DeadBeefDeadBeefDeadBeef', {})).toBeLessThan(0.3));
	it('odd digit counts fail', () => expect(hex.decode('abc', ctx()).kind).toBe('failure'));
});

describe('hex: properties', () => {
	it('decodes what Buffer encodes, plain or separated', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.constantFrom('', ' ', ':', '-'), (bytes, sep) => {
				const input = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(sep);
				expect(bytesOf(hex.decode(input, ctx()))).toEqual(bytes);
			})
		);
	});
	it('never throws on random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (s) => {
				hex.sniff(s, {});
				hex.decode(s, ctx());
			})
		);
	});
});
