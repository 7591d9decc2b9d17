/**
 * Tencent Ads / Guangdiantong (广点通, GDT), Tencent's ad network and its mobile ad SDK (GDTMobSDK).
 * Sources:
 *  - https://e.qq.com (the ad platform)
 */
import type { SdkAdapter } from './adapter';

export const tencentGdt: SdkAdapter = {
	id: 'tencent-gdt',
	name: 'Tencent Ads SDK (GDT)',
	label: 'Tencent Ads',
	company: 'Tencent',
	category: 'advertising',
	listings: [{ hosts: ['gdt.qq.com', 'e.qq.com'], product: 'Tencent Ads (Guangdiantong)', category: 'advertising', source: 'Tencent Guangdiantong (广点通) ad network, https://e.qq.com' }]
};
