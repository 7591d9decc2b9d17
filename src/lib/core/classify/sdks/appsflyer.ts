/**
 * AppsFlyer mobile attribution. The SDK posts JSON to *.appsflyer.com/api/v…/androidevent with `appsflyerKey`
 * (older SDKs), `af_timestamp`, `uid` (the AppsFlyer ID, `<ms timestamp>-<digits>`), `advertiserId`, `af_v` / `af_v2`
 * checksums.
 * Sources:
 *  - https://dev.appsflyer.com/hc/docs/integrate-android-sdk (SDK integration)
 *  - https://github.com/AppsFlyerSDK (the maker's SDKs)
 *  - https://dev.appsflyer.com/hc/reference/s2s-events-api3-overview (server-to-server events: POST
 *    api3.appsflyer.com/inappevent/{app id} with `appsflyer_id`, `advertising_id` and `customer_user_id`, the app's own ID
 *    of its user, set in the SDK with setCustomerUserId)
 */
import type { SdkAdapter } from './adapter';
import { findObject, hasAll, textOf } from './shape';

const APPSFLYER_ID = /^\d{13}-\d{6,20}$/;

export const appsflyer: SdkAdapter = {
	id: 'appsflyer',
	name: 'AppsFlyer SDK',
	label: 'AppsFlyer',
	company: 'AppsFlyer',
	category: 'attribution',
	listings: [{ hosts: ['appsflyer.com', 'appsflyersdk.com', 'onelink.me'], category: 'attribution', source: 'AppsFlyer mobile attribution, https://www.appsflyer.com' }],
	endpoints: [
		{
			host: /(?:^|\.)appsflyer(?:sdk)?\.com$/,
			path: /^\//,
			params: { customer_user_id: { type: 'user.id', meaning: "the app's own ID of its user (customer_user_id)" } }
		}
	],
	fingerprint(shape) {
		if (findObject(shape, (f) => f.has('appsflyerKey') && f.has('af_timestamp'))) return 'fields appsflyerKey + af_timestamp';
		if (findObject(shape, (f) => hasAll(f, ['af_timestamp', 'af_v']) || (f.has('af_timestamp') && APPSFLYER_ID.test(textOf(f.get('uid')) ?? '')))) {
			return 'fields af_timestamp + af_v or an AppsFlyer uid';
		}
		return null;
	}
};
