import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { json } from '../../../../src/lib/core/decode/codecs/json';
import { ctx, textOf, treeOf } from './context';

describe('json: real-world documents', () => {
	const cases: Array<{ name: string; input: string; value: unknown; minSniff: number; note?: RegExp }> = [
		{ name: 'a Segment track call', input: '{"type":"track","event":"Order Completed","userId":"u-42","properties":{"total":19.99}}', value: { type: 'track', event: 'Order Completed', userId: 'u-42', properties: { total: 19.99 } }, minSniff: 0.9 },
		{ name: 'a Sensors event array with a BOM', input: '\ufeff[{"distinct_id":"abc","event":"$pageview"}]', value: [{ distinct_id: 'abc', event: '$pageview' }], minSniff: 0.9 },
		{
			name: 'NDJSON log lines (blank line tolerated)',
			input: '{"ts":1,"level":"info","msg":"start"}\n{"ts":2,"level":"warn","msg":"slow"}\n\n[1,2]\n',
			value: [{ ts: 1, level: 'info', msg: 'start' }, { ts: 2, level: 'warn', msg: 'slow' }, [1, 2]],
			minSniff: 0.7,
			note: /NDJSON: 3 lines/
		},
		{ name: 'a JSONP callback', input: 'jQuery35104_1700000000({"ip":"203.0.113.7","country":"DE"});', value: { ip: '203.0.113.7', country: 'DE' }, minSniff: 0.8, note: /JSONP callback jQuery35104_1700000000/ },
		{ name: 'a /**/-guarded JSONP callback with a dotted name', input: '/**/ window.__cb.done([{"id":1}])', value: [{ id: 1 }], minSniff: 0.8, note: /JSONP/ },
		{ name: "Google's XSSI prefix", input: ")]}'\n[[\"wrb.fr\",null,\"[1]\"]]", value: [['wrb.fr', null, '[1]']], minSniff: 0.9, note: /XSSI/ },
		{ name: 'a for(;;); prefix', input: 'for (;;);{"payload":{"ok":true}}', value: { payload: { ok: true } }, minSniff: 0.9, note: /XSSI/ }
	];
	for (const { name, input, value, minSniff, note } of cases) {
		it(name, () => {
			expect(json.sniff(input, {})).toBeGreaterThanOrEqual(minSniff);
			const result = json.decode(input, ctx());
			expect(treeOf(result)).toEqual(value);
			if (note) expect(result.kind === 'tree' && result.note).toMatch(note);
		});
	}

	it('a JSON string is unwrapped to text for the next peel', () => {
		expect(json.sniff('"{\\"a\\":1}"', {})).toBeGreaterThan(0.3);
		expect(textOf(json.decode('"{\\"a\\":1}"', ctx()))).toBe('{"a":1}');
	});

	it('parses a 1 MB document quickly, once', () => {
		const big = JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ i, url: `https://example.com/${i}`, tags: ['a', 'b'] })));
		expect(big.length).toBeGreaterThan(1_000_000);
		const started = performance.now();
		for (let k = 0; k < 5; k++) expect((treeOf(json.decode(big, ctx())) as unknown[]).length).toBe(20000);
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('200,000-deep nesting fails or parses, never throws', () => {
		const deep = '['.repeat(200_000) + ']'.repeat(200_000);
		expect(() => json.decode(deep, ctx())).not.toThrow();
	});
});

describe('json: what is not JSON', () => {
	for (const input of ['hello', '42', 'true', 'a=b&c=d', 'function f() { return 1 }', 'alert(1)']) {
		it(`sniffs 0: ${JSON.stringify(input)}`, () => expect(json.sniff(input, {})).toBe(0));
	}
	it('scalars and broken documents fail', () => {
		expect(json.decode('42', ctx()).kind).toBe('failure');
		expect(json.decode('{"a":', ctx()).kind).toBe('failure');
		expect(json.decode('{"a":1}\n{"b":', ctx()).kind).toBe('failure');
		expect(json.decode('cb({"a":1}', ctx()).kind).toBe('failure');
	});
});

describe('json: properties', () => {
	it('decodes what JSON.stringify writes, as a document, as NDJSON and as JSONP', () => {
		const doc = fc.oneof(fc.array(fc.jsonValue(), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 5 }));
		fc.assert(
			fc.property(doc, fc.array(doc, { minLength: 2, maxLength: 4 }), (one, many) => {
				const norm = (v: unknown) => JSON.parse(JSON.stringify(v));
				expect(treeOf(json.decode(JSON.stringify(one), ctx()))).toEqual(norm(one));
				expect(treeOf(json.decode(`cb(${JSON.stringify(one)});`, ctx()))).toEqual(norm(one));
				expect(treeOf(json.decode(many.map((d) => JSON.stringify(d)).join('\n'), ctx()))).toEqual(norm(many));
			})
		);
	});
	it('never throws on random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (s) => {
				json.sniff(s, {});
				json.decode(s, ctx());
				json.decode(`cb(${s})`, ctx());
			})
		);
	});
});
