/**
 * Branch deep linking and attribution. The SDK posts JSON to api2.branch.io/v1/install, /v1/open, /v2/event/… with
 * `branch_key` (`key_live_…` / `key_test_…`) and Branch IDs `identity_id`, `device_fingerprint_id`.
 * Sources:
 *  - https://help.branch.io/developers-hub/reference/ (API reference)
 *  - https://github.com/BranchMetrics/android-branch-deep-linking-attribution (copyright Branch Metrics, Inc.)
 */
import type { SdkAdapter } from './adapter';
import { fieldSources, findObject, hasAll } from './shape';

const BRANCH_KEY = /^key_(?:live|test)_[A-Za-z0-9]{8,}$/;

export const branch: SdkAdapter = {
	id: 'branch',
	name: 'Branch SDK',
	label: 'Branch',
	company: 'Branch Metrics',
	category: 'attribution',
	listings: [{ hosts: ['branch.io', 'app.link'], category: 'attribution', source: 'Branch deep linking and attribution, https://branch.io' }],
	fingerprint(shape) {
		for (const get of fieldSources(shape)) {
			const key = get('branch_key');
			if (key !== null && BRANCH_KEY.test(key)) return `branch_key ${key.slice(0, 9)}…`;
		}
		if (findObject(shape, (f) => hasAll(f, ['device_fingerprint_id', 'identity_id']))) return 'fields device_fingerprint_id + identity_id';
		return null;
	}
};
