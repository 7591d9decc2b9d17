/**
 * Braze (formerly Appboy): the SDK posts JSON to sdk.<cluster>.braze.com/api/v3/data with `api_key`, `device_id`,
 * `sdk_version`, `time`, `events: [{ name, data, time, session_id }]` and a `respond_with` object.
 * Facts from Braze's open-source SDKs.
 */
import type { SdkFingerprint } from './fingerprint';
import { findObject, hasAll } from './shape';

export const braze: SdkFingerprint = {
	id: 'braze',
	product: 'Braze SDK',
	// Braze, Inc., formerly Appboy (LICENSE of github.com/braze-inc/braze-android-sdk).
	vendor: 'Braze',
	category: 'analytics',
	match(shape) {
		const request = findObject(shape, (f) => hasAll(f, ['api_key', 'device_id', 'sdk_version']) && (f.has('respond_with') || shape.path.endsWith('/api/v3/data')));
		return request ? (request.fields.has('respond_with') ? 'fields api_key, device_id, sdk_version + respond_with' : 'api_key, device_id, sdk_version on /api/v3/data') : null;
	}
};
