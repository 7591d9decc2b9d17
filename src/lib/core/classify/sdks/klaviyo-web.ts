/**
 * Klaviyo onsite JavaScript (klaviyo.js): the client APIs a.klaviyo.com/client/events/, /client/profiles/,
 * /client/subscriptions/ (`?company_id=<public key>`) post JSON:API bodies `{ data: { type, attributes: { profile:
 * { data: { attributes: { email, phone_number, external_id, anonymous_id, _kx } } }, metric, properties } } }`;
 * `_kx` is Klaviyo's exchange ID, an encrypted identifier of the profile taken from links in Klaviyo e-mails.
 * Sources:
 *  - https://developers.klaviyo.com/en/reference/create_client_event (client events: profile attributes email,
 *    phone_number, external_id, anonymous_id, _kx)
 *  - https://help.klaviyo.com/hc/en-us/articles/115005076767 (Klaviyo onsite tracking, the __kla_id cookie)
 */
import type { SdkAdapter } from './adapter';

export const klaviyoWeb: SdkAdapter = {
	id: 'klaviyo-web',
	name: 'Klaviyo onsite',
	label: 'Klaviyo',
	company: 'Klaviyo',
	category: 'analytics',
	listings: [{ hosts: ['klaviyo.com'], category: 'analytics', source: 'Klaviyo client APIs, https://developers.klaviyo.com/en/reference/create_client_event' }],
	endpoints: [
		{
			host: /(?:^|\.)klaviyo\.com$/,
			path: /^\/client\/[a-z-]+\/?$/,
			params: { _kx: { type: 'user.id', as: 'user_id', meaning: 'exchange ID (an encrypted profile identifier)' } }
		}
	]
};
