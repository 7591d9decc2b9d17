/**
 * Google Ads conversion and remarketing tags (gtag.js / the AMP googleadwords vendor): hits on
 * googleads.g.doubleclick.net/pagead/viewthroughconversion/<id>/ and www.googleadservices.com/pagead/conversion/<id>/
 * with `url` (page), `ref` (referrer), `tiba` (page title); Floodlight counters on ad.doubleclick.net and
 * fls.doubleclick.net /activityi, /activity with `~oref` (page) and `auiddc` (the _gcl_au first-party ID) when sent as
 * query parameters.
 * Sources:
 *  - https://github.com/MisterPhilip/omnibug (src/providers/GoogleAds.js: url, tiba, label; GoogleDoubleClick.js: src, type, cat, ord, ~oref)
 *  - https://github.com/ampproject/amphtml (extensions/amp-analytics/0.1/vendors/googleadwords.json: url, ref, tiba)
 *  - https://support.google.com/campaignmanager/answer/7554821 (Floodlight tags)
 * Floodlight usually sends its fields as `;key=value` in the path, which Telltale does not split: those stay unread.
 */
import type { SdkAdapter } from './adapter';

export const googleAds: SdkAdapter = {
	id: 'google-ads',
	name: 'Google Ads tag',
	label: 'Google Ads',
	company: 'Google',
	category: 'advertising',
	endpoints: [
		{
			host: /(?:^|\.)(?:doubleclick\.net|googleadservices\.com|google\.com)$/,
			path: /^\/pagead\/(?:viewthrough|1p-)?conversion\//,
			params: {
				url: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				ref: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				tiba: { type: 'browsing.title', as: 'page_title', meaning: 'page title' }
			}
		},
		{
			host: /(?:^|\.)doubleclick\.net$/,
			path: /^\/activityi?(?:;|\/|$)/,
			params: {
				'~oref': { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				auiddc: { type: 'user.id', as: 'client_id', meaning: 'first-party conversion linker ID (_gcl_au)' }
			}
		}
	]
};
