import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { percent, percentDecode } from '../../../../src/lib/core/decode/codecs/percent';
import { bytesOf, ctx, textOf } from './context';

describe('percent: real-world values', () => {
	const cases: Array<{ name: string; input: string; text: string; minSniff: number }> = [
		{ name: 'an encoded referrer URL', input: 'https%3A%2F%2Fwww.google.com%2Fsearch%3Fq%3Dflu%2Bsymptoms', text: 'https://www.google.com/search?q=flu+symptoms', minSniff: 0.9 },
		{ name: 'encoded JSON in a query parameter', input: '%7B%22uid%22%3A%2242%22%2C%22ev%22%3A%22view%22%7D', text: '{"uid":"42","ev":"view"}', minSniff: 0.9 },
		{ name: 'Chinese search terms (UTF-8)', input: '%E5%B0%8F%E7%B1%B3%E6%89%8B%E6%9C%BA', text: '小米手机', minSniff: 0.7 },
		{ name: 'a page title with spaces; + is not a space here', input: 'Cart%20%E2%80%93%20Shop+Name', text: 'Cart – Shop+Name', minSniff: 0.7 },
		{ name: 'JavaScript escape() output', input: 'caf%E9%20%u4E2D%u6587', text: 'café 中文', minSniff: 0.8 },
		{ name: 'a user agent', input: 'Mozilla%2F5.0%20(Linux%3B%20Android%2013%3B%20M2102J20SG)', text: 'Mozilla/5.0 (Linux; Android 13; M2102J20SG)', minSniff: 0.7 }
	];
	for (const { name, input, text, minSniff } of cases) {
		it(name, () => {
			expect(percent.sniff(input, {})).toBeGreaterThanOrEqual(minSniff);
			expect(textOf(percent.decode(input, ctx()))).toBe(text);
		});
	}

	it('escaped binary comes back as bytes', () => {
		expect(bytesOf(percent.decode('%1F%8B%08%00%00%00', ctx()))).toEqual(Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0));
	});

	it('leaves malformed escapes as they are', () => {
		expect(percentDecode('100%%20sure%zz%4', false)).toBe('100% sure%zz%4');
	});
});

describe('percent: what is not percent-encoded', () => {
	for (const input of ['100% organic', 'hello world', 'a+b=c', '50%', 'SGVsbG8=']) {
		it(`sniffs 0: ${JSON.stringify(input)}`, () => expect(percent.sniff(input, {})).toBe(0));
	}
	it('an HTML page or a log with a few escapes is not percent-encoded', () => {
		expect(percent.sniff('<!doctype html>\n<a href="/a%20b%2Fc">x%3Ay</a>', {})).toBe(0);
		expect(percent.sniff('GET /search?q=a%20b HTTP/1.1\nHost: x', {})).toBe(0);
		expect(percent.sniff('visit /a%2Fb and %3Fc for details', {})).toBeLessThan(0.3);
	});
	it('a digit-like stray escape sniffs low', () => {
		expect(percent.sniff('sale 50%30 today', {})).toBeLessThan(0.3);
	});
	it('fails when there is nothing to decode', () => {
		expect(percent.decode('plain text', ctx()).kind).toBe('failure');
	});
});

describe('percent: properties', () => {
	it('decodes what encodeURIComponent encodes', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }), (s) => {
				const encoded = encodeURIComponent(s);
				if (encoded === s) return;
				expect(textOf(percent.decode(encoded, ctx()))).toBe(s);
			})
		);
	});
	it('never throws on random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (s) => {
				percent.sniff(s, {});
				percent.decode(s, ctx());
				percent.decode(s.replace(/./g, (c) => (Math.random() < 0.2 ? `%${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)), ctx());
			})
		);
	});
});
