// The sanitizer's behaviour on hand-made captures: placeholders consistent across exchanges, secrets mode leaving
// identifiers alone, credentials masked by name, sizes kept consistent, whole replacement where a layer cannot be
// written back, and inputs that are not HAR written as HAR.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { encodeBase64 } from '../../../src/lib/core/shared/base64';
import { previewSanitize, SIGNATURE_PLACEHOLDER } from '../../../src/lib/core/sanitize/index';
import { analyzeBytes, bytesOf, harOf, sanitize } from './support';

const IMEI = '490154203237518';
const GAID = '38400000-8cf0-11bd-b23e-10b96e40000d';
const EMAIL = 'jane.doe@example.com';
const IMEI2 = '356938035643809';

function entriesOf(text: string): Array<Record<string, any>> {
	return JSON.parse(text).log.entries;
}

describe('sanitizeCapture', () => {
	it('gives the same value the same placeholder in every exchange, and the next distinct value the next number', () => {
		const bytes = harOf([
			{ url: `https://t.example.net/a?imei=${IMEI}`, body: { mimeType: 'application/json', text: JSON.stringify({ imei: IMEI2, email: EMAIL }) } },
			{ url: `https://t.example.net/b?device_imei=${IMEI2}&imei=${IMEI}`, body: { mimeType: 'application/json', text: JSON.stringify({ user: { imei: IMEI } }) } }
		]);
		const { text, report } = sanitize(bytes, { mask: 'all' });
		const [a, b] = entriesOf(text);
		expect(a!.request.url).toBe('https://t.example.net/a?imei=IMEI-1');
		expect(JSON.parse(a!.request.postData.text)).toEqual({ imei: 'IMEI-2', email: 'EMAIL-1' });
		expect(b!.request.url).toBe('https://t.example.net/b?device_imei=IMEI-2&imei=IMEI-1');
		expect(JSON.parse(b!.request.postData.text)).toEqual({ user: { imei: 'IMEI-1' } });
		for (const v of [IMEI, IMEI2, EMAIL]) expect(text).not.toContain(v);
		expect(report.placeholdersByKind.IMEI).toBe(2);
		// Each change names where, never the value.
		expect(report.changes.find((c) => c.path === 'body › json.email')).toMatchObject({ exchange: 0, place: 'request-body', kind: 'contact.email', placeholder: 'EMAIL-1' });
		expect(JSON.stringify(report)).not.toContain(EMAIL);
	});

	it('in secrets mode masks credentials and leaves identifiers as they are', () => {
		const bytes = harOf([
			{
				url: `https://api.example.net/v1?imei=${IMEI}&access_token=tok_0123456789abcdef`,
				headers: [
					{ name: 'Authorization', value: 'Bearer abcdefghijklmnop123' },
					{ name: 'Cookie', value: 'sid=s3cr3tSess10nValue; theme=dark' },
					{ name: 'X-Api-Key', value: 'AIzaSyA-1234567890abcdefghij' }
				],
				body: { mimeType: 'application/json', text: JSON.stringify({ email: EMAIL, password: 'hunter2hunter2' }) },
				response: { mimeType: 'application/json', text: JSON.stringify({ session_id: 'sess-abcdef-0123456789' }), headers: [{ name: 'Set-Cookie', value: 'sid=n3wSess10nValue; Path=/; HttpOnly' }] }
			}
		]);
		const { text } = sanitize(bytes, { mask: 'secrets' });
		const [e] = entriesOf(text);
		for (const secret of ['tok_0123456789abcdef', 'abcdefghijklmnop123', 's3cr3tSess10nValue', 'AIzaSyA-1234567890abcdefghij', 'hunter2hunter2', 'sess-abcdef-0123456789', 'n3wSess10nValue']) expect(text).not.toContain(secret);
		expect(e!.request.headers.find((h: { name: string }) => h.name === 'Authorization').value).toMatch(/^Bearer TOKEN-\d+$/);
		expect(e!.response.headers[0].value).toMatch(/^sid=COOKIE-\d+; Path=\/; HttpOnly$/);
		// Identifiers stay: secrets mode is for sharing a capture whose identifiers are the point.
		expect(e!.request.url).toContain(`imei=${IMEI}`);
		expect(JSON.parse(e!.request.postData.text).email).toBe(EMAIL);
	});

	it('keeps the finding types the user chose to keep', () => {
		const bytes = harOf([{ url: 'https://t.example.net/c', body: { mimeType: 'application/json', text: JSON.stringify({ imei: IMEI, email: EMAIL }) } }]);
		const { text } = sanitize(bytes, { mask: 'all', keepTypes: ['contact.email'] });
		expect(text).toContain(EMAIL);
		expect(text).not.toContain(IMEI);
	});

	it('writes masked values back through form → base64 → gzip → JSON, and the sizes that measured the body', () => {
		const doc = JSON.stringify({ imei: IMEI, gaid: GAID, ev: 'open' });
		const body = `v=1&data=${encodeURIComponent(encodeBase64(gzipSync(bytesOf(doc))))}`;
		const bytes = harOf([{ url: 'https://c.example.net/collect', headers: [{ name: 'Content-Length', value: String(body.length) }], body: { mimeType: 'application/x-www-form-urlencoded', text: body } }]);
		const { text } = sanitize(bytes, { mask: 'all' });
		const [e] = entriesOf(text);
		const before = analyzeBytes(bytes).report.exchanges[0]!;
		const after = analyzeBytes(bytesOf(text));
		expect(after.report.exchanges[0]!.layers).toEqual(before.layers);
		expect(before.layers).toEqual(['form', 'base64', 'gzip', 'json']);
		const json = after.parts[0]!.find((p) => p.name === 'body')!.root.decoded!.children!.find((c) => c.key === 'data')!.decoded!.decoded!.decoded!;
		expect(json.children!.map((c) => [c.key, c.text])).toEqual([
			['imei', 'IMEI-1'],
			['gaid', 'AD-ID-1'],
			['ev', 'open']
		]);
		expect(e!.request.bodySize).toBe(bytesOf(e!.request.postData.text).length);
		expect(e!.request.headers[0].value).toBe(String(e!.request.bodySize));
	});

	it('replaces a value whole, and says why, where a layer cannot be written back (a brotli body)', () => {
		// Brotli of `{"imei":"490154203237518"}` (made with zlib's brotliCompressSync, quality 11).
		const brotli = Uint8Array.from(Buffer.from('iwyAeyJpbWVpIjoiNDkwMTU0MjAzMjM3NTE4In0D', 'base64'));
		const bytes = harOf([
			{ url: 'https://b.example.net/up', headers: [{ name: 'Content-Encoding', value: 'br' }], body: { mimeType: 'application/json', text: encodeBase64(brotli), encoding: 'base64' } }
		]);
		expect(analyzeBytes(bytes).report.exchanges[0]!.findings.map((f) => f.value)).toContain(IMEI);
		const { text, report } = sanitize(bytes, { mask: 'all' });
		expect(report.replacedWhole).toEqual([{ exchange: 0, path: 'body', placeholder: 'REDACTED-1', reason: expect.stringMatching(/^replaced whole: .*Brotli.*cannot be re-encoded/i) }]);
		const [e] = entriesOf(text);
		expect(Buffer.from(e!.request.postData.text, 'base64').toString()).toBe('REDACTED-1');
		expect(text).not.toContain(encodeBase64(brotli));
	});

	it('cuts the signature of a JWT and masks its claims', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiZW1haWwiOiJqYW5lLmRvZUBleGFtcGxlLmNvbSJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
		const bytes = harOf([{ url: 'https://a.example.net/me', body: { mimeType: 'application/json', text: JSON.stringify({ jwt_value: jwt }) } }]);
		const { text } = sanitize(bytes, { mask: 'all' });
		const written = JSON.parse(entriesOf(text)[0]!.request.postData.text).jwt_value as string;
		expect(written.split('.')[2]).toBe(SIGNATURE_PLACEHOLDER);
		expect(Buffer.from(written.split('.')[1]!, 'base64url').toString()).not.toContain(EMAIL);
		expect(text).not.toContain('SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c');
	});

	it('sanitizes response bodies and keeps content.encoding base64, content.size and bodySize consistent', () => {
		const response = JSON.stringify({ device: { imei: IMEI }, note: 'ok' });
		const bytes = harOf([{ url: 'https://r.example.net/x', response: { mimeType: 'application/json', text: encodeBase64(bytesOf(response)), encoding: 'base64' } }]);
		const { text } = sanitize(bytes, { mask: 'all' });
		const [e] = entriesOf(text);
		expect(e!.response.content.encoding).toBe('base64');
		const body = Buffer.from(e!.response.content.text, 'base64').toString();
		expect(JSON.parse(body)).toEqual({ device: { imei: 'IMEI-1' }, note: 'ok' });
		expect(e!.response.content.size).toBe(bytesOf(body).length);
	});

	it('previews the changes without writing, the same list the run gives', () => {
		const bytes = harOf([{ url: `https://t.example.net/a?imei=${IMEI}` }]);
		const preview = previewSanitize({ name: 'x.har', bytes }, { mask: 'all' });
		expect(preview.changes).toEqual(sanitize(bytes, { mask: 'all' }).report.changes);
		expect(preview.changes).toEqual([expect.objectContaining({ exchange: 0, place: 'query', path: 'query › form.imei', placeholder: 'IMEI-1', hint: '49…, 15 chars' })]);
	});

	it('writes raw HTTP, curl and bare payloads back as HAR', () => {
		const http = bytesOf(`POST /c HTTP/1.1\r\nHost: t.example.net\r\nContent-Type: application/json\r\n\r\n{"imei":"${IMEI}"}`);
		const { text, report } = sanitize(http, { mask: 'all' }, 'request.http');
		const [e] = entriesOf(text);
		expect(e!.request.url).toBe('https://t.example.net/c');
		expect(JSON.parse(e!.request.postData.text)).toEqual({ imei: 'IMEI-1' });
		expect(report.notes[0]).toMatch(/read as http/);
		const curl = bytesOf(`curl 'https://t.example.net/q?imei=${IMEI}' -H 'Authorization: Bearer abcdefghijklmnop123'`);
		const fromCurl = sanitize(curl, { mask: 'secrets' }, 'request.curl.txt');
		expect(fromCurl.text).not.toContain('abcdefghijklmnop123');
		expect(fromCurl.text).toContain(IMEI);
	});
});
