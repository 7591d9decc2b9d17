/**
 * The SDK adapters as a table: every adapter is well formed and cites its sources, every host it lists names its
 * company, and requests built in the SDKs' documented shapes give the findings, constants and verdicts they promise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../../src/lib/core/capture/sniff';
import { analyze } from '../../../../src/lib/core/report/analyze';
import { destinationOf } from '../../../../src/lib/core/classify/destination';
import { SDK_ADAPTERS } from '../../../../src/lib/core/classify/sdks/index';
import { harBytes } from '../helpers';

const SDKS = join(import.meta.dirname, '..', '..', '..', '..', 'src', 'lib', 'core', 'classify', 'sdks');

function reportOf(entry: Parameters<typeof harBytes>[0][number]) {
	return analyze(readCapture({ name: 'sdk.har', bytes: harBytes([entry]) })).report;
}

describe('the registry', () => {
	it('has unique ids, each the name of its file', () => {
		const ids = SDK_ADAPTERS.map((a) => a.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(() => readFileSync(join(SDKS, `${id}.ts`), 'utf8'), id).not.toThrow();
	});

	it.each(SDK_ADAPTERS.map((a) => [a.id]))('%s starts with a comment that cites a source URL', (id) => {
		const text = readFileSync(join(SDKS, `${id}.ts`), 'utf8');
		const header = text.slice(0, text.indexOf('*/'));
		expect(text.startsWith('/**')).toBe(true);
		expect(header).toMatch(/Sources:/);
		// A source without a URL must say so, so the gap shows.
		expect(header).toMatch(/https?:\/\/|no public document found: a URL is still owed/);
	});

	it.each(SDK_ADAPTERS.map((a) => [a.id, a.company, a.companyUnknown]))('%s names its company or says why not', (_id, company, why) => {
		expect(company !== null || (why ?? '').length > 20).toBe(true);
	});
});

const LISTED = SDK_ADAPTERS.flatMap((a) => (a.listings ?? []).map((l) => [a.id, l.hosts.find((h) => !h.includes('*'))!.replace(/^/, 'x.'), l.company ?? a.company] as const));

describe('listed hosts', () => {
	it.each(LISTED)('%s: %s is received by %s', (_id, host, company) => {
		expect(destinationOf(host, [], null)?.company).toBe(company);
	});
});

describe('field maps', () => {
	// [adapter, request, expected finding type, value]
	const rows: Array<[string, Parameters<typeof harBytes>[0][number], string, string]> = [
		['google-analytics', { url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-ABCD1234&cid=555.666&dl=https%3A%2F%2Fshop.example%2Fcart' }, 'browsing.url', 'https://shop.example/cart'],
		['baidu-tongji', { url: 'https://hm.baidu.com/hm.gif?si=abc&u=https%3A%2F%2Fnews.example.cn%2Fa%2F1&tt=Hello' }, 'browsing.url', 'https://news.example.cn/a/1'],
		['facebook-pixel', { url: 'https://www.facebook.com/tr/?id=123&ev=PageView&dl=https%3A%2F%2Fshop.example%2Fp%2F9' }, 'browsing.url', 'https://shop.example/p/9'],
		['matomo', { url: 'https://stats.example.org/matomo.php?idsite=1&rec=1&url=https%3A%2F%2Fblog.example.org%2Fpost' }, 'browsing.url', 'https://blog.example.org/post'],
		['growingio', { url: 'https://api.growingio.com/v3/0a1b2c3d/android/pv', body: JSON.stringify([{ adrid: 'a1b2c3d4e5f60718', d: 'com.example.app' }]) }, 'device.android_id', 'a1b2c3d4e5f60718']
	];
	it.each(rows)('%s: reads the field as its type', (_id, request, type, value) => {
		const findings = reportOf(request).exchanges[0]!.findings;
		expect(findings.some((f) => f.type === type && f.value === value), JSON.stringify(findings.map((f) => [f.type, f.value]))).toBe(true);
	});

	it('reads `adrid` only at GrowingIO: elsewhere the name says nothing', () => {
		const findings = reportOf({ url: 'https://api.example.com/v3/x', body: JSON.stringify([{ adrid: 'a1b2c3d4e5f60718' }]) }).exchanges[0]!.findings;
		expect(findings.some((f) => f.type === 'device.android_id')).toBe(false);
	});
});

describe('constants', () => {
	const body = JSON.stringify([{ url: 'https://www.growingio.com', page: 'https://shop.example/cart' }]);
	it('drops the SDK homepage on requests to the SDK, keeps the page', () => {
		const values = reportOf({ url: 'https://api.growingio.com/v3/0a1b2c3d/android/pv', body }).exchanges[0]!.findings.map((f) => f.value);
		expect(values).not.toContain('https://www.growingio.com');
		expect(values).toContain('https://shop.example/cart');
	});
	it('leaves the same value alone elsewhere', () => {
		const values = reportOf({ url: 'https://api.example.com/collect', body }).exchanges[0]!.findings.map((f) => f.value);
		expect(values).toContain('https://www.growingio.com');
	});
});

describe('encrypted envelopes', () => {
	const opaque = 'Zx9\u0001\u0002q\u00ff\u00fe\u0010k\u0007\u0003'.repeat(8);
	it('names AppLog TTEncrypt on an opaque body at /service/2/app_log/', () => {
		const report = reportOf({ url: 'https://log.snssdk.com/service/2/app_log/?tt_data=a&aid=1128', body: opaque, mimeType: 'application/octet-stream' });
		expect(report.exchanges[0]!.destination?.company).toBe('ByteDance');
		expect(JSON.stringify(report.summary.notes)).toContain('TTEncrypt');
	});
	it('says nothing when the body was read', () => {
		const report = reportOf({ url: 'https://log.snssdk.com/service/2/app_log/', body: JSON.stringify({ header: { aid: 1128 } }) });
		expect(JSON.stringify(report.summary.notes)).not.toContain('TTEncrypt');
	});
	it('says nothing at another path', () => {
		const report = reportOf({ url: 'https://log.snssdk.com/other', body: opaque, mimeType: 'application/octet-stream' });
		expect(JSON.stringify(report.summary.notes)).not.toContain('TTEncrypt');
	});
	it('names the Umeng envelope on an opaque body at ulogs.umeng.com/unify_logs, not on a readable one', () => {
		const sealed = reportOf({ url: 'https://ulogs.umeng.com/unify_logs', body: opaque, mimeType: 'application/octet-stream' });
		expect(JSON.stringify(sealed.summary.notes)).toContain('Umeng envelope (com.umeng.commonsdk)');
		const plain = reportOf({ url: 'https://ulogs.umeng.com/unify_logs', body: JSON.stringify({ header: { appkey: '5e8f', umid: 'u1', sdk_version: '9.1.0' } }) });
		expect(JSON.stringify(plain.summary.notes)).not.toContain('Umeng envelope');
	});
});

describe('endpoint parameters that are not about the user, and endpoint headers', () => {
	it.each([
		['a push notification title (JPush)', { url: 'https://api.jpush.cn/v3/push', body: JSON.stringify({ notification: { alert: '您关注的商品降价了', android: { title: '好物商城' } } }) }, 'browsing.title'],
		['a push notification link (Getui)', { url: 'https://restapi.getui.com/v2/app1/push/single/cid', body: JSON.stringify({ push_message: { notification: { title: '新消息', url: 'https://live.example.cn/room/1' } } }) }, 'browsing.url'],
		["an app's build number (Crashlytics)", { url: 'https://firebase-settings.crashlytics.com/spi/v2/platforms/android/gmp/1:1:android:ab/settings?build_version=230' }, 'device.os_version']
	])('%s is not reported', (_name, request, type) => {
		expect(reportOf(request).exchanges[0]!.findings.some((f) => f.type === type)).toBe(false);
	});

	it('the same title elsewhere still is', () => {
		const report = reportOf({ url: 'https://collector.example.com/track', body: JSON.stringify({ title: '好物商城 - 降价' }) });
		expect(report.exchanges[0]!.findings.some((f) => f.type === 'browsing.title')).toBe(true);
	});

	it.each([
		['Crashlytics device model', 'https://firebase-settings.crashlytics.com/spi/v2/platforms/android/gmp/1:1:android:ab/settings', { 'X-CRASHLYTICS-DEVICE-MODEL': 'Google/Pixel 7' }, 'device.model', 'Google/Pixel 7'],
		['Getui API token', 'https://restapi.getui.com/v2/app1/user/alias', { token: '9f8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b' }, 'auth.secret', null],
		['Firebase package header', 'https://firebaseinstallations.googleapis.com/v1/projects/p/installations', { 'X-Android-Package': 'com.example.recipes' }, 'app.package', 'com.example.recipes']
	])('%s is read from its header', (_name, url, headers, type, value) => {
		const found = reportOf({ url, headers }).exchanges[0]!.findings.find((f) => f.type === type);
		expect(found, JSON.stringify(reportOf({ url, headers }).exchanges[0]!.findings)).toBeDefined();
		if (value) expect(found!.value).toBe(value);
		expect(found!.reason).toContain('header');
	});

	it('the same header name elsewhere means nothing', () => {
		const report = reportOf({ url: 'https://api.example.com/v1/x', headers: { token: 'abc' } });
		expect(report.exchanges[0]!.findings.some((f) => f.type === 'auth.secret')).toBe(false);
	});
});

describe('Tencent Beacon v2_upload', () => {
	it("reads common.A2 as Beacon's device ID, and the app key as nothing", () => {
		const body = JSON.stringify({ appVersion: '', sdkId: 'js', sdkVersion: '4.5.14-web', mainAppKey: '0WEB0AD0GM4PUUU1', platformId: 3, common: { A2: '5f3c9a1e7b2d4c6a8e0f1a3b5c7d9e1f', A101: 'Node/v20 (Linux 6.1; x64) CLI/2.0' }, events: [{ eventCode: 'deploy', eventTime: '1700000000000', mapValue: {} }] });
		const report = reportOf({ url: 'https://otheve.beacon.qq.com/analytics/v2_upload', method: 'POST', body, mimeType: 'application/json' });
		const findings = report.exchanges[0]!.findings;
		expect(findings.find((f) => f.value === '5f3c9a1e7b2d4c6a8e0f1a3b5c7d9e1f')?.type).toBe('user.id');
		expect(findings.some((f) => f.value === '0WEB0AD0GM4PUUU1')).toBe(false);
		expect(report.exchanges[0]!.destination?.company).toBe('Tencent');
	});
});
