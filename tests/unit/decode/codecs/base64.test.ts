import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { base64 } from '../../../../src/lib/core/decode/codecs/base64';
import { decodeBase64 } from '../../../../src/lib/core/shared/base64';
import { bytesOf, ctx } from './context';

const utf8 = (s: string) => new TextEncoder().encode(s);
const gz = gzipSync(utf8(JSON.stringify([{ event: '$pageview', properties: { $url: 'https://m.baidu.com/s?word=test', $device_id: 'f1e2d3c4b5a69788' } }])));
const gzB64 = Buffer.from(gz).toString('base64');

describe('base64: real-world values', () => {
	const cases: Array<{ name: string; input: string; bytes: Uint8Array; minSniff: number }> = [
		{ name: 'Sensors data_list (gzip, standard alphabet)', input: gzB64, bytes: gz, minSniff: 0.9 },
		{ name: 'the same, percent-encoded as the JS SDK sends it', input: encodeURIComponent(gzB64), bytes: gz, minSniff: 0.9 },
		{ name: 'URL-safe, unpadded (a session-replay chunk)', input: Buffer.from(utf8('{"type":3,"data":{"source":1,"positions":[]}}')).toString('base64url'), bytes: utf8('{"type":3,"data":{"source":1,"positions":[]}}'), minSniff: 0.9 },
		{ name: 'MIME-wrapped at 76 columns with CRLF', input: Buffer.from(gz).toString('base64').replace(/(.{76})/g, '$1\r\n'), bytes: gz, minSniff: 0.9 },
		{ name: 'padded text (a Basic auth credential)', input: 'dXNlckBleGFtcGxlLmNvbTpodW50ZXIy', bytes: utf8('user@example.com:hunter2'), minSniff: 0.75 },
		{ name: 'padding with one =', input: 'eyJ1aWQiOiI0MiJ9', bytes: utf8('{"uid":"42"}'), minSniff: 0.9 },
		{ name: 'a PNG pixel', input: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', bytes: new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')), minSniff: 0.9 }
	];
	for (const { name, input, bytes, minSniff } of cases) {
		it(name, () => {
			expect(base64.sniff(input, {})).toBeGreaterThanOrEqual(minSniff);
			expect(bytesOf(base64.decode(input, ctx()))).toEqual(bytes);
		});
	}

	it('reads spaces as + when a form decoder turned + into spaces', () => {
		const withPlus = Buffer.from(Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff)).toString('base64');
		expect(withPlus).toContain('+');
		const spaced = withPlus.replaceAll('+', ' ');
		expect(base64.sniff(spaced, {})).toBeGreaterThan(0.5);
		const result = base64.decode(spaced, ctx());
		expect(bytesOf(result)).toEqual(new Uint8Array(Buffer.from(withPlus, 'base64')));
		expect(result.kind === 'bytes' && result.note).toMatch(/read as '\+'/);
	});
});

describe('base64: what is not base64', () => {
	const zero = [
		'hello world',
		'helloworld',
		'HELLOWORLD',
		'12345678901234567890',
		'com.example.app',
		'550e8400-e29b-41d4-a716-446655440000',
		'the quick brown fox jumps over the lazy dog',
		'user_id_12345',
		'SGVsbG8',
		'abc',
		'a%20b%20c%20d',
		'SGVsbG8gd29ybGQ===',
		'N4IghiBcCMC+Q===',
		'Basic dXNlckBleGFtcGxlLmNvbTpodW50ZXIy'
	];
	for (const input of zero) it(`sniffs 0: ${JSON.stringify(input)}`, () => expect(base64.sniff(input, {})).toBe(0));

	const low = ['deadbeefcafebabe0123456789abcdef', 'addEventListener', 'HelloWorld', 'getElementById'];
	for (const input of low) it(`sniffs low: ${JSON.stringify(input)}`, () => expect(base64.sniff(input, {})).toBeLessThan(0.5));

	it('random identifiers without padding or symbols stay below the opaque-accept threshold', () => {
		expect(base64.sniff('a8Fk2LmQ9xZpQ3rTa8Fk2LmQ9xZpQ3rT', {})).toBeLessThan(0.8);
	});
	// Lower case and digits only: session and device IDs, cookie tokens. Base64 of any bytes has capitals.
	const lowerCaseIds = ['k3j5h2g8d9s0a1q2w3e4r5t6', 'w8e0r7t6-y5u4-i3o2-p1a9-s8d7f6g5h4j3', 'sensorsdata2015jssdkcross0a9z', 'q0w9e8r7t6y5u4i3o2p1a0s9d8f7g6h5'];
	for (const input of lowerCaseIds) it(`sniffs 0 on a lower-case identifier: ${input}`, () => expect(base64.sniff(input, {})).toBe(0));
	it('still sniffs base64 of text and of bytes, which always carries capitals', () => {
		for (const text of ['user1234user1234', 'https://example.com/a', '{"id":"abc"}', 'search?q=weather']) {
			expect(base64.sniff(Buffer.from(text).toString('base64'), {})).toBeGreaterThan(0);
		}
		// Seeded: the base64 of 12+ random bytes lacks a capital about once in 4,000 draws.
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 12, maxLength: 200 }), (bytes) => {
				const encoded = Buffer.from(bytes).toString('base64');
				if (/[A-Z]/.test(encoded)) expect(base64.sniff(encoded, {})).toBeGreaterThan(0);
			}),
			{ seed: 20261124, numRuns: 500 }
		);
	});
	it('the price: base64 of text made only of letters whose encoding has no capitals is missed', () => {
		// `zzzz…` encodes as `enp6…`; such text is rare, lower-case random identifiers are everywhere.
		expect(base64.sniff(Buffer.from('zzzzzzzzzzzzzzzz').toString('base64'), {})).toBe(0);
	});
	it('fails on an impossible length and on foreign characters', () => {
		expect(base64.decode('SGVsbG8gd', ctx()).kind).toBe('failure');
		expect(base64.decode('SGVs*bG8=', ctx()).kind).toBe('failure');
	});
});

describe('base64: properties', () => {
	it('decodes what Buffer encodes, in both alphabets, padded or not, wrapped or percent-encoded', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 3 }), (bytes, form) => {
				const std = Buffer.from(bytes).toString('base64');
				const input = [std, Buffer.from(bytes).toString('base64url'), std.replace(/(.{64})/g, '$1\n'), encodeURIComponent(std)][form]!;
				expect(bytesOf(base64.decode(input, ctx()))).toEqual(bytes);
			})
		);
	});
	it('decodeBase64 keeps its contract: unpadded body of either alphabet', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
				expect(decodeBase64(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
			})
		);
	});
	it('never throws on random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (s) => {
				base64.sniff(s, {});
				base64.decode(s, ctx());
			})
		);
	});
});
