/**
 * Meta (Facebook) Pixel, the web tag: its image beacon facebook.com/tr carries the pixel `id`, the event `ev`, the
 * page `dl` and the referrer `rl`.
 * Sources:
 *  - https://developers.facebook.com/docs/meta-pixel/ (Meta Pixel documentation)
 */
import type { SdkAdapter } from './adapter';

export const facebookPixel: SdkAdapter = {
	id: 'facebook-pixel',
	name: 'Facebook Pixel',
	label: 'Facebook Pixel',
	company: 'Meta Platforms',
	category: 'advertising',
	endpoints: [
		{
			host: /(?:^|\.)facebook\.com$/,
			path: /^\/tr\/?$/,
			shape: (siblings) => siblings.has('ev') && siblings.has('id') && (siblings.has('dl') || siblings.has('rl')),
			params: {
				dl: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				rl: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' }
			}
		}
	]
};
