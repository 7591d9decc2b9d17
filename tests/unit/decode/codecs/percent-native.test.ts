/**
 * percentDecode hands short ASCII values to decodeURIComponent. That fast path must answer exactly as
 * the byte-level definition: unescape `%XX` (and `+` when asked) to bytes, then strict UTF-8 (BOM
 * dropped), else the bytes themselves.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { percentDecode } from '../../../../src/lib/core/decode/codecs/percent';

const strict = new TextDecoder('utf-8', { fatal: true });

function byDefinition(text: string, plusAsSpace: boolean): string | Uint8Array {
	if (!text.includes('%')) return plusAsSpace ? text.replaceAll('+', ' ') : text;
	const bytes: number[] = [];
	const isHex = (c: string | undefined) => c !== undefined && /^[0-9A-Fa-f]$/.test(c);
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c === '%' && i + 2 < text.length && isHex(text[i + 1]) && isHex(text[i + 2])) {
			bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
			i += 2;
		} else if (c === '+' && plusAsSpace) bytes.push(0x20);
		else {
			const code = text.codePointAt(i)!;
			if (code > 0xffff) i++;
			for (const b of new TextEncoder().encode(String.fromCodePoint(code))) bytes.push(b);
		}
	}
	const array = new Uint8Array(bytes);
	try {
		return strict.decode(array);
	} catch {
		return array;
	}
}

/** Escapes of UTF-8 sequences, valid and not: BOMs, surrogates, overlongs, truncated and stray `%`. */
const escape = fc.oneof(
	fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0')}`),
	fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`),
	fc.constantFrom('%EF%BB%BF', '%ED%A0%80', '%C0%AF', '%E4%B8', '%F0%9F%98%80', '%e5%a4%a9%e6%b0%94', '%', '%4', '%zz', '%%20', '+', '%2B', '%u4E2D')
);
const piece = fc.oneof(escape, fc.string({ maxLength: 4 }), fc.constantFrom('weather', 'q=', '&', '中文', 'é', '\ud800', ' '));
const encoded = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('percentDecode native fast path', () => {
	it('matches the byte-level definition on random escapes', () => {
		fc.assert(
			fc.property(encoded, fc.boolean(), (text, plus) => {
				expect(percentDecode(text, plus)).toEqual(byDefinition(text, plus));
			}),
			{ numRuns: 3000 }
		);
	});

	it('matches it on long values too (past 256 characters a native scan picks the path)', () => {
		// A long ASCII run with one random piece at a random place: the piece alone decides the path.
		const long = fc.tuple(encoded, fc.nat(300), fc.constantFrom('%2B', 'abc', '+')).map(([text, at, filler]) => {
			const pad = filler.repeat(Math.ceil(300 / filler.length));
			return pad.slice(0, at) + text + pad.slice(at);
		});
		fc.assert(
			fc.property(long, fc.boolean(), (text, plus) => {
				expect(percentDecode(text, plus)).toEqual(byDefinition(text, plus));
			}),
			{ numRuns: 1500 }
		);
	});

	it.each([
		['weather%20book', 'weather book'],
		['a+b%2Bc', 'a b+c'],
		['%E5%A4%A9%E6%B0%94', '天气'],
		['%EF%BB%BFx', 'x'],
		['100%', '100%'],
		['%FF', new Uint8Array([0xff])],
		['%ED%A0%80', new Uint8Array([0xed, 0xa0, 0x80])]
	] as const)('%s', (text, expected) => {
		expect(percentDecode(text, true)).toEqual(expected);
		expect(percentDecode(text, true)).toEqual(byDefinition(text, true));
	});
});
