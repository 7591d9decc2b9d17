/**
 * Baidu Mobile Tongji / Mobstat (百度移动统计), the app analytics SDK com.baidu.mobstat.
 * Sources:
 *  - https://mtj.baidu.com (the product)
 */
import type { SdkAdapter } from './adapter';

export const baiduMobstat: SdkAdapter = {
	id: 'baidu-mobstat',
	name: 'Baidu Mobstat SDK',
	label: 'Baidu Mobstat',
	company: 'Baidu',
	category: 'analytics',
	listings: [{ hosts: ['mtj.baidu.com'], product: 'Baidu Mobile Tongji', category: 'analytics', source: 'Baidu Mobile Tongji (百度移动统计) SDK, https://mtj.baidu.com' }]
};
