import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encode } from 'cbor-x';
import { cbor } from '../../../../src/lib/core/decode/codecs/cbor';
import { Annotated, FieldList, type TreeValue } from '../../../../src/lib/core/decode/codec';
import { Budget } from '../../../../src/lib/core/limits';
import { ctx, treeOf } from './context';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

/** The tree as plain data: FieldLists become objects (keys are strings), notes are dropped. */
function plain(v: TreeValue): unknown {
	if (v instanceof Annotated) return plain(v.value);
	if (v instanceof FieldList) return Object.fromEntries(v.fields.map(([k, x]) => [k, plain(x)]));
	if (Array.isArray(v)) return v.map(plain);
	return v;
}

describe('cbor: real-world payloads', () => {
	it('WebAuthn attestationObject ("none" attestation) with a COSE key inside authData', () => {
		// {"fmt": "none", "attStmt": {}, "authData": h'…'}, as browsers send it to a relying party.
		const authData = new Uint8Array(37).fill(7);
		const bytes = Uint8Array.from([...hex('a3 63 666d74 64 6e6f6e65 67 61747453746d74 a0 68 6175746844617461 58 25'), ...authData]);
		expect(cbor.sniff(bytes, {})).toBe(0.8);
		expect(plain(treeOf(cbor.decode(bytes, ctx())))).toEqual({ fmt: 'none', attStmt: {}, authData });
	});

	it('COSE_Key with integer labels (map keys kept as text in order)', () => {
		// {1: 2, 3: -7, -1: 1, -2: h'01…', -3: h'02…'}: an EC2 P-256 public key.
		const x = new Uint8Array(32).fill(1);
		const y = new Uint8Array(32).fill(2);
		const bytes = Uint8Array.from([...hex('a5 01 02 03 26 20 01 21 58 20'), ...x, 0x22, 0x58, 0x20, ...y]);
		const tree = treeOf(cbor.decode(bytes, ctx()));
		expect(tree).toBeInstanceOf(FieldList);
		expect((tree as FieldList).fields.map(([k]) => k)).toEqual(['1', '3', '-1', '-2', '-3']);
		expect(plain(tree)).toEqual({ '1': 2, '3': -7, '-1': 1, '-2': x, '-3': y });
	});

	it('self-described CBOR (tag 55799) telemetry record is certain', () => {
		const bytes = Uint8Array.from([...hex('d9 d9f7'), ...encode({ device: 'ESP32', temp: 21.5, uptime: 86400 })]);
		expect(cbor.sniff(bytes, {})).toBe(1);
		expect(plain(treeOf(cbor.decode(bytes, ctx())))).toEqual({ device: 'ESP32', temp: 21.5, uptime: 86400 });
	});

	it('IoT sensor batch with indefinite-length array and dates', () => {
		// [_ {"t": 1(1718000000), "v": 3.5}, {"t": 1(1718000060), "v": 3.75} ]
		const bytes = hex('9f a2 61 74 c1 1a 6666 9980 61 76 f9 4300 a2 61 74 c1 1a 6666 99bc 61 76 f9 4380 ff');
		const tree = treeOf(cbor.decode(bytes, ctx()));
		expect(plain(tree)).toEqual([
			{ t: '2024-06-10T06:13:20.000Z', v: 3.5 },
			{ t: '2024-06-10T06:14:20.000Z', v: 3.75 }
		]);
		const first = (tree as TreeValue[])[0] as FieldList;
		expect(first.fields[0]![1]).toEqual(new Annotated('2024-06-10T06:13:20.000Z', 'CBOR date/time'));
	});

	it('CWT-style tagged map with an unknown tag inside', () => {
		// 61({1: "issuer", 4: 1718000000, 99: 1234("x")})
		const bytes = hex('d8 3d a3 01 66 697373756572 04 1a 66668a00 18 63 d9 04d2 61 78');
		const tree = treeOf(cbor.decode(bytes, ctx()));
		expect(tree).toBeInstanceOf(Annotated);
		expect((tree as Annotated).note).toBe('CBOR tag 61');
		const inner = (tree as Annotated).value as FieldList;
		expect(inner.fields[2]).toEqual(['99', new Annotated('x', 'CBOR tag 1234')]);
	});
});

describe('cbor: not cbor, and hostile cbor', () => {
	const enc = new TextEncoder();
	const failures: Array<[string, Uint8Array, RegExp]> = [
		['UTF-8 text', enc.encode('hello, world'), /does not start with a CBOR map or array/],
		['a bare integer', hex('1a 00 01 00 00'), /does not start with/],
		['trailing bytes', hex('a1 61 61 01 00'), /1 byte left/],
		['declared length beyond the input', hex('9b 00 00 00 10 00 00 00 00 01'), /more items than there are bytes/],
		['reserved additional info', hex('82 1c 01'), /reserved/],
		['shared-reference tags (billion laughs through tag 28/29)', hex('82 d8 1c 82 01 01 d8 1d 00'), /tag 28/],
		['packed values table (tag 51)', hex('d8 33 84 80 80 80 81 01'), /does not start with|tag 51/],
		['break outside an indefinite item', hex('82 01 ff'), /break code/]
	];
	for (const [name, input, reason] of failures) {
		it(`fails: ${name}`, () => {
			expect(cbor.sniff(input, {})).toBe(0);
			const r = cbor.decode(input, ctx());
			expect(r.kind === 'failure' && r.reason).toMatch(reason);
		});
	}

	it('nesting deeper than the limit fails instead of recursing', () => {
		const r = cbor.decode(Uint8Array.from([...Array(300).fill(0x81), 0x01]), ctx());
		expect(r.kind === 'failure' && r.reason).toBe('nested deeper than 256 levels');
	});
});

describe('cbor: properties', () => {
	const key = fc.string().filter((k) => k !== '__proto__');
	const value = fc.letrec((tie) => ({
		// cbor-x writes -0 as the integer 0, so the reference encoder cannot round-trip it; that is not the decoder's doing.
		leaf: fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)), fc.boolean(), fc.constant(null), fc.uint8Array({ maxLength: 16 })),
		node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(key, tie('node'), { maxKeys: 5 }))
	})).node;

	it('decodes what cbor-x encodes (maps and arrays at the top)', () => {
		fc.assert(
			fc.property(fc.oneof(fc.array(value, { maxLength: 6 }), fc.dictionary(key, value, { maxKeys: 6 })), (v) => {
				const decoded = plain(treeOf(cbor.decode(encode(v), ctx())));
				// cbor-x may write -0 as the integer 0, so zeros are compared without their sign.
				expect(normalize(decoded)).toEqual(normalize(v));
			}),
			{ numRuns: 200 }
		);
	});

	it('random bytes and UTF-8 text are (almost) never cbor, and never throw', () => {
		let taken = 0;
		fc.assert(
			fc.property(fc.oneof(fc.uint8Array({ minLength: 4, maxLength: 512 }), fc.string({ minLength: 4 }).map((s) => new TextEncoder().encode(s))), (input) => {
				if (cbor.sniff(input, {}) > 0) taken++;
				const r = cbor.decode(input, { budget: new Budget(), hints: {} });
				expect(['failure', 'tree']).toContain(r.kind);
			}),
			{ numRuns: 1000 }
		);
		expect(taken).toBeLessThan(20);
	});
});

function normalize(v: unknown): unknown {
	if (v instanceof Uint8Array) return { bytes: Array.from(v) };
	if (Array.isArray(v)) return v.map(normalize);
	if (typeof v === 'number' && Object.is(v, -0)) return 0;
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
	return v;
}
