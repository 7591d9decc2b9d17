import { describe, expect, it } from 'vitest';
import { correlate } from '../../../src/lib/core/classify/correlate';
import { destinationSummaries, severityOf } from '../../../src/lib/core/classify/severity';
import type { DestinationCategory, ExchangeReport, Finding, FindingType } from '../../../src/lib/core/model';

function f(type: FindingType, value: string, confidence: Finding['confidence'] = 'high', path = 'body'): Finding {
	return { type, value, path, confidence, reason: 'test', detector: 'test', count: 1, paths: [path] };
}

function ex(index: number, site: string, findings: Finding[], category: DestinationCategory = 'analytics', company: string | null = null): ExchangeReport {
	return { index, method: 'POST', url: `https://${site}/`, host: site, status: 200, startedAt: null, destination: { site, company, product: null, category, source: 'test' }, layers: [], findings };
}

describe('correlate', () => {
	it('lists an ID seen in several exchanges with every site it reached', () => {
		const ids = correlate([
			ex(0, 'miui.com', [f('device.android_id', '9e4a7b2c1d3f5a60'), f('browsing.url', 'https://a.example/')]),
			ex(1, 'umeng.com', [f('user.id', '9e4a7b2c1d3f5a60')]),
			ex(2, 'appsflyer.com', [f('device.android_id', '9e4a7b2c1d3f5a60')]),
			ex(3, 'umeng.com', [f('user.id', 'only-once')])
		]);
		expect(ids).toEqual([{ type: 'device.android_id', value: '9e4a7b2c1d3f5a60', sites: ['appsflyer.com', 'miui.com', 'umeng.com'], exchanges: [0, 1, 2] }]);
	});
	it('ignores content (URLs), opted-out ad IDs and values seen once', () => {
		const zeros = '00000000-0000-0000-0000-000000000000';
		const ids = correlate([ex(0, 'a.com', [f('browsing.url', 'https://x/'), f('ad.advertising_id', zeros, 'low')]), ex(1, 'b.com', [f('browsing.url', 'https://x/'), f('ad.advertising_id', zeros, 'low')])]);
		expect(ids).toEqual([]);
	});
	it('orders by how many sites an ID reached', () => {
		const ids = correlate([ex(0, 'a.com', [f('user.id', 'one'), f('user.id', 'two')]), ex(1, 'a.com', [f('user.id', 'one')]), ex(2, 'b.com', [f('user.id', 'two')])]);
		expect(ids.map((i) => i.value)).toEqual(['two', 'one']);
	});
});

describe('severity', () => {
	it.each<[string, Finding[], DestinationCategory, string, RegExp]>([
		['nothing found', [], 'analytics', 'none', /no personal data/],
		['browsing and a device ID to a third party', [f('browsing.url', 'https://x/'), f('device.android_id', 'a1')], 'analytics', 'high', /^Browsing history and a device ID sent to a third party/],
		['browsing and a tracking ID to the site itself', [f('browsing.url', 'https://x/'), f('user.id', 'u')], 'first-party', 'medium', /^Browsing history and a tracking ID sent/],
		['an IMEI anywhere', [f('device.imei', '868027043216757')], 'unknown', 'high', /hardware ID/],
		['e-mail', [f('contact.email', 'a@example.org')], 'first-party', 'high', /e-mail address/],
		['an advertising ID alone', [f('ad.advertising_id', 'x')], 'advertising', 'medium', /advertising ID sent to a third party/],
		['device details alone', [f('device.model', 'Pixel 7'), f('device.os_version', '14')], 'analytics', 'low', /^Device details sent to a third party/],
		['opted-out ad ID only', [f('ad.advertising_id', '00000000-0000-0000-0000-000000000000', 'low')], 'attribution', 'none', /all zeros/],
		['a session cookie to its site', [f('auth.secret', 'YAie…2bg', 'high', 'cookie.SID')], 'advertising', 'low', /session credentials .* logged-in request/],
		['an Authorization header', [f('auth.secret', 'Bearer eyJ…', 'high', 'header.authorization')], 'analytics', 'low', /session credentials/],
		['a token inside a telemetry body', [f('auth.secret', 'Bearer eyJ…', 'high', 'body › json.token')], 'analytics', 'high', /login secret sent to a third party/],
		['a session cookie next to a device ID', [f('auth.secret', 'x', 'high', 'cookie.SID'), f('device.android_id', 'a1')], 'analytics', 'medium', /^A device ID sent to a third party/],
		// Grouped: one finding for the same secret in several places is ordinary only if every place is.
		['a secret in a cookie and a header', [{ ...f('auth.secret', 'x', 'high', 'cookie.SID'), count: 2, paths: ['cookie.SID', 'header.authorization'] }], 'analytics', 'low', /session credentials/],
		['a cookie secret also in the body', [{ ...f('auth.secret', 'x', 'high', 'cookie.SID'), count: 2, paths: ['cookie.SID', 'body › json.sid'] }], 'analytics', 'high', /login secret/],
		['a cookie secret in more places than listed', [{ ...f('auth.secret', 'x', 'high', 'cookie.SID'), count: 30, paths: ['cookie.SID'] }], 'analytics', 'high', /login secret/]
	])('%s', (_l, findings, category, level, why) => {
		const s = severityOf(findings, category);
		expect(s.level).toBe(level);
		expect(s.why).toMatch(why);
	});
	it('names the company when it is known', () => {
		expect(severityOf([f('browsing.search_query', 'x'), f('user.id', 'u')], 'telemetry', 'Xiaomi').why).toBe('Search queries and a tracking ID sent to a third party (Xiaomi, telemetry)');
	});
	it('summarises per destination, most severe first', () => {
		const list = destinationSummaries([
			ex(0, 'a.com', [f('device.model', 'x')]),
			ex(1, 'b.com', [f('device.imei', '868027043216757')], 'telemetry', 'Xiaomi'),
			ex(2, 'a.com', [f('user.id', 'u')])
		]);
		expect(list.map((d) => [d.site, d.severity.level, d.exchanges])).toEqual([
			['b.com', 'high', [1]],
			['a.com', 'medium', [0, 2]]
		]);
		expect(list[1]!.types).toEqual(['device.model', 'user.id']);
	});
});
