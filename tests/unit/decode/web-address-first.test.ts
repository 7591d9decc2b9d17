/**
 * The peeler decodes a web address inside a document with the URL codec straight away instead of
 * sniffing every codec first. That is only right if the URL codec outranks every other text codec on
 * such text, and if the trees are those of the full search.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TEXT_CODECS } from '../../../src/lib/core/decode/registry';
import { Peeler } from '../../../src/lib/core/decode/peel';
import { Budget } from '../../../src/lib/core/limits';

const WEB_ADDRESS = /^https?:\/\/[^\s/?#\\][^\s\\]*$/i;
const urlChars = fc.constantFrom(...'abcXYZ019-._~:/?#[]@!$&\'()*+,;=%20%3A%2F%7B%22{}"<>|^`é中'.split(''));
const webAddress = fc
	.tuple(fc.constantFrom('http://', 'https://', 'HTTPS://'), fc.string({ unit: urlChars, minLength: 1, maxLength: 60 }))
	.map(([scheme, rest]) => scheme + rest)
	.filter((s) => WEB_ADDRESS.test(s));

describe('web addresses inside documents', () => {
	it('the URL codec sniffs higher than every other text codec on them', () => {
		fc.assert(
			fc.property(webAddress, (address) => {
				const scores = TEXT_CODECS.map((codec) => [codec.id, codec.sniff(address, {})] as const);
				const url = scores.find(([id]) => id === 'url')![1];
				expect(url).toBe(0.95);
				for (const [id, score] of scores) if (id !== 'url') expect(score, id).toBeLessThan(url);
			}),
			{ numRuns: 3000 }
		);
	});

	it('gives the trees of the full search (the shortcut is off for a copy of the codec list)', () => {
		fc.assert(
			fc.property(fc.array(webAddress, { minLength: 1, maxLength: 4 }), (addresses) => {
				const doc = JSON.stringify({ events: addresses.map(($url) => ({ $url, again: $url })) });
				const peel = (textCodecs: typeof TEXT_CODECS) =>
					new Peeler(new Budget(), { textCodecs }).peel({ kind: 'text', text: doc }, 'body', { contentType: 'application/json' });
				expect(peel(TEXT_CODECS)).toEqual(peel([...TEXT_CODECS]));
			}),
			{ numRuns: 300 }
		);
	});
});
