/**
 * Singular marketing attribution.
 * Sources:
 *  - https://www.singular.net
 */
import type { SdkAdapter } from './adapter';

export const singular: SdkAdapter = {
	id: 'singular',
	name: 'Singular SDK',
	label: 'Singular',
	company: 'Singular',
	category: 'attribution',
	listings: [{ hosts: ['singular.net', 'sng.link'], category: 'attribution', source: 'Singular marketing attribution, https://www.singular.net' }]
};
