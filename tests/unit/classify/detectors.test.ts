/**
 * Detector tables: each row is a payload, the finding type it should (or must not) produce, and the
 * value. Payloads go through the real pipeline, so keys, siblings and paths are what detectors see in use.
 */
import { describe, expect, it } from 'vitest';
import type { FindingType } from '../../../src/lib/core/model';
import { findingsOf, harBytes } from './helpers';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';

type Row = [label: string, payload: unknown, type: FindingType, value: string | null];

function table(name: string, rows: Row[]): void {
	describe(name, () => {
		it.each(rows)('%s', (_label, payload, type, value) => {
			const found = findingsOf(payload).filter((f) => f.type === type);
			if (value === null) expect(found.map((f) => f.value)).toEqual([]);
			else expect(found.map((f) => f.value)).toContain(value);
		});
	});
}

table('device-ids', [
	['IMEI under imei1, Luhn-valid', { imei1: '868027043216757' }, 'device.imei', '868027043216757'],
	['IMEI as a number', { imei: 353325098123452 }, 'device.imei', '353325098123452'],
	['IMEI under device_id', { device_id: '869565031122338' }, 'device.imei', '869565031122338'],
	['MD5 of an IMEI under imei_md5', { imei_md5: 'a831f386629833d9e063d6a332fa7dde' }, 'device.imei', 'a831f386629833d9e063d6a332fa7dde'],
	['no: Luhn-invalid 15 digits under device_id', { device_id: '868027043216758' }, 'device.imei', null],
	['no: 15 Luhn-valid digits under order_id', { order_id: '868027043216757' }, 'device.imei', null],
	['no: 15 digits without a key hint', { n: '868027043216757' }, 'device.imei', null],
	['IMSI with a Chinese MCC', { imsi: '460011234567890' }, 'device.imsi', '460011234567890'],
	['no: IMSI-length digits with no MCC', { imsi: '999011234567890' }, 'device.imsi', null],
	['ICCID starting 89', { iccid: '89860318760012345671' }, 'device.iccid', '89860318760012345671'],
	['no: ICCID key with a short number', { iccid: '1234567' }, 'device.iccid', null],
	['MEID in hex', { meid: 'A1000012345678' }, 'device.meid', 'A1000012345678'],
	['Android ID', { android_id: '9e4a7b2c1d3f5a60' }, 'device.android_id', '9e4a7b2c1d3f5a60'],
	['Android ID under $device_id', { $device_id: '9e4a7b2c1d3f5a60' }, 'device.android_id', '9e4a7b2c1d3f5a60'],
	['no: 16 hex digits under a neutral key', { span: '9e4a7b2c1d3f5a60' }, 'device.android_id', null],
	['serial number', { serial: 'R58M12ABCDE' }, 'device.serial', 'R58M12ABCDE'],
	['no: serial "unknown"', { serial: 'unknown' }, 'device.serial', null]
]);

table('ad-ids', [
	['GAID under gps_adid', { gps_adid: '38400000-8CF0-11BD-B23E-10B96E40000D' }, 'ad.advertising_id', '38400000-8cf0-11bd-b23e-10b96e40000d'],
	['IDFA', { idfa: 'EA7583CD-A667-48BC-B806-42ECB2B48606' }, 'ad.advertising_id', 'ea7583cd-a667-48bc-b806-42ecb2b48606'],
	['Xiaomi OAID (16 hex)', { oaid: '7a9c3f2e1d0b4c5a' }, 'ad.advertising_id', '7a9c3f2e1d0b4c5a'],
	['all zeros: reported as opted out', { idfa: '00000000-0000-0000-0000-000000000000' }, 'ad.advertising_id', '00000000-0000-0000-0000-000000000000'],
	['no: a UUID under request_id', { request_id: '3e0f1c2d-4b5a-4697-8a1b-2c3d4e5f6a7b' }, 'ad.advertising_id', null]
]);

describe('ad-ids opt-out wording', () => {
	it('says the user opted out and is low confidence', () => {
		const [f] = findingsOf({ idfa: '00000000-0000-0000-0000-000000000000' });
		expect(f?.confidence).toBe('low');
		expect(f?.reason).toMatch(/opted out/);
	});
});

table('network', [
	['MAC with colons', { mac: '64:CC:2E:8A:11:F3' }, 'device.mac', '64:cc:2e:8a:11:f3'],
	['MAC without separators under wifi_mac key... is a BSSID', { wifi_mac: '64cc2e8a11f3' }, 'network.bssid', '64:cc:2e:8a:11:f3'],
	['no: the masked 02:00:00:00:00:00', { mac: '02:00:00:00:00:00' }, 'device.mac', null],
	['BSSID', { bssid: '14:75:90:ab:cd:ef' }, 'network.bssid', '14:75:90:ab:cd:ef'],
	['SSID in quotes', { ssid: '"HomeNet-5G"' }, 'network.ssid', 'HomeNet-5G'],
	['no: <unknown ssid>', { ssid: '<unknown ssid>' }, 'network.ssid', null],
	['public IP', { client_ip: '203.0.113.77' }, 'network.ip', '203.0.113.77'],
	['private IP', { local_ip: '192.168.1.23' }, 'network.ip', '192.168.1.23'],
	['no: version string under version', { version: '10.0.0.1' }, 'network.ip', null],
	['no: zip code key', { zip: '10115' }, 'network.ip', null],
	['carrier', { carrier: 'Vodafone' }, 'network.carrier', 'Vodafone']
]);

table('location', [
	['decimal pair', { lat: 52.520008, lng: 13.404954 }, 'location.coordinates', '52.520008,13.404954'],
	['Sensors integers × 10^6', { $latitude: 39916527, $longitude: 116397128 }, 'location.coordinates', '39.916527,116.397128'],
	['string pair under location', { location: '39.984154,116.307490' }, 'location.coordinates', '39.984154,116.30749'],
	['no: zeros', { lat: 0, lng: 0 }, 'location.coordinates', null],
	['no: latitude without longitude', { latitude: 52.52 }, 'location.coordinates', null],
	['no: lat_ms metrics', { lat_ms: 12.5, lon_ms: 40.25 }, 'location.coordinates', null]
]);

table('contact', [
	['e-mail', { email: 'maria.lopez@example.org' }, 'contact.email', 'maria.lopez@example.org'],
	['e-mail inside text', { note: 'write to jon.k@example.net today' }, 'contact.email', 'jon.k@example.net'],
	['no: retina image name', { icon: 'icon@2x.png' }, 'contact.email', null],
	['phone under phone, international', { phone: '+34 612 345 678' }, 'contact.phone', '+34612345678'],
	['phone under mobile, Chinese national', { mobile: '13800138000' }, 'contact.phone', '+8613800138000'],
	['no: order number shaped like a phone', { order_no: '13800138000' }, 'contact.phone', null],
	['no: a timestamp', { ts: 1700000000123 }, 'contact.phone', null],
	['no: digits under a neutral key', { n: '13800138000' }, 'contact.phone', null]
]);

table('browsing', [
	['visited URL', { $url: 'https://health.example.cn/a' }, 'browsing.url', 'https://health.example.cn/a'],
	['no: URL under a neutral key', { endpoint: 'https://api.example.com/v1' }, 'browsing.url', null],
	['Google search in $url', { $url: 'https://www.google.com/search?q=hiv+test' }, 'browsing.search_query', 'hiv test'],
	['Baidu wd', { url: 'https://www.baidu.com/s?wd=%E5%A4%B4%E7%97%9B' }, 'browsing.search_query', '头痛'],
	['Baidu word (mobile)', { url: 'https://m.baidu.com/s?word=abc' }, 'browsing.search_query', 'abc'],
	['Bing q', { url: 'https://www.bing.com/search?q=x+y' }, 'browsing.search_query', 'x y'],
	['DuckDuckGo q', { url: 'https://duckduckgo.com/?q=tor' }, 'browsing.search_query', 'tor'],
	['Yandex text', { url: 'https://yandex.ru/search/?text=abc' }, 'browsing.search_query', 'abc'],
	['Sogou query', { url: 'https://www.sogou.com/web?query=abc' }, 'browsing.search_query', 'abc'],
	['Sogou keyword', { url: 'https://m.sogou.com/web/searchList.jsp?keyword=abc' }, 'browsing.search_query', 'abc'],
	['Naver query', { url: 'https://search.naver.com/search.naver?query=abc' }, 'browsing.search_query', 'abc'],
	['Yahoo p', { url: 'https://search.yahoo.com/search?p=abc' }, 'browsing.search_query', 'abc'],
	['Ecosia q', { url: 'https://www.ecosia.org/search?q=abc' }, 'browsing.search_query', 'abc'],
	['Brave q', { url: 'https://search.brave.com/search?q=abc' }, 'browsing.search_query', 'abc'],
	['Qwant q', { url: 'https://www.qwant.com/?q=abc' }, 'browsing.search_query', 'abc'],
	['Startpage query', { url: 'https://www.startpage.com/do/search?query=abc' }, 'browsing.search_query', 'abc'],
	['360 so.com q', { url: 'https://www.so.com/s?q=abc' }, 'browsing.search_query', 'abc'],
	['Shenma q', { url: 'https://m.sm.cn/s?q=abc' }, 'browsing.search_query', 'abc'],
	['$latest_search_keyword', { $latest_search_keyword: 'quit smoking' }, 'browsing.search_query', 'quit smoking'],
	['search_word', { search_word: 'divorce lawyer' }, 'browsing.search_query', 'divorce lawyer'],
	['no: Sensors placeholder', { $latest_search_keyword: '未取到值_直接打开' }, 'browsing.search_query', null],
	['no: q on a non-search site', { url: 'https://shop.example.com/list?q=abc' }, 'browsing.search_query', null],
	['page title', { $title: 'Article' }, 'browsing.title', 'Article'],
	['no: activity class under page_name is a screen, not a title', { page_name: 'MainActivity' }, 'browsing.title', null]
]);

table('apps', [
	['package name', { package_name: 'com.miui.browser' }, 'app.package', 'com.miui.browser'],
	['installed-app list', { installed_apps: ['com.tencent.mm', 'com.eg.android.AlipayGphone'] }, 'app.package', 'com.eg.android.AlipayGphone'],
	['installed apps as one string', { applist: 'com.tencent.mm,com.ss.android.ugc.aweme' }, 'app.package', 'com.ss.android.ugc.aweme'],
	['no: a host name under package', { package: 'www.example.com' }, 'app.package', null],
	['no: package-shaped value under a neutral key', { f: 'com.tencent.mm' }, 'app.package', null],
	['screen', { $screen_name: 'com.example.ArticleActivity' }, 'app.screen', 'com.example.ArticleActivity'],
	['Segment screen call', { type: 'screen', name: 'Checkout' }, 'app.screen', 'Checkout'],
	['no: name of a track call', { type: 'track', name: 'Checkout' }, 'app.screen', null]
]);

table('media', [
	['song', { song_name: 'Someone Like You' }, 'media.played', 'Someone Like You'],
	['artist', { artist: 'Adele' }, 'media.played', 'Adele'],
	['track beside artist', { track: 'Hello', artist: 'Adele' }, 'media.played', 'Hello'],
	['no: Segment track without media fields', { track: 'Signed Up' }, 'media.played', null]
]);

table('secrets', [
	['bearer token (masked)', { authorization: 'Bearer abcdefghijklmnopqrstuvwxyz0123' }, 'auth.secret', 'Bearer abcdef…0123 (30 chars)'],
	['password (masked)', { password: 'hunter22' }, 'auth.secret', 'hu…22 (8 chars)'],
	['JWT anywhere', { x: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlc2lnbmF0dXJl' }, 'auth.secret', 'eyJhbG…dXJl (66 chars)'],
	['no: app key in Basic with empty password', { authorization: 'Basic WU9VUl9XUklURV9LRVk6' }, 'auth.secret', null],
	['no: Mixpanel project token', { token: '6972694b7ac6ab6b6e0f9b4e7b0a1c2d' }, 'auth.secret', null],
	// An analytics SDK's visit number (GrowingIO sessionId, Facebook _session_id) is not a login: public corpus cases.
	['no: a session UUID in a body', { sessionId: '6f1c2b7e-3d4a-4f5b-9c8d-7e6f5a4b3c2d' }, 'auth.secret', null],
	['no: a numeric session id in a body', { session_id: '1700000000123' }, 'auth.secret', null],
	['still: an opaque session token in a body', { sessionId: 'a8Fk2LmQ9zXw7PqR4tYv' }, 'auth.secret', 'a8Fk2L…4tYv (20 chars)']
]);

table('user-ids', [
	['distinct_id', { distinct_id: 'u_1829384756' }, 'user.id', 'u_1829384756'],
	['anonymousId', { anonymousId: '507f191e-810c-19729-de86-0bf3c9f6a9b2' }, 'user.id', '507f191e-810c-19729-de86-0bf3c9f6a9b2'],
	['GA cid in a hit', { v: '1', tid: 'UA-1-1', cid: '1283749562.1699999999' }, 'user.id', '1283749562.1699999999'],
	['user.id under user', { user: { id: '4711' } }, 'user.id', '4711'],
	['hashed identifier', { user_id: 'ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976' }, 'user.id', 'ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976'],
	['no: cid outside a GA hit', { cid: '42137' }, 'user.id', null],
	['no: placeholder', { distinct_id: 'null' }, 'user.id', null],
	['no: request id', { request_id: '3e0f1c2d-4b5a-4697-8a1b-2c3d4e5f6a7b' }, 'user.id', null]
]);

describe('user-ids', () => {
	it('says "hashed identifier" for a hash-shaped value', () => {
		const f = findingsOf({ user_id: 'ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976' }).find((x) => x.type === 'user.id');
		expect(f?.reason).toMatch(/hashed identifier: 64 hex digits, SHA-256-shaped/);
	});
	it('gives way to a specific identifier on the same value', () => {
		const types = findingsOf({ device_id: '9e4a7b2c1d3f5a60' }).map((f) => f.type);
		expect(types).toContain('device.android_id');
		expect(types).not.toContain('user.id');
	});
});

table('device-info', [
	['model', { $model: 'M2007J3SG' }, 'device.model', 'M2007J3SG'],
	['OS version', { $os_version: '11' }, 'device.os_version', '11'],
	['os.version', { os: { name: 'Android', version: '14' } }, 'device.os_version', '14'],
	['no: OS name without a version', { os: 'Android' }, 'device.os_version', null],
	['no: app version', { app: { version: '3.2.0' } }, 'device.os_version', null]
]);

describe('the detector a finding names', () => {
	const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 12; Redmi Note 11 Build/SKQ1.211103.001) AppleWebKit/537.36';

	it('is the one that made it, for every finding', () => {
		const found = findingsOf({ imei: '490154203237518', $model: 'M2007J3SG', ua: ANDROID_UA, email: 'a.person@example.com' });
		expect(found.map((f) => [f.type, f.detector])).toEqual(
			expect.arrayContaining([
				['device.imei', 'device-ids'],
				['device.model', 'device-info'],
				['device.model', 'user-agent-field'],
				['contact.email', 'contact']
			])
		);
		expect(found.every((f) => f.detector.length > 0)).toBe(true);
	});

	it('tells the User-Agent header from a user-agent field without reading the reason', () => {
		const capture = readCapture({ name: 'ua.har', bytes: harBytes([{ url: 'https://t.example.com/c?imei=490154203237518', headers: { 'User-Agent': ANDROID_UA } }]) });
		const found = analyze(capture).report.exchanges[0]!.findings;
		expect(found.filter((f) => f.type === 'device.model').map((f) => f.detector)).toEqual(['user-agent-header']);
	});

	it('is known-values for a match of the user\u2019s own identifier', () => {
		const found = findingsOf({ x: '490154203237518' }, [{ type: 'device.imei', value: '490154203237518' }]);
		expect(found.find((f) => f.reason.startsWith('matches your known'))?.detector).toBe('known-values');
	});
});
