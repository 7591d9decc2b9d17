/**
 * Yandex AppMetrica. The SDK's report requests carry query parameters `analytics_sdk_version_name`,
 * `analytics_sdk_build_number`, `deviceid` and `uuid`.
 * Sources:
 *  - https://github.com/appmetrica/appmetrica-sdk-android (the SDK, linking https://appmetrica.yandex.com)
 */
import type { SdkAdapter } from './adapter';
import { fieldSources } from './shape';

export const appMetrica: SdkAdapter = {
	id: 'appmetrica',
	name: 'AppMetrica SDK',
	label: 'AppMetrica',
	company: 'Yandex',
	category: 'analytics',
	listings: [
		{ hosts: ['appmetrica.yandex.net', 'appmetrica.yandex.com', 'appmetrica.yandex.ru'], product: 'AppMetrica', category: 'analytics', source: 'Yandex AppMetrica, https://appmetrica.yandex.com' }
	],
	fingerprint(shape) {
		for (const get of fieldSources(shape)) {
			if (get('analytics_sdk_version_name') !== null && (get('deviceid') !== null || get('uuid') !== null)) return 'fields analytics_sdk_version_name + deviceid/uuid';
		}
		return null;
	}
};
