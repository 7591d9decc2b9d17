import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import { hexOrOneCase, lzString } from '../../../../src/lib/core/decode/codecs/lz-string';
import { ctx, textOf } from './context';

describe('lz-string: real-world blobs', () => {
	const session = JSON.stringify({ sessionId: 's-9f8e7d', userId: 'u-42', pages: ['/home', '/search?q=flu', '/cart'], consent: { analytics: true } });
	const replay = JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ type: 3, timestamp: 1700000000000 + i * 16, data: { source: 1, x: i * 3, y: 200 - i } })));
	const cases: Array<{ name: string; input: string; text: string; minSniff: number }> = [
		{ name: 'a localStorage session blob (compressToBase64)', input: LZString.compressToBase64(session), text: session, minSniff: 0.8 },
		{ name: 'a session-replay batch in a query parameter (compressToEncodedURIComponent)', input: LZString.compressToEncodedURIComponent(replay), text: replay, minSniff: 0.8 },
		{ name: 'a UTF-16 localStorage value (compressToUTF16)', input: LZString.compressToUTF16(session), text: session, minSniff: 0.5 },
		{ name: 'Chinese text, verified by re-compressing', input: LZString.compressToBase64('小米浏览器 搜索记录: 隐私'), text: '小米浏览器 搜索记录: 隐私', minSniff: 0.3 },
		{ name: 'plain English, padding stripped in transport', input: LZString.compressToBase64('visited https://example.com/health/flu at 10:42').replace(/=+$/, ''), text: 'visited https://example.com/health/flu at 10:42', minSniff: 0.3 },
		{ name: 'URI form after + became a space… is not lz-string any more, but the + form works', input: LZString.compressToEncodedURIComponent('{"q":"a+b c"}'), text: '{"q":"a+b c"}', minSniff: 0.8 }
	];
	for (const { name, input, text, minSniff } of cases) {
		it(name, () => {
			expect(lzString.sniff(input, {})).toBeGreaterThanOrEqual(minSniff);
			expect(textOf(lzString.decode(input, ctx()))).toBe(text);
		});
	}
});

describe('lz-string: what is not lz-string', () => {
	for (const input of ['hello', 'helloworldfoo', '550e8400-e29b-41d4-a716-446655440000', 'deadbeefdeadbeef', 'com.example.app', '{"a":1}']) {
		it(`sniffs 0: ${JSON.stringify(input)}`, () => expect(lzString.sniff(input, {})).toBe(0));
	}
	const garbage = [
		'H4sIAAAAAAAAA6tWSkksSVSyUlAqzs9JyczPK8nMTSxSqgUAZ1R2xhcAAAA=',
		'SGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=',
		'a8Fk2LmQ9xZpQ3rTa8Fk2LmQ9xZpQ3rT',
		'dXNlckBleGFtcGxlLmNvbTpodW50ZXIy',
		'eyJ1aWQiOiI0MiJ9'
	];
	for (const input of garbage) {
		it(`rejects what lz-string would turn into garbage: ${input.slice(0, 20)}…`, () => {
			expect(lzString.decode(input, ctx()).kind).toBe('failure');
		});
	}
	it('stops a quadratic blow-up within the budget instead of hanging', () => {
		// Every code repeats the newest dictionary entry: output grows quadratically with input.
		const bomb = LZString.compressToBase64('a'.repeat(200_000));
		const started = performance.now();
		let threw = false;
		try {
			lzString.decode(bomb, ctx({}, { maxRatio: 10 }));
		} catch (error) {
			threw = (error as Error).name === 'LimitExceeded';
		}
		expect(threw).toBe(true);
		expect(performance.now() - started).toBeLessThan(2000);
	});
});

describe('lz-string: properties', () => {
	it('decodes what lz-string compresses, in all three transport forms', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }), fc.constantFrom('base64', 'uri', 'utf16'), (s, form) => {
				const input = form === 'base64' ? LZString.compressToBase64(s) : form === 'uri' ? LZString.compressToEncodedURIComponent(s) : LZString.compressToUTF16(s);
				const result = lzString.decode(input, ctx());
				// Unverifiable short non-ASCII text may be refused; what is returned must be exact.
				if (result.kind === 'text') expect(result.text).toBe(s);
				else expect(result.kind).toBe('failure');
			})
		);
	});
	it('accepts every ASCII text it is given back compressed', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1, maxLength: 300 }), (s) => {
				expect(textOf(lzString.decode(LZString.compressToBase64(s), ctx()))).toBe(s);
			})
		);
	});
	it('never throws on random text and never returns noise', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[A-Za-z0-9+/]{8,200}={0,2}$/), (s) => {
				lzString.sniff(s, {});
				const result = lzString.decode(s, ctx());
				if (result.kind === 'text') expect(LZString.compressToBase64(result.text).replace(/=+$/, '')).toBe(s.replace(/=+$/, ''));
			})
		);
	});
});

describe('lz-string: lower-case identifiers', () => {
	it('sniffs 0 on tokens of lower-case letters and digits', () => {
		for (const token of ['k3j5h2g8d9s0a1q2w3e4r5t6', 'gq8w7e6r5t4y', 'session0a9s8d7f6g5h4', 'k3j5h2g8d9']) expect(lzString.sniff(token, {})).toBe(0);
	});
	it('gives up short all-capital output (about 1 in 20,000 five-character texts) to spare identifiers', () => {
		// Found by CI: "-FFcF" packs to LQMRGMSA, which reads as an upper-case token like a product code.
		for (const text of ['-FFcF', 'fM00M', '%%IRI']) {
			const packed = LZString.compressToBase64(text);
			expect(packed).toMatch(/^[A-Z]+$/);
			expect(lzString.sniff(packed, {})).toBe(0);
		}
	});
	it('still sniffs real output that has a capital and is not one-case or hex, as nearly all of it is', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 3, maxLength: 120 }), (text) => {
				const packed = LZString.compressToBase64(text);
				if (packed.length >= 8 && /[A-Z]/.test(packed) && !hexOrOneCase(packed)) expect(lzString.sniff(packed, {})).toBeGreaterThan(0);
			}),
			{ numRuns: 500 }
		);
	});
});
