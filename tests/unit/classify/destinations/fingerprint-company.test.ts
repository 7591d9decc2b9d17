/**
 * An SDK recognised by its fields on a host no list knows: the report names the product and says the receiving
 * company is not known (`company: null`, never the product's name), because a self-hosted SDK sends to whoever runs
 * the host. Who made the SDK is known, and the destination's source says so.
 */
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../../src/lib/core/capture/sniff';
import { analyze } from '../../../../src/lib/core/report/analyze';
import { destinationOf } from '../../../../src/lib/core/classify/destination';
import { FINGERPRINTED as FINGERPRINTS } from '../../../../src/lib/core/classify/sdks/match';
import { harBytes } from '../helpers';
import { base64Gzip, exchangeOf, peelParts } from './helpers';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const sensorsEvents = JSON.stringify([{ _track_id: 1, time: 1588000000000, type: 'track', distinct_id: '8f1c7e0b2a3d4e5f', lib: { $lib: 'Android', $lib_version: '4.3.6' }, event: 'x', properties: {} }]);

// [fingerprint id, URL on a host no list knows, body, content type, product, maker (the fingerprint's vendor)]
const CASES: Array<[string, string, string | undefined, string | undefined, string, string]> = [
	['sensors-analytics', 'https://sa.example-shop.com/sa?project=production', `crc=1&gzip=1&data_list=${encodeURIComponent(base64Gzip(sensorsEvents))}`, FORM, 'Sensors Analytics SDK', 'Sensors Data'],
	['mixpanel', 'https://metrics.example-shop.com/engage', JSON.stringify([{ $token: 'abc123', $distinct_id: 'u-42' }]), JSON_TYPE, 'Mixpanel SDK', 'Mixpanel'],
	['google-analytics', 'https://sgtm.example-shop.com/collect', 'v=1&t=event&tid=UA-98765432-2&cid=555.666', FORM, 'Google Analytics', 'Google'],
	['firebase', 'https://collect.example-shop.com/upload', JSON.stringify(['1:123456789012:android:0a1b2c3d4e5f6789', '_o', 'auto', '_s', '_e']), JSON_TYPE, 'Google Analytics for Firebase', 'Google'],
	['facebook-app-events', 'https://graph.example-shop.com/activities', 'event=CUSTOM_APP_EVENTS&anon_id=XZ0a1b2c3d', FORM, 'Facebook SDK (app events)', 'Meta Platforms'],
	['adjust', 'https://att.example-shop.com/session', 'app_token=abc123def456&client_sdk=android4.38.0', FORM, 'Adjust SDK', 'Adjust (AppLovin)'],
	['appsflyer', 'https://att.example-shop.com/api/v6.3/androidevent', JSON.stringify({ appsflyerKey: 'AbCdEfGh', af_timestamp: '1588000000000' }), JSON_TYPE, 'AppsFlyer SDK', 'AppsFlyer'],
	['amplitude', 'https://amp.example-shop.com/2/httpapi', JSON.stringify({ api_key: 'k', events: [{ event_type: 'open' }] }), JSON_TYPE, 'Amplitude SDK', 'Amplitude'],
	['segment', 'https://events.example-shop.com/v1/batch', JSON.stringify({ batch: [{ type: 'track', messageId: 'm-1', anonymousId: 'a-1' }] }), JSON_TYPE, 'Segment SDK', 'Segment (Twilio)'],
	['umeng', 'https://logs.example-shop.com/unify_logs', JSON.stringify({ header: { appkey: '5e8f1a2b', umid: '0a1b2c3d', sdk_version: '9.1.0' } }), JSON_TYPE, 'Umeng SDK', 'Alibaba Group'],
	['appmetrica', 'https://report.example-shop.com/report?deviceid=0a1b2c3d&analytics_sdk_version_name=5.3.0', undefined, undefined, 'AppMetrica SDK', 'Yandex'],
	['sentry', 'https://errors.example-shop.com/api/store', JSON.stringify({ event_id: 'abc', sdk: { name: 'sentry.java.android', version: '6.17.0' } }), JSON_TYPE, 'Sentry SDK', 'Sentry'],
	['branch', 'https://links.example-shop.com/v1/open', JSON.stringify({ branch_key: 'key_live_abcdefghijklmnop' }), JSON_TYPE, 'Branch SDK', 'Branch Metrics'],
	['braze', 'https://engage.example-shop.com/api/v3/data', JSON.stringify({ api_key: 'k', device_id: 'd', sdk_version: '24.3.0', respond_with: {} }), JSON_TYPE, 'Braze SDK', 'Braze'],
	// web
	['posthog', 'https://ph.example-shop.com/e/', JSON.stringify({ event: '$pageview', properties: { token: 'phc_0123456789abcdefghijABCDEFGHIJ', distinct_id: 'd-1', $lib: 'web' } }), JSON_TYPE, 'PostHog', 'PostHog'],
	['plausible', 'https://stats.example-shop.com/api/event', JSON.stringify({ n: 'pageview', u: 'https://example-shop.com/', d: 'example-shop.com' }), JSON_TYPE, 'Plausible Analytics', 'Plausible Insights'],
	['snowplow', 'https://sp.example-shop.com/com.snowplowanalytics.snowplow/tp2', JSON.stringify({ schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4', data: [{ e: 'pv', tv: 'js-3.17.0', p: 'web' }] }), JSON_TYPE, 'Snowplow', 'Snowplow Analytics'],
	['bugsnag', 'https://errors.example-shop.com/', JSON.stringify({ apiKey: '0123456789abcdef0123456789abcdef', notifier: { name: 'Bugsnag JavaScript', version: '7.22.0', url: 'https://github.com/bugsnag/bugsnag-js' }, events: [] }), JSON_TYPE, 'Bugsnag SDK', 'SmartBear']
];

describe('an SDK on a host no list knows', () => {
	it('covers every fingerprint', () => {
		expect([...CASES.map((c) => c[0]), 'adobe-analytics'].sort()).toEqual(FINGERPRINTS.map((f) => f.id).sort());
	});

	it('an SDK whose collector only its maker runs names the maker, and says why (Adobe Analytics on a CNAME)', () => {
		const url = 'https://smetrics.example-shop.com/b/ss/exprod/1/JS-2.23.0/s123?AQB=1&pageName=home&AQE=1';
		const { report } = analyze(readCapture({ name: 'sdk.har', bytes: harBytes([{ url }]) }));
		const destination = report.exchanges[0]!.destination!;
		expect(destination).toMatchObject({ site: 'example-shop.com', company: 'Adobe', product: 'Adobe Analytics' });
		expect(destination.source).toContain("sent to Adobe through a first-party name: Adobe's first-party collection is a CNAME");
		// Without the hit markers the path alone does not say so.
		const bare = analyze(readCapture({ name: 'sdk.har', bytes: harBytes([{ url: 'https://smetrics.example-shop.com/b/ss/exprod/1/x?pageName=home' }]) })).report;
		expect(bare.exchanges[0]!.destination!.company).toBeNull();
	});

	it.each(CASES)('%s: product, company null, made by its vendor', (id, url, body, contentType, product, maker) => {
		expect(FINGERPRINTS.find((f) => f.id === id)?.company).toBe(maker);
		const { report } = analyze(readCapture({ name: 'sdk.har', bytes: harBytes([{ url, ...(body !== undefined ? { body } : {}), ...(contentType ? { mimeType: contentType } : {}) }]) }));
		const destination = report.exchanges[0]!.destination!;
		expect(destination).toMatchObject({ site: 'example-shop.com', company: null, product });
		expect(destination.source).toContain(`(${product}, made by ${maker}, on a host no list knows)`);
		expect(report.summary.destinations?.[0]).toMatchObject({ site: 'example-shop.com', company: null, product });
	});

	it('a bare payload (no host at all): the same', () => {
		const exchange = exchangeOf(null, { body: `crc=5&gzip=1&data_list=${encodeURIComponent(base64Gzip(sensorsEvents))}` });
		expect(destinationOf(null, peelParts(exchange), exchange)).toEqual({
			host: '',
			site: '',
			company: null,
			product: 'Sensors Analytics SDK',
			category: 'analytics',
			source: 'fingerprint: form fields crc+gzip+data_list (Sensors Analytics SDK, made by Sensors Data)'
		});
	});

	it('a host whose company a list names keeps that company (the SDK’s maker is not who received the data)', () => {
		const exchange = exchangeOf('https://sa.api.intl.miui.com/sa?project=global_internet', { body: CASES[0]![2], contentType: FORM });
		expect(destinationOf(exchange.host, peelParts(exchange), exchange)).toMatchObject({ company: 'Xiaomi', product: 'Sensors Analytics SDK' });
	});
});
