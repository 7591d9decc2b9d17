/**
 * MoPub ads (Twitter's until 2022, then AppLovin's; the SDK is retired but still in installed apps).
 * Sources:
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/mopub.ts (ads.mopub.com/m/open, /m/gdpr_sync and /m/ad:
 *    JSON with `udid` — "ifa:" and the advertising ID, or "mopub:" and MoPub's own ID when ad tracking is limited —,
 *    `consent_ifa`, `ifv`, `bundle`, `osv`, `make`, `model`, `cn` the carrier name)
 *  - https://web.archive.org/web/20220222115549/https://github.com/mopub/mopub-ios-sdk/blob/4b5e70e4ff69b0c3f4ab71a8791f5e7351ad2828/MoPubSDK/Internal/MPAdServerKeys.m
 *    (the SDK's own key names: `cn` carrier name, `ifv`, `av`, `nv`)
 * mopub.com keeps the bundled lists' company, so this adapter lists no host.
 */
import type { SdkAdapter } from './adapter';

export const mopub: SdkAdapter = {
	id: 'mopub',
	name: 'MoPub SDK',
	label: 'MoPub',
	company: 'X (formerly Twitter)',
	category: 'advertising',
	endpoints: [
		{
			host: /(?:^|\.)mopub\.com$/,
			path: /^\/m\/(?:open|gdpr_sync|ad|imp|aclk)$/,
			params: {
				// The scheme-tagged value is split by the tagged-ID codec: `ifa` then names the advertising ID, `mopub` MoPub's ID.
				ifa: { type: 'ad.advertising_id', meaning: 'the advertising ID (udid "ifa:…")' },
				mopub: { type: 'user.id', meaning: "MoPub's own ID of the device, sent when ad tracking is limited (udid \"mopub:…\")" },
				consent_ifa: { type: 'ad.advertising_id', meaning: 'the advertising ID given with consent' },
				ifv: { type: 'user.id', meaning: "the app vendor's ID of the device (identifierForVendor)" },
				cn: { type: 'network.carrier', meaning: 'carrier name' },
				osv: { type: 'device.os_version', meaning: 'OS version' }
			},
			neutral: { av: "the app's version", nv: "the SDK's version" }
		}
	]
};
