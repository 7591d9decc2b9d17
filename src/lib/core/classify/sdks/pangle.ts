/**
 * Pangle (穿山甲), ByteDance's mobile ad network and its ad SDK.
 * Sources:
 *  - https://www.pangleglobal.com (the ad network)
 */
import type { SdkAdapter } from './adapter';

export const pangle: SdkAdapter = {
	id: 'pangle',
	name: 'Pangle SDK',
	label: 'Pangle',
	company: 'ByteDance',
	category: 'advertising',
	listings: [
		{
			hosts: ['pangle.io', 'pangleglobal.com', 'pangolin-sdk-toutiao.com', 'pglstatp-toutiao.com'],
			product: 'Pangle',
			category: 'advertising',
			source: 'Pangle, ByteDance\'s mobile ad network, https://www.pangleglobal.com'
		}
	]
};
