/**
 * Umeng (U-App): the analytics SDK's JSON envelope has a `header` object with the app key (`appkey`), the Umeng
 * device ID (`umid`) and SDK fields (`sdk_type`, `sdk_version`). Newer SDKs encrypt the envelope: then only the
 * host (ulogs.umeng.com, covered by the host lists) tells. Facts from Umeng's public SDK docs and traffic analyses.
 */
import type { SdkFingerprint } from './fingerprint';
import { findObject, hasAll } from './shape';

export const umeng: SdkFingerprint = {
	id: 'umeng',
	product: 'Umeng SDK',
	// Umeng (友盟, https://www.umeng.com), part of Alibaba Group since 2013: the overlay's umeng.com entry says the same.
	vendor: 'Alibaba Group',
	category: 'analytics',
	match(shape) {
		if (findObject(shape, (f) => f.has('appkey') && f.has('umid') && (f.has('sdk_version') || f.has('sdk_type')))) return 'header with appkey, umid and sdk_version/sdk_type';
		if (findObject(shape, (f) => hasAll(f, ['appkey', 'sdk_type', 'sdk_version', 'idmd5']))) return 'header with appkey, sdk_type, sdk_version and idmd5';
		return null;
	}
};
