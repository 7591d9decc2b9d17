/**
 * OneSignal Web Push SDK: registers a browser with `POST onesignal.com/api/v1/players` `{ app_id, identifier, device_type,
 * … }`, where `identifier` is the browser's push subscription endpoint, or, in the user model, `POST
 * api.onesignal.com/apps/<app>/users` with `subscriptions: [{ type: "ChromePush", token }]`.
 * Sources:
 *  - https://documentation.onesignal.com/v9.0/reference/add-a-device (identifier: the push token; for web push the subscription endpoint)
 *  - https://documentation.onesignal.com/reference/create-user (subscriptions[].token)
 *  - https://github.com/OneSignal/OneSignal-Website-SDK (the web SDK)
 * A push subscription endpoint is a URL that reaches one browser: read as an identifier, never as a visited page.
 */
import type { SdkAdapter } from './adapter';

const PUSH_ENDPOINT = (v: string) =>
	/^https:\/\/(?:fcm\.googleapis\.com\/fcm\/send\/|android\.googleapis\.com\/gcm\/send\/|updates\.push\.services\.mozilla\.com\/|web\.push\.apple\.com\/|[a-z0-9.-]+\.notify\.windows\.com\/)\S{16,}$/.test(v.trim());

export const onesignalWeb: SdkAdapter = {
	id: 'onesignal-web',
	name: 'OneSignal Web SDK',
	label: 'OneSignal',
	company: 'OneSignal',
	category: 'analytics',
	listings: [{ hosts: ['onesignal.com'], source: 'OneSignal push notifications, https://documentation.onesignal.com/reference/create-user' }],
	endpoints: [
		{
			host: /(?:^|\.)onesignal\.com$/,
			path: /^\/(?:api\/v1\/players(?:\/[^/]+)?|apps\/[^/]+\/users(?:\/.*)?|apps\/[^/]+\/subscriptions(?:\/.*)?)$/,
			params: {
				identifier: { type: 'user.id', as: 'push_token', meaning: 'push subscription endpoint', report: { confidence: 'high', check: PUSH_ENDPOINT } },
				token: { type: 'user.id', as: 'push_token', meaning: 'push subscription endpoint', check: PUSH_ENDPOINT, report: { confidence: 'high', check: PUSH_ENDPOINT } }
			}
		}
	]
};
