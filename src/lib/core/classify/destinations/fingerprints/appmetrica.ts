/**
 * Yandex AppMetrica: the SDK's report requests carry query parameters `analytics_sdk_version_name`,
 * `analytics_sdk_build_number`, `deviceid` and `uuid`. Facts from the AppMetrica SDK (decompiled request builders).
 */
import type { SdkFingerprint } from './fingerprint';
import { fieldSources } from './shape';

export const appMetrica: SdkFingerprint = {
	id: 'appmetrica',
	product: 'AppMetrica SDK',
	// Yandex: AppMetrica is Yandex's (https://appmetrica.yandex.com, linked from github.com/appmetrica/appmetrica-sdk-android).
	vendor: 'Yandex',
	category: 'analytics',
	match(shape) {
		for (const get of fieldSources(shape)) {
			if (get('analytics_sdk_version_name') !== null && (get('deviceid') !== null || get('uuid') !== null)) return 'fields analytics_sdk_version_name + deviceid/uuid';
		}
		return null;
	}
};
