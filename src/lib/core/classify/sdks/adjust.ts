/**
 * Adjust mobile measurement and attribution. The SDK posts forms to app.adjust.com/session, /event, /sdk_click,
 * /attribution with `app_token`, `environment` (sandbox / production), `created_at`, `client_sdk` (`android4.38.0`)
 * and device IDs.
 * Sources:
 *  - https://github.com/adjust/android_sdk (LICENSE: adjust GmbH; the request builders)
 *  - https://github.com/adjust/ios_sdk
 *  - https://www.adjust.com (acquired by AppLovin in 2021; AdGuard companiesdb files adjust.com under AppLovin)
 */
import type { SdkAdapter } from './adapter';
import { fieldSources } from './shape';

const CLIENT_SDK = /^(?:android|ios|unity|react_native|flutter|cordova|web|windows|xamarin|cocos2dx|corona|adobe_air|marmalade)\d/;

export const adjust: SdkAdapter = {
	id: 'adjust',
	name: 'Adjust SDK',
	label: 'Adjust',
	company: 'Adjust (AppLovin)',
	category: 'attribution',
	// No product: "Adjust" by Adjust would name the company twice.
	listings: [{ hosts: ['adjust.com', 'adj.st'], category: 'attribution', source: 'Adjust mobile measurement and attribution, https://www.adjust.com (acquired by AppLovin in 2021)' }],
	fingerprint(shape) {
		for (const get of fieldSources(shape)) {
			if (get('app_token') === null) continue;
			const sdk = get('client_sdk');
			if (sdk !== null && CLIENT_SDK.test(sdk)) return `fields app_token + client_sdk=${sdk.replace(/\d.*/, '')}…`;
			const environment = get('environment');
			if ((environment === 'sandbox' || environment === 'production') && get('created_at') !== null) return 'fields app_token + environment + created_at';
		}
		return null;
	}
};
