// The way back (codec `encode`): for each codec that can write a value again, decoding what it wrote gives the
// edited value, and writing back an unedited value gives the original text or bytes where the codec is faithful.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync, zlibSync, deflateSync } from 'fflate';
import { encode as encodeMsgpack } from '@msgpack/msgpack';
import { Encoder as CborEncoder } from 'cbor-x/encode';
import LZString from 'lz-string';
import { Budget } from '../../../../src/lib/core/limits';
import { FieldList, isFailure, type Codec, type TreeValue } from '../../../../src/lib/core/decode/codec';
import { codecById, type CodecId } from '../../../../src/lib/core/decode/registry';
import { treeEqual } from '../../../../src/lib/core/decode/tree-equal';

const utf8 = new TextEncoder();

function decode(id: CodecId, input: string | Uint8Array): TreeValue {
	const codec = codecById(id)! as Codec;
	const result = codec.decode(input as never, { budget: new Budget(), hints: {} });
	if (result.kind === 'failure') throw new Error(`${id} failed: ${result.reason}`);
	return result.kind === 'text' ? result.text : result.kind === 'bytes' ? result.bytes : result.value;
}

function encode(id: CodecId, next: TreeValue, original: string | Uint8Array): string | Uint8Array {
	const codec = codecById(id)! as Codec;
	const written = codec.encode!(next, original as never);
	if (isFailure(written)) throw new Error(`${id} could not encode: ${written.reason}`);
	return written as string | Uint8Array;
}

/** Replaces the first string leaf equal to `from` by `to`, in a copy. */
function edit(value: TreeValue, from: string, to: string): TreeValue {
	if (value === from) return to;
	if (Array.isArray(value)) return value.map((v) => edit(v, from, to));
	if (value instanceof FieldList) return new FieldList(value.fields.map(([k, v]) => [k, edit(v, from, to)]));
	if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !('note' in value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, edit(v as TreeValue, from, to)]));
	return value;
}

const doc = { imei: '490154203237518', list: [1, 2.5, 'x'], nested: { ok: true, none: null } };
const docText = JSON.stringify(doc);
const docBytes = utf8.encode(docText);

// Each row: a codec, an original as the wire had it, and whether writing back the unedited value gives it byte for byte.
const TEXT_ROWS: Array<{ id: CodecId; wire: string; faithful: boolean; from?: string; to?: string }> = [
	{ id: 'json', wire: docText, faithful: true, from: '490154203237518', to: 'IMEI-1' },
	{ id: 'json', wire: JSON.stringify(doc, null, 2), faithful: true, from: '490154203237518', to: 'IMEI-1' },
	{ id: 'json', wire: JSON.stringify(doc, null, '\t'), faithful: true, from: 'x', to: 'X-1' },
	{ id: 'json', wire: '{"a": "490154203237518", "b": [1, 2]}', faithful: true, from: '490154203237518', to: 'IMEI-1' },
	{ id: 'json', wire: `)]}'\n${docText}`, faithful: true, from: '490154203237518', to: 'IMEI-1' },
	{ id: 'json', wire: `cb(${docText});`, faithful: true, from: '490154203237518', to: 'IMEI-1' },
	{ id: 'json', wire: `{"a":"490154203237518"}\n{"b":2}\n`, faithful: true, from: '490154203237518', to: 'IMEI-1' },
	{ id: 'form', wire: 'a=1&imei=490154203237518&q=hello+world&e=%7B%22k%22%3A1%7D', faithful: true, from: '490154203237518', to: 'IMEI-1' },
	{ id: 'form', wire: 'a=1&t=a%2Bb%26c', faithful: true, from: 'a+b&c', to: 'SECRET-1' },
	{ id: 'url', wire: 'https://user:pw@example.com:8080/p/a?imei=490154203237518&b=2#frag', faithful: true, from: '490154203237518', to: 'IMEI-1' },
	{ id: 'url', wire: 'https://example.com/p/490154203237518?b=2', faithful: true, from: '/p/490154203237518', to: '/p/IMEI-1' },
	{ id: 'percent', wire: '%7B%22imei%22%3A%22490154203237518%22%7D', faithful: true, from: '{"imei":"490154203237518"}', to: '{"imei":"IMEI-1"}' },
	{ id: 'percent', wire: 'caf%u00E9%20au%20lait', faithful: true, from: 'café au lait', to: 'thé' },
	{ id: 'escape', wire: '{\\"imei\\":\\"490154203237518\\"}', faithful: true, from: '{"imei":"490154203237518"}', to: '{"imei":"IMEI-1"}' },
	{ id: 'jwt', wire: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiZW1haWwiOiJqYW5lQGV4YW1wbGUuY29tIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', faithful: true, from: 'jane@example.com', to: 'EMAIL-1' },
	{ id: 'lz-string', wire: LZString.compressToBase64(docText), faithful: true },
	{ id: 'lz-string', wire: LZString.compressToEncodedURIComponent(docText), faithful: true },
	{ id: 'lz-string', wire: LZString.compressToUTF16(docText), faithful: true }
];

const BYTE_TEXT_ROWS: Array<{ id: CodecId; wire: string }> = [
	{ id: 'base64', wire: 'eyJpbWVpIjoiNDkwMTU0MjAzMjM3NTE4In0=' },
	{ id: 'base64', wire: 'eyJpbWVpIjoiNDkwMTU0MjAzMjM3NTE4In0' },
	{ id: 'base64', wire: '-_-_eyJpbWVpIjoiNDkwMTU0MjAzMjM3NTE4In0' },
	{ id: 'base64', wire: 'eyJpbWVpIjoiNDkwMTU0MjAzMjM3NTE4In0%3D' },
	{ id: 'base64', wire: 'eyJpbWVpIjoiNDkwMTU0\nMjAzMjM3NTE4In0=' },
	{ id: 'hex', wire: '7b22696d6569223a22343930227d' },
	{ id: 'hex', wire: '0x7B22696D6569223A22343930227D' },
	{ id: 'hex', wire: '7b:22:69:6d:65:69:22:3a:22:34:39:30:22:7d' }
];

describe('text codecs write back what they read', () => {
	for (const row of TEXT_ROWS) {
		it(`${row.id}: ${row.wire.slice(0, 40)}`, () => {
			const value = decode(row.id, row.wire);
			if (row.faithful) expect(encode(row.id, value, row.wire)).toBe(row.wire);
			if (row.from === undefined) return;
			const edited = edit(value, row.from, row.to!);
			expect(treeEqual(edited, value)).toBe(false);
			const written = encode(row.id, edited, row.wire);
			expect(treeEqual(decode(row.id, written), edited)).toBe(true);
			expect(String(written)).not.toContain(row.from);
		});
	}
	for (const row of BYTE_TEXT_ROWS) {
		it(`${row.id}: ${row.wire.slice(0, 40)}`, () => {
			const bytes = decode(row.id, row.wire) as Uint8Array;
			expect(encode(row.id, bytes, row.wire)).toBe(row.wire);
			const other = utf8.encode('{"imei":"IMEI-1"}');
			expect(decode(row.id, encode(row.id, other, row.wire))).toEqual(other);
		});
	}
});

describe('byte codecs write back what they read', () => {
	const rows: Array<{ id: CodecId; wire: Uint8Array; faithful: boolean }> = [
		{ id: 'gzip', wire: gzipSync(docBytes, { mtime: 1_700_000_000_000 }), faithful: true },
		{ id: 'zlib', wire: zlibSync(docBytes), faithful: true },
		{ id: 'deflate' as CodecId, wire: deflateSync(utf8.encode(docText.repeat(3))), faithful: true },
		{ id: 'msgpack', wire: encodeMsgpack(doc), faithful: true },
		{ id: 'cbor', wire: new CborEncoder({ useRecords: false, mapsAsObjects: false }).encode(new Map(Object.entries(doc))), faithful: false },
		{ id: 'utf16', wire: Uint8Array.from([0xff, 0xfe, ...Array.from(docText).flatMap((c) => [c.charCodeAt(0), 0])]), faithful: true }
	];
	for (const row of rows) {
		it(`${row.id}`, () => {
			const value = decode(row.id, row.wire);
			const same = encode(row.id, value, row.wire);
			if (row.faithful && (row.id === 'msgpack' || row.id === 'utf16')) expect(same).toEqual(row.wire);
			expect(treeEqual(decode(row.id, same), value)).toBe(true);
			const edited = value instanceof Uint8Array ? utf8.encode(new TextDecoder().decode(value).replace('490154203237518', 'IMEI-1')) : edit(value, '490154203237518', 'IMEI-1');
			const written = encode(row.id, edited, row.wire);
			expect(treeEqual(decode(row.id, written), edited)).toBe(true);
		});
	}

	it('gzip keeps the modification time of the original header', () => {
		const wire = gzipSync(docBytes, { mtime: 1_700_000_000_000 });
		const written = encode('gzip', utf8.encode('{}'), wire) as Uint8Array;
		expect(Array.from(written.subarray(4, 8))).toEqual(Array.from(wire.subarray(4, 8)));
	});

	it('protobuf rewrites changed varints, text and nested messages and keeps the other fields byte for byte', () => {
		// field 1: varint 150; field 2: "490154203237518"; field 3: nested { field 1: "inner-value-12345" }; field 4: fixed32.
		const inner = [0x0a, 17, ...utf8.encode('inner-value-12345')];
		const wire = Uint8Array.from([0x08, 0x96, 0x01, 0x12, 15, ...utf8.encode('490154203237518'), 0x1a, inner.length, ...inner, 0x25, 1, 2, 3, 4]);
		const value = decode('protobuf', wire);
		expect(encode('protobuf', value, wire)).toEqual(wire);
		const edited = edit(edit(value, '490154203237518', 'IMEI-1'), 'inner-value-12345', 'USER-ID-123');
		const written = encode('protobuf', edited, wire) as Uint8Array;
		expect(treeEqual(decode('protobuf', written), edited)).toBe(true);
		// A placeholder of 9 or 10 characters would have made the nested message's bytes read as text (its length
		// byte a tab or a line break): without a schema the reading of a message is a guess, named in the report.
		// The fixed32 field (last 5 bytes) is as it was.
		expect(Array.from(written.subarray(-5))).toEqual([0x25, 1, 2, 3, 4]);
	});

	it('brotli, zstd and multipart say they cannot write back', () => {
		for (const id of ['brotli', 'zstd', 'multipart', 'base64-concat'] as CodecId[]) expect(codecById(id)!.encode).toBeUndefined();
	});

	it('JSON refuses to write back a repaired almost-JSON', () => {
		const wire = '{"imei":"490154203237518","b":[1,2,],}';
		const value = decode('json', wire);
		expect(isFailure(codecById('json')!.encode!(edit(value, '490154203237518', 'IMEI-1'), wire as never))).toBe(true);
	});
});

describe('property: decode(encode(x)) == x', () => {
	const jsonValue = fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v === 'object' && v !== null) as fc.Arbitrary<TreeValue>;
	it('JSON, compact and indented', () => {
		fc.assert(
			fc.property(jsonValue, fc.constantFrom(0, 2, 4), (value, indent) => {
				const wire = JSON.stringify(value, null, indent);
				const written = encode('json', value, wire);
				expect(JSON.parse(written as string)).toEqual(JSON.parse(wire));
				expect(written).toBe(wire);
			}),
			{ numRuns: 200 }
		);
	});
	it('base64, hex, gzip, zlib on random bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.boolean(), (a, b, urlSafe) => {
				let wire = Buffer.from(a).toString(urlSafe ? 'base64url' : 'base64');
				if (wire.length < 8) wire = wire.padEnd(8, 'A');
				const written = encode('base64', b, wire) as string;
				expect(new Uint8Array(Buffer.from(written, urlSafe ? 'base64url' : 'base64'))).toEqual(b);
				const hexWire = Buffer.from(a).toString('hex');
				expect(encode('hex', b, hexWire)).toBe(Buffer.from(b).toString('hex'));
				expect(decode('gzip', encode('gzip', b, gzipSync(a)))).toEqual(b);
				expect(decode('zlib', encode('zlib', b, zlibSync(a)))).toEqual(b);
			}),
			{ numRuns: 100 }
		);
	});
	it('form fields with random values', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 6 }), fc.string({ maxLength: 20 }), (pairs, replacement) => {
				const wire = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
				const value = decode('form', wire) as FieldList;
				const edited = new FieldList(value.fields.map(([k, v], i) => [k, i === 0 ? replacement : v]));
				const written = encode('form', edited, wire);
				expect(treeEqual(decode('form', written), edited)).toBe(true);
			}),
			{ numRuns: 200 }
		);
	});
});
