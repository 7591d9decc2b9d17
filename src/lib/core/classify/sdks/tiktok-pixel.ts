/**
 * TikTok Pixel: events posted to analytics.tiktok.com/api/v2/pixel (and /api/v2/pixel/act, /api/v1/track) as JSON
 * `{ event, event_id, timestamp, context: { pixel: { code }, page: { url, referrer }, user: { … }, ad: { … },
 * library: { name, version } }, properties }`.
 * Sources:
 *  - https://ads.tiktok.com/help/article/tiktok-pixel (what the pixel collects)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/TikTok.js: analytics.tiktok.com/api/v[0-9]/(track|pixel),
 *    context.page.url, context.page.referrer, context.user.device_id, context.user.user_id, analytics_uniq_id)
 */
import type { SdkAdapter } from './adapter';

export const tiktokPixel: SdkAdapter = {
	id: 'tiktok-pixel',
	name: 'TikTok Pixel',
	label: 'TikTok Pixel',
	company: 'ByteDance',
	category: 'advertising',
	listings: [{ hosts: ['analytics.tiktok.com'], product: 'TikTok Pixel', category: 'advertising', source: 'TikTok Pixel, https://ads.tiktok.com/help/article/tiktok-pixel' }],
	endpoints: [
		{
			host: /(?:^|\.)analytics\.tiktok\.com$/,
			path: /^\/api\/v\d\/(?:pixel(?:\/act)?|track)\/?$/,
			params: {
				'page.url': { type: 'browsing.url', as: 'page_url', meaning: 'page address (context.page.url)' },
				'page.referrer': { type: 'browsing.url', as: 'referrer', meaning: 'referrer (context.page.referrer)' },
				'user.device_id': { type: 'user.id', as: 'device_id', meaning: 'device ID (context.user.device_id)' },
				'user.user_id': { type: 'user.id', as: 'user_id', meaning: 'user ID (context.user.user_id)' },
				analytics_uniq_id: { type: 'user.id', as: 'visitor_id', meaning: 'analytics unique ID' }
			}
		}
	]
};
