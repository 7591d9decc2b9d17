/**
 * Google Analytics for Firebase: protobuf batches to app-measurement.com/a, without field names. The app is named by
 * its GMP app ID (`1:<project number>:android:<hex>`); events use reserved short names (`_s` session start, `_e`
 * engagement, `_vs` screen view) with the `_o` origin parameter.
 * Sources:
 *  - https://firebase.google.com/docs/analytics (public SDK docs) and https://github.com/firebase/firebase-android-sdk ("Copyright Google LLC")
 *  - [L] https://github.com/lari/firebase-ga4-app-measurement-protobuf (app-measurement.proto, a community definition of
 *    `Batch { repeated Bundle bundle = 1 }`; Lari Haataja, "Unraveling Firebase Analytics GA4 calls to app-measurement.com")
 *  - [T] tweasel TrackHAR's `google/app-measurement` adapter, https://trackers.tweasel.org (values observed per path `1.*.N`)
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/google.ts (Firebase Installations and Remote Config:
 *    the app's package in the X-Android-Package header, its signing certificate's hash in X-Android-Cert)
 *  - https://github.com/firebase/firebase-android-sdk/blob/HEAD/firebase-installations/src/main/java/com/google/firebase/installations/remote/FirebaseInstallationServiceClient.java
 *    (the same two headers on every request to firebaseinstallations.googleapis.com)
 * Google publishes no schema: the field numbers below are those [L] and [T] agree on. Field 20 is left out: [L] lists
 * it as unknown (values like "1") and [T] does not name it, so we cannot honestly call it the limit-ad-tracking flag.
 */
import type { SdkAdapter } from './adapter';

const GMP_APP_ID = /^1:\d{6,15}:(?:android|ios|web):[0-9a-f]{6,40}$/;
const RESERVED_EVENTS = ['_s', '_e', '_vs', '_ab', '_ui', '_si', '_sn', '_sc', '_et', '_fot', '_f', '_v', '_sid', '_sno'];
const UPLOAD_HOST = /(?:^|\.)app-measurement\.com$/;

export const firebase: SdkAdapter = {
	id: 'firebase',
	name: 'Google Analytics for Firebase',
	label: 'Firebase',
	company: 'Google',
	category: 'analytics',
	endpoints: [
		{
			host: /^(?:firebaseinstallations|firebaseremoteconfig|firebaselogging-pa|crashlyticsreports-pa)\.googleapis\.com$/,
			path: /^\//,
			headers: { 'x-android-package': { type: 'app.package', meaning: "the app's package name" } }
		}
	],
	numbered: {
		at: { host: UPLOAD_HOST, path: /^\/a$/ },
		messages: {
			'1': {
				name: 'bundle',
				fields: {
					// [L] operating_system_version = 9; [T] "OS version" 1.*.9
					'9': { type: 'device.os_version', as: 'os_version', meaning: 'OS version' },
					// [L] device_model = 10
					'10': { type: 'device.model', as: 'device_model', meaning: 'device model' },
					// [L] app_id = 14; [T] "App ID" 1.*.14 (the package / bundle name)
					'14': { type: 'app.package', as: 'package_name', meaning: 'app ID' },
					// [T] "Device advertising ID (GAID/IDFA)" 1.*.19
					'19': { type: 'ad.advertising_id', as: 'advertising_id', meaning: 'advertising ID' },
					// [L] app_instance_id = 21
					'21': { type: 'user.id', as: 'app_instance_id', meaning: 'app instance ID' },
					// [L] resettable_device_id = 27; [T] "Developer-scoped device ID (IDFV/ASID/ANDROID_ID)" 1.*.27
					'27': { type: 'user.id', as: 'vendor_id', meaning: 'developer-scoped device ID' },
					// [L] firebase_instance_id = 30
					'30': { type: 'user.id', as: 'firebase_instance_id', meaning: 'Firebase instance ID' }
				}
			}
		},
		// [L] Event.param = 1, Param { name = 1, string_value = 2 }; Bundle.user_property = 3, { name = 2, string_value = 3 }
		pairs: [
			{ chain: '1.2.1', value: '2', name: '1', kind: 'event parameter' },
			{ chain: '1.3', value: '3', name: '2', kind: 'user property' }
		],
		// The public names in FirebaseAnalytics.Param map to these internal short names.
		reservedNames: {
			_sn: { type: 'app.screen', as: 'screen_name', meaning: 'screen name' },
			_sc: { type: 'app.screen', as: 'screen_class', meaning: 'screen class' }
		}
	},
	fingerprint(shape) {
		if (shape.host !== null && UPLOAD_HOST.test(shape.host) && shape.path === '/a') return 'measurement batch POST /a on app-measurement.com';
		let appId = false;
		for (const text of shape.shortTexts) if (GMP_APP_ID.test(text)) appId = true;
		if (!appId) return null;
		const reserved = RESERVED_EVENTS.filter((name) => shape.shortTexts.has(name)).length;
		if (shape.shortTexts.has('_o') && reserved >= 2) return 'GMP app ID 1:…:android|ios:… with reserved events (_o, _s, _e…)';
		return null;
	}
};
