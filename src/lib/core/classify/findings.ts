/**
 * Runs the detectors over every decoded tree of one exchange. The walk is iterative (trees can be deep),
 * carries each node's surroundings (key, keys above, sibling fields, the enclosing URL) and groups what the
 * detectors report as it goes (see FindingSet): one finding per type + value + detector, with its count and
 * paths. When a node yields a specific identifier (an IMEI, an advertising ID), a generic `user.id` reading
 * of the same node is dropped, and so is an identifier whose value is a JSON object or array (structure-text.ts).
 */
import { FINDING_TYPES, MAX_FINDING_PATHS, type DecodedNode, type DecodedPart, type Exchange, type Finding, type Occurrence, type PartKind } from '../model';
import { finding, type DetectContext, type Detector, type DetectorGate, type ExchangeContext } from './detectors/detector';
import { DETECTORS } from './detectors/index';
import { isPlaceholder, keyWords, normalizeKey } from './detectors/key-hints';
import { aliasScope, keyAlias, type AliasScope } from './detectors/key-aliases';
import { USER_AGENT_FIELD_DETECTOR, USER_AGENT_HEADER_DETECTOR } from './detectors/user-agent-devices';
import { encodesStructure, isStructureText } from './detectors/structure-text';
import { isIdentifierType } from './correlate';
import { FindingSet } from './finding-set';
import { isReadable } from '../shared/text';
import type { FieldSpec } from './sdks/adapter';
import { SDK_FIELDS_DETECTOR } from './sdks/fields';
import { withoutSdkConstants } from './sdks/constants';
import { VALUE_SHAPES_DETECTOR } from './detectors/value-shapes';
import { SPECIFIC_TYPES, withUserIdsFoldedIntoSpecific } from './specific-fold';
import type { LeafTokens } from './propagation/leaf-tokens';

/** Scalars longer than this are not run through detectors (prose-sized blobs; known values still search them). */
const MAX_SCALAR = 64 * 1024;

/**
 * A run of nodes still to visit, in order, that share their surroundings: a part's root, a decoded layer,
 * or the children of one object or array (one frame for all of them, not one per child).
 */
interface Frame {
	nodes: readonly DecodedNode[];
	next: number;
	/** The nodes' key; for children, the key of a child that has none of its own (an array element). */
	key: string | null;
	/** Children: a child's own string key wins over `key`. */
	ownKeys: boolean;
	keyChain: readonly string[];
	siblings: ReadonlyMap<string, DecodedNode> | null;
	url: string | null;
	partKind: PartKind;
	/** Types already found on the leaf this layer decodes: its decoded form is the same fact, not a new one. */
	found: ReadonlySet<Finding['type']> | null;
	/** The nodes are the elements of an array: their positions mean something to SDKs that send arrays by position. */
	indexed: boolean;
}

/**
 * `into` may hold occurrences already (analyze puts known-value matches there first, so their "matches your
 * known …" reason wins where a detector reports the same value at the same place).
 */
export function exchangeFindings(
	exchange: Exchange,
	parts: readonly DecodedPart[],
	detectors: readonly Detector[] = DETECTORS,
	into: FindingSet = new FindingSet(),
	/** Collects the identifier-shaped leaves the exchange carried, for propagation (classify/propagation/). */
	tokens?: LeafTokens
): Finding[] {
	const ex: ExchangeContext = { host: exchange.host, url: exchange.url, method: exchange.method };
	const scope = aliasScope(exchange.host, exchange.url);
	const plan = planOf(detectors);
	// Parts are walked first, then request headers, each in order (the stack pops last-pushed first).
	const stack: Frame[] = headerNodes(exchange, parts).reverse();
	for (let i = parts.length - 1; i >= 0; i--) {
		const part = parts[i]!;
		stack.push(single(part.root, rootKey(part.name), NO_WORDS, null, part.kind === 'query' ? exchange.url : null, part.kind, null));
	}
	while (stack.length > 0) {
		const frame = stack[stack.length - 1]!;
		const node = frame.nodes[frame.next++]!;
		const index = frame.indexed ? frame.next - 1 : null;
		if (frame.next >= frame.nodes.length) stack.pop();
		// Array elements keep the array's key: `imei: ["…", "…"]` are both IMEIs.
		const key = frame.ownKeys && typeof node.key === 'string' ? node.key : frame.key;
		// Nodes come in many shapes: each property is read once (a megamorphic read is not cheap).
		const { kind, text, children, decoded } = node;
		let here: Occurrence[] = NO_OCCURRENCES;
		if (kind === 'text' || kind === 'number') {
			// A codec's text output that is not readable (a lucky base64 reading of a word) says nothing.
			const plausible = kind !== 'text' || !node.codec || isReadable(text ?? '');
			if (plausible && (text?.length ?? 0) <= MAX_SCALAR) {
				const value = kind === 'text' && text !== undefined ? text.trim() : null;
				if (tokens !== undefined && text !== undefined) tokens.add(value ?? text);
				here = detectNode(node, value, key, index, frame, ex, plan, scope);
				if (here.length > 0 && frame.found !== null && frame.found.size > 0) here = here.filter((f) => !frame.found!.has(f.type));
				into.addAll(here);
			}
		}
		const hasChildren = children !== undefined && children.length > 0;
		if (decoded === undefined && !hasChildren) continue;
		// The keys above this node's children and decoded form: shared by all of them (detectors only read it).
		const chain = key ? [...frame.keyChain, normalizeKey(key)] : frame.keyChain;
		if (decoded !== undefined) {
			const layerText = kind === 'text' ? text ?? '' : '';
			const isUrl = /^https?:\/\//i.test(layerText);
			let found = frame.found;
			if (here.length > 0) {
				const more = new Set(found);
				for (const f of here) more.add(f.type);
				found = more;
			}
			stack.push(single(decoded, key, chain, frame.siblings, isUrl ? layerText : frame.url, frame.partKind, found));
		}
		if (hasChildren) {
			const siblings = kind === 'object' ? new SiblingMap(children) : null;
			stack.push({ nodes: children, next: 0, key, ownKeys: true, keyChain: chain, siblings, url: frame.url, partKind: frame.partKind, found: null, indexed: kind === 'array' });
		}
	}
	return withoutSdkConstants(withUserIdsFoldedIntoSpecific(withKeylessFolded(withoutUserAgentRepeats(into.list()))), exchange, parts);
}

function single(
	node: DecodedNode,
	key: string | null,
	keyChain: readonly string[],
	siblings: ReadonlyMap<string, DecodedNode> | null,
	url: string | null,
	partKind: PartKind,
	found: ReadonlySet<Finding['type']> | null
): Frame {
	return { nodes: [node], next: 0, key, ownKeys: false, keyChain, siblings, url, partKind, found, indexed: false };
}

const NO_WORDS: readonly string[] = [];
const NO_OCCURRENCES: Occurrence[] = [];

/**
 * The detectors of one list with their gates, and per key the detectors whose key gate lets it through
 * (a bit mask over the list). A key's normalised form and words depend only on the key string (and on
 * whether a header's `x-` is dropped), so the mask is kept per key string.
 */
interface Plan {
	detectors: readonly Detector[];
	/** Detector i is asked about every node when bit i is set here (it has no gate). */
	always: number;
	others: ReadonlyArray<DetectorGate['other'] | undefined>;
	byKey: Map<string, KeyInfo>;
	byHeaderKey: Map<string, KeyInfo>;
	noKey: KeyInfo;
}

/** A key as the detectors see it, and which detectors' key gates let it through (bit i: detector i). */
interface KeyInfo {
	normKey: string;
	words: readonly string[];
	mask: number;
}

const KEY_MEMO_MAX = 10_000;
/** Bit masks hold 31 detectors; a longer list is asked about every node. */
const MAX_GATED = 31;
const plans = new WeakMap<readonly Detector[], Plan>();

function planOf(detectors: readonly Detector[]): Plan {
	let plan = plans.get(detectors);
	if (plan === undefined) {
		let always = 0;
		detectors.forEach((d, i) => {
			if (!d.gate || detectors.length > MAX_GATED) always |= 1 << i;
		});
		const others = detectors.map((d) => (detectors.length > MAX_GATED ? undefined : d.gate?.other));
		plan = { detectors, always, others, byKey: new Map(), byHeaderKey: new Map(), noKey: { normKey: '', words: NO_WORDS, mask: 0 } };
		plan.noKey.mask = keyMask(plan, '', NO_WORDS);
		plans.set(detectors, plan);
	}
	return plan;
}

function keyMask(plan: Plan, normKey: string, words: readonly string[]): number {
	let mask = plan.always;
	const { detectors } = plan;
	for (let i = 0; i < detectors.length && i < MAX_GATED; i++) {
		const gate = detectors[i]!.gate;
		if (gate && gate.key(normKey, words)) mask |= 1 << i;
	}
	return mask;
}

/** Header names are judged without their `x-` (`X-Device-Id` is a device ID); their words keep it. */
function keyInfo(plan: Plan, key: string, header: boolean): KeyInfo {
	const memo = header ? plan.byHeaderKey : plan.byKey;
	let info = memo.get(key);
	if (info === undefined) {
		const normKey = normalizeKey(header ? key.replace(/^x-/i, '') : key);
		const words = keyWords(key);
		info = { normKey, words, mask: keyMask(plan, normKey, words) };
		if (memo.size >= KEY_MEMO_MAX) memo.clear();
		memo.set(key, info);
	}
	return info;
}

/** `value`: the node's text trimmed, or null when it is not a text node; `index`: its position in an array, else null. */
function detectNode(
	node: DecodedNode,
	value: string | null,
	ownKey: string | null,
	index: number | null,
	frame: Frame,
	exchange: ExchangeContext,
	plan: Plan,
	scope: AliasScope
): Occurrence[] {
	let key = ownKey;
	let info = key === null ? plan.noKey : keyInfo(plan, key, frame.partKind === 'header');
	const alias = key === null ? null : keyAlias(key, info.normKey, frame.keyChain, frame.siblings, frame.partKind, scope, value, index);
	if (alias?.neutral) return NO_OCCURRENCES;
	if (alias) {
		key = alias.label;
		info = keyInfo(plan, alias.as, false);
	}
	const ctx: DetectContext = {
		key,
		normKey: info.normKey,
		keyWords: info.words,
		keyChain: frame.keyChain,
		siblings: frame.siblings,
		url: frame.url,
		partKind: frame.partKind,
		exchange,
		neighbours: frame.ownKeys ? frame.nodes : undefined,
		inArray: frame.indexed
	};
	const mask = info.mask;
	const { detectors, others } = plan;
	let found: Occurrence[] = NO_OCCURRENCES;
	for (let i = 0; i < detectors.length; i++) {
		if ((mask & (1 << i)) === 0) {
			const other = others[i];
			if (other === undefined || !other(node, ctx, value)) continue;
		}
		const detector = detectors[i]!;
		const list = detector.detect(node, ctx);
		if (list.length === 0) continue;
		if (found === NO_OCCURRENCES) found = [];
		for (const f of list) {
			f.detector = detector.id;
			found.push(f);
		}
	}
	if (alias?.spec?.report) found = withReportedField(found, node, value, alias.label, alias.spec);
	if (found.length > 0) found = withoutStructureIdentifiers(found, node);
	if (found.length > 1 && found.some((f) => SPECIFIC_TYPES.has(f.type))) found = found.filter((f) => f.type !== 'user.id');
	if (alias) for (const f of found) f.reason = `${f.reason} (${alias.note})`;
	return found;
}

/**
 * A field an SDK adapter maps to a type no key of the detectors' vocabulary reads (a position in an array): when the
 * detectors found nothing of that type, the adapter's own check decides, at the confidence it states.
 */
function withReportedField(found: Occurrence[], node: DecodedNode, value: string | null, label: string, spec: FieldSpec): Occurrence[] {
	const report = spec.report!;
	if (value === null || value.length === 0 || value.length > 1024 || isPlaceholder(value) || !report.check(value)) return found;
	if (found.some((f) => f.type === spec.type)) return found;
	const occurrence = finding(node, spec.type, value, report.confidence, `${spec.meaning}, key ${label}`);
	occurrence.detector = SDK_FIELDS_DETECTOR;
	return found === NO_OCCURRENCES ? [occurrence] : [...found, occurrence];
}

const IDENTIFIER_TYPES: ReadonlySet<Finding['type']> = new Set(FINDING_TYPES.filter(isIdentifierType));

/**
 * Identifier findings whose value is a JSON object or array as text, or that read a leaf encoding one, are dropped
 * (see structure-text.ts): held here rather than in each detector, so no detector, now or later, can report a
 * structure as an identifier. Content findings (a URL, a title) keep what they quote. The node's own decoding is
 * looked at once, and only when an identifier was found on it.
 */
function withoutStructureIdentifiers(found: Occurrence[], node: DecodedNode): Occurrence[] {
	let encodes: boolean | undefined;
	let out: Occurrence[] | null = null;
	for (let i = 0; i < found.length; i++) {
		const f = found[i]!;
		let drop = false;
		if (IDENTIFIER_TYPES.has(f.type)) {
			// The second test drops readings of the leaf as a whole. An e-mail found inside prose is safe from it: the
			// contact detector looks inside a text only when the text was not decoded further.
			drop = isStructureText(f.value) || (encodes ??= node.decoded !== undefined && encodesStructure(node));
		}
		if (drop && out === null) out = found.slice(0, i);
		else if (!drop && out !== null) out.push(f);
	}
	return out ?? found;
}

/**
 * A value read by its shape alone (detectors/value-shapes.ts) that a keyed detector also reported in the same request
 * is that finding seen once more: its count and paths join it, and the weaker keyless reading goes. A keyless UUID
 * joins an advertising ID of the same value, so the request's own key decides what it is, never the shape; a UUID
 * that no key names is dropped (a note's or an event's ID as often as a person's: missing beats invented).
 */
function withKeylessFolded(list: Finding[]): Finding[] {
	let any = false;
	for (const f of list) {
		if (f.detector === VALUE_SHAPES_DETECTOR) {
			any = true;
			break;
		}
	}
	if (!any) return list;
	const keyed = new Map<string, Finding>();
	for (const f of list) {
		if (f.detector === VALUE_SHAPES_DETECTOR) continue;
		const k = `${f.type}\u0000${f.value.toLowerCase()}`;
		if (!keyed.has(k)) keyed.set(k, f);
	}
	const out: Finding[] = [];
	for (const f of list) {
		if (f.detector !== VALUE_SHAPES_DETECTOR) {
			out.push(f);
			continue;
		}
		const value = f.value.toLowerCase();
		const into = keyed.get(`${f.type}\u0000${value}`) ?? (f.type === 'user.id' ? keyed.get(`ad.advertising_id\u0000${value}`) : undefined);
		if (into === undefined) {
			if (f.type !== 'user.id') out.push(f);
			continue;
		}
		into.count += f.count;
		for (const path of f.paths) {
			if (into.paths.length >= MAX_FINDING_PATHS) break;
			if (!into.paths.includes(path)) into.paths.push(path);
		}
	}
	return out;
}

/** Types that an identifier gives meaning to: without one, a User-Agent header tells a server only what every request does. */
const IDENTIFYING = /^(?:device\.(?:imei|imsi|iccid|meid|serial|android_id|mac)|ad\.|user\.id|contact\.)/;

/**
 * Device model and OS version read out of a user-agent string: one finding per value per exchange (the
 * first, counting its detector's occurrences), and none when the payload itself names the same model or
 * version. From the User-Agent header, only on exchanges that also carry an identifier: every HTTP client
 * sends its User-Agent, so alone it would mark every request of a phone's capture; next to a device or user
 * ID it is part of that device's fingerprint. Known-value findings in the list count like the payload's own.
 */
function withoutUserAgentRepeats(list: Finding[]): Finding[] {
	// Per finding: NOT_UA, UA_FIELD (read from a user-agent field of the payload) or UA_HEADER.
	const source = new Uint8Array(list.length);
	let any = false;
	for (let i = 0; i < list.length; i++) {
		const detector = list[i]!.detector;
		if (detector === USER_AGENT_HEADER_DETECTOR) source[i] = UA_HEADER;
		else if (detector === USER_AGENT_FIELD_DETECTOR) source[i] = UA_FIELD;
		else continue;
		any = true;
	}
	if (!any) return list;
	let identified = false;
	for (const f of list) {
		if (isIdentifying(f.type)) {
			identified = true;
			break;
		}
	}
	const key = (f: Finding) => `${f.type}\u0000${f.value.toLowerCase()}`;
	// Only findings of a type the user agent gave can repeat one of its findings.
	const uaTypes = new Set<Finding['type']>();
	for (let i = 0; i < list.length; i++) if (source[i] !== NOT_UA) uaTypes.add(list[i]!.type);
	const elsewhere = new Set<string>();
	for (let i = 0; i < list.length; i++) if (source[i] === NOT_UA && uaTypes.has(list[i]!.type)) elsewhere.add(key(list[i]!));
	const seen = new Set<string>();
	const keep = new Uint8Array(list.length);
	// Body fields first: a user agent the payload carries on purpose is the better place to show it.
	for (const pass of [UA_FIELD, UA_HEADER]) {
		for (let i = 0; i < list.length; i++) {
			if (source[i] !== pass) continue;
			if (pass === UA_HEADER && !identified) continue;
			const k = key(list[i]!);
			if (elsewhere.has(k) || seen.has(k)) continue;
			seen.add(k);
			keep[i] = 1;
		}
	}
	const out: Finding[] = [];
	for (let i = 0; i < list.length; i++) if (source[i] === NOT_UA || keep[i] === 1) out.push(list[i]!);
	return out;
}

const NOT_UA = 0;
const UA_FIELD = 1;
const UA_HEADER = 2;

/** IDENTIFYING per finding type: a handful of types, asked about every finding. */
const identifyingTypes = new Map<string, boolean>();

function isIdentifying(type: Finding['type']): boolean {
	let answer = identifyingTypes.get(type);
	if (answer === undefined) {
		answer = IDENTIFYING.test(type);
		identifyingTypes.set(type, answer);
	}
	return answer;
}


/**
 * The fields of one object by normalised key (the first of each name), built only when a detector or an
 * alias asks: most objects' siblings are never looked at.
 */
class SiblingMap implements ReadonlyMap<string, DecodedNode> {
	private built: Map<string, DecodedNode> | null = null;

	constructor(private readonly children: readonly DecodedNode[]) {}

	private map(): Map<string, DecodedNode> {
		if (this.built === null) {
			const map = new Map<string, DecodedNode>();
			for (const child of this.children) {
				if (typeof child.key !== 'string') continue;
				const k = normalizeKey(child.key);
				if (!map.has(k)) map.set(k, child);
			}
			this.built = map;
		}
		return this.built;
	}

	get size(): number {
		return this.map().size;
	}
	get(key: string): DecodedNode | undefined {
		return this.map().get(key);
	}
	has(key: string): boolean {
		return this.map().has(key);
	}
	forEach(callback: (value: DecodedNode, key: string, map: ReadonlyMap<string, DecodedNode>) => void, thisArg?: unknown): void {
		this.map().forEach((value, key) => callback.call(thisArg, value, key, this));
	}
	entries(): MapIterator<[string, DecodedNode]> {
		return this.map().entries();
	}
	keys(): MapIterator<string> {
		return this.map().keys();
	}
	values(): MapIterator<DecodedNode> {
		return this.map().values();
	}
	[Symbol.iterator](): MapIterator<[string, DecodedNode]> {
		return this.map()[Symbol.iterator]();
	}
}

/** `header.x-device-id` → `x-device-id`; `cookie.sid` → `sid`; `body`, `query` → no key. */
function rootKey(partName: string): string | null {
	const dot = partName.indexOf('.');
	return dot < 0 ? null : partName.slice(dot + 1);
}

/**
 * Request headers and cookies as detector input when the capture reader did not make them parts of
 * their own: Authorization, session cookies and `X-Device-Id`-style headers carry findings too.
 */
function headerNodes(exchange: Exchange, parts: readonly DecodedPart[]): Frame[] {
	const frames: Frame[] = [];
	const hasHeaderParts = parts.some((p) => p.kind === 'header');
	const hasCookieParts = parts.some((p) => p.kind === 'cookie');
	for (const header of exchange.requestHeaders) {
		const name = header.name.toLowerCase();
		if (name.startsWith(':')) continue;
		if (name === 'cookie') {
			if (hasCookieParts) continue;
			for (const pair of header.value.split(/;\s*/)) {
				const eq = pair.indexOf('=');
				if (eq <= 0) continue;
				const cookieName = pair.slice(0, eq).trim();
				frames.push(leafFrame(`cookie.${cookieName}`, cookieName, pair.slice(eq + 1).trim(), 'cookie'));
			}
		} else if (!hasHeaderParts) {
			frames.push(leafFrame(`header.${name}`, name, header.value, 'header'));
		}
	}
	return frames;
}

function leafFrame(path: string, key: string, text: string, partKind: PartKind): Frame {
	return single({ path, kind: 'text', text }, key, NO_WORDS, null, null, partKind, null);
}
