/**
 * Google Analytics for Firebase uploads protobuf batches to app-measurement.com/a without field names.
 * The generic protobuf codec shows them as numbers (`protobuf["1"]["14"]`); this map says what the
 * numbers mean, for requests to that endpoint only. Google publishes no schema; the numbers below are
 * those two independent public reverse-engineering efforts agree on:
 *
 *  [L] lari/firebase-ga4-app-measurement-protobuf, app-measurement.proto (community proto definition
 *      of `Batch { repeated Bundle bundle = 1 }`, described in Lari Haataja's write-up "Unraveling
 *      Firebase Analytics GA4 calls to app-measurement.com").
 *  [T] tweasel TrackHAR's `google/app-measurement` adapter (trackers.tweasel.org): observed values per
 *      path `1.*.N` in real app traffic.
 *
 * Field 20 is left out: [L] lists it as unknown (values like "1") and [T] does not name it, so we cannot
 * honestly call it the limit-ad-tracking flag.
 */
import type { DecodedNode } from '../../model';

export interface FirebaseField {
	as: string;
	meaning: string;
}

/** Fields of a Bundle (`batch.1[n].N`). */
const BUNDLE: Readonly<Record<string, FirebaseField>> = {
	// [L] operating_system_version = 9; [T] "OS version" 1.*.9
	'9': { as: 'os_version', meaning: 'OS version' },
	// [L] device_model = 10
	'10': { as: 'device_model', meaning: 'device model' },
	// [L] app_id = 14; [T] "App ID" 1.*.14 (the package / bundle name)
	'14': { as: 'package_name', meaning: 'app ID' },
	// [T] "Device advertising ID (GAID/IDFA)" 1.*.19
	'19': { as: 'advertising_id', meaning: 'advertising ID' },
	// [L] app_instance_id = 21
	'21': { as: 'app_instance_id', meaning: 'app instance ID' },
	// [L] resettable_device_id = 27; [T] "Developer-scoped device ID (IDFV/ASID/ANDROID_ID)" 1.*.27
	'27': { as: 'vendor_id', meaning: 'developer-scoped device ID' },
	// [L] firebase_instance_id = 30
	'30': { as: 'firebase_instance_id', meaning: 'Firebase instance ID' }
};

/**
 * Reserved event-parameter names of the Firebase SDKs (the public names in FirebaseAnalytics.Param map
 * to these internal short names): `_sn` screen name, `_sc` screen class.
 */
const RESERVED_PARAMS: Readonly<Record<string, FirebaseField>> = {
	_sn: { as: 'screen_name', meaning: 'screen name' },
	_sc: { as: 'screen_class', meaning: 'screen class' }
};

const textOf = (node: DecodedNode | undefined): string | null => (node?.kind === 'text' ? node.text ?? null : null);

/** A parameter or user-property name: what the SDK accepts (letters, digits, underscores, ≤ 40 characters). */
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/**
 * What a field of a Firebase upload means, from where it sits: `keyChain` holds the field numbers from
 * the body's root (layers such as gzip add none), `key` the field's own number.
 *  - Bundle fields: chain [1].
 *  - Event parameters (`Event.param = 1`, `Param { name = 1, string_value = 2 }` [L]): chain [1, 2, 1],
 *    field 2, named by its sibling field 1.
 *  - User properties (`Bundle.user_property = 3`, `{ name = 2, string_value = 3 }` [L]): chain [1, 3],
 *    field 3, named by its sibling field 2.
 */
export function firebaseField(key: string, keyChain: readonly string[], siblings: ReadonlyMap<string, DecodedNode> | null): { label: string; field: FirebaseField } | null {
	const chain = keyChain.join('.');
	if (chain === '1') {
		const field = BUNDLE[key];
		return field ? { label: key, field: { as: field.as, meaning: `bundle field ${key}, ${field.meaning}` } } : null;
	}
	let nameKey: string | null = null;
	let kind = '';
	if (chain === '1.2.1' && key === '2') {
		nameKey = '1';
		kind = 'event parameter';
	} else if (chain === '1.3' && key === '3') {
		nameKey = '2';
		kind = 'user property';
	}
	if (nameKey === null || siblings === null) return null;
	const name = textOf(siblings.get(nameKey));
	if (name === null || !PARAM_NAME.test(name)) return null;
	const reserved = RESERVED_PARAMS[name];
	return { label: name, field: reserved ? { as: reserved.as, meaning: `${kind} ${name}, ${reserved.meaning}` } : { as: name, meaning: `${kind} ${name}` } };
}

export function isFirebaseUpload(host: string | null, url: string | null): boolean {
	if (!host || !url) return false;
	if (!/(?:^|\.)app-measurement\.com$/i.test(host)) return false;
	try {
		return new URL(url).pathname === '/a';
	} catch {
		return false;
	}
}
