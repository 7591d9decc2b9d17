/**
 * Branch deep linking and attribution. The SDK posts JSON to api2.branch.io/v1/install, /v1/open, /v2/event/… with
 * `branch_key` (`key_live_…` / `key_test_…`) and Branch IDs `identity_id`, `device_fingerprint_id`.
 * Sources:
 *  - https://help.branch.io/developers-hub/reference/ (API reference)
 *  - https://github.com/BranchMetrics/android-branch-deep-linking-attribution (copyright Branch Metrics, Inc.)
 *  - https://github.com/tweaselORG/TrackHAR/blob/main/src/adapters/branch-io.ts (requests observed in app traffic to
 *    api2.branch.io/v1/install, /open, /close, /profile, /logout: `os_version_android`, `device_carrier`, `identity`
 *    — the app's user ID set with setIdentity —, `google_advertising_id`)
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
	endpoints: [
		{
			host: /^api2?\.branch\.io$/,
			path: /^\/v1\/(?:install|open|close|profile|logout)$/,
			params: {
				os_version_android: { type: 'device.os_version', meaning: 'Android OS version' },
				device_carrier: { type: 'network.carrier', meaning: 'mobile carrier' },
				identity: { type: 'user.id', meaning: "the app's own user ID (setIdentity)" },
				google_advertising_id: { type: 'ad.advertising_id', meaning: 'Google advertising ID' },
				'metadata.$mixpanel_distinct_id': { type: 'user.id', meaning: "the user's Mixpanel ID, passed on to Branch" },
				'metadata.$segment_anonymous_id': { type: 'user.id', meaning: "the user's Segment anonymous ID, passed on to Branch" },
				'metadata.$braze_install_id': { type: 'user.id', meaning: "the install's Braze ID, passed on to Branch" },
				'metadata.$amplitude_user_id': { type: 'user.id', meaning: "the user's Amplitude ID, passed on to Branch" }
			}
		}
	],
	fingerprint(shape) {
		for (const get of fieldSources(shape)) {
			const key = get('branch_key');
			if (key !== null && BRANCH_KEY.test(key)) return `branch_key ${key.slice(0, 9)}…`;
		}
		if (findObject(shape, (f) => hasAll(f, ['device_fingerprint_id', 'identity_id']))) return 'fields device_fingerprint_id + identity_id';
		return null;
	}
};
