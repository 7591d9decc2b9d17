/**
 * The peeler skips sniffing plain prose inside documents. That is only allowed because no text codec
 * would sniff it above 0: checked here for every codec of the registry on random prose, with the hints
 * a leaf inside a document carries.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPlainProse } from '../../../src/lib/core/decode/plain-prose';
import { TEXT_CODECS } from '../../../src/lib/core/decode/registry';
import { meetsPreconditions, type SniffHints } from '../../../src/lib/core/decode/codec';
import { peel } from '../../../src/lib/core/decode/peel';

const HINTS: SniffHints[] = [{}, { key: 'message' }, { key: 'data' }, { key: 'hex' }, { key: 'payload' }];
/** Words built to come close to what codecs look for: hex pairs, base64-ish runs, `0x`, lz-string openings. */
const word = fc.oneof(
	fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
	fc.stringMatching(/^[0-9a-fA-F]{2}$/),
	fc.constantFrom('0x', '0xab', 'N4', 'NoIg', 'H4sI', 'eyJ', 'while', 'for', 'throw', '1', 'x', 'X', 'g', 'zz', '--', '--abc', '-', '_', 'a-b', 'ab-cd')
);
const gap = fc.constantFrom(' ', ' ', ' ', '  ');
const prose = fc
	.tuple(fc.array(fc.tuple(word, gap), { minLength: 2, maxLength: 60 }), fc.constantFrom('', ' ', '  '), fc.constantFrom('', ' '))
	.map(([pieces, lead, trail]) => lead + pieces.map(([w, g]) => w + g).join('').trimEnd() + trail);

describe('plain prose', () => {
	it('no text codec sniffs it above 0', () => {
		fc.assert(
			fc.property(prose, fc.constantFrom(...HINTS), (text, hints) => {
				fc.pre(isPlainProse(text));
				for (const codec of TEXT_CODECS) {
					const score = meetsPreconditions(codec, text) ? codec.sniff(text, hints) : 0;
					expect({ codec: codec.id, score }).toEqual({ codec: codec.id, score: 0 });
				}
			}),
			{ numRuns: 3000 }
		);
	});

	it.each([
		['words of a log line', 'user opened the settings page on a tablet', true],
		['hex pairs with spaces (hex bytes)', 'ab cd ef 01 23 45 67 89 0a 1b', false],
		['hex pairs behind 0x', '0xab cd ef 01 23 45 67 89 0a 1b', false],
		['one space in 20 characters (base64 that lost a plus)', 'QUJDREVGR0hJSktMTU5P UVJTVFVWV1hZWg', false],
		['punctuation', 'user opened the settings page, then left.', false],
		['underscores, dashes and a double space', 'user_id opened  the page on a tablet-like device', true],
		['a multipart-like opening', '--boundary opened the settings page on a tablet', false],
		['one word', 'settings', false]
	])('%s → %s', (_, text, expected) => {
		expect(isPlainProse(text)).toBe(expected);
	});

	it('a log message inside a document stays as it is', () => {
		const root = peel({ kind: 'text', text: JSON.stringify({ level: 'info', message: 'user opened the settings page on a tablet' }) }, 'body');
		const message = root.decoded?.children?.find((c) => c.key === 'message');
		expect(message?.text).toBe('user opened the settings page on a tablet');
		expect(message?.decoded).toBeUndefined();
	});
});
