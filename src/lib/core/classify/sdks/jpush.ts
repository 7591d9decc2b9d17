/**
 * JPush (极光推送), the push service of Aurora Mobile (极光, Jiguang).
 * Sources:
 *  - https://docs.jiguang.cn/en/jpush/server/push/rest_api_v3_push (Push API v3: https://api.jpush.cn/v3/push, the Beijing
 *    room's bjapi.push.jiguang.cn; `audience` targets devices by `registration_id` and users by `alias`)
 *  - https://docs.jiguang.cn/en/jpush/console/config_manage/alias_manage (the Registration ID the JPush server assigns each
 *    device on first registration; the alias an app binds to its own user)
 *  - https://docs.jiguang.cn/jpush/server/push/rest_api_v3_device (Device API: device.jpush.cn/v3/devices/{registration_id}
 *    with `tags`, `alias` and `mobile`, the user's phone number for the SMS fallback)
 *  - https://app.unpkg.com/jpush-sdk-cube@3.2.2/files/lib/JPush/JPush.js (JPush's Node.js client: the hosts api.jpush.cn,
 *    report.jpush.cn and device.jpush.cn)
 *  - https://ir.jiguang.cn/corporate-profile (the company, Aurora Mobile Limited)
 */
import type { SdkAdapter } from './adapter';

export const jpush: SdkAdapter = {
	id: 'jpush',
	name: 'JPush SDK',
	label: 'JPush',
	company: 'Aurora Mobile',
	category: 'telemetry',
	listings: [
		{
			hosts: ['jpush.cn', 'jiguang.cn'],
			product: 'JPush (Jiguang push)',
			category: 'telemetry',
			source: 'JPush push service of Aurora Mobile (极光): https://docs.jiguang.cn/en/jpush/server/push/rest_api_v3_push, https://ir.jiguang.cn/corporate-profile'
		}
	],
	endpoints: [
		{
			host: /(?:^|\.)(?:jpush\.cn|jiguang\.cn)$/,
			path: /^\/v3\/(?:push|devices|aliases)(?:\/|$)/,
			params: {
				registration_id: { type: 'user.id', meaning: 'JPush Registration ID of a device' },
				alias: { type: 'user.id', meaning: "alias the app binds to its user's JPush devices" },
				mobile: { type: 'contact.phone', meaning: 'phone number bound to the device for the SMS fallback' }
			},
			neutral: {
				alert: 'the text of a notification the app sends',
				title: 'the title of a notification the app sends',
				msg_content: 'the text of a message the app sends'
			}
		}
	]
};
