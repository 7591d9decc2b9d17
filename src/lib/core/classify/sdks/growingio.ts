/**
 * GrowingIO analytics.
 * Sources:
 *  - https://www.growingio.com
 */
import type { SdkAdapter } from './adapter';

export const growingio: SdkAdapter = {
	id: 'growingio',
	name: 'GrowingIO SDK',
	label: 'GrowingIO',
	company: 'GrowingIO',
	category: 'analytics',
	listings: [{ hosts: ['growingio.com'], category: 'analytics', source: 'GrowingIO analytics, https://www.growingio.com' }]
};
