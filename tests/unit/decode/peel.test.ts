import { describe, expect, it } from 'vitest';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { peel } from '../../../src/lib/core/decode/peel';
import { Budget } from '../../../src/lib/core/limits';
import { javaStringHashCode } from '../../../src/lib/core/shared/wire/sensors-analytics';
import { analyze } from '../../../src/lib/core/report/analyze';
import { readPayload } from '../../../src/lib/core/capture/payload';
import type { Capture } from '../../../src/lib/core/model';
import { sensorsBatch } from '../../bench/inputs';
import { allNodes, chain, child, end, plain } from './helpers';

const FORM = { contentType: 'application/x-www-form-urlencoded' };
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

describe('peel: chains', () => {
	it.each([
		{ name: 'base64 › json', input: b64('{"a":1}'), layers: ['base64', 'json'], value: { a: 1 } },
		{ name: 'base64 › gzip › json', input: b64(gzipSync('[1,2,3]')), layers: ['base64', 'gzip', 'json'], value: [1, 2, 3] },
		{ name: 'hex › json', input: Buffer.from('{"hex":true}').toString('hex'), layers: ['hex', 'json'], value: { hex: true } },
		{ name: 'percent › json', input: encodeURIComponent('{"q":"a b"}'), layers: ['percent', 'json'], value: { q: 'a b' } },
		{ name: 'plain json', input: '{"x":[true,null]}', layers: ['json'], value: { x: [true, null] } }
	])('$name', ({ input, layers, value }) => {
		const root = peel({ kind: 'text', text: input }, 'payload');
		expect(chain(root)).toEqual(layers);
		expect(plain(end(root))).toEqual(value);
	});

	it('trusts Content-Encoding before sniffing: a gzip body is gunzipped first', () => {
		const body = new Uint8Array(gzipSync('{"ok":1}'));
		const root = peel({ kind: 'bytes', bytes: body }, 'body', { contentEncoding: 'gzip', contentType: 'application/json' });
		expect(chain(root)).toEqual(['gzip', 'json']);
		expect(root.decoded!.path).toBe('body › gzip');
	});

	it('trusts Content-Encoding: br on bytes nothing else would recognise', () => {
		const root = peel({ kind: 'bytes', bytes: new Uint8Array(brotliCompressSync('{"br":"yes"}')) }, 'response', { contentEncoding: 'br' });
		expect(chain(root)).toEqual(['brotli', 'json']);
	});

	it('says when a declared Content-Type does not hold', () => {
		const root = peel({ kind: 'text', text: '{not json' }, 'body', { contentType: 'application/json' });
		expect(root.decoded).toBeUndefined();
		expect(root.note).toMatch(/Content-Type: application\/json.*JSON failed/);
	});

	it('peels JSON inside a JSON string, a URL inside a property and a query inside the URL into one tree', () => {
		const inner = JSON.stringify({ $url: 'https://search.example.com/s?q=privacy%20matters&lang=en' });
		const root = peel({ kind: 'text', text: JSON.stringify({ event: 'view', payload: inner }) }, 'body');
		const url = child(end(child(end(root), 'payload')), '$url');
		expect(url.path).toBe('body › json.payload › json.$url');
		const q = allNodes(url).find((n) => n.key === 'q');
		expect(q?.text).toBe('privacy matters');
		expect(q?.path).toMatch(/^body › json\.payload › json\.\$url › url\..*q$/);
	});

	it('gives undecodable bytes an honest verdict', () => {
		const bytes = new Uint8Array(256).map((_, i) => (i * 167 + 13) & 0xff);
		const root = peel({ kind: 'bytes', bytes }, 'payload');
		expect(root.decoded).toBeUndefined();
		expect(root.verdict).toMatch(/entropy|binary/);
	});

	it('leaves words, numbers and short IDs alone', () => {
		const root = peel({ kind: 'text', text: JSON.stringify({ model: 'Redmi Note 11', id: 'a1b2c3d4e5f60718', n: '1700000000000', w: 'Authorization' }) }, 'p');
		for (const leaf of end(root).children!) expect(leaf.decoded, leaf.path).toBeUndefined();
	});
});

describe('peel: Sensors Analytics envelope', () => {
	const batch = sensorsBatch(20, 7);

	it('decodes form › base64 › gzip › json with paths through every layer, and verifies crc', () => {
		const root = peel({ kind: 'text', text: batch.body }, 'body', FORM);
		const form = root.decoded!;
		expect(form.codec).toBe('form');
		expect(form.note).toBe('Sensors Analytics batch (gzip=1): data_list is base64(gzip(JSON)), 20 events; crc verified');
		expect(form.envelope?.id).toBe('sensors-analytics');
		const dataList = child(form, 'data_list');
		expect(chain(dataList)).toEqual(['base64', 'gzip', 'json']);
		const url = child(child(child(end(dataList), 0), 'properties'), '$url');
		expect(url.path).toBe('body › form.data_list › base64 › gzip › json[0].properties.$url');
		expect(url.decoded?.codec).toBe('url');
	});

	it('says "crc mismatch" when crc is not the Java hashCode of data_list', () => {
		const tampered = batch.body.replace(/^crc=-?\d+/, `crc=${javaStringHashCode(batch.dataList) ^ 1}`);
		const root = peel({ kind: 'text', text: tampered }, 'body', FORM);
		expect(root.decoded!.note).toMatch(/crc mismatch$/);
	});

	it('names an encrypted gzip=9 batch instead of pretending to decode it', () => {
		const dataList = JSON.stringify([{ ekey: 'kR3...RSA', pkv: 2, payloads: ['U2FsdGVkX1+8cmFuZG9t', 'U2FsdGVkX19vdGhlcg=='], flush_time: 1 }]);
		const body = `crc=${javaStringHashCode(dataList)}&gzip=9&data_list=${encodeURIComponent(dataList)}`;
		const root = peel({ kind: 'text', text: body }, 'body', FORM);
		expect(root.decoded!.note).toBe(
			"Sensors Analytics encrypted batch (gzip=9): RSA/AES-encrypted, cannot be decoded without the app's key, 2 encrypted payloads; crc verified"
		);
	});

	it('Java hashCode matches known values', () => {
		expect(javaStringHashCode('')).toBe(0);
		expect(javaStringHashCode('hello')).toBe(99162322);
		expect(javaStringHashCode('Sensors Analytics batch upload')).toBe(javaHash('Sensors Analytics batch upload'));
	});
});

/** Reference: the definition, with BigInt so no 32-bit shortcut is shared with the code under test. */
function javaHash(s: string): number {
	let h = 0n;
	for (let i = 0; i < s.length; i++) h = (h * 31n + BigInt(s.charCodeAt(i))) & 0xffffffffn;
	return Number(BigInt.asIntN(32, h));
}

describe('analyze: layers of the richest path', () => {
	const batch = sensorsBatch(5, 3);

	it('a Sensors form body as a request body reports form › base64 › gzip › json', () => {
		const capture: Capture = {
			name: 'sensors',
			format: 'har',
			notes: [],
			exchanges: [
				{
					index: 0,
					method: 'POST',
					url: 'https://sdk.example.com/sa?project=default',
					host: 'sdk.example.com',
					status: 200,
					startedAt: null,
					requestHeaders: [],
					responseHeaders: [],
					parts: [{ kind: 'request-body', name: 'body', payload: { kind: 'text', text: batch.body }, contentType: 'application/x-www-form-urlencoded' }],
					notes: []
				}
			]
		};
		const { report } = analyze(capture);
		expect(report.exchanges[0]!.layers).toEqual(['form', 'base64', 'gzip', 'json']);
		expect(report.summary.notes.some((n) => n.includes('Sensors Analytics batch (gzip=1)') && n.includes('crc verified'))).toBe(true);
	});

	it('the same body as a bare payload (no Content-Type) is found by sniffing', () => {
		const { report } = analyze(readPayload('sensors.txt', { kind: 'text', text: batch.body }));
		expect(report.exchanges[0]!.layers).toEqual(['form', 'base64', 'gzip', 'json']);
	});
});

describe('peel: budget', () => {
	it('stops at the node limit and says so', () => {
		const text = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ i })));
		const root = peel({ kind: 'text', text }, 'p', {}, new Budget({ maxNodes: 100 }));
		const limited = allNodes(root).filter((n) => n.limit);
		expect(limited.length).toBe(1);
		expect(limited[0]!.limit).toMatch(/more than 100 decoded values/);
	});
});
