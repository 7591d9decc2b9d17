/**
 * Vungle ads, now Liftoff (Liftoff and Vungle merged in 2021 under Blackstone).
 * Sources:
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/vungle.ts (api.vungle.com/api/v…/new?ifa=…; ads.api.vungle.com/config, api.vungle.com/api/v5/ads: an OpenRTB-like
 *    JSON with `device.ifa`, `device.ext.vungle.android.gaid`, `device.ext.vungle.ios.idfa`, `device.osv`, `device.model`,
 *    `device.carrier`, `app.bundle`; `vungle.invalid.IFA` when there is none)
 *  - https://liftoff.io/company/ (the company)
 * vungle.com keeps the bundled lists' company (Blackstone, Inc.), so this adapter lists no host.
 */
import type { SdkAdapter } from './adapter';

const IFA = { type: 'ad.advertising_id', meaning: 'advertising ID', check: (v: string) => v !== 'vungle.invalid.IFA' } as const;

export const vungle: SdkAdapter = {
	id: 'vungle',
	name: 'Vungle SDK',
	label: 'Vungle',
	company: 'Liftoff Mobile',
	category: 'advertising',
	endpoints: [
		{
			host: /(?:^|\.)vungle\.com$/,
			path: /^\/(?:config|api\/v\d+\/)/,
			params: {
				ifa: IFA,
				gaid: IFA,
				idfa: IFA,
				osv: { type: 'device.os_version', meaning: 'OS version' },
				model: { type: 'device.model', meaning: 'device model' },
				carrier: { type: 'network.carrier', meaning: 'mobile carrier' },
				bundle: { type: 'app.package', meaning: "the app's bundle ID" }
			}
		}
	]
};
