/**
 * The peeler skips a codec's sniff when text fails the codec's declared `minLength` / `needsOneOf`
 * (codec.ts). That is only sound if the sniff would have said 0 there, whatever the hints: checked on
 * random strings, on real-world-shaped values (IDs, URLs, tokens, base64, hex, JSON, forms) and on the
 * same values cut short or stripped of the needed characters.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TEXT_CODECS } from '../../../../src/lib/core/decode/registry';
import { meetsPreconditions } from '../../../../src/lib/core/decode/peel';
import type { SniffHints } from '../../../../src/lib/core/decode/codec';
import { XSSI_PREFIX, firstNonSpace, mayOpenXssi } from '../../../../src/lib/core/decode/codecs/json';
import { hexOrOneCase } from '../../../../src/lib/core/decode/codecs/lz-string';

const declaring = TEXT_CODECS.filter((c) => c.minLength !== undefined || c.needsOneOf !== undefined);

const HINTS: SniffHints[] = [
	{},
	{ key: 'data' },
	{ contentType: 'application/json' },
	{ contentType: 'application/x-www-form-urlencoded' },
	{ contentType: 'multipart/form-data', contentTypeHeader: 'multipart/form-data; boundary=xyz' }
];

const REAL_WORLD = [
	'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl',
	'eyJhbGciOiJub25lIn0.e30.',
	'https://video.example.net/phone/703999?q=weather%20book&from=home',
	'//cdn.example.com/x.js',
	'mailto:a@b.c',
	'?a=1&b=2',
	'/collect?v=2&tid=UA-1',
	'a=1',
	'SGVsbG8gd29ybGQ=',
	'eyJhIjoiaGVsbG8gd29ybGQifQ==eyJiIjoyfQ==',
	'H4sIAAAAAAAAA+y9',
	'SGk=',
	'dGVzdA',
	'0x0123456789abcdef',
	'042f675339f6fe50',
	'01:23:45:67:89:ab:cd:ef',
	'78c7802b-339d-5be4-ef82-fc5e716d9a3a',
	'{"a":1}',
	' eyJ0eXAiOiJKV1QifQ.e30.x ',
	'  SGVsbG8=  ',
	'%53%47%56%73%62%47%38%3D',
	'SGVs bG8g d29y bGQ=',
	'com.android.browser',
	'1700000000000',
	'中文标题'
];

/** Real values, their prefixes and suffixes, and the values with the needed characters taken out. */
const realWorld = fc.oneof(
	fc.constantFrom(...REAL_WORLD),
	fc.tuple(fc.constantFrom(...REAL_WORLD), fc.nat(), fc.nat()).map(([s, a, b]) => s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1))),
	fc.tuple(fc.constantFrom(...REAL_WORLD), fc.constantFrom('.', ':', '/', '=', ':/=')).map(([s, drop]) => [...s].filter((c) => !drop.includes(c)).join(''))
);
const alphabet = fc.constantFrom(...'abcdefABCDEF0123456789+/=-_.:?&%# \n\t{}[]"\\xyzXYZ'.split(''));
const shaped = fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join(''));
const anyText = fc.oneof(realWorld, shaped, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

describe('declared sniff preconditions', () => {
	it('are declared by the codecs that reject most leaves cheaply', () => {
		expect(declaring.map((c) => c.id).sort()).toEqual(['base64', 'base64-concat', 'hex', 'jwt', 'tagged-id', 'url']);
	});

	it.each(declaring.map((c) => [c.id, c] as const))('%s: sniff is 0 wherever the preconditions fail', (_id, codec) => {
		let skipped = 0;
		fc.assert(
			fc.property(anyText, fc.constantFrom(...HINTS), (text, hints) => {
				if (meetsPreconditions(codec, text)) return;
				skipped++;
				expect(codec.sniff(text, hints)).toBe(0);
			}),
			{ numRuns: 4000 }
		);
		// The property must have been exercised, not vacuously true.
		expect(skipped).toBeGreaterThan(100);
	});

	it('keep the codecs for values they decode', () => {
		const byId = new Map(declaring.map((c) => [c.id, c]));
		expect(meetsPreconditions(byId.get('jwt')!, REAL_WORLD[0]!)).toBe(true);
		expect(meetsPreconditions(byId.get('url')!, REAL_WORLD[2]!)).toBe(true);
		expect(meetsPreconditions(byId.get('base64')!, 'SGVsbG8=')).toBe(true);
		expect(meetsPreconditions(byId.get('hex')!, '042f675339f6fe50')).toBe(true);
		expect(meetsPreconditions(byId.get('hex')!, '042f675339f6fe5')).toBe(false);
		expect(meetsPreconditions(byId.get('url')!, 'com.android.browser')).toBe(false);
	});
});

describe('json: the XSSI pre-check', () => {
	const prefixes = fc.constantFrom(")]}'", ")]}',", 'while(1);', 'while (1) ;', 'for(;;);', 'for ( ; ; ) ;', 'throw 1;', '');
	const spaces = fc.array(fc.constantFrom(' ', '\t', '\n', '\r', '\ufeff', '\u00a0', '\u2028', '\u3000', '\v', '\f'), { maxLength: 3 }).map((s) => s.join(''));
	const text = fc.oneof(
		fc.tuple(spaces, prefixes, fc.oneof(fc.constantFrom('{"a":1}', '[1]', 'x'), fc.string({ maxLength: 8 }))).map(([a, b, c]) => a + b + c),
		fc.string({ maxLength: 20 }),
		fc.constantFrom(...REAL_WORLD)
	);
	it('never rules out a string the pattern matches', () => {
		let ruledOut = 0;
		fc.assert(
			fc.property(text, (s) => {
				if (mayOpenXssi(firstNonSpace(s))) return;
				ruledOut++;
				expect(XSSI_PREFIX.test(s)).toBe(false);
			}),
			{ numRuns: 5000 }
		);
		expect(ruledOut).toBeGreaterThan(100);
	});
	it('keeps the real prefixes', () => {
		for (const p of [")]}'\n{}", 'while(1);{}', 'for(;;);[]', 'throw 1; {}', '\u00a0)]}\'{}']) expect(mayOpenXssi(firstNonSpace(p)) && XSSI_PREFIX.test(p)).toBe(true);
	});
});

describe('lz-string: hexOrOneCase agrees with the two regular expressions it replaces', () => {
	const reference = (s: string) => /^[0-9a-fA-F-]+$/.test(s) || /^(?:[a-z]+|[A-Z]+)$/.test(s);
	const chars = fc.constantFrom(...'0123456789abcdefABCDEFghzGHZ-+/=_ .é'.split(''));
	const text = fc.oneof(fc.array(chars, { maxLength: 24 }).map((c) => c.join('')), fc.string({ maxLength: 24 }), fc.constantFrom(...REAL_WORLD, 'ANDROID', 'android', 'Android', 'deadBEEF-00'));
	it('on random and real-world-shaped strings', () => {
		fc.assert(
			fc.property(text, (s) => {
				expect(hexOrOneCase(s)).toBe(reference(s));
			}),
			{ numRuns: 5000 }
		);
	});
	it.each(['', '042f675339f6fe50', '78c7802b-339d-5be4-ef82-fc5e716d9a3a', 'android', 'ANDROID', 'Android', 'N4IgLg', '---'])('%j', (s) => {
		expect(hexOrOneCase(s)).toBe(reference(s));
	});
});
