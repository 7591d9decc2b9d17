/**
 * Alibaba user tracking: the web tag aplus.js and the app SDK UT (User Track), which report to mmstat.com.
 * Sources:
 *  - the hosts log.mmstat.com and gm.mmstat.com, where aplus.js and the UT SDK send their logs
 *  - AdGuard companiesdb (https://github.com/AdguardTeam/companiesdb) names mmstat.com after MarkMonitor, its registrar
 */
import type { SdkAdapter } from './adapter';

export const alibabaUt: SdkAdapter = {
	id: 'alibaba-ut',
	name: 'Alibaba UT / Aplus',
	label: 'Alibaba UT',
	company: 'Alibaba Group',
	category: 'analytics',
	listings: [
		{
			hosts: ['mmstat.com'],
			product: 'Alibaba user tracking (Aplus / UT, mmstat)',
			category: 'analytics',
			source: 'Alibaba\'s web and app tracking (aplus.js, UT SDK) reports to log.mmstat.com / gm.mmstat.com; AdGuard mislabels the domain as MarkMonitor, its registrar'
		}
	]
};
