/**
 * Some values do not sit under a key that says what they are, but their surroundings say it:
 *  - a field an SDK adapter maps (sdks/): a short parameter at the SDK's endpoint (`dl` in a Google Analytics hit: the
 *    page address), a numbered field of a schema-less upload (`protobuf["1"]["14"]` of Firebase: the app ID), a
 *    position in an array the SDK sends by position,
 *  - the `value` of a key/value pair (`{ "key": "search_word", "value": "flu" }`, `{ "name": "imei", "value": … }`,
 *    as Xiaomi MiStat, Umeng and Firebase's JSON events send them).
 * An alias tells the detectors which key to judge the value under, and the reason says why.
 */
import type { DecodedNode, PartKind } from '../../model';
import type { FieldSpec } from '../sdks/adapter';
import { endpointParam, fieldScope, endpointHeader, neutralField, numberedField, positionalField, type FieldScope } from '../sdks/fields';
import { normalizeKey } from './key-hints';

export interface KeyAlias {
	/** The key as the reason shows it (`dl`, `14`, or the pair's name `search_word`). */
	label: string;
	/** The key the detectors judge the value under (`page_url`). */
	as: string;
	/** Appended to each finding's reason ("Google Analytics: document location"). */
	note: string;
	/** The adapter's field spec, when an SDK adapter gave the alias. */
	spec: FieldSpec | null;
	/** The SDK's endpoint says the value is not about the user (a notification's title): nothing is reported on it. */
	neutral?: true;
}

/** What the request's host and path say about its parameters; worked out once per exchange. */
export type AliasScope = FieldScope;

export function aliasScope(host: string | null, url: string | null): AliasScope {
	return fieldScope(host, url);
}

/** Keys that hold the value of a key/value pair, and the keys that name it. */
const PAIR_VALUE_KEYS = new Set(['value', 'val', 'stringvalue', 'strvalue', 'paramvalue']);
const PAIR_NAME_KEYS = ['key', 'name', 'paramname', 'k'];
/** A pair's name must read as a field name (no spaces, no sentence), else it is data, not a key. */
const FIELD_NAME = /^[A-Za-z_$][\w$.\-]{0,63}$/;

/**
 * `value`: the node's text trimmed, or null; `index`: the node's position when it is an element of an array, else null.
 */
export function keyAlias(
	key: string,
	normKey: string,
	keyChain: readonly string[],
	siblings: ReadonlyMap<string, DecodedNode> | null,
	partKind: PartKind,
	scope: AliasScope,
	value: string | null = null,
	index: number | null = null
): KeyAlias | null {
	// Headers and cookies name themselves; only an endpoint's own header map applies there.
	if (partKind === 'header') return scope.endpoints.length > 0 ? endpointHeader(key, value, scope.endpoints) : null;
	if (partKind === 'cookie') return null;
	for (const adapter of scope.numbered) {
		const hit = numberedField(adapter, key, keyChain, siblings);
		if (hit) return hit;
	}
	if (index !== null && scope.positional.length > 0) {
		const hit = positionalField(key, index, value, scope);
		if (hit) return hit;
	}
	const param = endpointParam(key, value, siblings, scope.endpoints, keyChain);
	if (param) return param;
	if (scope.endpoints.length > 0) {
		const neutral = neutralField(key, scope.endpoints);
		if (neutral) return { label: key, as: key, note: neutral, spec: null, neutral: true };
	}
	if (siblings !== null && PAIR_VALUE_KEYS.has(normKey)) {
		for (const nameKey of PAIR_NAME_KEYS) {
			const named = siblings.get(nameKey);
			const name = named?.kind === 'text' ? named.text?.trim() : undefined;
			if (name && FIELD_NAME.test(name) && !PAIR_VALUE_KEYS.has(normalizeKey(name))) {
				return { label: name, as: name, note: `named by the sibling field ${nameKey}`, spec: null };
			}
		}
	}
	return null;
}
