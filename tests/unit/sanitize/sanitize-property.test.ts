// Round-trip property of the deep sanitizer: random JSON with planted identifiers, wrapped in a random chain of
// codecs inside a HAR request body, comes out decoding through the same chain (the layers Telltale reports are
// the same) and holding none of the planted values, neither in the raw text nor in any decoded layer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync, zlibSync } from 'fflate';
import { encode as encodeMsgpack } from '@msgpack/msgpack';
import { encodeBase64 } from '../../../src/lib/core/shared/base64';
import { analyzeBytes, bytesOf, everyLayerText, harOf, sanitize, type EntrySpec } from './support';

function luhn(digits: string): string {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 0) d *= 2;
		sum += d > 9 ? d - 9 : d;
	}
	return digits + String((10 - (sum % 10)) % 10);
}

const imei = fc.stringMatching(/^\d{12}$/).map((d) => luhn(`35${d}`));
const gaid = fc.uuid({ version: 4 });
const email = fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.stringMatching(/^[a-z]{3,8}$/)).map(([a, b]) => `${a}.${b}@example.org`);
const mac = fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => Array.from(b, (x, i) => (i === 0 ? (x & 0xfc) | 0x00 : x).toString(16).padStart(2, '0')).join(':')).filter((m) => !/^(00:){5}00$|^(ff:){5}ff$/.test(m));
const filler = fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.oneof(fc.integer(), fc.boolean(), fc.stringMatching(/^[a-z ]{0,12}$/)), { maxKeys: 5 });

const planted = fc.record({ imei, gaid, email, mac, filler, nested: fc.boolean() });

type Wrap = { name: string; layers: string[]; entry: (json: string) => EntrySpec };
const toB64url = (b: Uint8Array) => encodeBase64(b).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const WRAPS: Wrap[] = [
	{
		name: 'json → gzip → base64 → form field',
		layers: ['form', 'base64', 'gzip', 'json'],
		entry: (json) => ({ url: 'https://c.example.net/collect', body: { mimeType: 'application/x-www-form-urlencoded', text: `v=2&data=${encodeURIComponent(encodeBase64(gzipSync(bytesOf(json))))}` } })
	},
	{
		name: 'json → zlib → base64url',
		layers: ['base64', 'zlib', 'json'],
		entry: (json) => ({ url: 'https://c.example.net/z', body: { mimeType: 'text/plain', text: toB64url(zlibSync(bytesOf(json))) } })
	},
	{
		name: 'json → msgpack → base64',
		layers: ['base64', 'msgpack'],
		entry: (json) => ({ url: 'https://c.example.net/m', body: { mimeType: 'text/plain', text: encodeBase64(encodeMsgpack(JSON.parse(json))) } })
	},
	{
		name: 'json → form field',
		layers: ['form', 'json'],
		entry: (json) => ({ url: 'https://c.example.net/f', body: { mimeType: 'application/x-www-form-urlencoded', text: `e=${encodeURIComponent(json)}&t=1` } })
	},
	{
		name: 'json → gzip (Content-Encoding, the body in base64)',
		layers: ['gzip', 'json'],
		entry: (json) => ({ url: 'https://c.example.net/g', headers: [{ name: 'Content-Encoding', value: 'gzip' }], body: { mimeType: 'application/json', text: encodeBase64(gzipSync(bytesOf(json))), encoding: 'base64' } })
	},
	{
		name: 'json, pretty',
		layers: ['json'],
		entry: (json) => ({ url: 'https://c.example.net/p', body: { mimeType: 'application/json', text: JSON.stringify(JSON.parse(json), null, 2) } })
	}
];

describe('deep sanitizer round trip (property)', () => {
	it('keeps every chain and leaves none of the planted values', () => {
		fc.assert(
			fc.property(planted, fc.constantFrom(...WRAPS), fc.constantFrom('all' as const), ({ imei, gaid, email, mac, filler, nested }, wrap, mask) => {
				const ids = { imei, gaid, email, mac };
				const doc = nested ? { ...filler, event: 'open', device: { imei, mac }, user: { gaid, email } } : { ...filler, event: 'open', imei, gaid, email, mac };
				const bytes = harOf([wrap.entry(JSON.stringify(doc))]);
				const before = analyzeBytes(bytes);
				const found = new Set(before.report.exchanges[0]!.findings.map((f) => f.value));
				// The detectors must see what was planted: otherwise there is nothing for the sanitizer to hide.
				for (const v of [imei, gaid, email]) expect(found).toContain(v);
				expect(before.report.exchanges[0]!.layers).toEqual(wrap.layers);

				const { text } = sanitize(bytes, { mask });
				const after = analyzeBytes(bytesOf(text));
				expect(after.report.exchanges[0]!.layers).toEqual(wrap.layers);
				const layerTexts = after.parts[0]!.flatMap((p) => everyLayerText(p.root));
				for (const [name, v] of Object.entries(ids)) {
					if (!found.has(v)) continue;
					expect(text, name).not.toContain(v);
					for (const t of layerTexts) expect(t.includes(v), `${name} in a decoded layer`).toBe(false);
				}
				// The structure is the same with placeholders where the values were.
				expect(after.report.exchanges[0]!.findings.map((f) => f.value)).not.toContain(imei);
			}),
			{ numRuns: 60 }
		);
	});
});
