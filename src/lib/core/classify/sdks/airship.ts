/**
 * Airship (formerly Urban Airship) push notifications and messaging.
 * Sources:
 *  - https://github.com/urbanairship/android-library/blob/HEAD/urbanairship-core/src/main/java/com/urbanairship/channel/ChannelRegistrationPayload.kt
 *    (the channel registration POSTed to device-api.urbanairship.com/api/channels/: `channel.device_model`,
 *    `channel.push_address` (the FCM token), `channel.named_user_id`, `channel.contact_id` — Airship's ID of the contact the
 *    channel belongs to —, `channel.carrier`, `identity_hints.user_id`)
 * urbanairship.com keeps the bundled lists' company, so this adapter lists no host.
 */
import type { SdkAdapter } from './adapter';

export const airship: SdkAdapter = {
	id: 'airship',
	name: 'Airship SDK',
	label: 'Airship',
	company: 'Airship',
	category: 'telemetry',
	endpoints: [
		{
			host: /^device-api\.(?:urbanairship|asnapieu)\.com$/,
			path: /^\/api\/channels\//,
			params: {
				contact_id: { type: 'user.id', meaning: "Airship's ID of the contact the device belongs to" },
				named_user_id: { type: 'user.id', meaning: "the app's own ID of its user (named user)" },
				push_address: { type: 'user.id', meaning: "the device's push token" }
			}
		}
	]
};
