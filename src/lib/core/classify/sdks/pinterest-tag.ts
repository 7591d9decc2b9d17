/**
 * Pinterest tag (pintrk): hits on ct.pinterest.com/v3/ (and /user/) with `tid` (tag ID), `event`, `ed` (event data JSON),
 * `pd` (partner data JSON: `em` the hashed e-mail of enhanced match) and `ad` (JSON: `loc` the page, `ref` the referrer).
 * Sources:
 *  - https://help.pinterest.com/en/business/article/enhanced-match (em: the e-mail, hashed with SHA-256 or sent to be hashed)
 *  - https://developers.pinterest.com/docs/conversions/pinterest-tag/ (pintrk events and parameters)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/Pinterest.js: ct.pinterest.com/v3, tid, event, pd[em], ed[…])
 */
import type { SdkAdapter } from './adapter';

export const pinterestTag: SdkAdapter = {
	id: 'pinterest-tag',
	name: 'Pinterest tag',
	label: 'Pinterest tag',
	company: 'Pinterest',
	category: 'advertising',
	listings: [{ hosts: ['ct.pinterest.com', 's.pinimg.com'], product: 'Pinterest tag', category: 'advertising', source: 'Pinterest tag, https://developers.pinterest.com/docs/conversions/pinterest-tag/' }],
	endpoints: [
		{
			host: /(?:^|\.)ct\.pinterest\.com$/,
			path: /^\/(?:v3|user)\/?$/,
			params: {
				loc: { type: 'browsing.url', as: 'page_url', meaning: 'page address (ad.loc)' },
				ref: { type: 'browsing.url', as: 'referrer', meaning: 'referrer (ad.ref)' },
				em: { type: 'contact.email', as: 'email_hash', meaning: 'e-mail of enhanced match (pd.em)' },
				'pd[em]': { type: 'contact.email', as: 'email_hash', meaning: 'e-mail of enhanced match' }
			}
		}
	]
};
