/**
 * Baidu Tongji (百度统计), web analytics: the tag hm.js reports to hm.baidu.com/hm.gif.
 * Sources:
 *  - https://tongji.baidu.com (the product)
 *  - https://hm.baidu.com/hm.js (the tag: `u` page address, `su` referrer, `tt` title of the hm.gif beacon)
 */
import type { SdkAdapter } from './adapter';

export const baiduTongji: SdkAdapter = {
	id: 'baidu-tongji',
	name: 'Baidu Tongji',
	label: 'Baidu Tongji',
	company: 'Baidu',
	category: 'analytics',
	listings: [
		{ hosts: ['hm.baidu.com'], product: 'Baidu Tongji', category: 'analytics', source: 'Baidu Tongji (百度统计) web analytics, https://tongji.baidu.com; its hm.js reports to hm.baidu.com/hm.gif' }
	],
	endpoints: [
		{
			host: /^hm\.baidu\.com$/,
			path: /^\/hm\.gif$/,
			params: {
				u: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				su: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				tt: { type: 'browsing.title', as: 'page_title', meaning: 'page title' }
			}
		}
	]
};
