import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { protobuf } from '../../../../src/lib/core/decode/codecs/protobuf';
import { Annotated, FieldList, type TreeValue } from '../../../../src/lib/core/decode/codec';
import { Budget, LimitExceeded } from '../../../../src/lib/core/limits';
import { ctx, fieldsOf, treeOf } from './context';

// A tiny protobuf encoder: enough to write the messages real SDKs send.
type Value = { varint: number | bigint } | { fixed32: number } | { float: number } | { double: number } | { fixed64: bigint } | { bytes: Uint8Array } | { text: string } | { message: Field[] };
type Field = [number, Value];

function varint(n: number | bigint): number[] {
	let v = BigInt(n);
	if (v < 0n) v += 2n ** 64n;
	const out: number[] = [];
	do {
		let byte = Number(v & 0x7fn);
		v >>= 7n;
		if (v > 0n) byte |= 0x80;
		out.push(byte);
	} while (v > 0n);
	return out;
}

function encode(fields: Field[]): Uint8Array {
	const out: number[] = [];
	for (const [n, value] of fields) {
		const view = new DataView(new ArrayBuffer(8));
		if ('varint' in value) out.push(...varint(n * 8), ...varint(value.varint));
		else if ('fixed32' in value || 'float' in value) {
			if ('float' in value) view.setFloat32(0, value.float, true);
			else view.setUint32(0, value.fixed32, true);
			out.push(...varint(n * 8 + 5), ...new Uint8Array(view.buffer, 0, 4));
		} else if ('double' in value || 'fixed64' in value) {
			if ('double' in value) view.setFloat64(0, value.double, true);
			else view.setBigUint64(0, value.fixed64, true);
			out.push(...varint(n * 8 + 1), ...new Uint8Array(view.buffer));
		} else {
			const payload = 'bytes' in value ? value.bytes : 'text' in value ? new TextEncoder().encode(value.text) : encode(value.message);
			out.push(...varint(n * 8 + 2), ...varint(payload.length), ...payload);
		}
	}
	return Uint8Array.from(out);
}

/** The tree without notes: FieldLists become [key, value] arrays. */
function plain(v: TreeValue): unknown {
	if (v instanceof Annotated) return plain(v.value);
	if (v instanceof FieldList) return v.fields.map(([k, x]) => [k, plain(x)]);
	if (Array.isArray(v)) return v.map(plain);
	return v;
}

function noteOf(v: TreeValue | undefined): string {
	return v instanceof Annotated ? v.note : '';
}

describe('protobuf: real-world-shaped messages', () => {
	it('Firebase-style log batch: nested repeated messages, strings, timestamps', () => {
		const event = (name: string, ts: number): Field => [3, { message: [[1, { text: name }], [2, { varint: ts }], [5, { varint: 1 }]] }];
		const input = encode([
			[1, { message: [[1, { text: 'com.example.app' }], [2, { text: '1:1234567890:android:abcdef' }], [4, { varint: 33 }]] }],
			event('screen_view', 1718000000123),
			event('purchase', 1718000005456),
			[7, { text: 'fid-cXJ0c3RhbmRhcmQ' }]
		]);
		expect(protobuf.sniff(input, {})).toBe(0.5);
		expect(protobuf.sniff(input, { contentType: 'application/x-protobuf' })).toBe(1);
		const tree = treeOf(protobuf.decode(input, ctx()));
		expect(plain(tree)).toEqual([
			['1', [['1', 'com.example.app'], ['2', '1:1234567890:android:abcdef'], ['4', 33]]],
			['3', [['1', 'screen_view'], ['2', 1718000000123], ['5', 1]]],
			['3', [['1', 'purchase'], ['2', 1718000005456], ['5', 1]]],
			['7', 'fid-cXJ0c3RhbmRhcmQ']
		]);
		const firstEvent = fieldsOf(fieldsOf(tree)[1]![1] as TreeValue);
		expect(noteOf(firstEvent[1]![1])).toBe('varint: uint 1718000000123 · sint -859000000062 (zigzag) · time 2024-06-10T06:13:20.123Z');
		expect(noteOf(firstEvent[2]![1])).toBe('varint: uint 1 · sint -1 (zigzag) · bool true');
	});

	it('location report: doubles and floats read as floating point, with integer readings in the note', () => {
		const input = encode([[1, { double: 52.520008 }], [2, { double: 13.404954 }], [3, { float: 12.5 }], [4, { fixed64: 1234n }]]);
		const tree = treeOf(protobuf.decode(input, ctx()));
		expect(plain(tree)).toEqual([['1', 52.520008], ['2', 13.404954], ['3', 12.5], ['4', 1234]]);
		expect(noteOf(fieldsOf(tree)[2]![1])).toBe('fixed32: uint 1095237632 · int 1095237632 · float 12.5 · time 2004-09-15T08:40:32.000Z');
		expect(noteOf(fieldsOf(tree)[3]![1])).toBe('fixed64: uint 1234 · int 1234 · double 6.097e-321');
	});

	it('negative int64 (ten-byte varint) reads as signed first', () => {
		const tree = treeOf(protobuf.decode(encode([[1, { varint: -5n }], [2, { text: 'x' }]]), ctx()));
		expect(plain(tree)).toEqual([['1', -5], ['2', 'x']]);
		expect(noteOf(fieldsOf(tree)[0]![1])).toBe('varint: uint 18446744073709551611 · sint -9223372036854775806 (zigzag) · int64 -5');
	});

	it('packed repeated enum and an opaque bytes field (gzip inside)', () => {
		const gz = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0, 0x86, 0xa6, 0x10, 0x36, 5, 0, 0, 0]);
		const tree = treeOf(protobuf.decode(encode([[1, { bytes: Uint8Array.from([1, 2, 3, 0x7f]) }], [2, { bytes: gz }], [3, { text: 'ok' }]]), ctx()));
		const fields = fieldsOf(tree);
		expect(plain(fields[0]![1])).toEqual([1, 2, 3, 127]);
		expect(noteOf(fields[0]![1])).toBe('packed repeated varints');
		expect(fields[1]![1]).toEqual(gz);
	});

	it('decides per field number across occurrences: one non-message occurrence makes all of them bytes', () => {
		// Field 2 occurrence A parses as a message; occurrence B does not (wire type 7), so neither is expanded.
		const a = encode([[1, { varint: 150 }]]);
		const b = Uint8Array.from([0x0f, 0x81, 0x82]);
		const tree = treeOf(protobuf.decode(encode([[1, { text: 'id' }], [2, { bytes: a }], [2, { bytes: b }]]), ctx()));
		expect(plain(tree)).toEqual([['1', 'id'], ['2', a], ['2', b]]);
	});

	it('Chrome-style UMA upload with a string field containing JSON', () => {
		const json = '{"client_id":"7d3c1e","session":4}';
		const input = encode([[1, { varint: 4 }], [2, { text: json }], [5, { message: [[1, { text: 'Windows NT' }], [2, { text: '10.0.19045' }]] }]]);
		expect(plain(treeOf(protobuf.decode(input, ctx())))).toEqual([['1', 4], ['2', json], ['5', [['1', 'Windows NT'], ['2', '10.0.19045']]]]);
	});

	it('deep nesting stops at the structure limit and keeps the rest as bytes', () => {
		let inner: Field[] = [[1, { varint: 1 }]];
		for (let i = 0; i < 40; i++) inner = [[1, { message: inner }], [2, { varint: i }]];
		const tree = treeOf(protobuf.decode(encode(inner), ctx({}, { maxStructureDepth: 10 })));
		let node: TreeValue = tree;
		let depth = 0;
		let lastNote = '';
		while (node instanceof FieldList) {
			node = node.fields[0]![1];
			if (node instanceof Annotated) {
				lastNote = node.note;
				node = node.value;
			}
			depth++;
		}
		expect(lastNote).toBe('nested deeper than 10 levels: not expanded');
		expect(depth).toBe(11);
		expect(node).toBeInstanceOf(Uint8Array);
		expect(noteOf(fieldsOf(tree)[0]![1])).toBe('');
	});
});

describe('protobuf: not protobuf', () => {
	const enc = new TextEncoder();
	const failures: Array<[string, Uint8Array, RegExp]> = [
		['JSON text', enc.encode('{"a":1}'), /not protobuf/],
		['field number 0', Uint8Array.from([0x00, 0x01]), /field number 0/],
		['group wire type', Uint8Array.from([0x0b, 0x08, 0x01, 0x0c]), /group/],
		['length past the end', Uint8Array.from([0x0a, 0x10, 0x41]), /runs past the end/],
		['implementation-reserved field numbers', Uint8Array.from([...varint(19500 * 8), 1]), /reserved/],
		['scattered huge field numbers', Uint8Array.from([...varint(900_000 * 8), 1, ...varint(70_000 * 8), 1, ...varint(123_456 * 8), 1]), /not plausibly protobuf/]
	];
	for (const [name, input, reason] of failures) {
		it(`fails: ${name}`, () => {
			const r = protobuf.decode(input, ctx());
			expect(r.kind === 'failure' && r.reason).toMatch(reason);
		});
	}

	it('printable text is never sniffed as protobuf', () => {
		expect(protobuf.sniff(enc.encode('hello world'), {})).toBe(0);
	});

	it('random bytes are rarely taken for protobuf (adversarial: random bytes that look like protobuf)', () => {
		let accepted = 0;
		const runs = 2000;
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 8, maxLength: 256 }), (input) => {
				if (protobuf.decode(input, ctx()).kind !== 'failure') accepted++;
			}),
			{ numRuns: runs }
		);
		expect(accepted / runs).toBeLessThan(0.02);
	});
});

describe('protobuf: properties', () => {
	const scalar: fc.Arbitrary<Value> = fc.oneof(
		fc.record({ varint: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) }),
		fc.record({ text: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ._-0123456789'), minLength: 1, maxLength: 40 }) })
	);
	const message = fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 8 }).chain((numbers) =>
		fc.tuple(...numbers.map((n) => scalar.map((v) => [n, v] as Field)))
	);

	it('decodes what the encoder wrote: field numbers, strings and varints', () => {
		fc.assert(
			fc.property(message, (fields) => {
				const tree = treeOf(protobuf.decode(encode(fields), ctx()));
				const expected = fields.map(([n, v]) => [String(n), 'text' in v ? v.text : 'varint' in v ? (BigInt(v.varint) >= 2n ** 63n ? toSigned(BigInt(v.varint)) : toNum(BigInt(v.varint))) : null]);
				expect(plain(tree)).toEqual(expected);
			}),
			{ numRuns: 300 }
		);
	});

	it('random bytes never throw and never exceed the budget', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 1024 }), (input) => {
				const budget = new Budget({ maxNodes: 10_000 });
				try {
					protobuf.sniff(input, {});
					protobuf.decode(input, { budget, hints: {} });
				} catch (e) {
					expect(e).toBeInstanceOf(LimitExceeded);
				}
			}),
			{ numRuns: 500 }
		);
	});
});

function toNum(v: bigint): number | bigint {
	return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}
function toSigned(v: bigint): number | bigint {
	const s = v - 2n ** 64n;
	return s >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(s) : s;
}
