/**
 * Microsoft Visual Studio App Center (analytics and crash reports; retired in 2025, still in installed apps).
 * Sources:
 *  - https://learn.microsoft.com/en-us/appcenter/sdk/data-collected (what the SDK sends: the device's model, OS, carrier,
 *    locale, the app's namespace — its bundle or package name —, an install ID and the app's user ID if set)
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/microsoft.ts (in.appcenter.ms/logs: JSON `logs[]` with
 *    `device.appNamespace`, `device.model`, `device.osVersion`, `device.carrierName`, `userId`, and the `Install-ID` header)
 * appcenter.ms keeps the bundled lists' company, so this adapter lists no host.
 */
import type { SdkAdapter } from './adapter';

export const appcenter: SdkAdapter = {
	id: 'appcenter',
	name: 'App Center SDK',
	label: 'App Center',
	company: 'Microsoft',
	category: 'analytics',
	endpoints: [
		{
			host: /(?:^|\.)appcenter\.ms$/,
			path: /^\/logs$/,
			params: {
				'device.appNamespace': { type: 'app.package', meaning: "the app's bundle or package name (appNamespace)" },
				'device.carrierName': { type: 'network.carrier', meaning: 'mobile carrier' },
				'device.osVersion': { type: 'device.os_version', meaning: 'OS version' }
			},
			headers: { 'install-id': { type: 'user.id', meaning: "App Center's ID of this installation of the app" } },
			neutral: { appBuild: "the app's build number", appVersion: "the app's version", sdkVersion: "the SDK's version" }
		}
	]
};
