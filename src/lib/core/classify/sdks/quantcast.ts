/**
 * Quantcast Measure / Advertise tag (quant.js): hits on pixel.quantserve.com/pixel with `a` (p-… account), `url`,
 * `ref`, `fpa` (first-party cookie ID) and `fpan`, usually as `;key=value` pairs in the path.
 * Sources:
 *  - https://help.quantcast.com/hc/en-us/articles/360051794434 (the Quantcast tag and its first-party cookie __qca)
 *  - https://www.quantcast.com/privacy/ (what the tag collects: page URL, referrer, cookie ID)
 * Fields sent as `;key=value` in the path are not split by Telltale: the map reads them only when sent as a query.
 */
import type { SdkAdapter } from './adapter';

export const quantcast: SdkAdapter = {
	id: 'quantcast',
	name: 'Quantcast tag',
	label: 'Quantcast',
	company: 'Quantcast',
	category: 'advertising',
	endpoints: [
		{
			host: /(?:^|\.)quantserve\.com$/,
			path: /^\/pixel/,
			params: {
				url: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				ref: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				fpa: { type: 'user.id', as: 'visitor_id', meaning: 'first-party cookie ID (__qca)' }
			}
		}
	]
};
