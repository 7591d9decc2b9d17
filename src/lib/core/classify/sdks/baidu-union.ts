/**
 * Baidu Union (百度联盟) ads: the mobile ad SDK (mobads) and ad serving.
 * Sources:
 *  - https://union.baidu.com (the ad network)
 */
import type { SdkAdapter } from './adapter';

export const baiduUnion: SdkAdapter = {
	id: 'baidu-union',
	name: 'Baidu Mobile Ads SDK',
	label: 'Baidu Union',
	company: 'Baidu',
	category: 'advertising',
	listings: [
		{
			hosts: ['mobads.baidu.com', 'mobads-logs.baidu.com', 'pos.baidu.com', 'cpro.baidu.com'],
			product: 'Baidu Union ads',
			category: 'advertising',
			source: 'Baidu Union (百度联盟) ad SDK and ad serving, https://union.baidu.com'
		}
	]
};
