/**
 * Where each field's value sat in its layer's input (`DecodedNode.range`), for the codecs that know
 * it: form fields, URL query values, multipart part bodies and protobuf fields. Each range must slice
 * exactly the raw value out of the input, and the peeler must put it on the node.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { FieldList } from '../../../src/lib/core/decode/codec';
import { form } from '../../../src/lib/core/decode/codecs/form';
import { multipart } from '../../../src/lib/core/decode/codecs/multipart';
import { protobuf } from '../../../src/lib/core/decode/codecs/protobuf';
import { peel } from '../../../src/lib/core/decode/peel';
import type { DecodedNode } from '../../../src/lib/core/model';
import { ctx, rangeTexts, treeOf } from './codecs/context';

describe('ranges: form fields', () => {
	const cases: Array<[string, string[]]> = [
		['crc=-123&gzip=1&data_list=H4sI%2B%2Fw%3D%3D', ['-123', '1', 'H4sI%2B%2Fw%3D%3D']],
		['&&a=1&&b=&c&d=x+y', ['1', '', '', 'x+y']],
		['v=2&tid=G-X&dl=https%3A%2F%2Fa.example%2F', ['2', 'G-X', 'https%3A%2F%2Fa.example%2F']]
	];
	for (const [input, raw] of cases) {
		it(JSON.stringify(input), () => expect(rangeTexts(input, treeOf(form.decode(input, ctx())) as FieldList)).toEqual(raw));
	}
	it('each value range slices the encoded value that decodes to the field', () => {
		const pair = fc.tuple(fc.string({ minLength: 1, maxLength: 10, unit: 'grapheme' }), fc.string({ maxLength: 20, unit: 'grapheme' }));
		fc.assert(
			fc.property(fc.array(pair, { minLength: 1, maxLength: 6 }), (pairs) => {
				const encoded = new URLSearchParams(pairs).toString();
				const list = treeOf(form.decode(encoded, ctx())) as FieldList;
				expect(rangeTexts(encoded, list).map((raw) => new URLSearchParams(`x=${raw}`).get('x'))).toEqual(pairs.map(([, v]) => v));
			})
		);
	});
});

describe('ranges: multipart part bodies', () => {
	it('cover each body after its headers, for CRLF and LF parts', () => {
		const input = '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nfirst value\r\n--XyZ\nContent-Disposition: form-data; name="b"\n\n{"id":7}\n--XyZ--\r\n';
		const list = treeOf(multipart.decode(input, ctx({ contentTypeHeader: 'multipart/form-data; boundary=XyZ' }))) as FieldList;
		expect(rangeTexts(input, list)).toEqual(['first value', '{"id":7}']);
	});
});

describe('ranges: protobuf fields', () => {
	it('cover each value (a string field without its length prefix, a varint, a nested message)', () => {
		// 1: "hello" (2), 2: 150 (0), 3: { 1: "x" } (2)
		const input = new Uint8Array([0x0a, 5, ...new TextEncoder().encode('hello'), 0x10, 0x96, 0x01, 0x1a, 3, 0x0a, 1, 0x78]);
		const list = treeOf(protobuf.decode(input, ctx())) as FieldList;
		expect(list.ranges).toEqual([
			[2, 7],
			[8, 10],
			[12, 15]
		]);
		// The nested message's own field, in bytes of the same input.
		expect((list.fields[2]![1] as FieldList).ranges).toEqual([[14, 15]]);
	});
});

describe('ranges: on the nodes the peeler builds', () => {
	function find(node: DecodedNode, path: string): DecodedNode | null {
		if (node.path === path) return node;
		for (const next of [node.decoded, ...(node.children ?? [])]) {
			const hit = next ? find(next, path) : null;
			if (hit) return hit;
		}
		return null;
	}
	it('a Sensors form body: data_list in the body, and a query value inside the decoded event URL', () => {
		const event = JSON.stringify([{ properties: { $url: 'https://m.example.cn/s?q=weather&from=home' } }]);
		const dataList = encodeURIComponent(gzipSync(event).toString('base64'));
		const body = `crc=1&gzip=1&data_list=${dataList}`;
		const root = peel({ kind: 'text', text: body }, 'body', { contentType: 'application/x-www-form-urlencoded' });
		const field = find(root, 'body › form.data_list')!;
		expect(body.slice(...field.range!)).toBe(dataList);
		const url = 'https://m.example.cn/s?q=weather&from=home';
		const q = find(root, 'body › form.data_list › base64 › gzip › json[0].properties.$url › url.query.q')!;
		expect(url.slice(...q.range!)).toBe('weather');
		// JSON.parse says nothing about positions: JSON members carry no range.
		expect(find(root, 'body › form.data_list › base64 › gzip › json[0].properties.$url')!.range).toBeUndefined();
	});
});
