/**
 * Braze (formerly Appboy). The SDK posts JSON to sdk.<cluster>.braze.com/api/v3/data with `api_key`, `device_id`,
 * `sdk_version`, `time`, `events: [{ name, data, time, session_id }]` and a `respond_with` object.
 * Sources:
 *  - https://github.com/braze-inc/braze-android-sdk (LICENSE: Braze, Inc., formerly Appboy)
 *  - https://www.braze.com
 */
import type { SdkAdapter } from './adapter';
import { findObject, hasAll } from './shape';

export const braze: SdkAdapter = {
	id: 'braze',
	name: 'Braze SDK',
	label: 'Braze',
	company: 'Braze',
	category: 'analytics',
	listings: [{ hosts: ['appboy.com', 'braze.com', 'braze.eu'], category: 'analytics', source: 'Braze (formerly Appboy) customer engagement SDK, https://www.braze.com' }],
	fingerprint(shape) {
		const request = findObject(shape, (f) => hasAll(f, ['api_key', 'device_id', 'sdk_version']) && (f.has('respond_with') || shape.path.endsWith('/api/v3/data')));
		return request ? (request.fields.has('respond_with') ? 'fields api_key, device_id, sdk_version + respond_with' : 'api_key, device_id, sdk_version on /api/v3/data') : null;
	}
};
