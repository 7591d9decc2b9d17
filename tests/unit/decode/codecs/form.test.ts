import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { form } from '../../../../src/lib/core/decode/codecs/form';
import { base64 } from '../../../../src/lib/core/decode/codecs/base64';
import { ctx, fieldsOf, treeOf, bytesOf } from './context';

const FORM = { contentType: 'application/x-www-form-urlencoded' };

describe('form: real-world bodies and query strings', () => {
	const cases: Array<{ name: string; input: string; fields: Array<[string, string]> }> = [
		{
			name: 'Google Analytics collect (UA)',
			input: 'v=1&_v=j101&a=123456&t=pageview&_s=1&dl=https%3A%2F%2Fexample.com%2Fcart%3Fid%3D7&ul=en-us&de=UTF-8&dt=My%20Cart&sd=24-bit&sr=1920x1080&tid=UA-12345-1&cid=1234567890.1700000000&z=99',
			fields: [
				['v', '1'], ['_v', 'j101'], ['a', '123456'], ['t', 'pageview'], ['_s', '1'], ['dl', 'https://example.com/cart?id=7'], ['ul', 'en-us'],
				['de', 'UTF-8'], ['dt', 'My Cart'], ['sd', '24-bit'], ['sr', '1920x1080'], ['tid', 'UA-12345-1'], ['cid', '1234567890.1700000000'], ['z', '99']
			]
		},
		{
			name: 'GA4 collect with dotted keys and + as space',
			input: 'v=2&tid=G-ABC123&en=page_view&ep.search_term=red+shoes+size+42&epn.value=12.5&_et=15',
			fields: [['v', '2'], ['tid', 'G-ABC123'], ['en', 'page_view'], ['ep.search_term', 'red shoes size 42'], ['epn.value', '12.5'], ['_et', '15']]
		},
		{
			name: 'repeated keys are kept in order',
			input: 'tag=a&tag=b&tag=c',
			fields: [['tag', 'a'], ['tag', 'b'], ['tag', 'c']]
		},
		{
			name: 'PHP-style bracket keys and UTF-8 escapes',
			input: 'items%5B0%5D%5Bname%5D=%E4%B8%AD%E6%96%87&items[1][name]=caf%C3%A9&empty=&flag',
			fields: [['items[0][name]', '中文'], ['items[1][name]', 'café'], ['empty', ''], ['flag', '']]
		},
		{
			name: 'Sensors Analytics batch, percent-encoded base64',
			input: 'crc=-1540432938&gzip=1&data_list=H4sIAAAAAAAAA%2B2Y%2F2%3D',
			fields: [['crc', '-1540432938'], ['gzip', '1'], ['data_list', 'H4sIAAAAAAAAA+2Y/2=']]
		},
		{
			name: 'a stray & and trailing & are ignored',
			input: 'a=1&&b=2&',
			fields: [['a', '1'], ['b', '2']]
		}
	];
	for (const { name, input, fields } of cases) {
		it(name, () => {
			expect(form.sniff(input, FORM)).toBe(1);
			expect(form.sniff(input, {})).toBeGreaterThanOrEqual(0.8);
			expect(fieldsOf(treeOf(form.decode(input, ctx())))).toEqual(fields);
		});
	}

	it('keeps values that are not UTF-8 once unescaped as bytes', () => {
		expect(fieldsOf(treeOf(form.decode('blob=%1F%8B%08%00%FF', ctx())))).toEqual([['blob', Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0xff)]]);
	});

	it('a single key=value is plausible but weaker than a real form', () => {
		expect(form.sniff('gzip=1', {})).toBe(0.5);
	});
});

describe('form: what is not a form', () => {
	const notForms = [
		'hello',
		'the quick brown fox = a sentence & more words',
		'SGVsbG8gd29ybGQ=',
		'SGVsbG8gd29ybA==',
		'{"a":"b=c"}',
		'https://example.com/?a=b&c=d',
		'x',
		'a==b',
		'if (a == b && c) { x = 1 }'
	];
	for (const input of notForms) {
		it(`sniffs 0: ${JSON.stringify(input)}`, () => expect(form.sniff(input, {})).toBe(0));
	}
	it('a JSON body mislabelled as a form stays low', () => {
		expect(form.sniff('{"a":1}', FORM)).toBeLessThan(0.3);
	});
	it('fails without any key=value pair', () => {
		expect(form.decode('justaword', ctx()).kind).toBe('failure');
	});
});

describe('form: Sensors base64 after + became space', () => {
	it('a data_list whose + were read as spaces still decodes to the gzip bytes', () => {
		// Find a payload whose base64 has several `+`, sent without percent-encoding (as some SDKs do).
		let gz = new Uint8Array();
		let b64 = '';
		for (let seed = 0; !(b64.split('+').length > 3); seed++) {
			gz = gzipSync(new TextEncoder().encode(JSON.stringify([{ event: '$pageview', seed, properties: { $url: `https://m.baidu.com/s?word=${seed}` } }])));
			b64 = Buffer.from(gz).toString('base64');
		}
		const body = `crc=-123&gzip=1&data_list=${b64}`;
		const dataList = fieldsOf(treeOf(form.decode(body, ctx(FORM)))).find(([k]) => k === 'data_list')![1] as string;
		expect(dataList).toContain(' ');
		expect(base64.sniff(dataList, {})).toBeGreaterThanOrEqual(0.9);
		expect(bytesOf(base64.decode(dataList, ctx()))).toEqual(gz);
	});
});

describe('form: properties', () => {
	it('decodes what URLSearchParams encodes', () => {
		const key = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' });
		const value = fc.string({ maxLength: 40, unit: 'grapheme' });
		fc.assert(
			fc.property(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 8 }), (pairs) => {
				const encoded = new URLSearchParams(pairs).toString();
				expect(fieldsOf(treeOf(form.decode(encoded, ctx())))).toEqual(pairs);
			})
		);
	});
	it('never throws on random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) => {
				form.sniff(s, {});
				form.sniff(s, FORM);
				form.decode(s, ctx());
			})
		);
	});
});
