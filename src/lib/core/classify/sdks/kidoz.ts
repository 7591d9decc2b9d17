/**
 * Kidoz, a kid-safe mobile ad network (KIDOZ Ltd.).
 * Sources:
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/kidoz.ts (vast.kidoz.net/api/waterfall and sdk-api.kidoz.net/api/initSDK: query `google_id` — the advertising ID,
 *    by observed values —, `device_hash`, `package_id`, `os_version`, `model`, `carrier_name`;
 *    analytics.kidoz.net/parents/KidozRestMobile.php: `KidozEventsLogAsJson.DeviceParams` with `DeviceHash`, `PackageID`)
 *  - https://kidoz.net/kidoz-sdk/ (the SDK)
 */
import type { SdkAdapter } from './adapter';

export const kidoz: SdkAdapter = {
	id: 'kidoz',
	name: 'Kidoz SDK',
	label: 'Kidoz',
	company: 'Kidoz',
	category: 'advertising',
	listings: [{ hosts: ['kidoz.net'], category: 'advertising', source: 'Kidoz kid-safe ad network, https://kidoz.net/kidoz-sdk/' }],
	endpoints: [
		{
			host: /(?:^|\.)kidoz\.net$/,
			path: /^\/(?:api\/|parents\/)/,
			params: {
				google_id: { type: 'ad.advertising_id', meaning: 'advertising ID (google_id)' },
				device_hash: { type: 'user.id', meaning: 'Kidoz device hash' },
				DeviceHash: { type: 'user.id', meaning: 'Kidoz device hash' },
				package_id: { type: 'app.package', meaning: "the app's package" },
				PackageID: { type: 'app.package', meaning: "the app's package" },
				os_version: { type: 'device.os_version', meaning: 'OS version' },
				OsVersion: { type: 'device.os_version', meaning: 'OS version' },
				model: { type: 'device.model', meaning: 'device model' },
				DeviceModel: { type: 'device.model', meaning: 'device model' },
				carrier_name: { type: 'network.carrier', meaning: 'mobile carrier' }
			}
		}
	]
};
