/**
 * Reddit Pixel: hits on alb.reddit.com/rp.gif with `id` (advertiser ID), `event`, `m.*` event metadata; the script is
 * www.redditstatic.com/ads/pixel.js.
 * Sources:
 *  - https://business.reddithelp.com/s/article/Reddit-Pixel (the Reddit Pixel)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/RedditPixel.js: reddit.com/rp.gif, id, event, m.*)
 *  - https://redditinc.com (Reddit, Inc., a public company since 2024: not Advance Publications, a shareholder)
 */
import type { SdkAdapter } from './adapter';

export const redditPixel: SdkAdapter = {
	id: 'reddit-pixel',
	name: 'Reddit Pixel',
	label: 'Reddit Pixel',
	company: 'Reddit',
	category: 'advertising',
	listings: [{ hosts: ['alb.reddit.com', 'pixel-config.reddit.com', 'redditstatic.com'], product: 'Reddit Pixel', category: 'advertising', source: 'Reddit Pixel, https://business.reddithelp.com/s/article/Reddit-Pixel' }]
};
