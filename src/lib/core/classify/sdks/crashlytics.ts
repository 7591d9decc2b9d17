/**
 * Firebase Crashlytics crash reporting.
 * Sources:
 *  - https://firebase.google.com/products/crashlytics
 */
import type { SdkAdapter } from './adapter';

export const crashlytics: SdkAdapter = {
	id: 'crashlytics',
	name: 'Firebase Crashlytics SDK',
	label: 'Crashlytics',
	company: 'Google',
	category: 'crash-reporting',
	listings: [{ hosts: ['crashlytics.com'], product: 'Firebase Crashlytics', category: 'crash-reporting', source: 'Firebase Crashlytics, https://firebase.google.com/products/crashlytics' }]
};
