/** Web advertising tags: a documented hit gives its company and the findings its field map promises. */
import { describe, expect, it } from 'vitest';
import { exchangeOfRow, type WebRow } from './web-helpers';

const FORM = 'application/x-www-form-urlencoded';
const SHA = '95c6a04bd18cde4805ae3fdcd8abcaf3a309ce2095c6a04bd18cde4805ae3fdc';
const ROWS: WebRow[] = [
	['bing-uet', 'https://bat.bing.com/action/0?ti=123456&Ver=2&mid=eeb8884c-7abb-0791-3ae6-6348dd889664&evt=pageLoad&tl=Payday%20loans&p=https%3A%2F%2Ffinance.example.com%2Floans%2F&r=https%3A%2F%2Ffinance.example.com%2F', undefined, undefined, 'Microsoft Corporation', [['browsing.title', 'Payday loans'], ['browsing.url', 'https://finance.example.com/loans/'], ['browsing.url', 'https://finance.example.com/']]],
	['google-ads', 'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?cv=11&url=https%3A%2F%2Fshop.example.com%2Fdanke&ref=https%3A%2F%2Fshop.example.com%2Fkasse&tiba=Vielen%20Dank', undefined, undefined, 'Google', [['browsing.url', 'https://shop.example.com/danke'], ['browsing.url', 'https://shop.example.com/kasse'], ['browsing.title', 'Vielen Dank']]],
	['pinterest-tag', `https://ct.pinterest.com/v3/?tid=2612345678901&event=checkout&ad=${encodeURIComponent(JSON.stringify({ loc: 'https://home.example.com/thanks', ref: 'https://home.example.com/cart' }))}&pd=${encodeURIComponent(JSON.stringify({ em: SHA }))}`, undefined, undefined, 'Pinterest', [['browsing.url', 'https://home.example.com/thanks'], ['browsing.url', 'https://home.example.com/cart'], ['contact.email', SHA]]],
	['snap-pixel', 'https://tr.snapchat.com/p', `pid=abc-123&ev=PAGE_VIEW&pl=https%3A%2F%2Fbeauty.example.com%2Forder&rf=https%3A%2F%2Fbeauty.example.com%2Fcart&u_hem=${SHA}&u_hpn=${SHA.replace(/9/g, '8')}`, FORM, 'Snap Inc.', [['browsing.url', 'https://beauty.example.com/order'], ['browsing.url', 'https://beauty.example.com/cart'], ['contact.email', SHA], ['contact.phone', SHA.replace(/9/g, '8')]]],
	['x-pixel', 'https://analytics.twitter.com/i/adsct?txn_id=o1234&p_id=Twitter&tw_document_href=https%3A%2F%2Fvpn.example.com%2Fdownload', undefined, undefined, 'X (formerly Twitter)', [['browsing.url', 'https://vpn.example.com/download']]],
	['linkedin-insight', 'https://px.ads.linkedin.com/collect?v=2&fmt=js&pid=123456&time=1700000000000&url=https%3A%2F%2Fjobs.example.com%2Fapply', undefined, undefined, 'Microsoft Corporation', [['browsing.url', 'https://jobs.example.com/apply']]],
	['tiktok-pixel', 'https://analytics.tiktok.com/api/v2/pixel', JSON.stringify({ event: 'ViewContent', context: { pixel: { code: 'C123' }, page: { url: 'https://store.example.com/p/1', referrer: 'https://store.example.com/' }, library: { name: 'pixel.js', version: '2.1' } } }), 'application/json', 'ByteDance', [['browsing.url', 'https://store.example.com/p/1'], ['browsing.url', 'https://store.example.com/']]],
	['reddit-pixel', 'https://alb.reddit.com/rp.gif?id=t2_abc123&event=PageVisit', undefined, undefined, 'Reddit', []],
	['criteo-onetag', 'https://sslwidget.criteo.com/event?a=12345&v=5.23.0&tld=example.com', undefined, undefined, 'Criteo', []]
];

describe('web advertising adapters', () => {
	it.each(ROWS)('%s: %s', (_id, url, body, mime, company, expected) => {
		const exchange = exchangeOfRow(url, body, mime);
		expect(exchange.destination?.company).toBe(company);
		const found = exchange.findings.map((f) => [f.type, f.value]);
		for (const pair of expected) expect(found, JSON.stringify(found)).toContainEqual(pair);
	});

	it('Microsoft UET: `mid` is a message ID, no user ID', () => {
		const exchange = exchangeOfRow('https://bat.bing.com/action/0?ti=1&mid=eeb8884c-7abb-0791-3ae6-6348dd889664&evt=pageLoad');
		expect(exchange.findings.some((f) => f.value === 'eeb8884c-7abb-0791-3ae6-6348dd889664')).toBe(false);
	});
});
