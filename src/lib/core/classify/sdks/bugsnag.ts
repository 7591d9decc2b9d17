/**
 * Bugsnag error monitoring, by SmartBear: error reports to notify.bugsnag.com and sessions to sessions.bugsnag.com (or an
 * on-premise server), with the headers `Bugsnag-Api-Key` and `Bugsnag-Payload-Version`, and a `notifier: { name,
 * version, url }` naming the library (url: the notifier's repository or bugsnag.com).
 * Sources:
 *  - https://www.bugsnag.com
 *  - https://bugsnagerrorreportingapi.docs.apiary.io/ (Error Reporting API: notifier.url, Bugsnag-Api-Key, Bugsnag-Payload-Version)
 *  - https://github.com/bugsnag/bugsnag-js (packages/core: notifier url https://github.com/bugsnag/bugsnag-js)
 *  - https://github.com/bugsnag/bugsnag-android and https://github.com/bugsnag/bugsnag-cocoa (their notifier urls)
 */
import type { SdkAdapter } from './adapter';
import { fieldsOf, findObject, textOf } from './shape';

export const bugsnag: SdkAdapter = {
	id: 'bugsnag',
	name: 'Bugsnag SDK',
	label: 'Bugsnag',
	company: 'SmartBear',
	category: 'crash-reporting',
	listings: [{ hosts: ['bugsnag.com'], product: 'Bugsnag', category: 'crash-reporting', source: 'Bugsnag error monitoring (SmartBear), https://www.bugsnag.com' }],
	fingerprint(shape) {
		if (shape.headers.has('bugsnag-api-key') && shape.headers.has('bugsnag-payload-version')) return 'Bugsnag-Api-Key and Bugsnag-Payload-Version headers';
		const report = findObject(shape, (f) => (f.has('events') || f.has('sessions') || f.has('apiKey')) && /^Bugsnag\b/.test(textOf(fieldsOf(f.get('notifier'))?.get('name')) ?? ''));
		return report ? `payload with notifier.name=${textOf(fieldsOf(report.fields.get('notifier'))?.get('name'))}` : null;
	},
	constants: [
		'https://github.com/bugsnag/bugsnag-js',
		'https://github.com/bugsnag/bugsnag-android',
		'https://github.com/bugsnag/bugsnag-cocoa',
		'https://github.com/bugsnag/bugsnag-react-native',
		'https://bugsnag.com',
		'https://www.bugsnag.com'
	]
};
