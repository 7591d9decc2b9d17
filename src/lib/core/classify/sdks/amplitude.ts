/**
 * Amplitude. HTTP API v2 posts `{ api_key, events: [{ event_type, device_id, user_id, session_id, … }] }`; older SDKs
 * post a form `client=<api key>&e=<JSON events>&upload_time=…&checksum=…&v=2`.
 * Sources:
 *  - https://www.docs.developers.amplitude.com/analytics/apis/http-v2-api/ (HTTP V2 API)
 *  - https://github.com/amplitude/Amplitude-Android (the older form upload)
 *  - https://amplitude.com/docs/sdks/analytics/browser/browser-sdk-2 (page view tracking: [Amplitude] Page Location,
 *    [Amplitude] Page Title, [Amplitude] Page URL, [Amplitude] Page Path, [Amplitude] Page Domain)
 */
import type { SdkAdapter } from './adapter';
import { fieldSources, findObject, firstItemFields, hasAll } from './shape';

export const amplitude: SdkAdapter = {
	id: 'amplitude',
	name: 'Amplitude SDK',
	label: 'Amplitude',
	// Amplitude, Inc. (https://amplitude.com), which publishes its SDKs under github.com/amplitude.
	company: 'Amplitude',
	category: 'analytics',
	endpoints: [
		{
			host: /(?:^|\.)amplitude\.com$/,
			path: /^\/(?:2\/httpapi|batch)\/?$/,
			shape: (siblings) => siblings.has('[Amplitude] Page Location') || siblings.has('[Amplitude] Page Title'),
			params: {
				'[Amplitude] Page Location': { type: 'browsing.url', as: 'page_url', meaning: 'page address of a page view' },
				'[Amplitude] Page URL': { type: 'browsing.url', as: 'page_url', meaning: 'page address without its query' },
				'[Amplitude] Page Title': { type: 'browsing.title', as: 'page_title', meaning: 'page title of a page view' }
			}
		}
	],
	fingerprint(shape) {
		if (findObject(shape, (f) => f.has('api_key') && (firstItemFields(f.get('events'))?.has('event_type') ?? false))) return 'api_key with events[].event_type';
		for (const get of fieldSources(shape)) {
			if (get('client') !== null && get('e') !== null && (get('upload_time') !== null || get('checksum') !== null)) return 'form fields client + e + upload_time/checksum';
		}
		if (findObject(shape, (f) => hasAll(f, ['event_type', 'device_id', 'session_id']))) return 'event with event_type, device_id and session_id';
		return null;
	}
};
