/**
 * Adobe Analytics image requests /b/ss/<report suite>/….
 * Sources:
 *  - https://experienceleague.adobe.com/docs/analytics/implementation/validate/query-parameters.html (data collection query parameters)
 */
import type { SdkAdapter } from './adapter';

export const adobeAnalytics: SdkAdapter = {
	id: 'adobe-analytics',
	name: 'Adobe Analytics',
	label: 'Adobe Analytics',
	company: 'Adobe',
	category: 'analytics',
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
