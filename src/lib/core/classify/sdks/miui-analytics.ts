/**
 * MIUI's built-in analytics (com.miui.internal.analytics), part of the phone's system framework rather than an
 * app SDK.
 * Sources:
 *  - decompiled MIUI framework class com.miui.internal.analytics.XiaomiServer (posts events to https://tracking.miui.com/tracks)
 *  - Forbes, T. Brewster, 2020-04-30, https://www.forbes.com/sites/thomasbrewster/2020/04/30/exclusive-warning-over-chinese-mobile-giant-xiaomi-recording-millions-of-peoples-private-web-and-phone-use/
 */
import type { SdkAdapter } from './adapter';
import { FORBES_XIAOMI_2020 } from './xiaomi-reports';

export const miuiAnalytics: SdkAdapter = {
	id: 'miui-analytics',
	name: 'MIUI tracking',
	label: 'MIUI tracking',
	company: 'Xiaomi',
	category: 'telemetry',
	listings: [
		{
			hosts: ['tracking.miui.com', 'tracking.*.miui.com'],
			product: 'MIUI tracking',
			category: 'telemetry',
			source: 'MIUI framework class com.miui.internal.analytics.XiaomiServer posts events to https://tracking.miui.com/tracks (decompiled MIUI); ' + FORBES_XIAOMI_2020
		}
	]
};
