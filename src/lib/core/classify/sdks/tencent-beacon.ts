/**
 * Tencent Beacon (灯塔), the event reporting SDK com.tencent.beacon and its web and server clients.
 * Sources:
 *  - the SDK's reporting hosts *.beacon.qq.com
 *  - https://github.com/Tencent/libpag (Tencent's own PAG library: PAGReport posts its reports as JSON to
 *    otheve.beacon.qq.com/analytics/v2_upload)
 *  - Tencent Cloud's COS SDK documentation (https://cloud.tencent.com/document/product/436, "EnableTracker": the mini
 *    program must allow h.trace.qq.com, oth.str.beacon.qq.com and otheve.beacon.qq.com)
 *  - public clients of the v2_upload API on GitHub (found through
 *    https://github.com/search?q=%22otheve.beacon.qq.com%2Fanalytics%2Fv2_upload%22&type=code): a JSON body with
 *    `mainAppKey` (the app's Beacon key), `sdkId`, `sdkVersion`, `platformId`, `common` (`A2` the device ID, `A101`
 *    the user agent) and `events[]` (`eventCode`, `eventTime`, `mapValue`)
 * The Android SDK's own channel (oth.str.beacon.qq.com) sends a binary format that no public source describes: it is
 * not named, so its bodies get the decoder's plain verdict rather than a guess.
 */
import type { SdkAdapter } from './adapter';

export const tencentBeacon: SdkAdapter = {
	id: 'tencent-beacon',
	name: 'Tencent Beacon SDK',
	label: 'Tencent Beacon',
	company: 'Tencent',
	category: 'telemetry',
	listings: [{ hosts: ['beacon.qq.com'], product: 'Tencent Beacon', category: 'telemetry', source: 'Tencent Beacon SDK (com.tencent.beacon) event reporting to *.beacon.qq.com' }],
	endpoints: [
		{
			host: /(?:^|\.)beacon\.qq\.com$/,
			path: /^\/analytics\/(?:v2_)?upload$/,
			params: {
				'common.A2': { type: 'user.id', meaning: "Beacon's ID of the device (common.A2)" },
				'common.A101': { type: 'device.model', as: 'user_agent', meaning: 'the user agent (common.A101)' }
			},
			neutral: { mainAppKey: "the app's Beacon key", sdkVersion: "the SDK's version", appVersion: "the app's version" }
		}
	]
};
