/**
 * Facebook (Meta) app events. The SDK posts to graph.facebook.com/v…/<app id>/activities a form with
 * `event=CUSTOM_APP_EVENTS` (or `MOBILE_APP_INSTALL`), `custom_events=[{"_eventName": …}]`, `anon_id=XZ…`,
 * `advertiser_id`, `extinfo`.
 * Sources:
 *  - https://github.com/facebook/facebook-android-sdk (LICENSE.txt: Meta Platforms, Inc.; AppEventsLoggerUtility, the activities request)
 */
import type { SdkAdapter } from './adapter';
import { fieldSources, findObject, firstItemFields } from './shape';

const APP_EVENT_KINDS = new Set(['CUSTOM_APP_EVENTS', 'MOBILE_APP_INSTALL', 'DEFERRED_APP_LINK']);

export const facebookAppEvents: SdkAdapter = {
	id: 'facebook-app-events',
	name: 'Facebook SDK (app events)',
	label: 'Facebook SDK',
	company: 'Meta Platforms',
	category: 'advertising',
	fingerprint(shape) {
		for (const get of fieldSources(shape)) {
			const event = get('event');
			if (event !== null && APP_EVENT_KINDS.has(event) && (get('anon_id') !== null || get('advertiser_id') !== null || get('custom_events') !== null || get('extinfo') !== null)) {
				return `form field event=${event}`;
			}
		}
		if (findObject(shape, (f) => firstItemFields(f.get('custom_events'))?.has('_eventName') ?? false)) return 'custom_events with _eventName';
		return null;
	}
};
