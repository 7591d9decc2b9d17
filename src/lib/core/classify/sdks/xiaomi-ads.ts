/**
 * Xiaomi Ads, the MIUI ad platform (system ads through com.miui.systemAdSolution, the com.xiaomi.ad SDK in apps).
 * Sources:
 *  - hosts api.ad.xiaomi.com and globalapi.ad.xiaomi.com, seen in MIUI system ads traffic (no public document found: a URL is still owed)
 */
import type { SdkAdapter } from './adapter';

export const xiaomiAds: SdkAdapter = {
	id: 'xiaomi-ads',
	name: 'Xiaomi Ads SDK',
	label: 'Xiaomi Ads',
	company: 'Xiaomi',
	category: 'advertising',
	listings: [
		{
			hosts: ['ad.xiaomi.com'],
			product: 'Xiaomi Ads (MIUI ad platform)',
			category: 'advertising',
			source: 'Xiaomi ad platform (MIUI system ads, com.miui.systemAdSolution / com.xiaomi.ad SDK): api.ad.xiaomi.com and globalapi.ad.xiaomi.com'
		}
	]
};
