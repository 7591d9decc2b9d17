/**
 * Microsoft Advertising Universal Event Tracking (UET, bat.js): hits on bat.bing.com/action/0 with `ti` (tag ID),
 * `evt` (event), `p` (page URL), `r` (referrer), `tl` (page title), `kw` (meta keywords), `mid` (a fresh ID per hit).
 * Sources:
 *  - https://help.ads.microsoft.com/#apex/ads/en/56682/2 (UET: what the tag collects)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/BingAds.js: ti, p, r, tl, kw, evt; test/providers/BingAds.js:
 *    two hits of one page view carry different `mid` values)
 * `mid` identifies a message, not a person: read under a key that names a message ID, so it is no user ID.
 */
import type { SdkAdapter } from './adapter';

export const bingUet: SdkAdapter = {
	id: 'bing-uet',
	name: 'Microsoft UET',
	label: 'Microsoft UET',
	company: 'Microsoft Corporation',
	category: 'advertising',
	endpoints: [
		{
			host: /(?:^|\.)bat\.bing\.(?:com|net)$/,
			path: /^\/action\/\d+$/,
			params: {
				p: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				r: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				tl: { type: 'browsing.title', as: 'page_title', meaning: 'page title' },
				mid: { type: 'user.id', as: 'message_id', meaning: 'message ID of this hit' }
			}
		}
	]
};
