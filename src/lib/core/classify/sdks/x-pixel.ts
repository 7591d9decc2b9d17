/**
 * X (Twitter) pixel (uwt.js): conversion hits on analytics.twitter.com and t.co at /i/adsct with `txn_id` (tag ID),
 * `p_id` (pixel type), `p_user_id`, `events`, `tw_document_href` (page URL), `tw_iframe_status`.
 * Sources:
 *  - https://business.x.com/en/help/campaign-measurement-and-analytics/conversion-tracking-for-websites (website tag)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/Twitter.js: /i/adsct, txn_id, p_id, p_user_id, tw_document_href)
 */
import type { SdkAdapter } from './adapter';

export const xPixel: SdkAdapter = {
	id: 'x-pixel',
	name: 'X pixel',
	label: 'X pixel',
	company: 'X (formerly Twitter)',
	category: 'advertising',
	listings: [{ hosts: ['analytics.twitter.com', 'static.ads-twitter.com', 'ads-twitter.com'], product: 'X pixel', category: 'advertising', source: 'X (Twitter) website tag, https://business.x.com/en/help/campaign-measurement-and-analytics/conversion-tracking-for-websites' }],
	endpoints: [
		{
			host: /(?:^|\.)(?:twitter\.com|t\.co|x\.com)$/,
			path: /^\/(?:1\/)?i\/adsct$/,
			params: {
				tw_document_href: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				p_user_id: { type: 'user.id', as: 'user_id', meaning: 'user ID the site set' }
			}
		}
	]
};
