/**
 * Umeng (友盟) U-App analytics, part of Alibaba Group since 2013 (now Alibaba Cloud's "Umeng+").
 * Sources:
 *  - https://www.umeng.com (the company)
 * The SDK's JSON envelope has a `header` object with the app key (`appkey`), the Umeng device ID (`umid`) and SDK
 * fields (`sdk_type`, `sdk_version`). Newer SDKs encrypt the envelope: then only the host (ulogs.umeng.com) tells.
 */
import type { SdkAdapter } from './adapter';
import { findObject, hasAll } from './shape';

export const umeng: SdkAdapter = {
	id: 'umeng',
	name: 'Umeng SDK',
	label: 'Umeng',
	// Umeng (友盟), part of Alibaba Group since 2013: the listing below says the same.
	company: 'Alibaba Group',
	category: 'analytics',
	listings: [
		{
			hosts: ['umeng.com', 'umengcloud.com', 'umeng.co'],
			product: 'Umeng (U-App analytics)',
			category: 'analytics',
			source: 'Umeng (友盟), acquired by Alibaba in 2013, now part of Alibaba Cloud\'s "Umeng+": https://www.umeng.com'
		}
	],
	fingerprint(shape) {
		if (findObject(shape, (f) => f.has('appkey') && f.has('umid') && (f.has('sdk_version') || f.has('sdk_type')))) return 'header with appkey, umid and sdk_version/sdk_type';
		if (findObject(shape, (f) => hasAll(f, ['appkey', 'sdk_type', 'sdk_version', 'idmd5']))) return 'header with appkey, sdk_type, sdk_version and idmd5';
		return null;
	}
};
