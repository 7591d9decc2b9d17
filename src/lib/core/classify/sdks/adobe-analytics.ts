/**
 * Adobe Analytics image requests /b/ss/<report suite>/….
 * Sources:
 *  - https://experienceleague.adobe.com/docs/analytics/implementation/validate/query-parameters.html (data collection query parameters;
 *    AQB and AQE mark the beginning and the end of a hit's query string)
 *  - https://experienceleague.adobe.com/docs/core-services/interface/administration/ec-cookies/cookies-first-party.html
 *    (CNAME first-party collection: the site's own subdomain, such as smetrics.example.com, points at Adobe's servers)
 */
import type { SdkAdapter } from './adapter';

export const adobeAnalytics: SdkAdapter = {
	id: 'adobe-analytics',
	name: 'Adobe Analytics',
	label: 'Adobe Analytics',
	company: 'Adobe',
	category: 'analytics',
	collectedOnlyByMaker: "Adobe's first-party collection is a CNAME to Adobe's data collection servers",
	// A first-party (CNAME) collector keeps the path and the hit markers: the hit still goes to Adobe's servers.
	fingerprint(shape) {
		return /\/b\/ss\/[^/]+\/\d+\//.test(shape.path) && shape.query.has('AQB') && shape.query.has('AQE') ? 'path /b/ss/<report suite>/ with the AQB … AQE hit markers' : null;
	},
	endpoints: [
		{
			path: /\/b\/ss\//,
			params: {
				g: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				r: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				pageName: { type: 'browsing.title', as: 'page_title', meaning: 'page name' },
				mid: { type: 'user.id', as: 'visitor_id', meaning: 'Experience Cloud visitor ID' },
				aid: { type: 'user.id', as: 'visitor_id', meaning: 'legacy Analytics visitor ID' },
				vid: { type: 'user.id', as: 'visitor_id', meaning: 'custom visitor ID' }
			}
		}
	]
};
