/**
 * Mixpanel: `/track` events `{ event, properties: { token, distinct_id, mp_lib, $lib_version, … } }` and
 * `/engage` profile updates `{ $token, $distinct_id, $set… }`, as JSON or as `data=base64(JSON)`.
 * Facts from Mixpanel's public ingestion API docs and SDK sources.
 */
import type { SdkFingerprint } from './fingerprint';
import { fieldsOf, findObject, hasAll } from './shape';

export const mixpanel: SdkFingerprint = {
	id: 'mixpanel',
	product: 'Mixpanel SDK',
	// Mixpanel, Inc.: LICENSE of github.com/mixpanel/mixpanel-android.
	vendor: 'Mixpanel',
	category: 'analytics',
	match(shape) {
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
