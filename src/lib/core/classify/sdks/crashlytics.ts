/**
 * Firebase Crashlytics crash reporting.
 * Sources:
 *  - https://firebase.google.com/products/crashlytics
 *  - https://github.com/firebase/firebase-android-sdk/blob/HEAD/firebase-crashlytics/src/main/java/com/google/firebase/crashlytics/internal/settings/DefaultSettingsSpiCall.java
 *    (the settings request: GET firebase-settings.crashlytics.com/spi/v2/platforms/android/gmp/{app id}/settings with the
 *    query parameters build_version, display_version, instance and source, and the headers X-CRASHLYTICS-DEVICE-MODEL,
 *    X-CRASHLYTICS-OS-BUILD-VERSION, X-CRASHLYTICS-OS-DISPLAY-VERSION and X-CRASHLYTICS-INSTALLATION-ID)
 *  - https://github.com/firebase/firebase-android-sdk/blob/HEAD/firebase-crashlytics/src/main/java/com/google/firebase/crashlytics/internal/common/IdManager.java
 *    (the model header is MANUFACTURER/MODEL; the installation ID is Crashlytics' own per-install UUID)
 */
import type { SdkAdapter } from './adapter';

export const crashlytics: SdkAdapter = {
	id: 'crashlytics',
	name: 'Firebase Crashlytics SDK',
	label: 'Crashlytics',
	company: 'Google',
	category: 'crash-reporting',
	listings: [{ hosts: ['crashlytics.com'], product: 'Firebase Crashlytics', category: 'crash-reporting', source: 'Firebase Crashlytics, https://firebase.google.com/products/crashlytics' }],
	endpoints: [
		{
			host: /(?:^|\.)crashlytics\.com$/,
			path: /^\/spi\/v\d+\/platforms\//,
			headers: {
				'x-crashlytics-device-model': { type: 'device.model', meaning: 'device manufacturer and model' },
				'x-crashlytics-os-display-version': { type: 'device.os_version', meaning: 'Android version' },
				'x-crashlytics-installation-id': { type: 'user.id', meaning: "Crashlytics' ID of this installation of the app" }
			},
			neutral: {
				build_version: "the app's build number",
				display_version: "the app's version name",
				instance: "the app build's ID",
				source: 'where the app was installed from, as a code'
			}
		}
	]
};
