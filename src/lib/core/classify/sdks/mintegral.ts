/**
 * Mintegral ads (its SDK's hosts are rayjump.com), part of Mobvista.
 * Sources:
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/rayjump.ts (configure.rayjump.com/setting — query — and analytics.rayjump.com — a form whose `data` is a query
 *    string: `gaid`, `idfa`, `package_name` / `pn`, `osv` / `os_version`, `model`)
 *  - https://www.mintegral.com/en/ (the company, a Mobvista business: https://www.mobvista.com/)
 */
import type { SdkAdapter } from './adapter';

export const mintegral: SdkAdapter = {
	id: 'mintegral',
	name: 'Mintegral SDK',
	label: 'Mintegral',
	company: 'Mintegral (Mobvista)',
	category: 'advertising',
	listings: [{ hosts: ['rayjump.com', 'mintegral.com'], category: 'advertising', source: 'Mintegral (Mobvista) ads; SDK hosts rayjump.com in https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/rayjump.ts' }],
	endpoints: [
		{
			host: /(?:^|\.)rayjump\.com$/,
			path: /^\//,
			params: {
				gaid: { type: 'ad.advertising_id', meaning: 'advertising ID (gaid)' },
				idfa: { type: 'ad.advertising_id', meaning: 'advertising ID (idfa)' },
				package_name: { type: 'app.package', meaning: "the app's package" },
				pn: { type: 'app.package', meaning: "the app's package (pn)" },
				osv: { type: 'device.os_version', meaning: 'OS version' },
				os_version: { type: 'device.os_version', meaning: 'OS version' },
				model: { type: 'device.model', meaning: 'device model' }
			}
		}
	]
};
