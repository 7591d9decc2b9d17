/**
 * ByteDance AppLog, the event collection of ByteDance's apps and of its analytics SDKs (com.bytedance.applog, also
 * embedded as com.bytedance.embedapplog), which can be pointed at a private deployment (UriConfig.createByDomain).
 * Sources:
 *  - the event collection hosts log.snssdk.com, applog.snssdk.com and log.byteoversea.com used by its apps and SDKs
 *  - public decompilations of com.bytedance.applog and com.bytedance.embedapplog on GitHub (found through
 *    https://github.com/search?q=%22service%2F2%2Fapp_log%2F%3Ftt_data%3Da%22&type=code): the upload path is
 *    /service/2/app_log/?tt_data=a when AppLog.getEncryptAndCompress() is on, /service/2/app_log/? when it is off
 *  - https://github.com/volcengine/datarangers-sdk-android/blob/HEAD/agent/src/main/java/com/bytedance/applog/server/ApiParamsUtil.java
 *    (the query every request carries: device_type is Build.MODEL, os_version Build.VERSION.RELEASE, openudid the
 *    device's Android ID, with aid, app_name, version_name and version_code, the app's own)
 *  - https://github.com/volcengine/datarangers-sdk-android/blob/HEAD/agent/src/main/java/com/bytedance/applog/alink/model/ALinkQueryParam.kt
 *    and AttributionRequest.kt (deep-link attribution: user_unique_id, the app's own ID of its user, and ssid, the
 *    DataRangers server's ID of that user — not a Wi-Fi network name)
 */
import type { SdkAdapter } from './adapter';

export const bytedanceApplog: SdkAdapter = {
	id: 'bytedance-applog',
	name: 'ByteDance AppLog',
	label: 'ByteDance AppLog',
	company: 'ByteDance',
	category: 'telemetry',
	listings: [
		{ hosts: ['log.snssdk.com', 'applog.snssdk.com', 'log.byteoversea.com'], product: 'ByteDance AppLog', category: 'telemetry', source: 'ByteDance AppLog event collection hosts used by its apps and SDKs' }
	],
	endpoints: [
		{
			// Any host: a private deployment keeps the SDK's paths.
			path: /^\/service\/2\/(?:app_log|device_register|alink_data|attribution_data|abtest_config|log_settings)\/?$/,
			params: {
				device_type: { type: 'device.model', as: 'device_model', meaning: 'device model (Build.MODEL)' },
				openudid: { type: 'device.android_id', as: 'android_id', meaning: "the device's Android ID (openudid)" },
				user_unique_id: { type: 'user.id', meaning: "the app's own ID of its user" },
				ssid: { type: 'user.id', as: 'user_id', meaning: "DataRangers' server-side ID of the user" }
			},
			neutral: { version_name: "the app's version", version_code: "the app's version number", update_version_code: "the app's version number", manifest_version_code: "the app's version number" }
		}
	],
	// Any host: a private deployment keeps the SDK's path, and the verdict is given only for a body nothing was read from.
	encryptedEnvelope: {
		at: [{ path: /^\/service\/2\/app_log\/?$/ }],
		verdict: 'ByteDance AppLog batch, encrypted and compressed by the SDK (TTEncrypt, tt_data=a): cannot be decoded without its key'
	}
};
