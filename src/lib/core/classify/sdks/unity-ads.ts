/**
 * Unity Ads, the ad SDK of Unity Technologies.
 * Sources:
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/unity.ts (requests observed in app traffic: publisher-config.unityads.unity3d.com/games/{id}/configuration and
 *    auction.unityads.unity3d.com/v4/…/games/{id}/requests; query `analyticsUserId`, `advertisingTrackingId`, `bundleId`,
 *    `deviceModel`, `osVersion`)
 *  - https://unity.com/products/unity-ads (the product)
 * unityads.unity3d.com is Unity Technologies' in the bundled lists already, so this adapter lists no host.
 */
import type { SdkAdapter } from './adapter';

export const unityAds: SdkAdapter = {
	id: 'unity-ads',
	name: 'Unity Ads SDK',
	label: 'Unity Ads',
	company: 'Unity Technologies',
	category: 'advertising',
	endpoints: [
		{
			host: /(?:^|\.)unityads\.unity3d\.com$/,
			path: /\/games\/[^/]+\//,
			params: {
				analyticsUserId: { type: 'user.id', meaning: "Unity's analytics user ID" },
				advertisingTrackingId: { type: 'ad.advertising_id', meaning: 'advertising ID' },
				bundleId: { type: 'app.package', meaning: "the app's bundle ID" },
				deviceModel: { type: 'device.model', meaning: 'device model' },
				osVersion: { type: 'device.os_version', meaning: 'OS version' }
			}
		}
	]
};
