/** Web analytics adapters: a request in each SDK's documented shape gives its company and the findings its field map promises. */
import { describe, expect, it } from 'vitest';
import { exchangeOfRow, type WebRow } from './web-helpers';

const J = 'application/json';
const ROWS: WebRow[] = [
	['posthog', 'https://us.i.posthog.com/e/?ver=1.2', JSON.stringify({ event: '$pageview', properties: { token: 'phc_0123456789abcdefghijABCDEFGHIJ', distinct_id: 'd-7f3e2d1c0b9a', $anon_distinct_id: '018bd2aa-0000-7b90-a3d2-5e6f7a8b9c0d', $device_id: '018bd2aa-1111-7b90-a3d2-5e6f7a8b9c0d', $current_url: 'https://shop.example.com/cart', $referrer: 'https://www.google.com/', $lib: 'web' } }), J, 'PostHog', [['user.id', '018bd2aa-0000-7b90-a3d2-5e6f7a8b9c0d'], ['user.id', '018bd2aa-1111-7b90-a3d2-5e6f7a8b9c0d'], ['browsing.url', 'https://shop.example.com/cart'], ['browsing.url', 'https://www.google.com/']]],
	['plausible', 'https://plausible.io/api/event', JSON.stringify({ n: 'pageview', u: 'https://clinic.example.com/appointments', d: 'clinic.example.com', r: 'https://www.qwant.com/' }), 'text/plain', 'Plausible Insights', [['browsing.url', 'https://clinic.example.com/appointments'], ['browsing.url', 'https://www.qwant.com/']]],
	['snowplow', 'https://sp.example.com/i?e=pv&tv=js-3.17.0&p=web&aid=news&url=https%3A%2F%2Fnews.example.com%2Fp&page=Cheap%20flights%20to%20Lisbon&duid=3c2b1a09-8f7e-4d6c-b5a4-938271605f4e', undefined, undefined, null, [['browsing.url', 'https://news.example.com/p'], ['browsing.title', 'Cheap flights to Lisbon'], ['user.id', '3c2b1a09-8f7e-4d6c-b5a4-938271605f4e']]],
	['heap', 'https://heapanalytics.com/h?a=352269000&u=8340303237011266&v=1666233288931105&s=5839986596567654&b=web&t=Billing%20page&r=https%3A%2F%2Fapp.example.com%2Fsessions', undefined, undefined, 'Heap (Contentsquare)', [['user.id', '8340303237011266'], ['browsing.title', 'Billing page'], ['browsing.url', 'https://app.example.com/sessions']]],
	['heap', 'https://heapanalytics.com/api/add_user_properties', JSON.stringify({ app_id: '11', identity: 'cust-33019', properties: { plan: 'pro' } }), J, 'Heap (Contentsquare)', [['user.id', 'cust-33019']]],
	['tealium', 'https://collect.tealiumiq.com/event', JSON.stringify({ tealium_account: 'acme', tealium_profile: 'main', tealium_visitor_id: '0187f624c97cd9731054699308bef5ba95b1', 'dom.url': 'https://pharmacy.example.com/women', 'dom.title': 'Contraception', 'dom.referrer': 'https://pharmacy.example.com/' }), J, 'Tealium', [['user.id', '0187f624c97cd9731054699308bef5ba95b1'], ['browsing.url', 'https://pharmacy.example.com/women'], ['browsing.title', 'Contraception'], ['browsing.url', 'https://pharmacy.example.com/']]],
	['hubspot', 'https://track.hubspot.com/__ptq.gif?a=123&k=1&pu=https%3A%2F%2Fsaas.example.com%2Fpricing&t=Pricing%20page&r=https%3A%2F%2Fwww.google.com%2F', undefined, undefined, 'HubSpot', [['browsing.url', 'https://saas.example.com/pricing'], ['browsing.title', 'Pricing page']]],
	['hubspot', 'https://api.hsforms.com/submissions/v3/integration/submit/1234567/78c2891f-ebdd-44c0-bd94-15c012bbbfbf', JSON.stringify({ fields: [{ name: 'firstname', value: 'Jo' }], context: { hutk: '7f3e2d1c0b9a89786756453423120f1e', pageUri: 'https://saas.example.com/demo', pageName: 'Book a demo' } }), J, 'HubSpot', [['user.id', '7f3e2d1c0b9a89786756453423120f1e'], ['browsing.url', 'https://saas.example.com/demo'], ['browsing.title', 'Book a demo']]],
	['amplitude', 'https://api2.amplitude.com/2/httpapi', JSON.stringify({ api_key: 'k', events: [{ event_type: '[Amplitude] Page Viewed', device_id: 'dev-1234-5678', event_properties: { '[Amplitude] Page Location': 'https://portal.example.com/treatment', '[Amplitude] Page Title': 'IVF cycle 2' } }] }), J, 'Amplitude', [['browsing.url', 'https://portal.example.com/treatment'], ['browsing.title', 'IVF cycle 2']]],
	['segment', 'https://api.segment.io/v1/p', JSON.stringify({ type: 'page', messageId: 'm-1', anonymousId: 'a-1234-5678', context: { page: { url: 'https://rentals.example.com/search?q=flat', title: 'Search results', referrer: 'https://rentals.example.com/' } } }), J, 'Segment', [['browsing.url', 'https://rentals.example.com/search?q=flat'], ['browsing.title', 'Search results']]],
	['mixpanel', 'https://api-js.mixpanel.com/track/?ip=1', `data=${encodeURIComponent(Buffer.from(JSON.stringify([{ event: '$mp_web_page_view', properties: { token: 't', distinct_id: 'd-1', mp_lib: 'web', current_page_title: 'Nurse jobs in Leeds' } }])).toString('base64'))}`, 'application/x-www-form-urlencoded', 'Mixpanel', [['browsing.title', 'Nurse jobs in Leeds']]],
	['klaviyo-web', 'https://a.klaviyo.com/client/events/?company_id=AbC123', JSON.stringify({ data: { type: 'event', attributes: { profile: { data: { type: 'profile', attributes: { _kx: 'Xy12_AbCdEfGhIjKlMnOp.QrStUv' } } }, metric: { data: { type: 'metric', attributes: { name: 'Viewed Product' } } } } } }), J, 'Klaviyo', [['user.id', 'Xy12_AbCdEfGhIjKlMnOp.QrStUv']]]
];

describe('web analytics adapters', () => {
	it.each(ROWS)('%s: %s', (_id, url, body, mime, company, expected) => {
		const exchange = exchangeOfRow(url, body, mime);
		if (company !== null) expect(exchange.destination?.company).toBe(company);
		const found = exchange.findings.map((f) => [f.type, f.value]);
		for (const pair of expected) expect(found, JSON.stringify(found)).toContainEqual(pair);
	});

	it('PostHog: $session_id is a visit, not a person, and the library name is no finding', () => {
		const exchange = exchangeOfRow('https://eu.i.posthog.com/e/', JSON.stringify({ event: 'x', properties: { token: 'phc_0123456789abcdefghijABCDEFGHIJ', distinct_id: 'd-1', $session_id: '018bd2aa-2222-7b90-a3d2-5e6f7a8b9c0d', $lib: 'posthog-js' } }), J);
		expect(exchange.findings.map((f) => f.value)).not.toContain('018bd2aa-2222-7b90-a3d2-5e6f7a8b9c0d');
		expect(exchange.findings.map((f) => f.value)).not.toContain('posthog-js');
	});

	it('Heap: `u` at another host means nothing', () => {
		const exchange = exchangeOfRow('https://stats.example.com/h?u=8340303237011266');
		expect(exchange.findings.some((f) => f.type === 'user.id')).toBe(false);
	});

	it('a nested name (context.page.title) is read only under its parents', () => {
		const exchange = exchangeOfRow('https://api.segment.io/v1/t', JSON.stringify({ type: 'track', messageId: 'm-1', anonymousId: 'a-1234-5678', properties: { title: 'Mr' }, context: { page: { title: 'Checkout' } } }), J);
		const titles = exchange.findings.filter((f) => f.type === 'browsing.title');
		expect(titles.find((f) => f.value === 'Checkout')?.confidence).toBe('high');
		expect(titles.find((f) => f.value === 'Mr')?.confidence ?? 'medium').not.toBe('high');
	});
});
