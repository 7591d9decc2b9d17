/**
 * Facebook (Meta) app events. The SDK posts to graph.facebook.com/v…/<app id>/activities a form with
 * `event=CUSTOM_APP_EVENTS` (or `MOBILE_APP_INSTALL`), `custom_events=[{"_eventName": …}]`, `anon_id=XZ…`,
 * `advertiser_id`, `extinfo`.
 * Sources:
 *  - https://github.com/facebook/facebook-android-sdk (LICENSE.txt: Meta Platforms, Inc.; AppEventsLoggerUtility, the activities request)
 *  - https://github.com/facebook/facebook-android-sdk/blob/main/facebook-core/src/main/java/com/facebook/internal/Utility.kt
 *    (setAppEventExtendedDeviceInfoParameters: `extinfo` is a JSON array by position — 0 the format "a2", 1 the package
 *    name, 2 the version code, 3 the version name, 4 Build.VERSION.RELEASE, 5 Build.MODEL, 6 the locale, 7 the time zone's
 *    abbreviation, 8 the carrier name ("NoCarrier" when none), 9–10 the screen, 11 density, 12 CPU cores, 13–14 storage,
 *    15 the time zone's name)
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/facebook.ts (the same indexes in observed traffic;
 *    `app_user_id` and `device_token` beside `anon_id`, after the Graph API's application/activities reference)
 *  - https://github.com/facebook/facebook-android-sdk/blob/main/facebook-core/src/main/java/com/facebook/appevents/AppEvent.kt
 *    (each custom event's `_ui` is the name of the activity it was logged from)
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
	endpoints: [
		{
			host: /^graph\.facebook\.com$/,
			path: /^\/v\d+\.\d+\/\d+\/activities$/,
			params: {
				_ui: { type: 'app.screen', meaning: 'the screen (activity) the event was logged from' },
				app_user_id: { type: 'user.id', meaning: "the app's own ID of its user" },
				device_token: { type: 'user.id', meaning: "the device's push token" }
			}
		}
	],
	positional: {
		extinfo: {
			1: { type: 'app.package', meaning: "the app's package name" },
			4: { type: 'device.os_version', meaning: 'Android version (Build.VERSION.RELEASE)' },
			5: { type: 'device.model', meaning: 'device model (Build.MODEL)' },
			8: { type: 'network.carrier', meaning: 'carrier name', check: (v) => v !== 'NoCarrier' }
		}
	},
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
