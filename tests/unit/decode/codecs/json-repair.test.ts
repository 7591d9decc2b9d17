import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { json } from '../../../../src/lib/core/decode/codecs/json';
import { form } from '../../../../src/lib/core/decode/codecs/form';
import { opensLikeJson, repairJson } from '../../../../src/lib/core/decode/codecs/json-repair';
import { Budget, LimitExceeded } from '../../../../src/lib/core/limits';
import { peel } from '../../../../src/lib/core/decode/peel';
import { ctx, treeOf } from './context';
import { chain, end, plain } from '../helpers';

const FORM = { contentType: 'application/x-www-form-urlencoded', contentTypeHeader: 'application/x-www-form-urlencoded' };

describe('json: almost-JSON is read and says what was repaired', () => {
	const cases: Array<{ name: string; input: string; value: unknown; note: string }> = [
		{ name: 'a trailing comma', input: '{"id":"x","email":"a@b.com",}', value: { id: 'x', email: 'a@b.com' }, note: 'repaired JSON: trailing comma at byte 27' },
		{ name: 'trailing commas in an array and its object', input: '{"b":[1,2,3,],}', value: { b: [1, 2, 3] }, note: 'repaired JSON: trailing comma at byte 11 (and 1 more)' },
		{
			name: 'a cut-off end drops the member it cut, never guesses its rest',
			input: '{"id":"x","email":"a@b.com","more":[1,2',
			value: { id: 'x', email: 'a@b.com', more: [1] },
			note: 'repaired JSON: truncated end at byte 39'
		},
		{ name: 'a cut-off string is dropped', input: '{"id":"abc","url":"https://exa', value: { id: 'abc' }, note: 'repaired JSON: truncated end at byte 30' },
		{ name: 'single quotes and unquoted keys (a JavaScript literal)', input: "{'id':'x', n: 3}", value: { id: 'x', n: 3 }, note: 'repaired JSON: single-quoted string at byte 1 (and 1 more), unquoted key at byte 11' },
		{ name: 'an unescaped quote inside a value', input: '{"msg":"he said "hi" ok","n":1}', value: { msg: 'he said "hi" ok', n: 1 }, note: 'repaired JSON: unescaped quote at byte 16 (and 1 more)' },
		{ name: 'a key that lost its closing quote', input: '{"id:"x","n":2}', value: { id: 'x', n: 2 }, note: 'repaired JSON: broken key at byte 1' },
		{ name: 'a key that lost its opening quote', input: '{id":"x","n":2}', value: { id: 'x', n: 2 }, note: 'repaired JSON: broken key at byte 1' },
		{ name: 'bytes, not characters, in the note', input: '{"név":"é","x":"tr', value: { név: 'é' }, note: 'repaired JSON: truncated end at byte 20' },
		{ name: 'a raw line break inside a string', input: '{"a":"one\ntwo","b":1,}', value: { a: 'one\ntwo', b: 1 }, note: 'repaired JSON: raw control character at byte 9, trailing comma at byte 20' }
	];
	for (const { name, input, value, note } of cases) {
		it(name, () => {
			expect(json.sniff(input, {})).toBeGreaterThan(0);
			const result = json.decode(input, ctx());
			expect(treeOf(result)).toEqual(value);
			expect(result.kind === 'tree' && result.note).toBe(note);
		});
	}

	it('__proto__ stays a member, as JSON.parse keeps it', () => {
		const value = treeOf(json.decode('{"__proto__":{"x":1},"b":2,}', ctx())) as Record<string, unknown>;
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
		expect(Object.keys(value)).toEqual(['__proto__', 'b']);
	});
});

describe('json: what the tolerant reading turns down', () => {
	const cases = [
		'{"a":',
		'{"a":1}\n{"b":',
		'[object Object]',
		'{{template}}',
		'[INFO] started',
		'{"a":tr',
		'[1.2.3]',
		'{"a" "b"}',
		'{"a":1} trailing words',
		'[1,2',
		// More slips than a sender makes: something else that opens with a brace.
		'{"a":1,,,,,,,,,,}',
		'{"a":"x"y"z"w"v"u"t"s"r"q"p"}'
	];
	for (const input of cases) it(JSON.stringify(input), () => expect(json.decode(input, ctx()).kind).toBe('failure'));

	it('never reads text that does not open like JSON', () => {
		for (const input of ['hello {"a":1}', 'a=1&b={"x":1,}', '"quoted"', '', '{', '[']) expect(opensLikeJson(input) && input.length >= 8).toBe(false);
	});
});

describe('form: a JSON document labelled as a form is read as JSON', () => {
	it('the form split is refused when the JSON reading exists, and says why', () => {
		const input = '{"url":"https://x.com/?a=b&c=d","id":"x"}';
		const result = form.decode(input, ctx(FORM));
		expect(result.kind).toBe('failure');
		expect(result.kind === 'failure' && result.reason).toMatch(/JSON document .*"\{\\"url\\":\\"https:\/\/x.com\/\?a"/);
		const node = peel({ kind: 'text', text: input }, 'body', FORM);
		expect(chain(node)).toEqual(['json']);
		expect(node.note).toMatch(/declared Content-Type: application\/x-www-form-urlencoded, but Form fields failed: the text is a JSON document/);
		expect(plain(node.decoded!)).toEqual({ url: 'https://x.com/?a=b&c=d', id: 'x' });
	});

	it('almost-JSON labelled as a form is read repaired', () => {
		const node = peel({ kind: 'text', text: '{"q":"a=b&c","imei":"490154203237518",}' }, 'body', FORM);
		expect(chain(node)).toEqual(['json']);
		expect(node.decoded!.note).toBe('repaired JSON: trailing comma at byte 37');
	});

	it('text opening with a brace that JSON cannot read keeps its form reading', () => {
		const input = '{broken=1&b=2';
		expect(form.decode(input, ctx(FORM)).kind).toBe('tree');
	});

	it('a form field whose value is JSON, plain, percent-encoded or almost-JSON, is read as JSON', () => {
		for (const body of ['data={"a":"x"}&b=2', 'data=%7B%22a%22%3A%22x%22%7D&b=2', "data={'a':'x',}&b=2"]) {
			const node = peel({ kind: 'text', text: body }, 'body', FORM);
			const data = node.decoded!.children!.find((c) => c.key === 'data')!;
			expect(chain(data), body).toEqual(['json']);
			expect(plain(end(data))).toEqual({ a: 'x' });
		}
	});

	it('a well-formed form body is unchanged', () => {
		const node = peel({ kind: 'text', text: 'a=1&b=%7B' }, 'body', FORM);
		expect(chain(node)).toEqual(['form']);
	});
});

describe('json-repair: properties', () => {
	const doc = fc.oneof(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }));

	it('is never used when JSON.parse reads the text', () => {
		fc.assert(
			fc.property(doc, (value) => {
				const result = json.decode(JSON.stringify(value), ctx());
				expect(result.kind === 'tree' && result.note).toBeFalsy();
			})
		);
	});

	it('never throws, and is deterministic, on random and JSON-shaped text', () => {
		const jsonish = fc.array(fc.constantFrom('{', '}', '[', ']', '"', "'", ':', ',', 'a', '1', ' ', '\\', 'true', 'nu', '-', '.', 'é'), { maxLength: 40 }).map((a) => `{${a.join('')}`);
		fc.assert(
			fc.property(fc.oneof(fc.string({ maxLength: 200 }), jsonish), (text) => {
				const a = repairJson(text, new Budget());
				const b = repairJson(text, new Budget());
				expect(a).toEqual(b);
				json.decode(text, ctx());
			}),
			{ numRuns: 2000 }
		);
	});

	it('a prefix of a document invents nothing: every string it keeps is one the document had', () => {
		const strings = (v: unknown, out: Set<string>): Set<string> => {
			if (typeof v === 'string') out.add(v);
			else if (Array.isArray(v)) for (const x of v) strings(x, out);
			else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, out.add(k));
			return out;
		};
		fc.assert(
			fc.property(doc, fc.nat(), (value, cut) => {
				const text = JSON.stringify(value);
				const prefix = text.slice(0, cut % (text.length + 1));
				const repaired = repairJson(prefix, new Budget());
				if (repaired === null) return;
				const known = strings(value, new Set());
				for (const s of strings(repaired.value, new Set())) expect(known.has(s), s).toBe(true);
			}),
			{ numRuns: 2000 }
		);
	});

	it('is bounded: the clock stops it, and nesting past the structure depth is turned down', () => {
		const big = `[${'{"a":"x"},'.repeat(50_000)}`;
		let ticks = 0;
		const budget = new Budget({ maxMillis: 5 }, () => (ticks += 1));
		expect(() => repairJson(big, budget)).toThrow(LimitExceeded);
		const deep = `${'['.repeat(300)}1,`;
		expect(repairJson(deep, new Budget({ maxStructureDepth: 256 }))).toBeNull();
		expect(repairJson(deep, new Budget({ maxStructureDepth: 400 }))).not.toBeNull();
	});
});
