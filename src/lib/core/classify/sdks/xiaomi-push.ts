/**
 * Xiaomi Mi Push (小米推送), the push service of Xiaomi. Its server API is called by app backends.
 * Sources:
 *  - https://dev.mi.com/xiaomihyperos/documentation/detail?pId=1559 (server API: https://api.xmpush.xiaomi.com/v2|v3/message/regid,
 *    /alias, /user_account, /topic, /all; POST parameters `registration_id` — the regIds, comma-separated —, `alias`,
 *    `user_account`, `restricted_package_name` — the app's package —, `title`, `description`, `payload`)
 *  - https://dev.mi.com/xiaomihyperos/documentation/detail?pId=1696 (the same API on the global hosts *-api.xmpush.global.xiaomi.com)
 * The hosts are Xiaomi's (the overlay lists xiaomi.com as Xiaomi Corporation's), so this adapter lists none.
 */
import type { SdkAdapter } from './adapter';

export const xiaomiPush: SdkAdapter = {
	id: 'xiaomi-push',
	name: 'Xiaomi Mi Push',
	label: 'Mi Push',
	company: 'Xiaomi',
	category: 'telemetry',
	endpoints: [
		{
			host: /(?:^|\.)xmpush(?:\.global)?\.xiaomi\.com$/,
			path: /^\/v[1-4]\/message\//,
			params: {
				registration_id: { type: 'user.id', meaning: 'Mi Push regId of a device' },
				alias: { type: 'user.id', meaning: 'alias the app binds to its user' },
				user_account: { type: 'user.id', meaning: "the app's account of its user" },
				restricted_package_name: { type: 'app.package', meaning: "the app's package name" }
			},
			neutral: {
				title: 'the title of a notification the app sends',
				description: 'the text of a notification the app sends',
				payload: 'the message the app sends'
			}
		}
	]
};
