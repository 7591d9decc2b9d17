/**
 * HubSpot: the tracking code's page-view beacon track.hubspot.com/__ptq.gif (`a` portal ID, `pu` page URL, `t` page
 * title, `po` path, `r` referrer, `vi` visitor ID = the hubspotutk cookie, `k` event kind) and form submissions to
 * api.hsforms.com/submissions/v3/integration/submit/<portal>/<form> with `{ fields: [{ name, value }], context:
 * { hutk, pageUri, pageName, ipAddress } }`.
 * Sources:
 *  - https://developers.hubspot.com/docs/api-reference/legacy/marketing/forms/v3-legacy/submit-data-unauthenticated
 *    (context.hutk "the hubspotutk cookie", pageUri, pageName, ipAddress)
 *  - https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser
 *    (hubspotutk: the visitor's identity)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/Hubspot.js: __ptq.gif, pu, t, po)
 */
import type { SdkAdapter } from './adapter';

export const hubspot: SdkAdapter = {
	id: 'hubspot',
	name: 'HubSpot',
	label: 'HubSpot',
	company: 'HubSpot',
	category: 'analytics',
	listings: [
		{
			hosts: ['hubspot.com', 'hsforms.com', 'hsforms.net', 'hs-analytics.net', 'hs-scripts.com', 'hscollectedforms.net', 'hs-banner.com', 'hubspot.net'],
			category: 'analytics',
			source: 'HubSpot tracking code and forms, https://developers.hubspot.com/docs/api-reference/legacy/marketing/forms/v3-legacy/submit-data-unauthenticated'
		}
	],
	endpoints: [
		{
			host: /(?:^|\.)hubspot\.com$/,
			path: /^\/__ptq\.gif$/,
			params: {
				pu: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				t: { type: 'browsing.title', as: 'page_title', meaning: 'page title' },
				r: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				vi: { type: 'user.id', as: 'visitor_id', meaning: 'visitor ID (hubspotutk cookie)' },
				hutk: { type: 'user.id', as: 'visitor_id', meaning: 'visitor ID (hubspotutk cookie)' }
			}
		},
		{
			host: /(?:^|\.)(?:hsforms\.com|hubspot\.com)$/,
			path: /^\/(?:submissions\/v3\/integration\/(?:secure\/)?submit|uploads\/form\/v2)\//,
			params: {
				hutk: { type: 'user.id', as: 'visitor_id', meaning: 'visitor ID (hubspotutk cookie)' },
				pageUri: { type: 'browsing.url', as: 'page_url', meaning: 'page address of the form' },
				pageUrl: { type: 'browsing.url', as: 'page_url', meaning: 'page address of the form' },
				pageName: { type: 'browsing.title', as: 'page_title', meaning: 'page title of the form' },
				ipAddress: { type: 'network.ip', as: 'ip', meaning: 'visitor IP address' }
			}
		}
	]
};
