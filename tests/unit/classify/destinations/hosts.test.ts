import { describe, expect, it } from 'vitest';
import { destinationOf } from '../../../../src/lib/core/classify/destination';
import { exchangeOf } from './helpers';

// host → expected site, company, category and which list said so (the start of `source`).
const HOSTS: Array<[host: string, site: string, company: string | null, category: string, source: string]> = [
	// Telltale overlay: Xiaomi / MIUI
	['sa.api.intl.miui.com', 'miui.com', 'Xiaomi', 'analytics', 'Telltale overlay (sa.api.intl.miui.com)'],
	['tracking.intl.miui.com', 'miui.com', 'Xiaomi', 'telemetry', 'Telltale overlay (tracking.*.miui.com)'],
	['tracking.rus.miui.com', 'miui.com', 'Xiaomi', 'telemetry', 'Telltale overlay (tracking.*.miui.com)'],
	['tracking.miui.com', 'miui.com', 'Xiaomi', 'telemetry', 'Telltale overlay (tracking.miui.com)'],
	['data.mistat.intl.xiaomi.com', 'xiaomi.com', 'Xiaomi', 'analytics', 'Telltale overlay (data.mistat.*.xiaomi.com)'],
	['data.mistat.xiaomi.com', 'xiaomi.com', 'Xiaomi', 'analytics', 'Telltale overlay (data.mistat.xiaomi.com)'],
	['api.ad.xiaomi.com', 'xiaomi.com', 'Xiaomi', 'advertising', 'Telltale overlay (ad.xiaomi.com)'],
	['update.miui.com', 'miui.com', 'Xiaomi', 'unknown', 'Telltale overlay (miui.com)'],
	// Overlay: other Chinese vendors
	['sdk-data.sensorsdata.cn', 'sensorsdata.cn', 'Sensors Data', 'analytics', 'Telltale overlay (sensorsdata.cn)'],
	['ulogs.umeng.com', 'umeng.com', 'Alibaba Group', 'analytics', 'Telltale overlay (umeng.com)'],
	['plbslog.umengcloud.com', 'umengcloud.com', 'Alibaba Group', 'analytics', 'Telltale overlay (umengcloud.com)'],
	['log.mmstat.com', 'mmstat.com', 'Alibaba Group', 'analytics', 'Telltale overlay (mmstat.com)'],
	['g.alicdn.com', 'alicdn.com', 'Alibaba Group', 'unknown', 'Telltale overlay (alicdn.com)'],
	['ud.cmcm.com', 'cmcm.com', 'Cheetah Mobile', 'advertising', 'Telltale overlay (cmcm.com)'],
	// Owner from the overlay, category from Exodus (HMS Core)
	['metrics1.data.hicloud.com', 'hicloud.com', 'Huawei', 'advertising', 'Telltale overlay (hicloud.com)'],
	['iot.heytapmobi.com', 'heytapmobi.com', 'OPPO', 'analytics', 'Telltale overlay (heytapmobi.com)'],
	['stsdk.vivo.com.cn', 'vivo.com.cn', 'vivo', 'unknown', 'Telltale overlay (vivo.com.cn)'],
	['mi.gdt.qq.com', 'qq.com', 'Tencent', 'advertising', 'Telltale overlay (gdt.qq.com)'],
	['pingma.qq.com', 'qq.com', 'Tencent', 'analytics', 'Telltale overlay (pingma.qq.com)'],
	['android.bugly.qq.com', 'qq.com', 'Tencent', 'crash-reporting', 'Telltale overlay (bugly.qq.com)'],
	['hm.baidu.com', 'baidu.com', 'Baidu', 'analytics', 'Telltale overlay (hm.baidu.com)'],
	['www.baidu.com', 'baidu.com', 'Baidu', 'unknown', 'Telltale overlay (baidu.com)'],
	['mobads.baidu.com', 'baidu.com', 'Baidu', 'advertising', 'Telltale overlay (mobads.baidu.com)'],
	['api-access.pangolin-sdk-toutiao.com', 'pangolin-sdk-toutiao.com', 'ByteDance', 'advertising', 'Telltale overlay (pangolin-sdk-toutiao.com)'],
	['log.snssdk.com', 'snssdk.com', 'ByteDance', 'telemetry', 'Telltale overlay (log.snssdk.com)'],
	// Overlay: attribution and crash reporting
	['app.adjust.com', 'adjust.com', 'Adjust (AppLovin)', 'attribution', 'Telltale overlay (adjust.com)'],
	['t.appsflyer.com', 'appsflyer.com', 'AppsFlyer', 'attribution', 'Telltale overlay (appsflyer.com)'],
	['api2.branch.io', 'branch.io', 'Branch Metrics', 'attribution', 'Telltale overlay (branch.io)'],
	['o447951.ingest.sentry.io', 'sentry.io', 'Sentry', 'crash-reporting', 'Telltale overlay (sentry.io)'],
	['firebase-settings.crashlytics.com', 'crashlytics.com', 'Google', 'crash-reporting', 'Telltale overlay (crashlytics.com)'],
	['report.appmetrica.yandex.net', 'yandex.net', 'Yandex', 'analytics', 'Telltale overlay (appmetrica.yandex.net)'],
	['sdk.iad-01.braze.com', 'braze.com', 'Braze', 'analytics', 'Telltale overlay (braze.com)'],
	// AdGuard companiesdb
	['www.google-analytics.com', 'google-analytics.com', 'Google', 'analytics', 'AdGuard companiesdb (google-analytics.com)'],
	['app-measurement.com', 'app-measurement.com', 'Google', 'analytics', 'AdGuard companiesdb (app-measurement.com)'],
	['stats.g.doubleclick.net', 'doubleclick.net', 'Google', 'advertising', 'AdGuard companiesdb'],
	['api-js.mixpanel.com', 'mixpanel.com', 'Mixpanel', 'analytics', 'AdGuard companiesdb (mixpanel.com)'],
	['api2.amplitude.com', 'amplitude.com', 'Amplitude', 'analytics', 'AdGuard companiesdb (amplitude.com)'],
	['api.segment.io', 'segment.io', 'Segment', 'analytics', 'AdGuard companiesdb (segment.io)'],
	['graph.facebook.com', 'facebook.com', 'Meta Platforms, Inc.', 'advertising', 'AdGuard companiesdb (graph.facebook.com)'],
	['connect.facebook.net', 'facebook.net', 'Meta Platforms, Inc.', 'advertising', 'AdGuard companiesdb'],
	['bat.bing.com', 'bing.com', 'Microsoft Corporation', 'advertising', 'AdGuard companiesdb'],
	['d1234.cloudfront.net', 'cloudfront.net', 'Amazon', 'cdn', 'AdGuard companiesdb (cloudfront.net)'],
	// Exodus Privacy (domains and safe patterns)
	['api.databerries.com', 'databerries.com', null, 'analytics', 'Exodus Privacy (databerries.com)'],
	['cloud.estimote.com', 'estimote.com', null, 'analytics', 'Exodus Privacy (estimote.com)'],
	['mst3.is.autonavi.com', 'autonavi.com', 'Alibaba Group', 'analytics', 'Telltale overlay (autonavi.com)'],
	// Upper case, trailing dot and port are normalised
	['WWW.Google-Analytics.COM.', 'google-analytics.com', 'Google', 'analytics', 'AdGuard companiesdb'],
	['api.mixpanel.com:443', 'mixpanel.com', 'Mixpanel', 'analytics', 'AdGuard companiesdb'],
	// Unknown, IPs, localhost, punycode
	['www.example.org', 'example.org', null, 'unknown', 'none'],
	['shop.example.co.uk', 'example.co.uk', null, 'unknown', 'none'],
	['203.0.113.9', '203.0.113.9', null, 'unknown', 'none'],
	['2001:db8::1', '2001:db8::1', null, 'unknown', 'none'],
	['127.0.0.1', '127.0.0.1', null, 'first-party', 'local address: loopback'],
	['localhost', 'localhost', null, 'first-party', 'local address: loopback'],
	['[::1]', '::1', null, 'first-party', 'local address: loopback'],
	['10.0.0.2', '10.0.0.2', null, 'first-party', 'local address: private network'],
	['192.168.31.1', '192.168.31.1', null, 'first-party', 'local address: private network'],
	['xn--bcher-kva.de', 'xn--bcher-kva.de', null, 'unknown', 'none'],
	['bücher.de', 'xn--bcher-kva.de', null, 'unknown', 'none']
];

describe('destinationOf: hosts', () => {
	it.each(HOSTS)('%s → %s, %s, %s', (host, site, company, category, source) => {
		const destination = destinationOf(host, [], null);
		expect(destination).not.toBeNull();
		expect(destination!.site).toBe(site);
		expect(destination!.company).toBe(company);
		expect(destination!.category).toBe(category);
		expect(destination!.source.startsWith(source)).toBe(true);
	});

	it('has a table of at least 40 real hosts', () => {
		expect(HOSTS.length).toBeGreaterThanOrEqual(40);
	});

	it('says first-party when an unlisted host is the page’s own site (Origin/Referer)', () => {
		const exchange = exchangeOf('https://api.example.org/v1/cart', { headers: { Referer: 'https://www.example.org/shop' } });
		expect(destinationOf('api.example.org', [], exchange)).toMatchObject({ category: 'first-party', source: 'same site as the page (Origin/Referer)' });
	});

	it('keeps a listed tracker a tracker even on the page’s own site', () => {
		const exchange = exchangeOf('https://www.google-analytics.com/collect', { headers: { Origin: 'https://google-analytics.com' } });
		expect(destinationOf('www.google-analytics.com', [], exchange)?.category).toBe('analytics');
	});

	it('returns null for a bare payload without a recognised SDK', () => {
		expect(destinationOf(null, [], null)).toBeNull();
		expect(destinationOf('', [], null)).toBeNull();
	});

	it('never throws on hostile hosts', () => {
		for (const host of ['a'.repeat(5000), '...', '[', ':::', '-.-', '\u0000', 'a..b', '%%', '*.*', '999.999.999.999']) {
			expect(() => destinationOf(host, [], null)).not.toThrow();
		}
	});
});

/** Site and bundled-list verdicts are remembered per host: a repeat must answer the same, and a caller's edit must not leak. */
describe('destination: per-host memo', () => {
	it.each(['www.google-analytics.com', 'sdk.sensorsdata.cn', 'Example.ORG:8443', '192.168.1.5', 'unknown-host.invalid'])('%s twice', (host) => {
		const first = destinationOf(host, [], null);
		const copy = structuredClone(first);
		if (first) first.company = 'changed by a caller';
		expect(destinationOf(host, [], null)).toEqual(copy);
	});
});
