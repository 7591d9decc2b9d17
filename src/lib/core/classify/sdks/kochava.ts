/**
 * Kochava mobile attribution.
 * Sources:
 *  - https://www.kochava.com
 */
import type { SdkAdapter } from './adapter';

export const kochava: SdkAdapter = {
	id: 'kochava',
	name: 'Kochava SDK',
	label: 'Kochava',
	company: 'Kochava',
	category: 'attribution',
	listings: [{ hosts: ['kochava.com'], category: 'attribution', source: 'Kochava mobile attribution, https://www.kochava.com' }]
};
