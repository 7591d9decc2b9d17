/**
 * Short tracker parameters at their own endpoints, Firebase's numbered fields, key/value pairs and
 * User-Agent strings: each row is a request through the real pipeline, with the finding it must (or
 * must not) produce.
 */
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import type { DecodedNode, Finding, FindingType } from '../../../src/lib/core/model';
import { parseMobileUserAgent } from '../../../src/lib/core/classify/detectors/user-agent';
import { numberedField } from '../../../src/lib/core/classify/sdks/fields';
import { firebase } from '../../../src/lib/core/classify/sdks/firebase';

const firebaseField = (key: string, chain: string[], siblings: ReadonlyMap<string, DecodedNode> | null) => numberedField(firebase, key, chain, siblings);
import { findingsOf, harBytes } from './helpers';

type Request = { url: string; headers?: Record<string, string>; body?: string; mimeType?: string };

function requestFindings(request: Request): Finding[] {
	const capture = readCapture({ name: 'test.har', bytes: harBytes([request]) });
	return analyze(capture).report.exchanges[0]!.findings;
}

type Row = [label: string, request: Request, type: FindingType, value: string | null];

function table(name: string, rows: Row[]): void {
	describe(name, () => {
		it.each(rows)('%s', (_label, request, type, value) => {
			const found = requestFindings(request).filter((f) => f.type === type);
			if (value === null) expect(found.map((f) => f.value)).toEqual([]);
			else expect(found.map((f) => f.value)).toContain(value);
		});
	});
}

const q = encodeURIComponent;

table('endpoint parameters', [
	['GA dl on google-analytics.com/collect', { url: `https://www.google-analytics.com/collect?v=1&t=pageview&dl=${q('https://a.example/p')}` }, 'browsing.url', 'https://a.example/p'],
	['GA dl on a proxied collector, by its tid sibling', { url: `https://metrics.example.com/x?tid=UA-1234567-1&dl=${q('https://a.example/p')}` }, 'browsing.url', 'https://a.example/p'],
	['GA cid in a GA4 hit', { url: 'https://region1.google-analytics.com/g/collect?v=2&tid=G-ABCD1234&cid=1234567890.1700000000&en=page_view' }, 'user.id', '1234567890.1700000000'],
	['GA uip as an IP address', { url: 'https://www.google-analytics.com/collect?v=1&tid=UA-1234567-1&cid=1.2&t=event&uip=203.0.113.9' }, 'network.ip', '203.0.113.9'],
	['no: dl with a tid that is not a GA property', { url: `https://api.example.com/x?tid=42&dl=${q('https://cdn.example.com/file.zip')}` }, 'browsing.url', null],
	['no: cid outside a GA hit', { url: 'https://api.example.com/v1/campaigns?cid=summer-sale-2023' }, 'user.id', null],
	['Baidu Tongji u', { url: `https://hm.baidu.com/hm.gif?si=0123456789abcdef0123456789abcdef&u=${q('https://news.example.cn/a/1')}` }, 'browsing.url', 'https://news.example.cn/a/1'],
	['Baidu Tongji su', { url: `https://hm.baidu.com/hm.gif?si=0123&su=${q('https://www.baidu.com/s?wd=x')}` }, 'browsing.url', 'https://www.baidu.com/s?wd=x'],
	['no: u on another host', { url: `https://img.example.com/pixel.gif?u=${q('https://news.example.cn/a/1')}` }, 'browsing.url', null],
	['Yandex Metrica page-ref', { url: `https://mc.yandex.ru/watch/1234567?page-ref=${q('https://a.example.ru/')}` }, 'browsing.url', 'https://a.example.ru/'],
	['Facebook Pixel rl', { url: `https://www.facebook.com/tr/?id=1234567890&ev=PageView&rl=${q('https://b.example/')}` }, 'browsing.url', 'https://b.example/'],
	['Matomo urlref', { url: `https://stats.example.org/matomo.php?idsite=1&rec=1&urlref=${q('https://c.example/')}` }, 'browsing.url', 'https://c.example/'],
	['Matomo _id on a proxied path, by idsite + rec', { url: 'https://example.org/t?idsite=1&rec=1&_id=0123456789abcdef' }, 'user.id', '0123456789abcdef'],
	['Adobe Analytics g', { url: `https://x.sc.omtrdc.net/b/ss/suite/1/JS-2.22.0/s1?g=${q('https://d.example/page')}` }, 'browsing.url', 'https://d.example/page'],
	['no: g outside /b/ss/', { url: `https://api.example.com/graph?g=${q('https://d.example/page')}` }, 'browsing.url', null]
]);

describe('endpoint parameters: reasons', () => {
	it('names the endpoint and what the parameter means', () => {
		const f = requestFindings({ url: `https://hm.baidu.com/hm.gif?u=${q('https://news.example.cn/a/1')}` }).find((x) => x.type === 'browsing.url')!;
		expect(f.reason).toBe('web address, key u (Baidu Tongji: page address)');
		expect(f.path).toBe('query › form.u');
	});
});

describe('Firebase app-measurement fields', () => {
	const bundle: Array<[string, string, string | null]> = [
		['9', 'os_version', 'bundle field 9, OS version'],
		['10', 'device_model', 'bundle field 10, device model'],
		['14', 'package_name', 'bundle field 14, app ID'],
		['19', 'advertising_id', 'bundle field 19, advertising ID'],
		['21', 'app_instance_id', 'bundle field 21, app instance ID'],
		['20', '', null],
		['25', '', null]
	];
	it.each(bundle)('bundle field %s', (key, as, meaning) => {
		const hit = firebaseField(key, ['1'], null);
		if (meaning === null) expect(hit).toBeNull();
		else expect({ as: hit?.as, note: hit?.note }).toEqual({ as, note: `Firebase ${meaning}` });
	});
	it('names an event parameter by its sibling field 1, and a reserved one by its meaning', () => {
		const siblings = (name: string) => new Map([['1', { path: 'p', kind: 'text' as const, text: name }]]);
		expect(firebaseField('2', ['1', '2', '1'], siblings('search_term'))?.as).toBe('search_term');
		expect(firebaseField('2', ['1', '2', '1'], siblings('_sn'))?.as).toBe('screen_name');
		expect(firebaseField('2', ['1', '2', '1'], siblings('not a name'))).toBeNull();
		expect(firebaseField('14', ['1', '2'], null)).toBeNull();
	});
});

describe('key/value pairs', () => {
	const rows: Array<[string, unknown, FindingType, string | null]> = [
		['MiStat key/value search word', { events: [{ key: 'search_word', value: 'flu symptoms' }] }, 'browsing.search_query', 'flu symptoms'],
		['name/value IMEI', { props: [{ name: 'imei', value: '868027043216757' }] }, 'device.imei', '868027043216757'],
		['name/value e-mail', { attributes: [{ name: 'email', value: 'ana@example.org' }] }, 'contact.email', 'ana@example.org'],
		['no: a sentence as the name', { fields: [{ name: 'Preferred colour', value: 'blue' }] }, 'browsing.title', null],
		['no: value without a name sibling', { value: '868027043216757' }, 'device.imei', null]
	];
	it.each(rows)('%s', (_label, payload, type, value) => {
		const found = findingsOf(payload).filter((f) => f.type === type);
		if (value === null) expect(found).toEqual([]);
		else expect(found.map((f) => f.value)).toContain(value);
	});
	it('the reason says the pair named the value', () => {
		const f = findingsOf({ events: [{ key: 'search_word', value: 'flu symptoms' }] }).find((x) => x.type === 'browsing.search_query')!;
		expect(f.reason).toBe('search words, key search_word (named by the sibling field key)');
	});
});

describe('User-Agent strings', () => {
	const rows: Array<[string, { os: string; osVersion: string | null; model: string | null } | null]> = [
		['Mozilla/5.0 (Linux; Android 10; Redmi Note 8 Pro) AppleWebKit/537.36 Mobile Safari/537.36', { os: 'Android', osVersion: '10', model: 'Redmi Note 8 Pro' }],
		['Dalvik/2.1.0 (Linux; U; Android 11; M2101K6G MIUI/V12.5.4.0.RKFEUXM)', { os: 'Android', osVersion: '11', model: 'M2101K6G' }],
		['Mozilla/5.0 (Linux; U; Android 4.0.3; ko-kr; LG-L160L Build/IML74K) AppleWebkit/534.30', { os: 'Android', osVersion: '4.0.3', model: 'LG-L160L' }],
		['Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/119.0.0.0 Mobile Safari/537.36', { os: 'Android', osVersion: '10', model: null }],
		['Mozilla/5.0 (Android 13; Mobile; rv:109.0) Gecko/119.0 Firefox/119.0', { os: 'Android', osVersion: '13', model: null }],
		['Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 Version/17.1 Mobile/15E148 Safari/604.1', { os: 'iOS', osVersion: '17.1.2', model: null }],
		['Health/4.2.0 (iPhone14,5; iOS 17.1.2; Scale/3.00)', { os: 'iOS', osVersion: '17.1.2', model: 'iPhone14,5' }],
		['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/119.0.0.0 Safari/537.36', null],
		['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.1 Safari/605.1.15', null],
		['okhttp/4.12.0', null]
	];
	it.each(rows)('%s', (ua, expected) => {
		expect(parseMobileUserAgent(ua)).toEqual(expected);
	});

	const ANDROID = 'Mozilla/5.0 (Linux; Android 12; SM-G991B Build/SP1A.210812.016; wv) AppleWebKit/537.36 Chrome/119.0 Mobile Safari/537.36';
	it('reports model and version from the header once, next to an identifier', () => {
		const found = requestFindings({ url: 'https://api.example.com/feed?device_id=5d41402abc4b2a76b9719d911017c592', headers: { 'User-Agent': ANDROID } });
		const models = found.filter((f) => f.type === 'device.model');
		expect(models.map((f) => [f.value, f.confidence, f.reason])).toEqual([['SM-G991B', 'medium', 'device model from the User-Agent header']]);
		expect(found.filter((f) => f.type === 'device.os_version').map((f) => f.value)).toEqual(['12']);
	});
	it('stays quiet on a request with no identifier', () => {
		expect(requestFindings({ url: 'https://www.example.com/recipes/soup', headers: { 'User-Agent': ANDROID } })).toEqual([]);
	});
	it('defers to the payload when it names the same model', () => {
		const found = requestFindings({
			url: 'https://api.example.com/track',
			headers: { 'User-Agent': ANDROID },
			body: JSON.stringify({ distinct_id: 'u-1234567890', model: 'SM-G991B' })
		});
		expect(found.filter((f) => f.type === 'device.model').map((f) => f.path)).toEqual(['body › json.model']);
	});
	it('reads a user agent sent as a payload field (GA ua override)', () => {
		const found = requestFindings({ url: `https://www.google-analytics.com/collect?v=1&tid=UA-1234567-1&cid=1.2&t=pageview&ua=${q(ANDROID)}` });
		expect(found.filter((f) => f.type === 'device.model').map((f) => f.value)).toEqual(['SM-G991B']);
	});
});
