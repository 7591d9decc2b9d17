/**
 * OneSignal push and messaging, mobile SDKs.
 * Sources:
 *  - https://documentation.onesignal.com/v9.0/reference/add-a-device (the players API: `device_os`, `device_model`,
 *    `game_version`, `external_user_id`, `identifier` — the push token —, `lat` / `long`)
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/onesignal.ts (requests observed in app traffic to onesignal.com/api/v1/players and api.onesignal.com/players:
 *    `android_package` / `ios_bundle`, `carrier`)
 * onesignal.com is OneSignal's in the bundled lists already, so this adapter lists no host.
 */
import type { SdkAdapter } from './adapter';

export const onesignal: SdkAdapter = {
	id: 'onesignal',
	name: 'OneSignal SDK',
	label: 'OneSignal',
	company: 'OneSignal',
	category: 'analytics',
	endpoints: [
		{
			host: /(?:^|\.)onesignal\.com$/,
			path: /^\/(?:api\/v1\/)?players(?:\/|$)/,
			params: {
				device_os: { type: 'device.os_version', meaning: 'OS version' },
				device_model: { type: 'device.model', meaning: 'device model' },
				android_package: { type: 'app.package', meaning: "the app's package" },
				ios_bundle: { type: 'app.package', meaning: "the app's bundle ID" },
				external_user_id: { type: 'user.id', meaning: "the app's own user ID", check: (v) => v !== '0' },
				carrier: { type: 'network.carrier', meaning: 'mobile carrier' }
			}
		}
	]
};
