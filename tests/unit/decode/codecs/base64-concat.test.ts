import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64Concat, base64Pieces } from '../../../../src/lib/core/decode/codecs/base64-concat';
import { base64 } from '../../../../src/lib/core/decode/codecs/base64';
import { form } from '../../../../src/lib/core/decode/codecs/form';
import { Annotated } from '../../../../src/lib/core/decode/codec';
import { peel } from '../../../../src/lib/core/decode/peel';
import { Budget, LimitExceeded } from '../../../../src/lib/core/limits';
import { ctx, treeOf } from './context';
import { chain, end, plain } from '../helpers';

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

describe('base64-concat: blobs joined with padding between them', () => {
	const cases: Array<{ name: string; input: string; pieces: string[] }> = [
		{ name: 'two JSON records', input: b64('{"a":"hello world"}') + b64('{"b":2}'), pieces: ['{"a":"hello world"}', '{"b":2}'] },
		{ name: 'three pieces, the last unpadded', input: b64('first piece!!') + b64('second piece!!') + b64('third piece!'), pieces: ['first piece!!', 'second piece!!', 'third piece!'] },
		{ name: 'one-byte padding then two', input: b64('Authorization1') + b64('Authorization:'), pieces: ['Authorization1', 'Authorization:'] }
	];
	for (const { name, input, pieces } of cases) {
		it(name, () => {
			expect(base64.sniff(input, {})).toBe(0);
			expect(base64Concat.sniff(input, {})).toBeGreaterThan(0.5);
			const result = base64Concat.decode(input, ctx());
			const value = treeOf(result) as Annotated[];
			expect(value.map((v) => Buffer.from(v.value as Uint8Array).toString())).toEqual(pieces);
			value.forEach((v, i) => expect(v.note).toMatch(new RegExp(`^base64 piece ${i + 1} of ${pieces.length}`)));
			expect(result.kind === 'tree' && result.note).toMatch(/joined, each with its own padding/);
		});
	}

	it('peels each piece as its own child, marked as a piece', () => {
		const node = peel({ kind: 'text', text: b64('{"a":"hello world"}') + b64('{"b":2}') }, 'body');
		expect(chain(node)).toEqual(['base64-concat']);
		const [first, second] = node.decoded!.children!;
		expect(first!.note).toBe('base64 piece 1 of 2 (characters 0–26 of the joined value)');
		expect(plain(end(first!))).toEqual({ a: 'hello world' });
		expect(plain(end(second!))).toEqual({ b: 2 });
	});

	it('random pieces each get their verdict', () => {
		let x = 3;
		const rnd = () => Uint8Array.from({ length: 40 }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
		const node = peel({ kind: 'text', text: b64(rnd()) + b64(rnd()) }, 'body');
		for (const piece of node.decoded!.children!) expect(piece.verdict).toMatch(/^high entropy/);
	});
});

describe('base64-concat: what it turns down', () => {
	const cases = [
		['one blob with its padding at the end', b64('{"a":"hello world"}')],
		['a form pair', 'channel=organic&cid=12345'],
		['a single key=value', 'username=AliceSmithX'],
		['short pieces', 'QUJD=QUJD'],
		['the alphabets mixed', 'QUJDREVG+0hJSktMTQ==QUJDREVG-0hJSktM'],
		['no capital letter', 'abcdefghijk=abcdefghijk='],
		['padding that no encoder writes', 'QUJDREVGR0hJSktM===QUJDREVGR0hJSktM'],
		['a piece whose unused bits are not zero', 'QUJDREVGR0hJSktMTQ==QUJDREVGR0hJSktMTR==']
	];
	for (const [name, input] of cases) it(name!, () => expect(base64Concat.sniff(input!, {})).toBe(0));

	it('a form body keeps its form reading', () => {
		const node = peel({ kind: 'text', text: 'a=1&token=QUJDREVGR0g=' }, 'body');
		expect(chain(node)).toEqual(['form']);
		expect(form.sniff('a=1&token=QUJDREVGR0g=', {})).toBeGreaterThan(0);
	});
});

describe('base64-concat: properties', () => {
	const blob = fc.uint8Array({ minLength: 6, maxLength: 40 }).filter((b) => b.length % 3 !== 0);
	it('joined blobs decode to the same bytes, piece by piece', () => {
		fc.assert(
			fc.property(fc.array(blob, { minLength: 2, maxLength: 5 }), (blobs) => {
				const input = blobs.map(b64).join('');
				if (!/[A-Z]/.test(input)) return;
				const value = treeOf(base64Concat.decode(input, ctx())) as Annotated[];
				expect(value.map((v) => Array.from(v.value as Uint8Array))).toEqual(blobs.map((b) => Array.from(b)));
			})
		);
	});

	it('never throws, deterministic, and sniff 0 means decode fails', () => {
		const text = fc.oneof(fc.string({ maxLength: 120 }), fc.array(fc.constantFrom('QUJD', 'REVG', 'R0g', '=', '==', 'a', '+', '-', 'x='), { maxLength: 30 }).map((a) => a.join('')));
		fc.assert(
			fc.property(text, (s) => {
				const a = base64Pieces(s);
				expect(base64Pieces(`${s}`)).toEqual(a);
				const result = base64Concat.decode(s, ctx());
				if (base64Concat.sniff(s, {}) === 0) expect(result.kind).toBe('failure');
			}),
			{ numRuns: 3000 }
		);
	});

	it('is bounded by the budget and by its piece count', () => {
		const piece = b64('0123456789A');
		expect(() => base64Concat.decode(piece.repeat(10), { budget: new Budget({ maxTotalBytes: 20 }), hints: {} })).toThrow(LimitExceeded);
		expect(base64Pieces(piece.repeat(64))).toHaveLength(64);
		expect(base64Pieces(piece.repeat(65))).toBeNull();
	});
});
