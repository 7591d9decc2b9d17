import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escape } from '../../../../src/lib/core/decode/codecs/escape';
import { ctx, textOf } from './context';

describe('escape: real-world values', () => {
	const cases: Array<{ name: string; input: string; text: string; minSniff: number }> = [
		{ name: 'escaped JSON pasted without its quotes', input: '{\\"event\\":\\"login\\",\\"email\\":\\"a@b.example\\"}', text: '{"event":"login","email":"a@b.example"}', minSniff: 0.8 },
		{ name: 'a JavaScript literal with \\u escapes (Chinese)', input: 'query=\\u5c0f\\u7c73\\u624b\\u673a', text: 'query=小米手机', minSniff: 0.7 },
		{ name: 'Python bytes repr of UTF-8', input: 'name: \\xe5\\xb0\\x8f\\xe7\\xb1\\xb3', text: 'name: 小米', minSniff: 0.7 },
		{ name: '\\x bytes that are not UTF-8 read as Latin-1', input: 'caf\\xe9 au lait', text: 'café au lait', minSniff: 0.5 },
		{ name: 'an emoji as a surrogate pair and as \\u{…}', input: 'hi \\ud83d\\ude00 \\u{1F600}', text: 'hi 😀 😀', minSniff: 0.7 },
		{ name: 'escaped line breaks inside escaped quotes', input: 'msg=\\"line one\\nline two\\"', text: 'msg="line one\nline two"', minSniff: 0.4 }
	];
	for (const { name, input, text, minSniff } of cases) {
		it(name, () => {
			expect(escape.sniff(input, {})).toBeGreaterThanOrEqual(minSniff);
			expect(textOf(escape.decode(input, ctx()))).toBe(text);
		});
	}
	it('leaves unknown and broken escapes alone', () => {
		expect(textOf(escape.decode('\\u12 \\q \\x4 \\"', ctx()))).toBe('\\u12 \\q \\x4 "');
	});
});

describe('escape: what is not escaped text', () => {
	for (const input of ['C:\\Users\\alice\\new folder', 'plain text', 'a\\b', '"quoted \\u0041 JSON string"']) {
		it(`sniffs low: ${JSON.stringify(input)}`, () => expect(escape.sniff(input, {})).toBeLessThan(0.3));
	}
	it('source code and HTML that merely contain escapes sniff 0', () => {
		expect(escape.sniff('var s = "\\u003cdiv\\u003e";\nrender(s);', {})).toBe(0);
		expect(escape.sniff('<script>var a = "\\x41";</script>', {})).toBe(0);
	});
	it('fails when nothing changes', () => {
		expect(escape.decode('no escapes here', ctx()).kind).toBe('failure');
	});
});

describe('escape: properties', () => {
	it('undoes JSON.stringify on any string', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1, maxLength: 80, unit: 'binary' }), (s) => {
				const escaped = JSON.stringify(s).slice(1, -1);
				if (escaped === s) return;
				expect(textOf(escape.decode(escaped, ctx()))).toBe(s);
			})
		);
	});
	it('never throws on random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (s) => {
				escape.sniff(s, {});
				escape.decode(s, ctx());
				escape.decode(s.replaceAll('a', '\\x').replaceAll('b', '\\u'), ctx());
			})
		);
	});
});
