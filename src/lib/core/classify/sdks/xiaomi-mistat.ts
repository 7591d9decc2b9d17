/**
 * Xiaomi MiStat (小米统计), the mobile statistics SDK com.xiaomi.mistatistic.sdk.
 * Sources:
 *  - upload endpoint data.mistat[.intl|.india|.rus].xiaomi.com, seen in MIUI apps and in public DNS blocklists
 *    (no public document found: a URL is still owed)
 */
import type { SdkAdapter } from './adapter';

export const xiaomiMistat: SdkAdapter = {
	id: 'xiaomi-mistat',
	name: 'MiStat SDK',
	label: 'Xiaomi MiStat',
	company: 'Xiaomi',
	category: 'analytics',
	listings: [
		{
			hosts: ['data.mistat.xiaomi.com', 'data.mistat.*.xiaomi.com'],
			product: 'MiStat (Xiaomi mobile statistics SDK)',
			category: 'analytics',
			source: 'Xiaomi MiStat SDK (com.xiaomi.mistatistic.sdk) upload endpoint data.mistat[.intl|.india|.rus].xiaomi.com, seen in MIUI apps and public DNS blocklists'
		}
	]
};
