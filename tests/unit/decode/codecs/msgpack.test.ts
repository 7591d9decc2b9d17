import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encode } from '@msgpack/msgpack';
import { msgpack } from '../../../../src/lib/core/decode/codecs/msgpack';
import { Annotated, type TreeValue } from '../../../../src/lib/core/decode/codec';
import { Budget } from '../../../../src/lib/core/limits';
import { ctx, treeOf } from './context';

function plain(v: TreeValue): unknown {
	if (v instanceof Annotated) return plain(v.value);
	if (Array.isArray(v)) return v.map(plain);
	if (v && typeof v === 'object' && !(v instanceof Uint8Array)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x as TreeValue)]));
	return v;
}

describe('msgpack: real-world payloads', () => {
	const cases: Array<{ name: string; value: unknown }> = [
		{ name: 'game SDK session event', value: { event: 'level_complete', level: 12, score: 98231, device: { model: 'SM-G991B', os: 'Android 14' }, ts: 1718000000 } },
		{ name: 'batch of events (array of maps)', value: [{ e: 'open', t: 1 }, { e: 'tap', t: 2, x: 0.5, y: -0.25 }] },
		{ name: 'binary fields and nulls', value: { id: new Uint8Array([1, 2, 3, 250]), parent: null, ok: true } },
		{ name: 'SignalR-style invocation array', value: [1, {}, null, 'SendMessage', ['user', 'hello']] },
		{ name: 'unicode strings and big ints', value: { name: 'Zoë 中文', big: 2n ** 60n, neg: -123456789 } }
	];
	for (const c of cases) {
		it(c.name, () => {
			const bytes = encode(c.value, { useBigInt64: true });
			expect(msgpack.sniff(bytes, {})).toBeGreaterThanOrEqual(0.4);
			expect(plain(treeOf(msgpack.decode(bytes, ctx())))).toEqual(c.value);
		});
	}

	it('timestamps and extension types keep their meaning in a note', () => {
		const tree = treeOf(msgpack.decode(encode({ at: new Date('2024-06-10T06:13:20.123Z') }), ctx())) as Record<string, TreeValue>;
		expect(tree.at).toEqual(new Annotated('2024-06-10T06:13:20.123Z', 'MessagePack timestamp'));
		const ext = Uint8Array.from([0x81, 0xa1, 0x78, 0xd5, 0x05, 0xaa, 0xbb]);
		const extTree = treeOf(msgpack.decode(ext, ctx())) as Record<string, TreeValue>;
		expect(extTree.x).toEqual(new Annotated(Uint8Array.from([0xaa, 0xbb]), 'MessagePack extension type 5'));
	});

	it('a valid timestamp outside the range of dates keeps the document decoding, as seconds and nanoseconds', () => {
		// { at: timestamp 96 } with nanoseconds 5 and seconds 2^50: valid MessagePack, but far past year 275,760,
		// so no JavaScript Date holds it (it once threw RangeError and the whole document went undecoded).
		const seconds = 2 ** 50;
		const ext = [0xc7, 12, 0xff, 0, 0, 0, 5, 0, 0x04, 0, 0, 0, 0, 0, 0];
		const bytes = Uint8Array.from([0x82, 0xa2, 0x61, 0x74, ...ext, 0xa2, 0x69, 0x64, 0xa3, 0x61, 0x62, 0x63]);
		const tree = treeOf(msgpack.decode(bytes, ctx())) as Record<string, TreeValue>;
		expect(tree.at).toEqual(new Annotated(`${seconds} s 5 ns`, 'MessagePack timestamp outside the range of calendar dates (seconds and nanoseconds since 1970)'));
		expect(tree.id).toBe('abc');
	});

	it('string-keyed maps sniff higher than bare arrays', () => {
		expect(msgpack.sniff(encode({ a: 1, b: 'x' }), {})).toBe(0.8);
		expect(msgpack.sniff(encode([1, 2, 3, 4, 5, 6, 7, 8]), {})).toBe(0.4);
		expect(msgpack.sniff(encode([1, 2]), { contentType: 'application/msgpack' })).toBe(1);
	});
});

describe('msgpack: not msgpack', () => {
	const enc = new TextEncoder();
	const failures: Array<[string, Uint8Array, RegExp]> = [
		['UTF-8 JSON text', enc.encode('{"a":1}'), /does not start with a MessagePack map or array/],
		['a bare scalar', encode('just a string'), /does not start with/],
		['trailing bytes', Uint8Array.from([...encode({ a: 1 }), 0x01]), /1 byte left/],
		['truncated map', encode({ key: 'value' }).subarray(0, 5), /runs past the end|ends early/],
		['declared length beyond the input', Uint8Array.from([0xdd, 0xff, 0xff, 0xff, 0xff, 0x01]), /more items than there are bytes/],
		['the never-used byte 0xc1', Uint8Array.from([0x91, 0xc1]), /0xc1/]
	];
	for (const [name, input, reason] of failures) {
		it(`fails: ${name}`, () => {
			expect(msgpack.sniff(input, {})).toBe(0);
			const r = msgpack.decode(input, ctx());
			expect(r.kind === 'failure' && r.reason).toMatch(reason);
		});
	}

	it('nesting deeper than the limit fails instead of recursing', () => {
		const deep = Uint8Array.from([...Array(300).fill(0x91), 0x01]);
		const r = msgpack.decode(deep, ctx());
		expect(r.kind === 'failure' && r.reason).toBe('nested deeper than 256 levels');
	});
});

describe('msgpack: properties', () => {
	const value = fc.letrec((tie) => ({
		// @msgpack/msgpack writes -0 as the integer 0, so the reference encoder cannot round-trip it; that is not the decoder's doing.
		leaf: fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)), fc.boolean(), fc.constant(null), fc.uint8Array({ maxLength: 16 })),
		node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.string().filter((k) => k !== '__proto__'), tie('node'), { maxKeys: 5 }))
	})).node;

	it('decodes what @msgpack/msgpack encodes (maps and arrays at the top)', () => {
		fc.assert(
			fc.property(fc.oneof(fc.array(value, { maxLength: 6 }), fc.dictionary(fc.string().filter((k) => k !== '__proto__'), value, { maxKeys: 6 })), (v) => {
				expect(plain(treeOf(msgpack.decode(encode(v), ctx())))).toEqual(v);
			}),
			{ numRuns: 200 }
		);
	});

	it('random bytes and UTF-8 text are (almost) never msgpack, and never throw', () => {
		let taken = 0;
		fc.assert(
			fc.property(fc.oneof(fc.uint8Array({ minLength: 4, maxLength: 512 }), fc.string({ minLength: 4 }).map((s) => new TextEncoder().encode(s))), (input) => {
				if (msgpack.sniff(input, {}) > 0) taken++;
				const r = msgpack.decode(input, { budget: new Budget(), hints: {} });
				expect(['failure', 'tree']).toContain(r.kind);
			}),
			{ numRuns: 1000 }
		);
		expect(taken).toBeLessThan(20);
	});
});

