/**
 * Some values do not sit under a key that says what they are, but their surroundings say it:
 *  - a short parameter at a known tracker endpoint (`dl` in a Google Analytics hit: the page address),
 *  - a numbered field of a Firebase upload (`protobuf["1"]["14"]`: the app ID),
 *  - the `value` of a key/value pair (`{ "key": "search_word", "value": "flu" }`, `{ "name": "imei", "value": … }`,
 *    as Xiaomi MiStat, Umeng and Firebase's JSON events send them).
 * An alias tells the detectors which key to judge the value under, and the reason says why.
 */
import type { DecodedNode, PartKind } from '../../model';
import { endpointParam, endpointsAt, type EndpointParams } from './endpoint-params';
import { firebaseField, isFirebaseUpload } from './firebase-fields';
import { normalizeKey } from './key-hints';

export interface KeyAlias {
	/** The key as the reason shows it (`dl`, `14`, or the pair's name `search_word`). */
	label: string;
	/** The key the detectors judge the value under (`page_url`). */
	as: string;
	/** Appended to each finding's reason ("Google Analytics: document location"). */
	note: string;
}

/** What the request's host and path say about its parameters; worked out once per exchange. */
export interface AliasScope {
	endpoints: readonly EndpointParams[];
	firebase: boolean;
}

export function aliasScope(host: string | null, url: string | null): AliasScope {
	return { endpoints: endpointsAt(host, url), firebase: isFirebaseUpload(host, url) };
}

/** Keys that hold the value of a key/value pair, and the keys that name it. */
const PAIR_VALUE_KEYS = new Set(['value', 'val', 'stringvalue', 'strvalue', 'paramvalue']);
const PAIR_NAME_KEYS = ['key', 'name', 'paramname', 'k'];
/** A pair's name must read as a field name (no spaces, no sentence), else it is data, not a key. */
const FIELD_NAME = /^[A-Za-z_$][\w$.\-]{0,63}$/;

export function keyAlias(
	key: string,
	normKey: string,
	keyChain: readonly string[],
	siblings: ReadonlyMap<string, DecodedNode> | null,
	partKind: PartKind,
	scope: AliasScope
): KeyAlias | null {
	// Headers and cookies name themselves; none of these apply there.
	if (partKind === 'header' || partKind === 'cookie') return null;
	if (scope.firebase) {
		const hit = firebaseField(key, keyChain, siblings);
		if (hit) return { label: hit.label, as: hit.field.as, note: `Firebase ${hit.field.meaning}` };
	}
	const param = endpointParam(key, siblings, scope.endpoints);
	if (param) return { label: key, as: param.param.as, note: `${param.endpoint.name}: ${param.param.meaning}` };
	if (siblings !== null && PAIR_VALUE_KEYS.has(normKey)) {
		for (const nameKey of PAIR_NAME_KEYS) {
			const named = siblings.get(nameKey);
			const name = named?.kind === 'text' ? named.text?.trim() : undefined;
			if (name && FIELD_NAME.test(name) && !PAIR_VALUE_KEYS.has(normalizeKey(name))) {
				return { label: name, as: name, note: `named by the sibling field ${nameKey}` };
			}
		}
	}
	return null;
}
