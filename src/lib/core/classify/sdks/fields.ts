/**
 * Field maps at work: what a key means at the request it is in, from the adapters whose endpoints the request
 * hits (or whose hit the fields around the value look like, for proxied collectors). Consulted by
 * detectors/key-aliases.ts for every keyed value, so each lookup costs one map probe when no adapter knows the key.
 */
import type { DecodedNode, FindingType } from '../../model';
import type { Endpoint, FieldSpec, SdkAdapter } from './adapter';
import { SDK_ADAPTERS } from './index';
import { normalizeKey } from '../detectors/key-hints';

/** The key the detectors read as each type, for field specs that do not name one. */
export const KEY_FOR_TYPE: Readonly<Record<FindingType, string>> = {
	'device.imei': 'imei',
	'device.imsi': 'imsi',
	'device.iccid': 'iccid',
	'device.meid': 'meid',
	'device.serial': 'serial',
	'device.android_id': 'android_id',
	'device.mac': 'mac',
	'device.model': 'device_model',
	'device.os_version': 'os_version',
	'ad.advertising_id': 'advertising_id',
	'user.id': 'user_id',
	'contact.email': 'email',
	'contact.phone': 'phone',
	'location.coordinates': 'location',
	'network.ip': 'ip',
	'network.ssid': 'ssid',
	'network.bssid': 'bssid',
	'network.carrier': 'carrier',
	'browsing.url': 'page_url',
	'browsing.search_query': 'search_keyword',
	'browsing.title': 'page_title',
	'app.package': 'package_name',
	'app.screen': 'screen_name',
	'media.played': 'song_name',
	'auth.secret': 'access_token'
};

/** The detector id of findings an adapter's field spec reports itself (FieldSpec.report). */
export const SDK_FIELDS_DETECTOR = 'sdk-fields';

export function judgedKey(spec: FieldSpec): string {
	return spec.as ?? KEY_FOR_TYPE[spec.type];
}

interface ParamTable {
	adapter: SdkAdapter;
	endpoint: Endpoint;
}

const ENDPOINTS: readonly ParamTable[] = SDK_ADAPTERS.flatMap((adapter) => (adapter.endpoints ?? []).map((endpoint) => ({ adapter, endpoint })));
const ADAPTER_OF = new Map<Endpoint, SdkAdapter>(ENDPOINTS.map((t) => [t.endpoint, t.adapter]));
const NUMBERED = SDK_ADAPTERS.filter((a) => a.numbered !== undefined);
const POSITIONAL = SDK_ADAPTERS.filter((a) => a.positional !== undefined);

/** Parameter name → the endpoints that define it, in registry order. */
const BY_PARAM = new Map<string, ParamTable[]>();
/**
 * A dotted name (`usr.id`, `context.page.title`) also names a nested field: its last name → the endpoints that define
 * it and the names above it (normalised, as key chains hold them), for values the request sends nested, not flattened.
 */
interface DottedParam extends ParamTable {
	param: string;
	above: readonly string[];
}
const BY_TAIL = new Map<string, DottedParam[]>();
for (const table of ENDPOINTS) {
	for (const param of Object.keys(table.endpoint.params ?? {})) {
		const list = BY_PARAM.get(param) ?? [];
		list.push(table);
		BY_PARAM.set(param, list);
		const names = param.split('.');
		if (names.length < 2 || names.some((n) => n.length === 0)) continue;
		const tail = names.pop()!;
		const dotted = BY_TAIL.get(tail) ?? [];
		dotted.push({ ...table, param, above: names.map(normalizeKey) });
		BY_TAIL.set(tail, dotted);
	}
}

/** Do the keys above a value end with `above`? */
function chainEndsWith(keyChain: readonly string[], above: readonly string[]): boolean {
	if (keyChain.length < above.length) return false;
	const offset = keyChain.length - above.length;
	return above.every((name, i) => keyChain[offset + i] === name);
}

export function endpointMatches(endpoint: Endpoint, host: string, path: string): boolean {
	return (endpoint.host === undefined || endpoint.host.test(host)) && endpoint.path.test(path);
}

/** What the request's host and path say about its fields; worked out once per exchange. */
export interface FieldScope {
	/** Endpoints the request hits. */
	endpoints: readonly Endpoint[];
	/** Adapters whose numbered-field format the request carries. */
	numbered: readonly SdkAdapter[];
	/** Adapters whose positional arrays the request may carry (one of their endpoints matched). */
	positional: readonly SdkAdapter[];
}

const NO_SCOPE: FieldScope = { endpoints: [], numbered: [], positional: [] };

export function fieldScope(host: string | null, url: string | null): FieldScope {
	if (!host || !url) return NO_SCOPE;
	let path: string;
	try {
		path = new URL(url).pathname;
	} catch {
		return NO_SCOPE;
	}
	const h = host.toLowerCase();
	const endpoints = ENDPOINTS.filter((t) => endpointMatches(t.endpoint, h, path)).map((t) => t.endpoint);
	const numbered = NUMBERED.filter((a) => endpointMatches(a.numbered!.at, h, path));
	const positional = POSITIONAL.filter((a) => (a.endpoints ?? []).some((e) => endpointMatches(e, h, path)));
	return endpoints.length === 0 && numbered.length === 0 && positional.length === 0 ? NO_SCOPE : { endpoints, numbered, positional };
}

/** A key read through an adapter: the label reasons show, the key the detectors judge, and the note. */
export interface FieldReading {
	label: string;
	as: string;
	note: string;
	spec: FieldSpec | null;
}

const textOf = (node: DecodedNode | undefined): string | null => (node?.kind === 'text' ? node.text ?? null : null);

/** A pair name the SDK accepts as a parameter or property name (letters, digits, underscores, ≤ 40 characters). */
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/** `value`: the node's text trimmed, or null; a spec with a check reads only values that pass it. */
function passes(spec: FieldSpec, value: string | null): boolean {
	return spec.check === undefined || (value !== null && spec.check(value));
}

/**
 * Numbered fields (`keyChain` holds the field numbers from the body's root; layers such as gzip add none):
 * a message's own fields by number, and name/value pairs named by a sibling field.
 */
export function numberedField(adapter: SdkAdapter, key: string, keyChain: readonly string[], siblings: ReadonlyMap<string, DecodedNode> | null): FieldReading | null {
	const numbered = adapter.numbered!;
	const chain = keyChain.join('.');
	const message = numbered.messages[chain];
	if (message) {
		const spec = message.fields[key];
		return spec ? { label: key, as: judgedKey(spec), note: `${adapter.label} ${message.name} field ${key}, ${spec.meaning}`, spec } : null;
	}
	const pair = numbered.pairs.find((p) => p.chain === chain && p.value === key);
	if (!pair || siblings === null) return null;
	const name = textOf(siblings.get(pair.name));
	if (name === null || !PARAM_NAME.test(name)) return null;
	const reserved = numbered.reservedNames[name];
	return reserved
		? { label: name, as: judgedKey(reserved), note: `${adapter.label} ${pair.kind} ${name}, ${reserved.meaning}`, spec: reserved }
		: { label: name, as: name, note: `${adapter.label} ${pair.kind} ${name}`, spec: null };
}

/**
 * A short parameter name at an endpoint that defines it (by the request, or by the fields around it); a dotted name
 * (`usr.id`) also matches the nested field `id` whose keys above (`keyChain`, normalised) end with `usr`.
 */
export function endpointParam(
	key: string,
	value: string | null,
	siblings: ReadonlyMap<string, DecodedNode> | null,
	atRequest: readonly Endpoint[],
	keyChain: readonly string[] = []
): FieldReading | null {
	const tables = BY_PARAM.get(key);
	if (tables !== undefined) for (const { adapter, endpoint } of tables) {
		if (!atRequest.includes(endpoint) && (siblings === null || endpoint.shape === undefined || !endpoint.shape(siblings))) continue;
		const spec = endpoint.params![key]!;
		if (!passes(spec, value)) continue;
		return { label: key, as: judgedKey(spec), note: `${adapter.label}: ${spec.meaning}`, spec };
	}
	const dotted = BY_TAIL.get(key);
	if (dotted !== undefined) for (const { adapter, endpoint, param, above } of dotted) {
		// A nested field's siblings are its own object's: only the request's endpoint places it.
		if (!atRequest.includes(endpoint) || !chainEndsWith(keyChain, above)) continue;
		const spec = endpoint.params![param]!;
		if (!passes(spec, value)) continue;
		return { label: param, as: judgedKey(spec), note: `${adapter.label}: ${spec.meaning}`, spec };
	}
	return null;
}

/** The note for a parameter the request's endpoint says is not about the user (Endpoint.neutral), or null. */
export function neutralField(key: string, atRequest: readonly Endpoint[]): string | null {
	for (const endpoint of atRequest) {
		const meaning = endpoint.neutral?.[key];
		if (meaning !== undefined) return `${ADAPTER_OF.get(endpoint)!.label}: ${key} is ${meaning}`;
	}
	return null;
}

/** A request header the request's endpoint defines (names compared in lower case). */
export function endpointHeader(name: string, value: string | null, atRequest: readonly Endpoint[]): FieldReading | null {
	const lower = name.toLowerCase();
	for (const endpoint of atRequest) {
		const spec = endpoint.headers?.[lower];
		if (spec === undefined || !passes(spec, value)) continue;
		return { label: name, as: judgedKey(spec), note: `${ADAPTER_OF.get(endpoint)!.label}: header ${name}, ${spec.meaning}`, spec };
	}
	return null;
}

/** An element of an array the SDK sends by position (`extinfo[5]`). */
export function positionalField(key: string, index: number, value: string | null, scope: FieldScope): FieldReading | null {
	for (const adapter of scope.positional) {
		const spec = adapter.positional![key]?.[index];
		if (spec && passes(spec, value)) return { label: `${key}[${index}]`, as: judgedKey(spec), note: `${adapter.label}: ${key}[${index}], ${spec.meaning}`, spec };
	}
	return null;
}
