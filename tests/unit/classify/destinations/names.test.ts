/**
 * Who received an exchange is reported as { company, product }. Where Telltale itself puts the two together (its
 * overlay, and an owner named by the overlay with a product from the bundled lists) the product must say something
 * the company does not, and must be the product at that host. A pair the bundled dataset states itself ("Mixpanel" by
 * Mixpanel) is passed on as the dataset spells it: the page shows such a repeat once (destination-label.ts).
 */
import { describe, expect, it } from 'vitest';
import { destinationOf } from '../../../../src/lib/core/classify/destination';
import { OVERLAY } from '../../../../src/lib/core/classify/destinations/overlay';

// [host, company, product]
const NAMES: Array<[string, string | null, string | null]> = [
	// An owner from the overlay over a bundled entry named only after a company: no product.
	['update.miui.com', 'Xiaomi', null],
	['www.mi.com', 'Xiaomi', null],
	['g.alicdn.com', 'Alibaba Group', null],
	['www.aliexpress.com', 'Alibaba Group', null],
	['iot.heytapmobi.com', 'OPPO', null],
	// One app's name for every qq.com host was wrong; Tencent's location API is named for what it is.
	['news.qq.com', 'Tencent', null],
	['apis.map.qq.com', 'Tencent', 'Tencent Location Service (WebService API)'],
	// The overlay's own entries: a product only when it names more than the company.
	['app.adjust.com', 'Adjust (AppLovin)', null],
	['t.appsflyer.com', 'AppsFlyer', null],
	['api2.branch.io', 'Branch Metrics', null],
	['o447951.ingest.sentry.io', 'Sentry', null],
	['sdk.iad-01.braze.com', 'Braze', null],
	['control.kochava.com', 'Kochava', null],
	['sdk-api-v1.singular.net', 'Singular', null],
	['api.growingio.com', 'GrowingIO', null],
	// Products that say more stay.
	['www.aliyun.com', 'Alibaba Group', 'Alibaba Cloud'],
	['world.taobao.com', 'Alibaba Group', 'Taobao'],
	['metrics1.data.hicloud.com', 'Huawei', 'Huawei Mobile Services (HMS) Core'],
	['sdk-data.sensorsdata.cn', 'Sensors Data', 'Sensors Analytics'],
	['report.appmetrica.yandex.net', 'Yandex', 'AppMetrica'],
	['firebase-settings.crashlytics.com', 'Google', 'Firebase Crashlytics'],
	['ulogs.umeng.com', 'Alibaba Group', 'Umeng (U-App analytics)'],
	// The bundled dataset's own pairs, as it spells them.
	['api-js.mixpanel.com', 'Mixpanel', 'Mixpanel'],
	['www.google.com', 'Google', 'Google'],
	['www.google-analytics.com', 'Google', 'Google Analytics']
];

const LEGAL_FORM = new Set(['inc', 'llc', 'ltd', 'gmbh', 'co', 'corp', 'corporation', 'limited', 'group', 'holdings', 'company']);
const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0 && !LEGAL_FORM.has(w));

describe('destination names', () => {
	it.each(NAMES)('%s → %s / %s', (host, company, product) => {
		const destination = destinationOf(host, [], null);
		expect({ company: destination?.company, product: destination?.product }).toEqual({ company, product });
	});

	it.each(OVERLAY.filter((e) => e.product !== undefined).map((e) => [e.hosts[0]!, e.company, e.product!]))('overlay %s: the product %s / %s names more than the company', (_host, company, product) => {
		const companyWords = new Set(words(company));
		expect(words(product).some((w) => !companyWords.has(w))).toBe(true);
	});
});
