/**
 * Amplitude: HTTP API v2 posts `{ api_key, events: [{ event_type, device_id, user_id, session_id, … }] }`;
 * older SDKs post a form `client=<api key>&e=<JSON events>&upload_time=…&checksum=…&v=2`.
 * Facts from Amplitude's public HTTP API docs and SDK sources.
 */
import type { SdkFingerprint } from './fingerprint';
import { fieldSources, findObject, firstItemFields, hasAll } from './shape';

export const amplitude: SdkFingerprint = {
	id: 'amplitude',
	product: 'Amplitude SDK',
	// Amplitude, Inc. (https://amplitude.com), which publishes its SDKs under github.com/amplitude.
	vendor: 'Amplitude',
	category: 'analytics',
	match(shape) {
		if (findObject(shape, (f) => f.has('api_key') && (firstItemFields(f.get('events'))?.has('event_type') ?? false))) return 'api_key with events[].event_type';
		for (const get of fieldSources(shape)) {
			if (get('client') !== null && get('e') !== null && (get('upload_time') !== null || get('checksum') !== null)) return 'form fields client + e + upload_time/checksum';
		}
		if (findObject(shape, (f) => hasAll(f, ['event_type', 'device_id', 'session_id']))) return 'event with event_type, device_id and session_id';
		return null;
	}
};
