/**
 * Branch: the SDK posts JSON to api2.branch.io/v1/install, /v1/open, /v2/event/… with `branch_key`
 * (`key_live_…` / `key_test_…`) and Branch IDs `identity_id`, `device_fingerprint_id`. Facts from Branch's public API docs.
 */
import type { SdkFingerprint } from './fingerprint';
import { fieldSources, findObject, hasAll } from './shape';

const BRANCH_KEY = /^key_(?:live|test)_[A-Za-z0-9]{8,}$/;

export const branch: SdkFingerprint = {
	id: 'branch',
	product: 'Branch SDK',
	// Branch Metrics, Inc. (https://branch.io): the copyright line of its SDKs under github.com/BranchMetrics.
	vendor: 'Branch Metrics',
	category: 'attribution',
	match(shape) {
		for (const get of fieldSources(shape)) {
			const key = get('branch_key');
			if (key !== null && BRANCH_KEY.test(key)) return `branch_key ${key.slice(0, 9)}…`;
		}
		if (findObject(shape, (f) => hasAll(f, ['device_fingerprint_id', 'identity_id']))) return 'fields device_fingerprint_id + identity_id';
		return null;
	}
};
