/**
 * AppsFlyer: the SDK posts JSON to *.appsflyer.com/api/v…/androidevent with `appsflyerKey` (older SDKs),
 * `af_timestamp`, `uid` (the AppsFlyer ID, `<ms timestamp>-<digits>`), `advertiserId`, `af_v` / `af_v2` checksums.
 * Facts from AppsFlyer's public SDK integration docs and published traffic analyses.
 */
import type { SdkFingerprint } from './fingerprint';
import { findObject, hasAll, textOf } from './shape';

const APPSFLYER_ID = /^\d{13}-\d{6,20}$/;

export const appsflyer: SdkFingerprint = {
	id: 'appsflyer',
	product: 'AppsFlyer SDK',
	// AppsFlyer Ltd. (https://www.appsflyer.com), which publishes its SDKs under github.com/AppsFlyerSDK.
	vendor: 'AppsFlyer',
	category: 'attribution',
	match(shape) {
		if (findObject(shape, (f) => f.has('appsflyerKey') && f.has('af_timestamp'))) return 'fields appsflyerKey + af_timestamp';
		if (findObject(shape, (f) => hasAll(f, ['af_timestamp', 'af_v']) || (f.has('af_timestamp') && APPSFLYER_ID.test(textOf(f.get('uid')) ?? '')))) {
			return 'fields af_timestamp + af_v or an AppsFlyer uid';
		}
		return null;
	}
};
