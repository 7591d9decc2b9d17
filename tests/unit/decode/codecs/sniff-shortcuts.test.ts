/**
 * Each shortcut in a sniff must give the answer of the definition it replaces, on random inputs built
 * to hit its edges: the shared six-bit census (base64's plain alphabet, lz-string's forms), lz-string's
 * first-character rule, the form shape's long-key exit and the URL sniff's deferred whitespace scan.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import { decodeBase64 } from '../../../../src/lib/core/shared/base64';
import { plainlyNotBase64 } from '../../../../src/lib/core/decode/codecs/base64';
import { isPlainBase64Alphabet, lzSixBitForm, sixBitCensus } from '../../../../src/lib/core/decode/codecs/six-bit-census';
import { lzString, mayOpenSixBitStream } from '../../../../src/lib/core/decode/codecs/lz-string';
import { formShapeScore } from '../../../../src/lib/core/decode/codecs/form';
import { url } from '../../../../src/lib/core/decode/codecs/url';
import { ctx } from './context';

const SIX_BIT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+';

describe('six-bit census', () => {
	const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
	const URL_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;
	const BASE64_FORM = /^[A-Za-z0-9+/]+={0,3}$/;
	const URI_FORM = /^[A-Za-z0-9+-]+$/;
	const lzReference = (s: string) => (URI_FORM.test(s) ? (s.includes('-') ? 'uri' : 'base64') : BASE64_FORM.test(s) ? 'base64' : null);
	const short = fc.string({ unit: fc.constantFrom(...'Aa0+/-_= %\né'), maxLength: 20 });
	// Long values take the native-scan path (256 characters and up); the pad puts the strangers near its edge.
	const strangers = fc.oneof(short, fc.tuple(fc.integer({ min: 230, max: 400 }), short, short).map(([n, a, b]) => a + 'Qz9'.repeat(n / 3) + b));

	it('plain base64 alphabet is exactly the standard or the URL-safe alphabet with at most two `=`', () => {
		fc.assert(fc.property(strangers, (s) => {
			expect(isPlainBase64Alphabet(s)).toBe(STANDARD.test(s) || URL_SAFE.test(s));
		}), { numRuns: 5000 });
	});

	it('lz-string forms agree with the two form regexes', () => {
		fc.assert(fc.property(strangers, (s) => {
			expect(lzSixBitForm(s)).toBe(lzReference(s));
		}), { numRuns: 5000 });
	});

	it('asking both questions of the same string in either order gives the same answers', () => {
		fc.assert(
			fc.property(strangers, strangers, (a, b) => {
				sixBitCensus(a);
				expect([isPlainBase64Alphabet(b), lzSixBitForm(b)]).toEqual([STANDARD.test(b) || URL_SAFE.test(b), lzReference(b)]);
				expect([lzSixBitForm(a), isPlainBase64Alphabet(a)]).toEqual([lzReference(a), STANDARD.test(a) || URL_SAFE.test(a)]);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('lz-string: a stream cannot open with the end marker or the invalid code', () => {
	it('every six-bit string whose first character is ruled out fails to decode', () => {
		const ruledOut = [...SIX_BIT + '/-'].filter((c) => !mayOpenSixBitStream(c.charCodeAt(0)));
		expect(ruledOut.length).toBeGreaterThan(20);
		fc.assert(
			fc.property(fc.constantFrom(...ruledOut), fc.string({ unit: fc.constantFrom(...SIX_BIT), minLength: 7, maxLength: 60 }), (first, rest) => {
				expect(lzString.decode(first + rest, ctx()).kind).toBe('failure');
			}),
			{ numRuns: 3000 }
		);
	});

	it('real compressToBase64 and compressToEncodedURIComponent output always opens with an allowed character', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1, maxLength: 200 }), (text) => {
				expect(mayOpenSixBitStream(LZString.compressToBase64(text).charCodeAt(0))).toBe(true);
				expect(mayOpenSixBitStream(LZString.compressToEncodedURIComponent(text).charCodeAt(0))).toBe(true);
			}),
			{ numRuns: 1000 }
		);
	});
});

/** formShapeScore before the long-key exit, as it was. */
function formShapeReference(text: string): number {
	if (text.length === 0 || !text.includes('=')) return 0;
	const first = text[0]!;
	if (first === '{' || first === '[' || first === '"' || first === '<') return 0;
	if (/\s/.test(text)) return 0;
	const pieces = text.split('&', 64).filter((p) => p !== '');
	let pairs = 0;
	for (const piece of pieces) {
		const eq = piece.indexOf('=');
		const key = eq < 0 ? piece : piece.slice(0, eq);
		if (!/^[\w.\-[\]%$~*:@!|]{1,80}$/.test(key)) return 0;
		if (eq >= 0) pairs++;
	}
	if (pairs === 0 || pairs * 2 < pieces.length) return 0;
	if (pieces.length >= 2) return pairs >= 3 ? 0.9 : 0.85;
	const only = pieces[0]!;
	const eq = only.indexOf('=');
	const value = only.slice(eq + 1);
	if (value === '' || value.startsWith('=') || eq > 32 || !/[A-Za-z_]/.test(only.slice(0, eq))) return 0;
	return 0.5;
}

/** A key of around 80 characters, the edge of the long-key exit. */
const keyish = fc.oneof(
	fc.string({ unit: fc.constantFrom(...'ab_1.'), maxLength: 6 }),
	fc.integer({ min: 76, max: 84 }).map((n) => 'k'.repeat(n))
);
const formish = fc
	.array(fc.tuple(fc.constantFrom('', '&', '&&'), keyish, fc.constantFrom('', '=', '==', '=v', '=a b', '=%20')), { maxLength: 4 })
	.map((parts) => parts.map(([sep, key, value]) => sep + key + value).join(''));

describe('form shape: the long-key exit', () => {
	it('scores every text as the full check did', () => {
		fc.assert(fc.property(formish, (text) => {
			expect(formShapeScore(text)).toBe(formShapeReference(text));
		}), { numRuns: 5000 });
	});
});

describe('url sniff: whitespace scanned only once the shape fits', () => {
	/** The URL sniff before the change, with the whitespace test first. */
	function reference(input: string): number {
		const s = input.trim();
		if (s.length < 3 || /\s/.test(s)) return 0;
		if (/^(?:https?|wss?):\/\//i.test(s)) return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#]/.test(s) ? 0.95 : 0.3;
		if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#]/.test(s)) return 0.9;
		if (/^(?:mailto|tel|sms|data|intent|about|geo|market|urn):/i.test(s)) return 0.6;
		if (s.startsWith('//') && s.length > 3 && s[2] !== '/') return 0.6;
		if (s.startsWith('?')) return formShapeReference(s.slice(1)) > 0 ? 0.8 : 0;
		if (s.startsWith('/') && s.includes('?')) return formShapeReference(s.slice(s.indexOf('?') + 1)) > 0 ? 0.6 : 0;
		return formShapeReference(s) > 0 ? 0.2 : 0;
	}
	const urlish = fc
		.tuple(fc.constantFrom('', ' ', 'https://', 'ftp://', 'mailto:', '//', '/p?', '?', 'x y'), formish, fc.constantFrom('', ' ', '\t', '#f'))
		.map(([head, body, tail]) => head + body + tail);
	it('scores every text as before', () => {
		fc.assert(fc.property(urlish, (text) => {
			expect(url.sniff(text, {})).toBe(reference(text));
		}), { numRuns: 5000 });
	});
});

describe('base64: the bytes path for long bodies', () => {
	/** decodeBase64 as it was: one charCodeAt per character, whatever the length. */
	function reference(body: string): Uint8Array {
		const table = new Int16Array(128).fill(-1);
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
		for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i;
		table[0x2d] = 62;
		table[0x5f] = 63;
		const out = new Uint8Array(Math.floor((body.length * 3) / 4));
		let o = 0;
		let i = 0;
		const full = body.length - (body.length % 4);
		for (; i < full; i += 4) {
			const n = (table[body.charCodeAt(i)]! << 18) | (table[body.charCodeAt(i + 1)]! << 12) | (table[body.charCodeAt(i + 2)]! << 6) | table[body.charCodeAt(i + 3)]!;
			out[o++] = (n >> 16) & 0xff;
			out[o++] = (n >> 8) & 0xff;
			out[o++] = n & 0xff;
		}
		const rest = body.length - full;
		if (rest >= 2) {
			const n = (table[body.charCodeAt(i)]! << 18) | (table[body.charCodeAt(i + 1)]! << 12) | (rest === 3 ? table[body.charCodeAt(i + 2)]! << 6 : 0);
			out[o++] = (n >> 16) & 0xff;
			if (rest === 3) out[o++] = (n >> 8) & 0xff;
		}
		return out.subarray(0, o);
	}
	it('gives the same bytes as the per-character loop, for valid bodies and for garbage', () => {
		const body = fc.oneof(
			fc.uint8Array({ minLength: 700, maxLength: 1600 }).map((b) => Buffer.from(b).toString('base64url')),
			fc.string({ unit: fc.constantFrom(...'Ab9+/-_=*~ é'), minLength: 1000, maxLength: 1100 })
		);
		fc.assert(
			fc.property(body, (text) => {
				expect(decodeBase64(text)).toEqual(reference(text));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('base64: the rejection of prose, with the spaces counted natively', () => {
	/** plainlyNotBase64 as it was: one loop over every character. */
	function reference(input: string): boolean {
		const alphabet = /[A-Za-z0-9+/\-_=]/;
		let spaces = 0;
		let simple = true;
		for (const ch of input) {
			const c = ch.charCodeAt(0);
			if (c >= 128) return false;
			if (alphabet.test(ch)) continue;
			if (c === 0x20) spaces++;
			else if (c === 0x25 || (c >= 0x09 && c <= 0x0d)) simple = false;
			else return true;
		}
		if (!simple || spaces === 0) return false;
		const trimmed = input.replace(/^ +| +$/g, '');
		const inner = trimmed.split(' ').length - 1;
		return inner * 12 > trimmed.length;
	}
	it('answers as the loop did', () => {
		const text = fc.string({ unit: fc.constantFrom(...'ab9+/=_- - %\t.é'), maxLength: 80 });
		fc.assert(
			fc.property(text, (s) => {
				expect(plainlyNotBase64(s)).toBe(reference(s));
			}),
			{ numRuns: 5000 }
		);
	});
});
