/**
 * Chartboost ads (Zynga since 2021, Take-Two Interactive since 2022).
 * Sources:
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/chartboost.ts (live.chartboost.com/api/install, /api/config, /banner/show and the webview/v2 calls: JSON with
 *    `bundle_id`, `model`, and `identity`, a base64 JSON holding `gaid` / `ifa`)
 *  - https://docs.chartboost.com/en/monetization/charles-web-proxy/#interpreting-charles-results (the vendor on its requests)
 * chartboost.com keeps the bundled lists' company (Take-Two Interactive), so this adapter lists no host.
 */
import type { SdkAdapter } from './adapter';

export const chartboost: SdkAdapter = {
	id: 'chartboost',
	name: 'Chartboost SDK',
	label: 'Chartboost',
	company: 'Chartboost',
	category: 'advertising',
	endpoints: [
		{
			host: /(?:^|\.)chartboost\.com$/,
			path: /^\/(?:api|banner|webview|auction)\//,
			params: {
				gaid: { type: 'ad.advertising_id', meaning: 'advertising ID (identity.gaid)' },
				ifa: { type: 'ad.advertising_id', meaning: 'advertising ID (identity.ifa)' },
				bundle_id: { type: 'app.package', meaning: "the app's bundle ID" },
				model: { type: 'device.model', meaning: 'device model' }
			}
		}
	]
};
