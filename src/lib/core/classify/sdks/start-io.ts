/**
 * Start.io (formerly StartApp) mobile ads.
 * Sources:
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/start-io.ts (infoevent.startappservice.com/tracking/infoEvent — JSON — and
 *    trackdownload.startappservice.com/trackdownload/api/1.0/trackdownload — query: `userAdvertisingId` (0 when none),
 *    `packageId`, `appActivity` the activity on screen, `deviceVersion`, `model`, `ispName` / `ispCarrIdName`)
 *  - https://www.start.io (the company; https://www.startapp.com redirects there)
 */
import type { SdkAdapter } from './adapter';

export const startIo: SdkAdapter = {
	id: 'start-io',
	name: 'Start.io SDK',
	label: 'Start.io',
	company: 'Start.io',
	category: 'advertising',
	listings: [
		{ hosts: ['startappservice.com', 'startappnetwork.com'], product: 'Start.io (StartApp) ads', category: 'advertising', source: 'Start.io, formerly StartApp: https://www.start.io' }
	],
	endpoints: [
		{
			host: /(?:^|\.)startappservice\.com$/,
			path: /^\//,
			params: {
				userAdvertisingId: { type: 'ad.advertising_id', meaning: 'advertising ID', check: (v) => v !== '0' },
				packageId: { type: 'app.package', meaning: "the app's package" },
				appActivity: { type: 'app.screen', meaning: 'activity on screen' },
				deviceVersion: { type: 'device.os_version', meaning: 'OS version' },
				model: { type: 'device.model', meaning: 'device model' },
				ispName: { type: 'network.carrier', meaning: 'mobile carrier' },
				ispCarrIdName: { type: 'network.carrier', meaning: 'mobile carrier' }
			}
		}
	]
};
