/**
 * Mobile and Chinese SDK adapters as a table: each row is a request built in the shape the adapter's sources document
 * (our own values), and the company and findings the adapter promises for it.
 */
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../../src/lib/core/capture/sniff';
import { analyze } from '../../../../src/lib/core/report/analyze';
import { harBytes } from '../helpers';

type Request = Parameters<typeof harBytes>[0][number];

function exchangeOf(entry: Request) {
	return analyze(readCapture({ name: 'sdk.har', bytes: harBytes([entry]) })).report.exchanges[0]!;
}

const GAID = '4f3a2b1c-5d6e-4a7b-8c9d-0e1f2a3b4c5d';
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64');
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = 'application/x-www-form-urlencoded';

// [adapter, request, company, expected [type, value] pairs]
const rows: Array<[string, Request, string, Array<[string, string]>]> = [
	[
		'jpush',
		{ url: 'https://api.jpush.cn/v3/push', body: JSON.stringify({ platform: 'all', audience: { registration_id: ['160a3797c80d2b4f1e2'], alias: ['shopper_20931'] }, notification: { alert: 'Hi' } }) },
		'Aurora Mobile',
		[['user.id', '160a3797c80d2b4f1e2'], ['user.id', 'shopper_20931']]
	],
	[
		'jpush',
		{ url: 'https://device.jpush.cn/v3/devices/160a3797c80d2b4f1e2', body: JSON.stringify({ tags: { add: ['vip'] }, alias: 'shopper_20931', mobile: '13800138000' }) },
		'Aurora Mobile',
		[['user.id', 'shopper_20931'], ['contact.phone', '+8613800138000']]
	],
	[
		'getui',
		{ url: 'https://restapi.getui.com/v2/Xy7AppId9/user/alias', body: JSON.stringify({ data_list: [{ cid: '5e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b', alias: 'member_42' }] }) },
		'Getui (Meiri Hudong)',
		[['user.id', '5e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b'], ['user.id', 'member_42']]
	],
	[
		'xiaomi-push',
		{ url: 'https://api.xmpush.xiaomi.com/v3/message/regid', mimeType: FORM, body: form({ registration_id: 'Zk2m8QpZ7wX1cV5bN8aS2dF6gH0jL4kMuYtRe2Wq', restricted_package_name: 'com.example.shop', payload: 'p' }) },
		'Xiaomi',
		[['user.id', 'Zk2m8QpZ7wX1cV5bN8aS2dF6gH0jL4kMuYtRe2Wq'], ['app.package', 'com.example.shop']]
	],
	[
		'huawei-push',
		{ url: 'https://push-api.cloud.huawei.com/v1/10086/messages:send', body: JSON.stringify({ validate_only: false, message: { data: '{}', token: ['AQm3kZ9x_Qd2-Lp8vR7tYw4uE1oI6aS5dF0gH3jK2lM9nB8vC7xZ6aS5dF4gH3jK2lM'] } }) },
		'Huawei',
		[['user.id', 'AQm3kZ9x_Qd2-Lp8vR7tYw4uE1oI6aS5dF0gH3jK2lM9nB8vC7xZ6aS5dF4gH3jK2lM']]
	],
	[
		'clevertap',
		{ url: 'https://eu1.clevertap-prod.com/a1?os=Android&t=60200&z=ABC-123-4567', body: JSON.stringify([{ g: '__a1b2c3d4e5f60718293a4b5c6d7e8f90', type: 'meta', af: { Version: '1.0' } }, { evtName: 'Charged', type: 'event' }]) },
		'CleverTap',
		[['user.id', '__a1b2c3d4e5f60718293a4b5c6d7e8f90']]
	],
	[
		'unity-ads',
		{ url: `https://publisher-config.unityads.unity3d.com/games/3268074/configuration?bundleId=com.example.game&deviceModel=SM-G991B&osVersion=13&advertisingTrackingId=${GAID}&analyticsUserId=0a1b2c3d4e5f60718293a4b5c6d7e8f9` },
		'Unity Technologies',
		[['ad.advertising_id', GAID], ['user.id', '0a1b2c3d4e5f60718293a4b5c6d7e8f9'], ['app.package', 'com.example.game'], ['device.model', 'SM-G991B']]
	],
	[
		'ironsource',
		{ url: `https://logs.ironsrc.mobi/logs?data=${b64({ data: { devicemodel: 'SM-A536B', deviceos: 'android', deviceosversion: '13', deviceid: GAID, bundleid: 'com.example.game' } })}` },
		'Unity Technologies',
		[['ad.advertising_id', GAID], ['device.os_version', '13'], ['app.package', 'com.example.game']]
	],
	[
		'vungle',
		{ url: 'https://ads.api.vungle.com/config', body: JSON.stringify({ device: { model: 'Pixel 6', osv: '13', carrier: 'Vodafone', ifa: GAID }, app: { bundle: 'com.example.game' } }) },
		'Blackstone, Inc.',
		[['ad.advertising_id', GAID], ['device.os_version', '13'], ['network.carrier', 'Vodafone'], ['app.package', 'com.example.game']]
	],
	[
		'chartboost',
		{ url: 'https://live.chartboost.com/api/install', body: JSON.stringify({ bundle_id: 'com.example.game', model: 'Pixel 6', identity: b64({ gaid: GAID }) }) },
		'Take-Two Interactive Software, Inc.',
		[['ad.advertising_id', GAID], ['app.package', 'com.example.game']]
	],
	[
		'adcolony',
		{ url: 'https://adc3-launch.adcolony.com/v4/launch', body: JSON.stringify({ advertiser_id: GAID, carrier_name: 'Vodafone', os_version: '13', device_model: 'Pixel 6' }) },
		'Digital Turbine, Inc.',
		[['ad.advertising_id', GAID], ['network.carrier', 'Vodafone']]
	],
	[
		'kidoz',
		{ url: `https://vast.kidoz.net/api/waterfall?publisher_id=1&package_id=com.example.kids&os_version=11&google_id=${GAID}&device_hash=a7b6c5d4e3f2a1b0c9d8e7f6&carrier_name=Verizon` },
		'Kidoz',
		[['ad.advertising_id', GAID], ['user.id', 'a7b6c5d4e3f2a1b0c9d8e7f6'], ['app.package', 'com.example.kids']]
	],
	[
		'start-io',
		{ url: 'https://infoevent.startappservice.com/tracking/infoEvent', body: JSON.stringify({ packageId: 'com.example.wall', appActivity: 'com.example.wall.GalleryActivity', deviceVersion: '10', userAdvertisingId: GAID, ispName: 'Claro BR' }) },
		'Start.io',
		[['ad.advertising_id', GAID], ['app.screen', 'com.example.wall.GalleryActivity'], ['device.os_version', '10'], ['network.carrier', 'Claro BR']]
	],
	[
		'mintegral',
		{ url: `https://configure.rayjump.com/setting?platform=1&os_version=12&package_name=com.example.game&model=Redmi%20Note%2010&gaid=${GAID}` },
		'Mintegral (Mobvista)',
		[['ad.advertising_id', GAID], ['app.package', 'com.example.game'], ['device.os_version', '12']]
	],
	[
		'onesignal',
		{ url: 'https://onesignal.com/api/v1/players', body: JSON.stringify({ app_id: 'b2f7f966-d8cc-11e4-bed1-df8f05be55ba', device_type: 1, device_os: '11', android_package: 'com.example.news', external_user_id: 'reader-881' }) },
		'OneSignal',
		[['device.os_version', '11'], ['app.package', 'com.example.news'], ['user.id', 'reader-881']]
	],
	[
		'singular',
		{ url: `https://sdk-api-v1.singular.net/api/v1/start?a=key123&aifa=${GAID}&andi=9f8e7d6c5b4a3f2e&custom_user_id=runner-123&i=com.example.fit&mo=Pixel%207&ve=13` },
		'Singular',
		[['ad.advertising_id', GAID], ['device.android_id', '9f8e7d6c5b4a3f2e'], ['user.id', 'runner-123'], ['app.package', 'com.example.fit'], ['device.model', 'Pixel 7'], ['device.os_version', '13']]
	],
	[
		'branch',
		{ url: 'https://api2.branch.io/v1/install', body: JSON.stringify({ branch_key: 'key_live_abcdefghijkl', os_version_android: '13', device_carrier: 'Jio 4G', identity: 'mp-77ab12' }) },
		'Branch Metrics',
		[['device.os_version', '13'], ['network.carrier', 'Jio 4G'], ['user.id', 'mp-77ab12']]
	],
	[
		'facebook-app-events',
		{
			url: 'https://graph.facebook.com/v16.0/1234567890/activities',
			mimeType: FORM,
			body: form({ event: 'CUSTOM_APP_EVENTS', extinfo: JSON.stringify(['a2', 'com.example.app', 12, '1.2', '13', 'CPH2449', 'en_IN', 'IST', 'Jio 4G', 1080, 2400, '2.75', 8, 110, 52, 'Asia/Kolkata']) })
		},
		'Meta Platforms, Inc.',
		[['app.package', 'com.example.app'], ['device.os_version', '13'], ['device.model', 'CPH2449'], ['network.carrier', 'Jio 4G']]
	]
];

describe('mobile SDK adapters', () => {
	it.each(rows)('%s: names the company and reads the documented fields', (_id, request, company, expected) => {
		const exchange = exchangeOf(request);
		expect(exchange.destination?.company).toBe(company);
		const found = exchange.findings.map((f) => [f.type, f.value]);
		for (const pair of expected) expect(found, JSON.stringify(found)).toContainEqual(pair);
	});

	it('reads extinfo by position only at the activities endpoint, and never NoCarrier as a carrier', () => {
		const extinfo = JSON.stringify(['a2', 'com.example.app', 12, '1.2', '13', 'CPH2449', 'en_IN', 'IST', 'NoCarrier']);
		const at = exchangeOf({ url: 'https://graph.facebook.com/v16.0/1234567890/activities', mimeType: FORM, body: form({ event: 'CUSTOM_APP_EVENTS', extinfo }) });
		expect(at.findings.some((f) => f.type === 'network.carrier')).toBe(false);
		const elsewhere = exchangeOf({ url: 'https://api.example.com/collect', mimeType: FORM, body: form({ extinfo }) });
		expect(elsewhere.findings.some((f) => f.value === 'CPH2449')).toBe(false);
	});

	it('reads `g` only as a CleverTap device ID, at CleverTap', () => {
		const body = JSON.stringify([{ g: '__a1b2c3d4e5f60718293a4b5c6d7e8f90', type: 'meta' }]);
		expect(exchangeOf({ url: 'https://api.example.com/a1', body }).findings.some((f) => f.value === '__a1b2c3d4e5f60718293a4b5c6d7e8f90')).toBe(false);
		const short = exchangeOf({ url: 'https://eu1.clevertap-prod.com/a1', body: JSON.stringify([{ g: 'abc', type: 'meta' }]) });
		expect(short.findings.some((f) => f.value === 'abc')).toBe(false);
	});

	it('keeps a Vungle placeholder and a Start.io 0 out of the advertising IDs', () => {
		const v = exchangeOf({ url: 'https://ads.api.vungle.com/config', body: JSON.stringify({ device: { ifa: 'vungle.invalid.IFA' } }) });
		expect(v.findings.some((f) => f.type === 'ad.advertising_id')).toBe(false);
		const s = exchangeOf({ url: 'https://infoevent.startappservice.com/tracking/infoEvent', body: JSON.stringify({ userAdvertisingId: '0' }) });
		expect(s.findings.some((f) => f.type === 'ad.advertising_id')).toBe(false);
	});
});

describe('OneSignal device_os', () => {
	const player = (deviceType: number, os: string) =>
		exchangeOf({ url: 'https://onesignal.com/api/v1/players', body: JSON.stringify({ app_id: 'b2f7f966-d8cc-11e4-bed1-df8f05be55ba', device_type: deviceType, device_os: os }) });
	it('is the OS version of a phone', () => {
		expect(player(1, '11').findings.map((f) => [f.type, f.value])).toContainEqual(['device.os_version', '11']);
	});
	it("is the browser's version for web push, not read", () => {
		expect(player(5, '119').findings.some((f) => f.type === 'device.os_version')).toBe(false);
	});
});
