/**
 * ironSource mediation and ads, part of Unity Technologies since 2022.
 * Sources:
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/ironsource.ts (logs.ironsrc.mobi/logs?data=<base64 JSON>: `data.deviceid` the advertising ID,
 *    `deviceosversion`, `devicemodel`, `bundleid`)
 *  - https://github.com/tweaselORG/TrackHAR (the adapters document requests observed in real app traffic)
 *  - https://investors.unity.com/news/news-details/2022/Unity-Completes-Merger-with-ironSource/default.aspx (the merger)
 * Spelled as the bundled lists spell the company of supersonicads.com, ironSource's other host.
 */
import type { SdkAdapter } from './adapter';

export const ironsource: SdkAdapter = {
	id: 'ironsource',
	name: 'ironSource SDK',
	label: 'ironSource',
	company: 'Unity Technologies',
	category: 'advertising',
	listings: [
		{
			hosts: ['ironsrc.mobi', 'ironsrc.com'],
			product: 'ironSource',
			category: 'advertising',
			source: 'ironSource (Unity Technologies since 2022): logs.ironsrc.mobi in https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/ironsource.ts'
		}
	],
	endpoints: [
		{
			host: /(?:^|\.)ironsrc\.mobi$/,
			path: /^\/logs/,
			params: {
				deviceid: { type: 'ad.advertising_id', meaning: 'advertising ID (deviceid)' },
				deviceosversion: { type: 'device.os_version', meaning: 'OS version' },
				devicemodel: { type: 'device.model', meaning: 'device model' },
				bundleid: { type: 'app.package', meaning: "the app's bundle ID" }
			}
		}
	]
};
