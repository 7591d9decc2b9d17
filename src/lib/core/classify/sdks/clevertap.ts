/**
 * CleverTap engagement and analytics.
 * Sources:
 *  - https://github.com/CleverTap/clevertap-android-sdk (the request header object the SDK prepends to each batch:
 *    `g` = the CleverTap device ID, `type` = "meta", `af` = app fields; the device ID starts with "__")
 *  - https://github.com/CleverTap/clevertap-web-sdk (CHANGELOG 1.1.0: clevertap-prod.com instead of wzrkt.com as endpoint;
 *    regional hosts such as eu1.clevertap-prod.com)
 *  - https://clevertap.com (the company)
 */
import type { SdkAdapter } from './adapter';

/** CleverTap device IDs: "__" then a hex or UUID-like ID (the SDK's own, or "__g" / "__h" / "__i" prefixed variants). */
const CT_DEVICE_ID = /^__[a-z]?[0-9a-f]{16,}$|^__[a-z]?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const clevertap: SdkAdapter = {
	id: 'clevertap',
	name: 'CleverTap SDK',
	label: 'CleverTap',
	company: 'CleverTap',
	category: 'analytics',
	listings: [{ hosts: ['clevertap-prod.com', 'wzrkt.com', 'clevertap.com'], category: 'analytics', source: 'CleverTap, https://clevertap.com; SDK endpoint hosts in https://github.com/CleverTap/clevertap-web-sdk' }],
	endpoints: [
		{
			host: /(?:^|\.)(?:clevertap-prod\.com|wzrkt\.com)$/,
			path: /^\//,
			params: {
				g: {
					type: 'user.id',
					meaning: 'CleverTap device ID (header field g)',
					check: (v) => CT_DEVICE_ID.test(v),
					report: { confidence: 'high', check: (v) => CT_DEVICE_ID.test(v) }
				}
			}
		}
	]
};
