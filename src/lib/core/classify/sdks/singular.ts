/**
 * Singular marketing attribution.
 * Sources:
 *  - https://www.singular.net
 *  - https://support.singular.net/hc/en-us/articles/360048588672 (the SDK/S2S API reference: query `aifa` / `idfa` the
 *    advertising ID, `andi` the Android ID, `custom_user_id`, `ve` the OS version, `mo` the device model, `i` the app's
 *    package or bundle ID)
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/singular-net.ts (requests observed in app traffic to
 *    sdk-api-v1.singular.net/api/v1/start, /event, /config, /resolve, s2s.singular.net/api/v1/launch; `asid`, the app
 *    set ID)
 */
import type { SdkAdapter } from './adapter';

export const singular: SdkAdapter = {
	id: 'singular',
	name: 'Singular SDK',
	label: 'Singular',
	company: 'Singular',
	category: 'attribution',
	listings: [{ hosts: ['singular.net', 'sng.link'], category: 'attribution', source: 'Singular marketing attribution, https://www.singular.net' }],
	endpoints: [
		{
			host: /(?:^|\.)singular\.net$/,
			path: /^\/api\/v1\//,
			params: {
				aifa: { type: 'ad.advertising_id', meaning: 'Google advertising ID (aifa)' },
				idfa: { type: 'ad.advertising_id', meaning: 'iOS advertising ID (idfa)' },
				andi: { type: 'device.android_id', meaning: 'Android ID (andi)' },
				asid: { type: 'user.id', meaning: 'app set ID (asid)' },
				custom_user_id: { type: 'user.id', meaning: "the app's own user ID" },
				ve: { type: 'device.os_version', meaning: 'OS version (ve)' },
				mo: { type: 'device.model', meaning: 'device model (mo)' },
				i: { type: 'app.package', meaning: "the app's package or bundle ID (i)" }
			}
		}
	]
};
