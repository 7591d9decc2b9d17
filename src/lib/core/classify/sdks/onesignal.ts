/**
 * OneSignal push and messaging, mobile SDKs.
 * Sources:
 *  - https://documentation.onesignal.com/v9.0/reference/add-a-device (the players API: `device_os`, `device_model`,
 *    `game_version`, `external_user_id`, `identifier` — the push token —, `lat` / `long`)
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/onesignal.ts (requests observed in app traffic to onesignal.com/api/v1/players and api.onesignal.com/players:
 *    `android_package` / `ios_bundle`, `carrier`)
 * onesignal.com is OneSignal's in the bundled lists already, so this adapter lists no host. `device_os` is the OS version
 * only for phones (device_type 0 iOS, 1 Android, 2 Amazon, per the add-a-device reference); for web push it is the
 * browser's version, so it is read only beside such a device_type.
 */
import type { SdkAdapter } from './adapter';
import { textOf } from './shape';

const PHONE_DEVICE_TYPES = new Set(['0', '1', '2']);

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
				device_model: { type: 'device.model', meaning: 'device model' },
				android_package: { type: 'app.package', meaning: "the app's package" },
				ios_bundle: { type: 'app.package', meaning: "the app's bundle ID" },
				external_user_id: { type: 'user.id', meaning: "the app's own user ID", check: (v) => v !== '0' },
				carrier: { type: 'network.carrier', meaning: 'mobile carrier' }
			}
		},
		{
			// Never matched by the request's path: read only where the fields around say a phone's player record.
			path: /(?!)/,
			// Siblings are keyed by normalised name (lower case, no underscores): app_id → appid, device_type → devicetype.
			shape: (siblings) => siblings.has('appid') && PHONE_DEVICE_TYPES.has(textOf(siblings.get('devicetype')) ?? ''),
			params: { device_os: { type: 'device.os_version', meaning: 'OS version of the phone' } }
		}
	]
};
