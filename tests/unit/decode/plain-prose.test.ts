/**
 * The peeler skips sniffing plain prose inside documents when every text codec it has declares
 * `ignoresPlainProse`. That is only allowed because such a codec would not sniff it above 0: checked
 * here for every codec of the registry that declares it, on random prose, with the hints a leaf inside a
 * document carries; and the trees are held to those of the full search.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPlainProse } from '../../../src/lib/core/decode/plain-prose';
import { TEXT_CODECS } from '../../../src/lib/core/decode/registry';
import { meetsPreconditions, type Codec, type SniffHints } from '../../../src/lib/core/decode/codec';
import { peel, Peeler } from '../../../src/lib/core/decode/peel';
import { Budget } from '../../../src/lib/core/limits';

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

/** The registry's text codecs with one of them no longer declaring `ignoresPlainProse`: the full search runs. */
const withoutShortcut: readonly Codec<'text'>[] = TEXT_CODECS.map((codec, i) => (i === 0 ? { ...codec, ignoresPlainProse: undefined } : codec));

/** Says every sentence is a list of words, and does not declare `ignoresPlainProse`. */
const words: Codec<'text'> = {
	id: 'words',
	label: 'Words',
	input: 'text',
	output: 'tree',
	sniff: (input) => (input.includes(' ') ? 0.9 : 0),
	decode: (input) => ({ kind: 'tree', value: input.split(' ') })
};

describe('plain prose', () => {
	it('every text codec of the registry declares that it ignores it (the shortcut is on for the registry)', () => {
		for (const codec of TEXT_CODECS) expect({ codec: codec.id, ignores: codec.ignoresPlainProse }).toEqual({ codec: codec.id, ignores: true });
	});

	it('no text codec that declares it ignores it sniffs it above 0', () => {
		fc.assert(
			fc.property(prose, fc.constantFrom(...HINTS), (text, hints) => {
				fc.pre(isPlainProse(text));
				for (const codec of TEXT_CODECS.filter((c) => c.ignoresPlainProse)) {
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

	it('gives the trees of the full search (the shortcut is off when one codec does not declare it)', () => {
		fc.assert(
			fc.property(fc.array(prose, { minLength: 1, maxLength: 4 }), (messages) => {
				const doc = JSON.stringify({ events: messages.map((message) => ({ message, again: message })) });
				const peelWith = (textCodecs: readonly Codec<'text'>[]) =>
					new Peeler(new Budget(), { textCodecs }).peel({ kind: 'text', text: doc }, 'body', { contentType: 'application/json' });
				expect(peelWith(TEXT_CODECS)).toEqual(peelWith(withoutShortcut));
			}),
			{ numRuns: 300 }
		);
	});

	it('is off for a codec list with a codec that does not declare it', () => {
		const text = JSON.stringify({ level: 'info', message: 'user opened the settings page on a tablet' });
		const message = (textCodecs: readonly Codec<'text'>[]) =>
			new Peeler(new Budget(), { textCodecs }).peel({ kind: 'text', text }, 'body').decoded?.children?.find((c) => c.key === 'message');
		expect(message([...TEXT_CODECS])?.decoded).toBeUndefined();
		expect(message([...TEXT_CODECS, words])?.decoded?.codec).toBe('words');
	});
});
