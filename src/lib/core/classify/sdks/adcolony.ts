/**
 * AdColony ads (Digital Turbine since 2022).
 * Sources:
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/adcolony.ts (adc3-launch.adcolony.com/v4/launch and (android|ios)adsN-N.adcolony.com/configure: JSON with
 *    `advertiser_id`, `carrier_name`, `os_version`, `device_model`, `bundle_id`)
 * adcolony.com keeps the bundled lists' company (Digital Turbine), so this adapter lists no host. `app_bundle_name` is the
 * app's name in TrackHAR's captures and a package name in others: it is read as a package only when it has that shape.
 */
import type { SdkAdapter } from './adapter';

export const adcolony: SdkAdapter = {
	id: 'adcolony',
	name: 'AdColony SDK',
	label: 'AdColony',
	company: 'Digital Turbine',
	category: 'advertising',
	endpoints: [
		{
			host: /(?:^|\.)adcolony\.com$/,
			path: /^\/(?:v\d+\/launch|configure)$/,
			params: {
				advertiser_id: { type: 'ad.advertising_id', meaning: 'advertising ID' },
				carrier_name: { type: 'network.carrier', meaning: 'mobile carrier' },
				carrier: { type: 'network.carrier', meaning: 'mobile carrier' },
				os_version: { type: 'device.os_version', meaning: 'OS version' },
				device_model: { type: 'device.model', meaning: 'device model' },
				bundle_id: { type: 'app.package', meaning: "the app's bundle ID" },
				app_bundle_name: { type: 'app.package', meaning: "the app's bundle", check: (v) => /^[A-Za-z][\w]*(?:\.[A-Za-z_][\w]*)+$/.test(v) }
			}
		}
	]
};
