import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lines } from '../../../../src/lib/core/decode/codecs/lines';
import { peel } from '../../../../src/lib/core/decode/peel';
import { ctx, treeOf } from './context';

const GA_BATCH =
	'v=1&tid=UA-98765432-2&cid=555123987.1690000000&t=event&ec=account&ea=login\r\n' +
	'v=1&tid=UA-98765432-2&cid=555123987.1690000000&t=pageview&dl=https%3A%2F%2Fbank.example.com%2Floans\n';

describe('lines: newline-separated form records', () => {
	const accepted: Array<{ name: string; input: string; records: string[] }> = [
		{
			name: 'a Universal Analytics /batch body (CRLF and a trailing newline)',
			input: GA_BATCH,
			records: [
				'v=1&tid=UA-98765432-2&cid=555123987.1690000000&t=event&ec=account&ea=login',
				'v=1&tid=UA-98765432-2&cid=555123987.1690000000&t=pageview&dl=https%3A%2F%2Fbank.example.com%2Floans'
			]
		},
		{
			name: 'GA4 batched events with a blank line between them',
			input: 'en=scroll&epn.percent_scrolled=90\n\nen=click&ep.link_url=https%3A%2F%2Fx.example%2F',
			records: ['en=scroll&epn.percent_scrolled=90', 'en=click&ep.link_url=https%3A%2F%2Fx.example%2F']
		}
	];
	it.each(accepted)('$name', ({ input, records }) => {
		expect(lines.sniff(input, {})).toBeGreaterThanOrEqual(0.8);
		expect(treeOf(lines.decode(input, ctx()))).toEqual(records);
	});

	const rejected: Array<{ name: string; input: string }> = [
		{ name: 'one record (the form codec reads it)', input: 'v=1&tid=UA-1234-1&cid=1.2' },
		{ name: 'a config file: one key=value per line', input: 'mode=dark\nlocale=en-GB\nretries=3\n' },
		{ name: 'prose with an equals sign', input: 'a=b&c=d\nthe total is x = 3 and y = 4\n' },
		{ name: 'NDJSON (the json codec reads it)', input: '{"a":1}\n{"b":2}\n' },
		{ name: 'base64 wrapped at 76 columns', input: 'SGVsbG8sIFdvcmxkIQ==\nU2Vjb25kIGxpbmU=\n' },
		{ name: 'CSV', input: 'sku,name,price\n4006381333931,Pencil,0.99\n' }
	];
	it.each(rejected)('not: $name', ({ input }) => {
		expect(lines.sniff(input, {})).toBe(0);
		expect(lines.decode(input, ctx()).kind).toBe('failure');
	});

	it('a text/plain GA batch peels into one form per line, with the line in every path', () => {
		const root = peel({ kind: 'text', text: GA_BATCH }, 'body', { contentType: 'text/plain' });
		const array = root.decoded!;
		expect(array.codec).toBe('lines');
		expect(array.children!.map((c) => c.decoded?.codec)).toEqual(['form', 'form']);
		const dl = array.children![1]!.decoded!.children!.find((c) => c.key === 'dl')!;
		expect(dl.path).toBe('body › lines[1] › form.dl');
		expect(dl.text).toBe('https://bank.example.com/loans');
	});

	it('splits any batch of multi-field records back into its records', () => {
		const key = fc.stringMatching(/^[a-z_]{1,8}$/);
		const value = fc.stringMatching(/^[A-Za-z0-9.%-]{0,12}$/);
		const record = fc.array(fc.tuple(key, value), { minLength: 2, maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
		fc.assert(
			fc.property(fc.array(record, { minLength: 2, maxLength: 20 }), fc.constantFrom('\n', '\r\n'), (records, eol) => {
				const input = records.join(eol);
				expect(lines.sniff(input, {})).toBeGreaterThan(0);
				expect(treeOf(lines.decode(input, ctx()))).toEqual(records);
			})
		);
	});

	it('never throws on arbitrary text, and accepts only when every line is a record', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (input) => {
				const result = lines.decode(input, ctx());
				if (result.kind === 'tree') {
					const records = result.value as string[];
					expect(records.length).toBeGreaterThanOrEqual(2);
					for (const r of records) expect(r).toContain('=');
				} else expect(result.kind).toBe('failure');
				expect(() => lines.sniff(input, {})).not.toThrow();
			})
		);
	});
});
