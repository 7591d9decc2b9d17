import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Annotated, type TreeValue } from '../../../../src/lib/core/decode/codec';
import { multipart } from '../../../../src/lib/core/decode/codecs/multipart';
import { ctx, fieldsOf, treeOf } from './context';

const CRLF = '\r\n';

function body(boundary: string, parts: Array<{ headers: string[]; content: string }>, eol = CRLF): string {
	return parts.map((p) => `--${boundary}${eol}${p.headers.join(eol)}${eol}${eol}${p.content}${eol}`).join('') + `--${boundary}--${eol}`;
}

function plain(value: TreeValue): unknown {
	return value instanceof Annotated ? { value: plain(value.value), note: value.note } : value;
}

describe('multipart: real-world bodies', () => {
	const chrome = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
	const firefox = '---------------------------974767299852498929531610575';
	const png = '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01';
	const cases: Array<{ name: string; input: string; header?: string; fields: Array<[string, unknown]> }> = [
		{
			name: 'a Chrome form upload with a text field and a file',
			header: `multipart/form-data; boundary=${chrome}`,
			input: body(chrome, [
				{ headers: ['Content-Disposition: form-data; name="email"'], content: 'a@b.example' },
				{ headers: ['Content-Disposition: form-data; name="avatar"; filename="me.png"', 'Content-Type: image/png'], content: png }
			]),
			fields: [
				['email', 'a@b.example'],
				['avatar', { value: Uint8Array.from(png, (c) => c.charCodeAt(0)), note: 'Content-Type: image/png; filename "me.png"; binary, one byte per character' }]
			]
		},
		{
			name: 'a Firefox body with the quoted boundary parameter',
			header: `multipart/form-data; boundary="${firefox}"`,
			input: body(firefox, [
				{ headers: ['Content-Disposition: form-data; name="q"'], content: 'flu symptoms' },
				{ headers: ['Content-Disposition: form-data; name="q"'], content: 'second' }
			]),
			fields: [['q', 'flu symptoms'], ['q', 'second']]
		},
		{
			name: 'a crash report upload (JSON part) found without a header',
			input: body('xYzZY', [
				{ headers: ['Content-Disposition: form-data; name="sentry"', 'Content-Type: application/json'], content: '{"device":{"model":"M2102J20SG"}}' },
				{ headers: ['Content-Disposition: form-data; name="upload_file_minidump"; filename="dump.dmp"'], content: 'MDMP' }
			]),
			fields: [
				['sentry', { value: '{"device":{"model":"M2102J20SG"}}', note: 'Content-Type: application/json' }],
				['upload_file_minidump', { value: 'MDMP', note: 'filename "dump.dmp"' }]
			]
		},
		{
			name: 'multipart/mixed batch parts keyed by position',
			header: 'multipart/mixed; boundary=batch_123',
			input: body('batch_123', [
				{ headers: ['Content-Type: application/http'], content: 'GET /v1/users/me HTTP/1.1' },
				{ headers: ['Content-Type: application/http'], content: 'GET /v1/items HTTP/1.1' }
			]),
			fields: [
				['0', { value: 'GET /v1/users/me HTTP/1.1', note: 'Content-Type: application/http' }],
				['1', { value: 'GET /v1/items HTTP/1.1', note: 'Content-Type: application/http' }]
			]
		},
		{
			name: 'bare LF line ends and an empty value',
			input: body('b0undary', [{ headers: ['Content-Disposition: form-data; name="empty"'], content: '' }, { headers: ['Content-Disposition: form-data; name="n"'], content: 'line1\nline2' }], '\n'),
			fields: [['empty', ''], ['n', 'line1\nline2']]
		}
	];
	for (const { name, input, header, fields } of cases) {
		it(name, () => {
			const hints = header ? { contentType: header.split(';')[0]!, contentTypeHeader: header } : {};
			expect(multipart.sniff(input, hints)).toBeGreaterThanOrEqual(0.9);
			expect(fieldsOf(treeOf(multipart.decode(input, ctx(hints)))).map(([k, v]) => [k, plain(v)])).toEqual(fields);
		});
	}

	it('a truncated body keeps its parts and says so', () => {
		const cut = body('abc123', [{ headers: ['Content-Disposition: form-data; name="a"'], content: '1' }]).replace(/--abc123--\r\n$/, '');
		const result = multipart.decode(cut, ctx());
		expect(fieldsOf(treeOf(result))).toEqual([['a', '1']]);
		expect(result.kind === 'tree' && result.note).toMatch(/closing boundary/);
	});
});

describe('multipart: what is not multipart', () => {
	for (const input of ['-- a signature line\nBest, Bob', '--\n', 'hello', '---\ntitle: front matter\n---\n']) {
		it(`sniffs low: ${JSON.stringify(input)}`, () => expect(multipart.sniff(input, {})).toBeLessThan(0.5));
	}
	it('fails when the declared boundary is absent', () => {
		expect(multipart.decode('a=b', ctx({ contentTypeHeader: 'multipart/form-data; boundary=zzz' })).kind).toBe('failure');
	});
});

describe('multipart: properties', () => {
	it('decodes what the Fetch API encodes from FormData', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), fc.string({ maxLength: 40, unit: 'grapheme' })), { minLength: 1, maxLength: 5 }), async (pairs) => {
				const data = new FormData();
				for (const [k, v] of pairs) data.append(k, v);
				const request = new Request('http://localhost/', { method: 'POST', body: data });
				const header = request.headers.get('content-type')!;
				const text = await request.text();
				const fields = fieldsOf(treeOf(multipart.decode(text, ctx({ contentType: 'multipart/form-data', contentTypeHeader: header }))));
				// FormData normalises line breaks in values to CRLF.
				expect(fields).toEqual(pairs.map(([k, v]) => [k, v.replace(/\r?\n|\r/g, '\r\n')]));
			}),
			{ numRuns: 50 }
		);
	});
	it('never throws on random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (s) => {
				multipart.sniff(s, {});
				multipart.decode(s, ctx());
				multipart.decode(`--b\r\n${s}\r\n--b\r\n${s}`, ctx());
			})
		);
	});
});
