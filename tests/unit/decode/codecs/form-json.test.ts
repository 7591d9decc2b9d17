/** JSON inside forms: values written without encoding, split by their own `&` (form.ts, `unencodedJsonEnd`). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { form, formFieldList, unencodedJsonEnd } from '../../../../src/lib/core/decode/codecs/form';
import { Annotated } from '../../../../src/lib/core/decode/codec';
import { ctx, fieldsOf, rangeTexts, treeOf } from './context';

const FORM = { contentType: 'application/x-www-form-urlencoded' };

describe('form: an unencoded JSON value is joined back', () => {
	const cases: Array<{ name: string; input: string; fields: Array<[string, string]>; joined: string[] }> = [
		{
			name: 'a URL with a query inside the JSON',
			input: 'data={"u":"https://x.com/?a=b&c=d","n":1}&x=1',
			fields: [['data', '{"u":"https://x.com/?a=b&c=d","n":1}'], ['x', '1']],
			joined: ['data']
		},
		{ name: 'several & in an array', input: 'e=[{"q":"a&b"},{"q":"c&d&e"}]&v=2', fields: [['e', '[{"q":"a&b"},{"q":"c&d&e"}]'], ['v', '2']], joined: ['e'] },
		{ name: 'an encoded JSON value is left as it was', input: 'data=%7B%22a%22%3A%22b%26c%22%7D&x=1', fields: [['data', '{"a":"b&c"}'], ['x', '1']], joined: [] },
		{ name: 'a value that never closes is not joined', input: 'data={"a":"b&c=d', fields: [['data', '{"a":"b'], ['c', 'd']], joined: [] },
		{ name: 'text after the close is not joined', input: 'd={"a":"b&c"}x&y=1', fields: [['d', '{"a":"b'], ['c"}x', ''], ['y', '1']], joined: [] }
	];
	for (const { name, input, fields, joined } of cases) {
		it(name, () => {
			const list = treeOf(form.decode(input, ctx(FORM)));
			const plain = fieldsOf(list).map(([k, v]) => [k, v instanceof Annotated ? v.value : v]);
			expect(plain).toEqual(fields);
			expect(fieldsOf(list).filter(([, v]) => v instanceof Annotated).map(([k]) => k)).toEqual(joined);
			for (const [, v] of fieldsOf(list)) if (v instanceof Annotated) expect(v.note).toMatch(/^unencoded JSON: its .* joined back into the value$/);
		});
	}

	it('the joined value’s range covers all of it', () => {
		const input = 'data={"u":"a&b"}&x=1';
		const list = formFieldList(input, 0);
		expect(rangeTexts(input, list)).toEqual(['{"u":"a&b"}', '1']);
	});
});

describe('form: properties of the join', () => {
	const doc = fc.oneof(fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 4 }));

	it('any JSON written raw into a value comes back whole', () => {
		fc.assert(
			fc.property(doc, (value) => {
				const text = JSON.stringify(value);
				if (/[%+]/.test(text)) return;
				const fields = fieldsOf(treeOf(form.decode(`data=${text}&x=1`, ctx(FORM))));
				const data = fields[0]![1];
				expect(data instanceof Annotated ? data.value : data).toBe(text);
				expect(fields.at(-1)).toEqual(['x', '1']);
			})
		);
	});

	it('what URLSearchParams encodes is never joined', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(fc.string({ maxLength: 20 }), doc.map((d) => JSON.stringify(d)))), { minLength: 1, maxLength: 6 }), (pairs) => {
				const fields = fieldsOf(treeOf(form.decode(new URLSearchParams(pairs).toString(), ctx())));
				expect(fields).toEqual(pairs);
			})
		);
	});

	it('never throws, bounded, on random pieces', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 400 }), fc.nat(), (pieces, at) => {
				const p = at % pieces.length;
				const end = unencodedJsonEnd(pieces, p, 0);
				expect(end).toBeGreaterThanOrEqual(p);
				expect(end - p).toBeLessThanOrEqual(256);
			})
		);
	});
});
