import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exchangeFindings } from '../../../src/lib/core/classify/findings';
import type { DecodedNode, DecodedPart, Exchange } from '../../../src/lib/core/model';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { findingsOf, harBytes } from './helpers';

function exchange(headers: Array<{ name: string; value: string }> = []): Exchange {
	return { index: 0, method: 'GET', url: 'https://t.example.com/x', host: 't.example.com', status: 200, startedAt: null, requestHeaders: headers, responseHeaders: [], parts: [], notes: [] };
}

describe('exchangeFindings walk', () => {
	it('walks a 20,000-deep tree without recursion', () => {
		let leaf: DecodedNode = { path: 'payload.imei', kind: 'text', key: 'imei', text: '868027043216757' };
		for (let i = 0; i < 20_000; i++) leaf = { path: `p${i}`, kind: 'object', key: 'k', children: [leaf] };
		const part: DecodedPart = { kind: 'payload', name: 'payload', root: leaf };
		const found = exchangeFindings(exchange(), [part]);
		expect(found.map((f) => f.type)).toEqual(['device.imei']);
	});

	it('keeps one finding per type, value and detector, with every path it was found at', () => {
		const found = findingsOf([{ imei: '868027043216757' }, { imei: '868027043216757' }]);
		expect(found.filter((f) => f.type === 'device.imei').map((f) => [f.path, f.count, f.paths])).toEqual([
			['payload › json[0].imei', 2, ['payload › json[0].imei', 'payload › json[1].imei']]
		]);
	});

	it('carries the full path through every layer', () => {
		const inner = Buffer.from(JSON.stringify({ $url: 'https://www.google.com/search?q=abc' })).toString('base64');
		const found = findingsOf({ data: inner });
		const q = found.find((f) => f.type === 'browsing.search_query');
		expect(q?.value).toBe('abc');
		expect(q?.path).toMatch(/^payload › json\.data › base64 › json\.\$url/);
	});

	it('reads Authorization and session cookies from request headers', () => {
		const found = exchangeFindings(exchange([{ name: 'Authorization', value: 'Bearer abcdefghijklmnopqrstuvwxyz0123' }, { name: 'Cookie', value: 'theme=dark; sessionid=9c1185a5c5e9fc54612808977ee8f548' }]), []);
		expect(found.map((f) => [f.type, f.path])).toEqual([
			['auth.secret', 'header.authorization'],
			['auth.secret', 'cookie.sessionid']
		]);
	});

	it('does not read a cookie named SSID as a Wi-Fi name', () => {
		const found = exchangeFindings(exchange([{ name: 'Cookie', value: 'SSID=A_mrp5cpjfkd72x04' }]), []);
		expect(found.map((f) => f.type)).toEqual(['auth.secret']);
	});

	it('does not search response bodies (the destination did not receive them)', () => {
		const har = JSON.parse(new TextDecoder().decode(harBytes([{ url: 'https://api.example.com/me' }])));
		har.log.entries[0].response.content = { size: 40, mimeType: 'application/json', text: JSON.stringify({ email: 'me@example.org' }) };
		const report = analyze(readCapture({ name: 'r.har', bytes: new TextEncoder().encode(JSON.stringify(har)) })).report;
		expect(report.exchanges[0]!.findings).toEqual([]);
	});
});

describe('any JSON payload', () => {
	it('yields findings that are well-formed and point into the payload', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
				for (const f of findingsOf(JSON.stringify(value))) {
					expect(f.path.startsWith('payload')).toBe(true);
					expect(['high', 'medium', 'low']).toContain(f.confidence);
					expect(f.reason.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 150 }
		);
	});
});

describe('report wiring', () => {
	it('fills findings, severity, identifiers and per-destination summaries', () => {
		const body = (n: number) => JSON.stringify({ distinct_id: 'user-123456', n, $url: 'https://www.bing.com/search?q=x' });
		const bytes = harBytes([
			{ url: 'https://api.mixpanel.com/track', body: body(1) },
			{ url: 'https://api2.amplitude.com/2/httpapi', body: body(2) }
		]);
		const { report } = analyze(readCapture({ name: 'c.har', bytes }));
		expect(report.exchanges[0]!.severity).toEqual({ level: 'high', why: expect.stringMatching(/^Browsing history, search queries and a tracking ID sent to a third party/) });
		expect(report.identifiers).toEqual([{ type: 'user.id', value: 'user-123456', sites: ['amplitude.com', 'mixpanel.com'], exchanges: [0, 1] }]);
		expect(report.summary.destinations?.map((d) => d.site).sort()).toEqual(['amplitude.com', 'mixpanel.com']);
		expect(report.summary.findingsByType['browsing.search_query']).toBe(2);
	});
});
