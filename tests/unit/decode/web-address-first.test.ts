/**
 * The peeler decodes a web address inside a document with the codec that declares `webAddressSniff:
 * 'first'` straight away instead of sniffing every codec first, when every other text codec declares
 * `'below'`. That is only right if the declarations are true (the URL codec outranks every other text
 * codec on such text), and if the trees are those of the full search.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TEXT_CODECS } from '../../../src/lib/core/decode/registry';
import { Peeler } from '../../../src/lib/core/decode/peel';
import { isWebAddress } from '../../../src/lib/core/decode/shortcuts';
import type { Codec } from '../../../src/lib/core/decode/codec';
import { Budget } from '../../../src/lib/core/limits';

const urlChars = fc.constantFrom(...'abcXYZ019-._~:/?#[]@!$&\'()*+,;=%20%3A%2F%7B%22{}"<>|^`é中'.split(''));
const webAddress = fc
	.tuple(fc.constantFrom('http://', 'https://', 'HTTPS://'), fc.string({ unit: urlChars, minLength: 1, maxLength: 60 }))
	.map(([scheme, rest]) => scheme + rest)
	.filter(isWebAddress);

/** The registry's text codecs with the URL codec no longer declaring `first`: the full search runs. */
const withoutShortcut: readonly Codec<'text'>[] = TEXT_CODECS.map((codec) => (codec.id === 'url' ? { ...codec, webAddressSniff: undefined } : codec));

/** Sniffs web addresses above the URL codec, and declares nothing about them. */
const link: Codec<'text'> = {
	id: 'link',
	label: 'Link',
	input: 'text',
	output: 'tree',
	sniff: (input) => (input.startsWith('http') ? 0.99 : 0),
	decode: (input) => ({ kind: 'tree', value: { href: input } })
};

function peelWith(textCodecs: readonly Codec<'text'>[], doc: string) {
	return new Peeler(new Budget(), { textCodecs }).peel({ kind: 'text', text: doc }, 'body', { contentType: 'application/json' });
}

describe('web addresses inside documents', () => {
	it('in the registry, the URL codec declares `first` and every other text codec `below`', () => {
		for (const codec of TEXT_CODECS) expect({ codec: codec.id, rank: codec.webAddressSniff }).toEqual({ codec: codec.id, rank: codec.id === 'url' ? 'first' : 'below' });
	});

	it('the codec that declares `first` sniffs higher than every codec that declares `below`', () => {
		const first = TEXT_CODECS.find((codec) => codec.webAddressSniff === 'first')!;
		fc.assert(
			fc.property(webAddress, (address) => {
				const top = first.sniff(address, {});
				expect(top).toBe(0.95);
				for (const codec of TEXT_CODECS) if (codec.webAddressSniff === 'below') expect(codec.sniff(address, {}), codec.id).toBeLessThan(top);
			}),
			{ numRuns: 3000 }
		);
	});

	it('gives the trees of the full search (the shortcut is off when the URL codec does not declare `first`)', () => {
		fc.assert(
			fc.property(fc.array(webAddress, { minLength: 1, maxLength: 4 }), (addresses) => {
				const doc = JSON.stringify({ events: addresses.map(($url) => ({ $url, again: $url })) });
				expect(peelWith(TEXT_CODECS, doc)).toEqual(peelWith(withoutShortcut, doc));
			}),
			{ numRuns: 300 }
		);
	});

	it('is off for a codec list with a codec that does not declare `below`', () => {
		const doc = JSON.stringify({ $url: 'https://shop.example/cart?item=42' });
		const decodedBy = (textCodecs: readonly Codec<'text'>[]) => peelWith(textCodecs, doc).decoded?.children?.[0]?.decoded?.codec;
		expect(decodedBy([...TEXT_CODECS])).toBe('url');
		expect(decodedBy([...TEXT_CODECS, link])).toBe('link');
	});
});
