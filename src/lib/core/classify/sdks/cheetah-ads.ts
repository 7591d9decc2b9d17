/**
 * Cheetah Ads, the ad SDK of Cheetah Mobile.
 * Sources:
 *  - https://www.cmcm.com (the company)
 *  - Exodus Privacy's tracker "Cheetah Ads" (https://reports.exodus-privacy.eu.org/en/trackers/) lists cmcm.com
 */
import type { SdkAdapter } from './adapter';

export const cheetahAds: SdkAdapter = {
	id: 'cheetah-ads',
	name: 'Cheetah Ads SDK',
	label: 'Cheetah Ads',
	company: 'Cheetah Mobile',
	category: 'advertising',
	listings: [{ hosts: ['cmcm.com'], product: 'Cheetah Ads', category: 'advertising', source: 'Cheetah Mobile (https://www.cmcm.com); Exodus Privacy lists cmcm.com as "Cheetah Ads"' }]
};
