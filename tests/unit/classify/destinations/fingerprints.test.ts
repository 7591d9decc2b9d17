import { describe, expect, it } from 'vitest';
import { destinationOf } from '../../../../src/lib/core/classify/destination';
import { FINGERPRINTED as FINGERPRINTS } from '../../../../src/lib/core/classify/sdks/match';
import { base64Gzip, bodyPart, exchangeOf, peelParts, treeOf } from './helpers';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

const sensorsEvents = JSON.stringify([
	{
		_track_id: 1234567,
		time: 1588000000000,
		type: 'track',
		distinct_id: '8f1c7e0b2a3d4e5f',
		lib: { $lib: 'Android', $lib_version: '4.3.6', $lib_method: 'code' },
		event: 'page_view',
		properties: { $url: 'https://www.example.com/private?q=secret', $model: 'Redmi Note 8', imei: '868123456789012' }
	}
]);

const firebaseIdsText = ['1:123456789012:android:0a1b2c3d4e5f6789', '_o', 'auto', '_s', '_e', '_et'];

// [name, url, body, content type, expected product, evidence fragment]
const CASES: Array<[string, string | null, string | undefined, string | undefined, string, string]> = [
	['Sensors Analytics (Android form)', 'https://sa.example-browser.com/sa?project=production', `crc=-1540209823&gzip=1&data_list=${encodeURIComponent(base64Gzip(sensorsEvents))}`, FORM, 'Sensors Analytics SDK', 'crc+gzip+data_list'],
	['Sensors Analytics (web data+ext)', `https://sa.example-shop.cn/sa.gif?project=default&data=${encodeURIComponent(Buffer.from(sensorsEvents.slice(1, -1)).toString('base64'))}&ext=${encodeURIComponent('crc=1938475')}`, undefined, undefined, 'Sensors Analytics SDK', 'ext=crc'],
	['Sensors Analytics (plain JSON events)', 'https://collect.example.org/sa', sensorsEvents, JSON_TYPE, 'Sensors Analytics SDK', 'lib.$lib'],
	['Mixpanel', 'https://api-js.mixpanel.com/track/?verbose=1&ip=1', `data=${encodeURIComponent(JSON.stringify([{ event: 'Sign up', properties: { token: '0123456789abcdef0123456789abcdef', distinct_id: 'u-42', mp_lib: 'android', $lib_version: '7.3.1', $os: 'Android' } }]))}`, FORM, 'Mixpanel SDK', 'mp_lib'],
	['Mixpanel engage', 'https://metrics.example.com/engage', JSON.stringify([{ $token: 'abc123', $distinct_id: 'u-42', $set: { $email: 'a@b.c' } }]), JSON_TYPE, 'Mixpanel SDK', '$token'],
	['Google Analytics Universal', 'https://www.google-analytics.com/collect?v=1&_v=j101&a=1&t=pageview&tid=UA-12345678-1&cid=1234567890.1588000000&dl=https%3A%2F%2Fexample.com%2F', undefined, undefined, 'Google Analytics', 'v=1&tid=UA-'],
	['Google Analytics GA4', 'https://region1.google-analytics.com/g/collect?v=2&tid=G-ABCDEF1234&gtm=45je&cid=1234567890.1588000000&en=page_view&dl=https%3A%2F%2Fexample.com%2F', undefined, undefined, 'Google Analytics', 'v=2&tid=G-'],
	['Google Analytics UA self-hosted (server-side tagging)', 'https://sgtm.example.com/collect', 'v=1&t=event&tid=UA-98765432-2&cid=555.666&ec=video&ea=play', FORM, 'Google Analytics', 'UA-'],
	['Firebase (host + path)', 'https://app-measurement.com/a', 'opaque', 'application/x-protobuf', 'Google Analytics for Firebase', 'app-measurement.com'],
	['Facebook app events', 'https://graph.facebook.com/v16.0/1234567890/activities', `event=CUSTOM_APP_EVENTS&custom_events=${encodeURIComponent(JSON.stringify([{ _eventName: 'fb_mobile_activate_app', _logTime: 1588000000 }]))}&anon_id=XZ0a1b2c3d-4e5f-6789-abcd-ef0123456789&advertiser_id=38400000-8cf0-11bd-b23e-10b96e40000d&application_tracking_enabled=1`, FORM, 'Facebook SDK (app events)', 'event=CUSTOM_APP_EVENTS'],
	['Adjust', 'https://app.adjust.com/session', 'app_token=abc123def456&environment=production&created_at=2020-04-30T10%3A00%3A00.000Z%2B0200&client_sdk=android4.38.0&gps_adid=38400000-8cf0-11bd-b23e-10b96e40000d&android_uuid=1b2c3d4e-5f60-4718-9a0b-c1d2e3f40516', FORM, 'Adjust SDK', 'client_sdk=android'],
	['AppsFlyer', 'https://t.appsflyer.com/api/v6.3/androidevent?app_id=com.example.app&buildnumber=6.3.2', JSON.stringify({ appsflyerKey: 'AbCdEfGhIjKlMnOp', af_timestamp: '1588000000000', uid: '1588000000000-1234567890123456789', advertiserId: '38400000-8cf0-11bd-b23e-10b96e40000d', eventName: 'af_purchase' }), JSON_TYPE, 'AppsFlyer SDK', 'appsflyerKey'],
	['Amplitude HTTP v2', 'https://api2.amplitude.com/2/httpapi', JSON.stringify({ api_key: '0123456789abcdef0123456789abcdef', events: [{ event_type: 'song_played', device_id: 'C8F9E604-F01A-4BD9-95C6-8E5357DF265D', user_id: 'u-42', session_id: 1588000000000 }] }), JSON_TYPE, 'Amplitude SDK', 'events[].event_type'],
	['Amplitude legacy form', 'https://api.amplitude.com/', `client=0123456789abcdef&e=${encodeURIComponent(JSON.stringify([{ event_type: 'open', device_id: 'x' }]))}&v=2&upload_time=1588000000000&checksum=0a1b2c3d4e5f`, FORM, 'Amplitude SDK', 'client + e'],
	['Segment', 'https://api.segment.io/v1/batch', JSON.stringify({ batch: [{ type: 'track', event: 'Order Completed', messageId: 'b2c6f1b0-1234', anonymousId: '507f191e810c19729de860ea', context: { library: { name: 'analytics-android', version: '4.10.4' } }, timestamp: '2020-04-30T10:00:00Z' }], sentAt: '2020-04-30T10:00:01Z', writeKey: 'abc' }), JSON_TYPE, 'Segment SDK', 'analytics-android'],
	['Umeng', 'https://ulogs.umeng.com/unify_logs', JSON.stringify({ header: { appkey: '5e8f1a2b3c4d5e6f7a8b9c0d', umid: '0a1b2c3d4e5f60718293a4b5c6d7e8f9', sdk_type: 'Android', sdk_version: '9.1.0', device_model: 'Redmi Note 8' }, body: { analytics: { sessions: [] } } }), JSON_TYPE, 'Umeng SDK', 'appkey, umid'],
	['AppMetrica', 'https://report.appmetrica.yandex.net/report?deviceid=0a1b2c3d4e5f60718293a4b5c6d7e8f9&uuid=0123456789abcdef0123456789abcdef&analytics_sdk_version_name=5.3.0&analytics_sdk_build_number=45003240&app_platform=android&model=Pixel%204', 'opaque', 'application/octet-stream', 'AppMetrica SDK', 'analytics_sdk_version_name'],
	['Sentry envelope (URL)', 'https://o447951.ingest.sentry.io/api/5461230/envelope/?sentry_key=0123456789abcdef0123456789abcdef&sentry_version=7', '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","sent_at":"2020-04-30T10:00:00Z"}\n{"type":"event"}\n{"message":"boom"}', 'text/plain', 'Sentry SDK', 'sentry_key'],
	['Sentry envelope (self-hosted, body only)', 'https://errors.example.com/ingest', '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","dsn":"https://key@errors.example.com/2"}\n{"type":"transaction","length":41}\n{"transaction":"/checkout"}', 'application/x-sentry-envelope', 'Sentry SDK', 'envelope'],
	['Sentry store (sdk.name)', 'https://errors.example.com/api/store', JSON.stringify({ event_id: 'abc', platform: 'java', sdk: { name: 'sentry.java.android', version: '6.17.0' }, exception: { values: [] } }), JSON_TYPE, 'Sentry SDK', 'sentry.java.android'],
	['Branch', 'https://api2.branch.io/v1/open', JSON.stringify({ branch_key: 'key_live_abcdefghijklmnopqrstuvwx', identity_id: '123456789012345678', device_fingerprint_id: '987654321098765432', hardware_id: '0a1b2c3d4e5f6071', sdk: 'android5.0.1' }), JSON_TYPE, 'Branch SDK', 'branch_key key_live_'],
	['Braze', 'https://sdk.iad-01.braze.com/api/v3/data', JSON.stringify({ api_key: '01234567-89ab-cdef-0123-456789abcdef', device_id: 'fedcba98-7654-3210-fedc-ba9876543210', sdk_version: '24.3.0', time: 1588000000, events: [{ name: 'ss', data: {}, time: 1588000000, session_id: 'abc' }], respond_with: { config: { config_time: 0 } } }), JSON_TYPE, 'Braze SDK', 'respond_with'],
	// web
	['PostHog (self-hosted)', 'https://ph.example.org/e/', JSON.stringify({ event: '$pageview', properties: { token: 'phc_0123456789abcdefghijABCDEFGHIJ', distinct_id: 'd-1', $lib: 'web' } }), JSON_TYPE, 'PostHog', 'phc_'],
	['Plausible (self-hosted)', 'https://stats.example.org/api/event', JSON.stringify({ n: 'pageview', u: 'https://example.org/', d: 'example.org' }), JSON_TYPE, 'Plausible Analytics', '{ n, u, d }'],
	['Snowplow (tp2)', 'https://sp.example.org/com.snowplowanalytics.snowplow/tp2', JSON.stringify({ schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4', data: [{ e: 'pv', tv: 'js-3.17.0', p: 'web' }] }), JSON_TYPE, 'Snowplow', 'payload_data'],
	['Snowplow (GET /i)', 'https://sp.example.org/i?e=pv&tv=js-3.17.0&p=web&aid=site&url=https%3A%2F%2Fexample.org%2F', undefined, undefined, 'Snowplow', 'tv=js-3.17.0'],
	// A first-party (CNAME) Adobe Analytics host, after Adobe's first-party collection docs.
	['Adobe Analytics (CNAME)', 'https://smetrics.example.org/b/ss/exprod/1/JS-2.23.0/s123?AQB=1&ndh=1&pageName=home&g=https%3A%2F%2Fwww.example.org%2F&AQE=1', undefined, undefined, 'Adobe Analytics', 'AQB … AQE'],
	['Bugsnag (on-premise)', 'https://errors.example.org/', JSON.stringify({ apiKey: '0123456789abcdef0123456789abcdef', notifier: { name: 'Bugsnag JavaScript', version: '7.22.0', url: 'https://github.com/bugsnag/bugsnag-js' }, events: [] }), JSON_TYPE, 'Bugsnag SDK', 'notifier.name=Bugsnag JavaScript']
];

describe('SDK fingerprints through the real peeler', () => {
	it.each(CASES)('%s', (_name, url, body, contentType, product, evidence) => {
		const exchange = exchangeOf(url, { ...(body !== undefined ? { body } : {}), ...(contentType ? { contentType } : {}) });
		const destination = destinationOf(exchange.host, peelParts(exchange), exchange);
		expect(destination?.product).toBe(product);
		expect(destination?.source).toContain('fingerprint: ');
		expect(destination?.source).toContain(evidence);
	});

	it('covers every SDK in the registry', () => {
		const products = new Set(CASES.map((c) => c[4]));
		for (const fingerprint of FINGERPRINTS) expect(products.has(fingerprint.name), fingerprint.name).toBe(true);
	});

	it('names the SDK and the host’s company when a company self-hosts it (Xiaomi and Sensors Analytics)', () => {
		const body = `crc=-1540209823&gzip=1&data_list=${encodeURIComponent(base64Gzip(sensorsEvents))}`;
		const exchange = exchangeOf('https://sa.api.intl.miui.com/sa?project=global_internet', { body, contentType: FORM });
		const destination = destinationOf(exchange.host, peelParts(exchange), exchange);
		expect(destination).toMatchObject({ site: 'miui.com', company: 'Xiaomi', product: 'Sensors Analytics SDK', category: 'analytics' });
		expect(destination!.source).toContain('fingerprint: form fields crc+gzip+data_list (Sensors Analytics SDK, self-hosted by Xiaomi)');
	});

	it('uses the fingerprint’s category when the host list only knows the owner', () => {
		const body = `crc=1&gzip=1&data_list=${encodeURIComponent(base64Gzip(sensorsEvents))}`;
		const exchange = exchangeOf('https://stat.update.miui.com/sa', { body, contentType: FORM });
		expect(destinationOf(exchange.host, peelParts(exchange), exchange)).toMatchObject({ company: 'Xiaomi', category: 'analytics' });
	});

	it('keeps the list’s company and category for the SDK vendor’s own host', () => {
		const exchange = exchangeOf('https://app.adjust.com/session', { body: CASES.find((c) => c[0] === 'Adjust')![2]!, contentType: FORM });
		const destination = destinationOf(exchange.host, peelParts(exchange), exchange);
		expect(destination).toMatchObject({ company: 'Adjust (AppLovin)', product: 'Adjust SDK', category: 'attribution' });
		expect(destination!.source).toContain('sent to Adjust (AppLovin)');
	});

	it('gives a bare payload a product but no site or company', () => {
		const exchange = exchangeOf(null, { body: `crc=5&gzip=1&data_list=${encodeURIComponent(base64Gzip(sensorsEvents))}` });
		const destination = destinationOf(null, peelParts(exchange), exchange);
		expect(destination).toEqual({ host: '', site: '', company: null, product: 'Sensors Analytics SDK', category: 'analytics', source: 'fingerprint: form fields crc+gzip+data_list (Sensors Analytics SDK, made by Sensors Data)' });
		expect(JSON.parse(JSON.stringify(destination))).toEqual(destination);
	});

	it('reads a Firebase batch from its content when the host is not app-measurement.com (hand-built protobuf tree)', () => {
		const tree = treeOf({ 1: { 2: firebaseIdsText.map((text, i) => ({ [String(i + 1)]: text })) } });
		const destination = destinationOf('collector.example.net', [bodyPart(tree, 'protobuf')], exchangeOf('https://collector.example.net/upload', { body: 'x' }));
		expect(destination?.product).toBe('Google Analytics for Firebase');
	});

	it('reads hand-built form trees (no codec involved)', () => {
		const tree = treeOf({ crc: '-1', gzip: '1', data_list: 'H4sI' });
		expect(destinationOf(null, [bodyPart(tree, 'form')], null)?.product).toBe('Sensors Analytics SDK');
	});
});

describe('SDK fingerprints do not fire on look-alikes', () => {
	const NEGATIVES: Array<[string, string | null, string, string]> = [
		['a contact form', 'https://www.example.com/contact', 'name=Ann&email=ann%40example.com&message=Hello', FORM],
		['generic JSON event', 'https://api.example.com/events', JSON.stringify({ event: 'click', properties: { button: 'buy' } }), JSON_TYPE],
		['GA-like params off a collect path', 'https://www.example.com/search?v=1&tid=UA-12345678-1', 'x=1', FORM],
		['a tid that is not a GA property', 'https://www.example.com/collect?v=1&tid=12345', 'x=1', FORM],
		['an API key and events without event_type', 'https://api.example.com/ingest', JSON.stringify({ api_key: 'k', events: [{ name: 'x' }] }), JSON_TYPE],
		['a branch_key that is not a Branch key', 'https://api.example.com/x', JSON.stringify({ branch_key: 'main' }), JSON_TYPE],
		['Firebase-looking text without a GMP app ID', 'https://api.example.com/x', JSON.stringify(['_o', '_s', '_e', 'auto']), JSON_TYPE],
		['a data field with a non-crc ext', 'https://www.example.com/p?data=abc&ext=png', 'y=2', FORM],
		['a Sentry-like path without a key', 'https://www.example.com/api/123/store/', JSON.stringify({ message: 'hi' }), JSON_TYPE],
		['prose', 'https://blog.example.com/post', 'Sensors, Mixpanel and Segment are analytics products; crc gzip data_list.', 'text/plain']
	];
	it.each(NEGATIVES)('%s', (_name, url, body, contentType) => {
		const exchange = exchangeOf(url, { body, contentType });
		const destination = destinationOf(exchange.host, peelParts(exchange), exchange);
		expect(destination?.source ?? '').not.toContain('fingerprint');
	});
});
