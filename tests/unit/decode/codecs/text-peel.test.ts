/** The text codecs through the real peeler: what a captured value peels to, layer by layer. */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import LZString from 'lz-string';
import type { DecodedNode } from '../../../../src/lib/core/model';
import type { SniffHints } from '../../../../src/lib/core/decode/codec';
import { peel } from '../../../../src/lib/core/decode/peel';
import { codecById } from '../../../../src/lib/core/decode/registry';
import { richestLayers } from '../../../../src/lib/core/report/layers';

function nodes(root: DecodedNode): Map<string, DecodedNode> {
	const byPath = new Map<string, DecodedNode>();
	const stack = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		byPath.set(node.path, node);
		if (node.decoded) stack.push(node.decoded);
		if (node.children) stack.push(...node.children);
	}
	return byPath;
}

const events = [{ distinct_id: 'd-1', event: '$pageview', properties: { $url: 'https://m.baidu.com/s?word=flu+symptoms' } }];
const gz = gzipSync(new TextEncoder().encode(JSON.stringify(events)));
let b64 = Buffer.from(gz).toString('base64');
// A payload whose base64 holds `+`, to exercise the unencoded-SDK case below.
for (let seed = 0; !b64.includes('+'); seed++) {
	b64 = Buffer.from(gzipSync(new TextEncoder().encode(JSON.stringify([{ ...events[0], seed }])))).toString('base64');
}
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwtToken = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'user-42', email: 'a@b.example' })}.c2lnbmF0dXJl`;
const hasGzip = codecById('gzip') !== undefined;
const gzipChain = hasGzip ? ' › gzip › json[0].properties.$url › url.query.word' : '';

const cases: Array<{ name: string; text: string; hints?: SniffHints; layers: string[]; leaf: [string, string] | null }> = [
	{
		name: 'a Sensors form body, data_list percent-encoded (JS SDK)',
		text: `crc=-1540432938&gzip=1&data_list=${encodeURIComponent(b64)}`,
		hints: { contentType: 'application/x-www-form-urlencoded' },
		layers: hasGzip ? ['form', 'base64', 'gzip', 'json'] : ['form'],
		leaf: hasGzip ? [`payload › form.data_list › base64${gzipChain}`, 'flu symptoms'] : null
	},
	{
		name: 'a Sensors form body sent with raw + (form decoding turns them into spaces)',
		text: `crc=-1&gzip=1&data_list=${b64}`,
		layers: hasGzip ? ['form', 'base64', 'gzip', 'json'] : ['form'],
		leaf: hasGzip ? [`payload › form.data_list › base64${gzipChain}`, 'flu symptoms'] : null
	},
	{
		name: 'an lz-string query parameter blob',
		text: LZString.compressToEncodedURIComponent(JSON.stringify(events)),
		layers: ['lz-string', 'json'],
		leaf: ['payload › lz-string › json[0].properties.$url › url.query.word', 'flu symptoms']
	},
	{ name: 'a JSONP response', text: `jsonp_1700({"ip":"203.0.113.7","city":"Berlin"})`, layers: ['json'], leaf: ['payload › json.city', 'Berlin'] },
	{ name: 'percent-encoded JSON', text: encodeURIComponent('{"imei":"861234567890123"}'), layers: ['percent', 'json'], leaf: ['payload › percent › json.imei', '861234567890123'] },
	{ name: 'escaped JSON without its quotes', text: '{\\"email\\":\\"a@b.example\\"}', layers: ['escape', 'json'], leaf: ['payload › escape › json.email', 'a@b.example'] },
	{
		name: 'a URL carrying a JWT',
		text: `https://api.example.com/v1/me?token=${jwtToken}&lang=en`,
		layers: ['url'],
		leaf: ['payload › url.query.token › jwt.payload.sub', 'user-42']
	},
	{
		name: 'a multipart upload with a JSON part',
		text: '--XyZ\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"device_id":"abc123","os":"Android 13"}\r\n--XyZ--\r\n',
		hints: { contentType: 'multipart/form-data', contentTypeHeader: 'multipart/form-data; boundary=XyZ' },
		layers: ['multipart'],
		leaf: ['payload › multipart.meta › json.os', 'Android 13']
	},
	{ name: 'a GA4 query string', text: 'v=2&tid=G-ABC&en=search&ep.search_term=red+shoes', hints: { contentType: 'application/x-www-form-urlencoded' }, layers: ['form'], leaf: ['payload › form["ep.search_term"]', 'red shoes'] }
];

describe('text codecs through the peeler', () => {
	for (const { name, text, hints, layers, leaf } of cases) {
		it(name, () => {
			const root = peel({ kind: 'text', text }, 'payload', hints ?? {});
			expect(richestLayers([root]).slice(0, layers.length)).toEqual(layers);
			if (leaf) expect(nodes(root).get(leaf[0])?.text).toBe(leaf[1]);
		});
	}

	it('the full Sensors chain is form › base64 › gzip › json once gzip is registered', () => {
		if (!hasGzip) return;
		const root = peel({ kind: 'text', text: `crc=1&gzip=1&data_list=${encodeURIComponent(b64)}` }, 'payload', { contentType: 'application/x-www-form-urlencoded' });
		expect(nodes(root).get('payload › form.data_list › base64 › gzip › json')?.kind).toBe('array');
	});

	const leftAlone = ['hello world', 'com.example.app', '550e8400-e29b-41d4-a716-446655440000', 'addEventListener', 'Mozilla/5.0 (Linux; Android 13)', 'd41d8cd98f00b204e9800998ecf8427e', '1700000000123', 'user_id_12345'];
	for (const text of leftAlone) {
		it(`leaves ${JSON.stringify(text)} as text`, () => {
			expect(peel({ kind: 'text', text }, 'payload').decoded).toBeUndefined();
		});
	}
});
