/**
 * Umeng (友盟) U-App analytics, part of Alibaba Group since 2013 (now Alibaba Cloud's "Umeng+").
 * Sources:
 *  - https://www.umeng.com (the company)
 *  - U-Push server API, as its clients send it (https://gist.github.com/kang8/df7758b6fb0923470381d4732403322e,
 *    https://packagist.org/packages/ailose/upush): POST msgapi.umeng.com/api/send?sign=… with `appkey`, `type`
 *    (unicast, listcast, broadcast, customizedcast …), `device_tokens` (the push token of each device, comma-separated
 *    for a listcast), `alias` with `alias_type` (the app's own ID of its user), and `payload.body` (`ticker`, `title`,
 *    `text`, `custom`) or, for iOS, `payload.aps.alert` (`title`, `subtitle`, `body`); `description` names the task
 *  - public decompilations of com.umeng.commonsdk on GitHub (found through
 *    https://github.com/search?q=UMEnvelopeBuild+codex&type=code): framework/UMEnvelopeBuild and statistics/idtracking/Envelope
 *    build the upload to ulogs.umeng.com/unify_logs, encrypting its body when the "codex" setting says so
 * The SDK's JSON envelope has a `header` object with the app key (`appkey`), the Umeng device ID (`umid`) and SDK
 * fields (`sdk_type`, `sdk_version`). Newer SDKs encrypt the envelope: then only the host (ulogs.umeng.com) tells.
 */
import type { SdkAdapter } from './adapter';
import { findObject, hasAll } from './shape';

export const umeng: SdkAdapter = {
	id: 'umeng',
	name: 'Umeng SDK',
	label: 'Umeng',
	// Umeng (友盟), part of Alibaba Group since 2013: the listing below says the same.
	company: 'Alibaba Group',
	category: 'analytics',
	listings: [
		{
			hosts: ['umeng.com', 'umengcloud.com', 'umeng.co'],
			product: 'Umeng (U-App analytics)',
			category: 'analytics',
			source: 'Umeng (友盟), acquired by Alibaba in 2013, now part of Alibaba Cloud\'s "Umeng+": https://www.umeng.com'
		}
	],
	endpoints: [
		{
			host: /^msgapi\.umeng\.com$/,
			path: /^\/api\/(?:send|status|cancel|upload)$/,
			params: {
				device_tokens: { type: 'user.id', meaning: 'U-Push token of a device' },
				alias: { type: 'user.id', meaning: "the app's own ID of its user, as a push alias" }
			},
			neutral: {
				ticker: 'the ticker text of a notification the app sends',
				title: 'the title of a notification the app sends',
				subtitle: 'the subtitle of a notification the app sends',
				text: 'the text of a notification the app sends',
				alert: 'a notification the app sends',
				description: "the app's own name for a push task"
			}
		}
	],
	encryptedEnvelope: {
		at: [{ host: /(?:^|\.)umeng(?:cloud)?\.com$/, path: /^\/unify_logs\/?$/ }],
		verdict: 'Umeng envelope (com.umeng.commonsdk), encrypted by the SDK when its codex setting is on: cannot be decoded without its key'
	},
	fingerprint(shape) {
		if (findObject(shape, (f) => f.has('appkey') && f.has('umid') && (f.has('sdk_version') || f.has('sdk_type')))) return 'header with appkey, umid and sdk_version/sdk_type';
		if (findObject(shape, (f) => hasAll(f, ['appkey', 'sdk_type', 'sdk_version', 'idmd5']))) return 'header with appkey, sdk_type, sdk_version and idmd5';
		return null;
	}
};
