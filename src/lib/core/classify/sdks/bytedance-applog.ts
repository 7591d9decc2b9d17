/**
 * ByteDance AppLog, the event collection of ByteDance's apps and of its analytics SDKs.
 * Sources:
 *  - the event collection hosts log.snssdk.com, applog.snssdk.com and log.byteoversea.com used by its apps and SDKs
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
	]
};
