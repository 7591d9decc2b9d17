/**
 * "A whole JSON object shown as a user.id value": an identifier is one value, never a structure. A key that names an
 * identifier (`user_id`, `uid`, `distinct_id`, `ssid`) over a value that is a JSON object or array as text, peeled or
 * not, or an encoding of one (percent, base64), says nothing about which value inside is the identifier.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { isIdentifierType } from '../../../src/lib/core/classify/correlate';
import { exchangeFindings } from '../../../src/lib/core/classify/findings';
import type { DecodedPart, Exchange, Finding } from '../../../src/lib/core/model';
import { findingsOf, harBytes } from './helpers';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function harFindings(url: string, headers: Record<string, string> = {}): Finding[] {
	return analyze(readCapture({ name: 'x.har', bytes: harBytes([{ url, headers }]) })).report.exchanges[0]!.findings;
}

const ids = (found: Finding[]) => found.filter((f) => isIdentifierType(f.type)).map((f) => [f.type, f.value]);

// [what, findings, the identifier findings expected (type and value), in order]
const CASES: Array<[string, () => Finding[], Array<[string, string]>]> = [
	['a JSON object as text under user_id', () => findingsOf({ user_id: JSON.stringify({ id: 1, name: 'x' }) }), []],
	['a JSON array as text under uid', () => findingsOf({ uid: '[1,2]' }), []],
	['an array of IDs as text: each ID, not the array', () => findingsOf({ uid: '["a1b2c3d4e5","f6g7h8i9"]' }), [['user.id', 'a1b2c3d4e5'], ['user.id', 'f6g7h8i9']]],
	['an object under distinct_id: its named ID, not the object', () => findingsOf({ distinct_id: '{"$device_id":"abc12345"}' }), [['user.id', 'abc12345']]],
	['a JSON object cut short (no closing brace)', () => findingsOf({ user_id: '{"id":12345,"name":"xy' }), []],
	['pretty-printed JSON under ssid', () => findingsOf({ ssid: '{ "a": 1 }' }), []],
	['JSON text under ssid', () => findingsOf({ ssid: '{"a":1}' }), []],
	['a query parameter holding JSON', () => harFindings('https://t.example.com/c?uid=%7B%22id%22%3A1%2C%22name%22%3A%22x%22%7D'), []],
	['a cookie holding percent-encoded JSON', () => harFindings('https://t.example.com/c', { Cookie: 'ajs_user_id=%7B%22id%22%3A1234%7D' }), []],
	['a query parameter holding base64 of JSON', () => harFindings(`https://t.example.com/c?uid=${encodeURIComponent(b64('{"id":12345,"name":"x"}'))}`), []],
	// Kept: values that only look a little like structure, and values found inside one.
	['a GUID in braces (the Windows spelling) is an identifier', () => findingsOf({ device_id: '{6F9619FF-8B86-D011-B42D-00C04FC964FF}' }), [['user.id', '{6F9619FF-8B86-D011-B42D-00C04FC964FF}']]],
	['an e-mail inside JSON text is still an e-mail', () => findingsOf({ note: '{"email":"ann@example.org"' }), [['contact.email', 'ann@example.org']]],
	['content types are unaffected: a URL whose query holds JSON', () => findingsOf({ $url: 'https://www.example.org/p?x={"a":1}' }), []]
];

describe('identifier findings never carry a structure', () => {
	it.each(CASES)('%s', (_what, found, expected) => {
		expect(ids(found())).toEqual(expected);
	});

	it('keeps the browsing finding of a URL whose query holds JSON (content, not an identifier)', () => {
		expect(findingsOf({ $url: 'https://www.example.org/p?x={"a":1}' }).map((f) => f.type)).toContain('browsing.url');
	});

	it('holds for a hand-built text leaf that was never peeled (a limit stopped the decoder)', () => {
		const exchange: Exchange = { index: 0, method: 'POST', url: 'https://t.example.com/x', host: 't.example.com', status: 200, startedAt: null, requestHeaders: [], responseHeaders: [], parts: [], notes: [] };
		const root = { path: 'body', kind: 'object' as const, children: [{ path: 'body.user_id', key: 'user_id', kind: 'text' as const, text: '{"id":1,"name":"x"}' }] };
		const parts: DecodedPart[] = [{ kind: 'request-body', name: 'body', root }];
		expect(exchangeFindings(exchange, parts)).toEqual([]);
	});

	it('holds for any JSON structure under any identifier key', () => {
		const keys = ['user_id', 'uid', 'distinct_id', 'anonymousId', 'device_id', 'ssid', 'wifi_name', 'client_id', 'idfv', 'imei', 'mac'];
		const structure = fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 }));
		fc.assert(
			fc.property(fc.constantFrom(...keys), structure, fc.boolean(), (key, value, pretty) => {
				const text = JSON.stringify(value, null, pretty ? 1 : undefined);
				for (const f of findingsOf({ [key]: text })) {
					if (!isIdentifierType(f.type)) continue;
					expect(f.value).not.toBe(text);
					expect(/^\s*[[{]/.test(f.value) && isJsonStructure(f.value)).toBe(false);
				}
			}),
			{ numRuns: 200 }
		);
	});
});

function isJsonStructure(text: string): boolean {
	try {
		const v: unknown = JSON.parse(text);
		return typeof v === 'object' && v !== null;
	} catch {
		return false;
	}
}
