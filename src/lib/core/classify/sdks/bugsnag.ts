/**
 * Bugsnag error monitoring, by SmartBear.
 * Sources:
 *  - https://www.bugsnag.com
 */
import type { SdkAdapter } from './adapter';

export const bugsnag: SdkAdapter = {
	id: 'bugsnag',
	name: 'Bugsnag SDK',
	label: 'Bugsnag',
	company: 'SmartBear',
	category: 'crash-reporting',
	listings: [{ hosts: ['bugsnag.com'], product: 'Bugsnag', category: 'crash-reporting', source: 'Bugsnag error monitoring (SmartBear), https://www.bugsnag.com' }]
};
