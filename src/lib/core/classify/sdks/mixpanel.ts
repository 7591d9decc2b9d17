/**
 * Mixpanel: `/track` events `{ event, properties: { token, distinct_id, mp_lib, $lib_version, … } }` and `/engage`
 * profile updates `{ $token, $distinct_id, $set… }`, as JSON or as `data=base64(JSON)`.
 * Sources:
 *  - https://developer.mixpanel.com/reference/ingestion-api (ingestion API)
 *  - https://github.com/mixpanel/mixpanel-android (LICENSE: Mixpanel, Inc.)
 *  - https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript#tracking-page-views (current_page_title, current_url_path)
 *  - https://docs.mixpanel.com/docs/data-structure/user-profiles#reserved-user-properties ($email, $phone, $name)
 */
import type { SdkAdapter } from './adapter';
import { fieldsOf, findObject, hasAll } from './shape';

export const mixpanel: SdkAdapter = {
	id: 'mixpanel',
	name: 'Mixpanel SDK',
	label: 'Mixpanel',
	company: 'Mixpanel',
	category: 'analytics',
	endpoints: [
		{
			host: /(?:^|\.)mixpanel\.com$/,
			path: /^\/(?:track|engage|import)\/?$/,
			params: {
				current_page_title: { type: 'browsing.title', as: 'page_title', meaning: 'page title of a page view' },
				$phone: { type: 'contact.phone', as: 'phone', meaning: 'reserved profile property $phone' }
			}
		}
	],
	fingerprint(shape) {
		const event = findObject(shape, (f) => {
			if (!f.has('event')) return false;
			const properties = fieldsOf(f.get('properties'));
			return properties !== null && properties.has('token') && (properties.has('mp_lib') || properties.has('$mp_api_endpoint'));
		});
		if (event) return 'event with properties.token and properties.mp_lib';
		if (findObject(shape, (f) => hasAll(f, ['$token', '$distinct_id']))) return 'profile update with $token and $distinct_id';
		return null;
	}
};
