/**
 * HUAWEI Push Kit, part of Huawei Mobile Services. Its server API is called by app backends.
 * Sources:
 *  - https://developer.huawei.com/consumer/en/doc/hmscore-guides/android-server-dev-0000001050040110/ (downlink messages:
 *    POST https://push-api.cloud.huawei.com/v1/[clientid]/messages:send, `message.token`: the push tokens of the devices)
 *  - https://developer.huawei.com/consumer/en/doc/HMS-Guides/push-basic-capability/ ("An app has a unique push token on each device")
 *  - https://developer.huawei.com/consumer/en/doc/harmonyos-references/push-scenariozed-api-request-struct (the v3 API of
 *    HarmonyOS on the same host, which targets `target.token`)
 * huawei.com is Huawei's in the overlay already, so this adapter lists no host.
 */
import type { SdkAdapter } from './adapter';

export const huaweiPush: SdkAdapter = {
	id: 'huawei-push',
	name: 'HUAWEI Push Kit',
	label: 'Huawei Push Kit',
	company: 'Huawei',
	category: 'telemetry',
	endpoints: [
		{
			host: /^push-api\.cloud\.huawei\.com$/,
			path: /^\/v[13]\/[^/]+\/messages:send$/,
			params: { token: { type: 'user.id', meaning: 'push token of a device' } },
			neutral: {
				title: 'the title of a notification the app sends',
				body: 'the text of a notification the app sends',
				url: 'the page a notification opens'
			}
		}
	]
};
