/**
 * ByteDance AppLog, the event collection of ByteDance's apps and of its analytics SDKs (com.bytedance.applog, also
 * embedded as com.bytedance.embedapplog), which can be pointed at a private deployment (UriConfig.createByDomain).
 * Sources:
 *  - the event collection hosts log.snssdk.com, applog.snssdk.com and log.byteoversea.com used by its apps and SDKs
 *  - public decompilations of com.bytedance.applog and com.bytedance.embedapplog on GitHub (found through
 *    https://github.com/search?q=%22service%2F2%2Fapp_log%2F%3Ftt_data%3Da%22&type=code): the upload path is
 *    /service/2/app_log/?tt_data=a when AppLog.getEncryptAndCompress() is on, /service/2/app_log/? when it is off
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
	// Any host: a private deployment keeps the SDK's path, and the verdict is given only for a body nothing was read from.
	encryptedEnvelope: {
		at: [{ path: /^\/service\/2\/app_log\/?$/ }],
		verdict: 'ByteDance AppLog batch, encrypted and compressed by the SDK (TTEncrypt, tt_data=a): cannot be decoded without its key'
	}
};
