/** Web monitoring and engagement adapters: documented requests give their company and findings; SDK constants are dropped. */
import { describe, expect, it } from 'vitest';
import { exchangeOfRow, type WebRow } from './web-helpers';

const J = 'application/json';
const ROWS: WebRow[] = [
	['datadog-rum', 'https://browser-intake-datadoghq.com/api/v2/rum?ddsource=browser&dd-api-key=pub0123456789abcdef0123456789abcdef', JSON.stringify({ type: 'view', usr: { id: 'assure-190772' }, view: { id: '4f9c2c3e-1111-2222-3333-444455556666', url: 'https://portal.example.com/claims', referrer: 'https://portal.example.com/' } }), 'text/plain', 'Datadog', [['user.id', 'assure-190772'], ['browsing.url', 'https://portal.example.com/claims'], ['browsing.url', 'https://portal.example.com/']]],
	['newrelic-browser', 'https://bam.nr-data.net/1/NRJS-0123456789abcdef012?a=123456&v=1.250.0&t=Unnamed%20Transaction&ref=https%3A%2F%2Fnews.example.com%2F2023%2Fstory', undefined, undefined, 'New Relic', [['browsing.url', 'https://news.example.com/2023/story']]],
	['newrelic-browser', 'https://bam.nr-data.net/amp?appId=1&licenseKey=k&ampUrl=https%3A%2F%2Fnews.example.com%2Famp%2Fstory&canonicalUrl=https%3A%2F%2Fnews.example.com%2Fstory', undefined, undefined, 'New Relic', [['browsing.url', 'https://news.example.com/amp/story'], ['browsing.url', 'https://news.example.com/story']]],
	['onesignal-web', 'https://onesignal.com/api/v1/players', JSON.stringify({ app_id: 'ee88ae94-b8d5-41c9-9fab-55e5486b4809', device_type: 5, identifier: 'https://fcm.googleapis.com/fcm/send/dQw4w9WgXcQ:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx' }), J, 'OneSignal', [['user.id', 'https://fcm.googleapis.com/fcm/send/dQw4w9WgXcQ:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx']]],
	['intercom-web', 'https://api-iam.intercom.io/messenger/web/ping', 'app_id=abc123', 'application/x-www-form-urlencoded', 'Intercom', []],
	['hotjar', 'https://in.hotjar.com/api/v2/client/sites/123/visit-data', '{}', J, 'Hotjar', []],
	['fullstory', 'https://rs.fullstory.com/rec/page', '{}', J, 'FullStory', []],
	['microsoft-clarity', 'https://c.clarity.ms/collect', '{}', J, 'Microsoft Corporation', []]
];

describe('web monitoring and engagement adapters', () => {
	it.each(ROWS)('%s: %s', (_id, url, body, mime, company, expected) => {
		const exchange = exchangeOfRow(url, body, mime);
		expect(exchange.destination?.company).toBe(company);
		const found = exchange.findings.map((f) => [f.type, f.value]);
		for (const pair of expected) expect(found, JSON.stringify(found)).toContainEqual(pair);
	});

	it('Datadog: the client token is public, no finding', () => {
		const exchange = exchangeOfRow('https://browser-intake-datadoghq.eu/api/v2/logs?dd-api-key=pub0123456789abcdef0123456789abcdef', JSON.stringify({ message: 'x' }), 'text/plain');
		expect(exchange.findings.some((f) => f.value.includes('pub0123456789abcdef'))).toBe(false);
	});

	it('Bugsnag: the notifier URL is the library, not a page', () => {
		const body = JSON.stringify({ notifier: { name: 'Bugsnag JavaScript', version: '7.22.0', url: 'https://github.com/bugsnag/bugsnag-js' }, app: { version: '1' }, sessions: [{ id: 's-1', startedAt: '2023-11-14T22:13:20Z' }] });
		const exchange = exchangeOfRow('https://sessions.bugsnag.com/', body, J);
		expect(exchange.findings.map((f) => f.value)).not.toContain('https://github.com/bugsnag/bugsnag-js');
	});
});
