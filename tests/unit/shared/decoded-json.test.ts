import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { decodedJson, type JsonSourceNode } from '../../../src/lib/core/shared/decoded-json';
import { encodeBase64 } from '../../../src/lib/core/shared/base64';
import { peel } from '../../../src/lib/core/decode/peel';

const text = (value: string, extra: Partial<JsonSourceNode> = {}): JsonSourceNode => ({ kind: 'text', text: value, ...extra });
const obj = (entries: [string, JsonSourceNode][]): JsonSourceNode => ({ kind: 'object', children: entries.map(([key, node]) => ({ ...node, key })) });
const arr = (items: JsonSourceNode[]): JsonSourceNode => ({ kind: 'array', children: items.map((node, key) => ({ ...node, key })) });

describe('decodedJson', () => {
	it.each<[string, JsonSourceNode, unknown]>([
		['a text leaf', text('hi'), 'hi'],
		['numbers, booleans, null', arr([{ kind: 'number', number: 1.5 }, { kind: 'boolean', boolean: false }, { kind: 'null' }]), [1.5, false, null]],
		['empty structures', obj([['a', { kind: 'object', children: [] }], ['b', { kind: 'array' }]]), { a: {}, b: [] }],
		['an encoded leaf becomes what it decoded to', obj([['data', text('eyJ4IjoxfQ==', { decoded: obj([['x', { kind: 'number', number: 1 }]]) })]]), { data: { x: 1 } }],
		['through several layers', text('outer', { decoded: { kind: 'bytes', bytes: new Uint8Array([1]), decoded: text('[1]', { decoded: arr([{ kind: 'number', number: 1 }]) }) } }), [1]],
		['opaque bytes at the end keep the last readable text', obj([['sid', text('q83v', { decoded: { kind: 'bytes', bytes: new Uint8Array([0xab, 0xcd, 0xef]) } })]]), { sid: 'q83v' }],
		['bytes with nothing readable are base64', { kind: 'bytes', bytes: new Uint8Array([0, 255, 16]) }, { $base64: 'AP8Q' }],
		['hostile keys and values stay data', obj([['</script>"\n', text('`$(x)` \u2028 \ud800')]]), { '</script>"\n': '`$(x)` \u2028 \ud800' }],
		['a NaN reading is a string', { kind: 'number', number: Number.NaN }, 'NaN'],
		['a non-number spelling is a string', { kind: 'number', number: '0x1F' }, '0x1F']
	])('%s', (_name, node, expected) => {
		const { json, truncated } = decodedJson(node);
		expect(truncated).toBe(false);
		expect(JSON.parse(json)).toEqual(expected);
	});

	it('keeps a big integer exactly as spelled', () => {
		expect(decodedJson(obj([['id', { kind: 'number', number: '12345678901234567890' }]])).json).toBe('{\n  "id": 12345678901234567890\n}');
	});

	it('indents like JSON.stringify(value, null, 2)', () => {
		const value = { a: [1, { b: 'c' }], d: {} };
		const node = obj([['a', arr([{ kind: 'number', number: 1 }, obj([['b', text('c')]])])], ['d', obj([])]]);
		expect(decodedJson(node).json).toBe(JSON.stringify(value, null, 2));
	});

	it('writes repeated keys as they came (a form can repeat a field)', () => {
		expect(decodedJson(obj([['a', text('1')], ['a', text('2')]])).json).toBe('{\n  "a": "1",\n  "a": "2"\n}');
	});

	it('stops at the limit and says so, without building the rest', () => {
		const big = arr(Array.from({ length: 50_000 }, (_, i) => text(`value number ${i}`)));
		const { json, truncated } = decodedJson(big, 1000);
		expect(truncated).toBe(true);
		expect(json.length).toBeLessThan(1100);
		expect(json.split('\n').pop()).toMatch(/^… cut at 1 KiB/);
	});

	it('escapes no more of a huge text than fits', () => {
		const { json, truncated } = decodedJson(text('"'.repeat(10_000_000)), 4096);
		expect(truncated).toBe(true);
		expect(json.length).toBeLessThan(4200);
	});

	it('encodes no more of huge bytes than fits', () => {
		const { json, truncated } = decodedJson({ kind: 'bytes', bytes: new Uint8Array(50_000_000) }, 4096);
		expect(truncated).toBe(true);
		expect(json.length).toBeLessThan(4200);
	});

	it('a peeled form › base64 › gzip › json body copies as the JSON inside', () => {
		const events = [{ event: 'view', properties: { $url: 'https://www.example.test/page?q=1', imei: '490154203237518' } }];
		const body = `data_list=${encodeURIComponent(Buffer.from(gzipSync(JSON.stringify(events))).toString('base64'))}&gzip=1`;
		const root = peel({ kind: 'text', text: body }, 'body', { contentType: 'application/x-www-form-urlencoded' });
		expect(JSON.parse(decodedJson(root).json)).toEqual({ data_list: events, gzip: '1' });
		// Copying the URL's own layer gives its parts; inside the layer above it stays the address people read.
		const url = root.decoded!.children![0]!.decoded!.decoded!.decoded!.children![0]!.children![1]!.children![0]!;
		expect(url.decoded?.codec).toBe('url');
		expect(JSON.parse(decodedJson(url).json)).toMatchObject({ host: 'www.example.test', query: { q: '1' } });
	});
});

describe('encodeBase64', () => {
	it.each([[''], ['f'], ['fo'], ['foo'], ['foob'], ['fooba'], ['foobar']])('%j as Node encodes it', (s) => {
		expect(encodeBase64(new TextEncoder().encode(s))).toBe(Buffer.from(s).toString('base64'));
	});

	it('every byte value, and long input', () => {
		const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
		expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
	});
});
