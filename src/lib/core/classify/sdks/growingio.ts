/**
 * GrowingIO analytics, by Beijing Yishu Technology Co., Ltd. (北京易数科技有限公司).
 * Sources:
 *  - https://www.growingio.com (the company; the SDK's homepage)
 *  - https://github.com/growingio/growingio-docs-v3, developer-manual/sdkintegrated/android-sdk/README.md
 *    (maker, package com.growingio.android.sdk, homepage)
 *  - https://github.com/growingio/growingio-docs-v3, developer-manual/sdkintegrated/compliance/README.md
 *    (fields the Android SDK collects by default: imei, adrid — the Android ID —, gaid, oaid)
 *  - https://github.com/growingio/growingio-sdk-android-autotracker, growingio-tracker-core/.../track/events/base/BaseEvent.java
 *    and BaseField.java (every event's `domain` is the app's package name, a page event's `path` its screen, and `userKey`
 *    the kind of ID `userId` is)
 */
import type { SdkAdapter } from './adapter';

export const growingio: SdkAdapter = {
	id: 'growingio',
	name: 'GrowingIO SDK',
	label: 'GrowingIO',
	company: 'GrowingIO',
	category: 'analytics',
	listings: [{ hosts: ['growingio.com'], category: 'analytics', source: 'GrowingIO analytics, https://www.growingio.com' }],
	endpoints: [
		{
			host: /(?:^|\.)growingio\.com$/,
			path: /^\//,
			// `adrid` is the SDK's abbreviation; imei, gaid and oaid name themselves.
			params: {
				adrid: { type: 'device.android_id', as: 'android_id', meaning: 'Android ID (adrid)' },
				domain: { type: 'app.package', meaning: "the app's package name (domain, in the Android and iOS SDKs)", check: (v) => !/^www\./i.test(v) },
				path: { type: 'app.screen', meaning: 'the screen the user is on (path)', check: (v) => v.startsWith('/') }
			},
			neutral: { userKey: 'the kind of user ID the app chose (such as phone or email), not the ID' }
		}
	],
	constants: ['https://www.growingio.com', 'https://www.growingio.com/', 'com.growingio.android.sdk']
};
