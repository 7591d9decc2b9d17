/** The short texts a fingerprint may ask about are collected lazily, with the same cap and order as before. */
import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../../../src/lib/core/classify/sdks/shape';
import type { DecodedNode, DecodedPart } from '../../../../src/lib/core/model';

function jsonPart(values: string[]): DecodedPart {
	const children: DecodedNode[] = values.map((text, i) => ({ path: `body › json[${i}]`, kind: 'text', key: i, text }));
	return { kind: 'request-body', name: 'body', root: { path: 'body', kind: 'text', text: '[…]', decoded: { path: 'body › json', kind: 'array', codec: 'json', children } } };
}

describe('PayloadShape.shortTexts', () => {
	it('keeps the first 4,000 distinct short texts of the trees, then every field of a fallback form', () => {
		const many = Array.from({ length: 4_100 }, (_, i) => `v${i}`);
		const form = { kind: 'request-body', name: 'body', root: { path: 'body', kind: 'text', text: 'a=late1&b=late2' } } satisfies DecodedPart;
		const texts = shapeOf([jsonPart(['v0', 'x'.repeat(81), ...many]), form], null).shortTexts;
		expect(texts.has('v3998')).toBe(true);
		expect(texts.has('v3999')).toBe(false); // v0 came twice: 4,000 distinct are v0…v3998 and '[…]'
		expect(texts.has('x'.repeat(81))).toBe(false);
		expect(texts.has('late1') && texts.has('late2')).toBe(true);
		expect(texts.size).toBe(4_002);
	});
});
