/**
 * Intercom Messenger (web): the widget from widget.intercom.io / js.intercomcdn.com talks to api-iam.intercom.io
 * (api-iam.eu.intercom.io, api-iam.au.intercom.io) at /messenger/web/ping, /messenger/web/events…, sending the
 * `app_id`, the visitor's `anonymous_id` and the `user_data` the site sets (email, user_id, name).
 * Sources:
 *  - https://developers.intercom.com/installing-intercom/web/attributes-objects (user_id, email, name)
 *  - https://www.intercom.com/help/en/articles/3894-configure-your-firewall-allowlist (Messenger hosts)
 */
import type { SdkAdapter } from './adapter';

export const intercomWeb: SdkAdapter = {
	id: 'intercom-web',
	name: 'Intercom Messenger',
	label: 'Intercom',
	company: 'Intercom',
	category: 'analytics',
	listings: [{ hosts: ['intercom.io', 'intercomcdn.com', 'intercomassets.com'], product: 'Intercom Messenger', source: 'Intercom Messenger hosts, https://www.intercom.com/help/en/articles/3894-configure-your-firewall-allowlist' }]
};
