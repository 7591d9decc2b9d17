/**
 * Adjust: the SDK posts forms to app.adjust.com/session, /event, /sdk_click, /attribution with `app_token`,
 * `environment` (sandbox / production), `created_at`, `client_sdk` (`android4.38.0`) and device IDs.
 * Facts from the open-source adjust android_sdk / ios_sdk.
 */
import type { SdkFingerprint } from './fingerprint';
import { fieldSources } from './shape';

const CLIENT_SDK = /^(?:android|ios|unity|react_native|flutter|cordova|web|windows|xamarin|cocos2dx|corona|adobe_air|marmalade)\d/;

export const adjust: SdkFingerprint = {
	id: 'adjust',
	product: 'Adjust SDK',
	// adjust GmbH (LICENSE of github.com/adjust/android_sdk), part of AppLovin since 2021 (AdGuard companiesdb files
	// adjust.com under AppLovin); spelled as the overlay spells the company of adjust.com.
	vendor: 'Adjust (AppLovin)',
	category: 'attribution',
	match(shape) {
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
