/**
 * Runs the detectors over every decoded tree of one exchange. The walk is iterative (trees can be deep),
 * carries each node's surroundings (key, keys above, sibling fields, the enclosing URL) and keeps one
 * finding per type + value + path. When a node yields a specific identifier (an IMEI, an advertising
 * ID), a generic `user.id` reading of the same node is dropped.
 */
import type { DecodedNode, DecodedPart, Exchange, Finding, PartKind } from '../model';
import type { DetectContext, Detector, ExchangeContext } from './detectors/detector';
import { DETECTORS } from './detectors/index';
import { keyWords, normalizeKey } from './detectors/key-hints';
import { aliasScope, keyAlias, type AliasScope } from './detectors/key-aliases';
import { USER_AGENT_FIELD_REASON, USER_AGENT_REASON } from './detectors/device-info';
import { LAYER_SEPARATOR } from '../decode/path';
import { isReadable } from '../decode/text';

/** Scalars longer than this are not run through detectors (prose-sized blobs; known values still search them). */
const MAX_SCALAR = 64 * 1024;

interface Frame {
	node: DecodedNode;
	key: string | null;
	keyChain: readonly string[];
	siblings: ReadonlyMap<string, DecodedNode> | null;
	url: string | null;
	partKind: PartKind;
	/** Types already found on the leaf this layer decodes: its decoded form is the same fact, not a new one. */
	found?: ReadonlySet<Finding['type']>;
}

export function exchangeFindings(exchange: Exchange, parts: readonly DecodedPart[], detectors: readonly Detector[] = DETECTORS): Finding[] {
	const ex: ExchangeContext = { host: exchange.host, url: exchange.url, method: exchange.method };
	const scope = aliasScope(exchange.host, exchange.url);
	const collector = new FindingSet();
	// Parts are walked first, then request headers, each in order (the stack pops last-pushed first).
	const stack: Frame[] = headerNodes(exchange, parts).reverse();
	for (const part of [...parts].reverse()) {
		stack.push({ node: part.root, key: rootKey(part.name), keyChain: [], siblings: null, url: part.kind === 'query' ? exchange.url : null, partKind: part.kind });
	}
	while (stack.length > 0) {
		const frame = stack.pop()!;
		const { node } = frame;
		let here: Finding[] = [];
		if (node.kind === 'text' || node.kind === 'number') {
			// A codec's text output that is not readable (a lucky base64 reading of a word) says nothing.
			const plausible = !node.codec || node.kind !== 'text' || isReadable(node.text ?? '');
			if (plausible && (node.text?.length ?? 0) <= MAX_SCALAR) {
				here = detectNode(node, frame, ex, detectors, scope);
				if (frame.found && frame.found.size > 0) here = here.filter((f) => !frame.found!.has(f.type));
				collector.addAll(here);
			}
		}
		if (node.decoded) {
			const text = node.kind === 'text' ? node.text ?? '' : '';
			const isUrl = /^https?:\/\//i.test(text);
			const found = new Set(frame.found);
			for (const f of here) found.add(f.type);
			stack.push({ ...frame, node: node.decoded, keyChain: frame.key ? [...frame.keyChain, normalizeKey(frame.key)] : frame.keyChain, url: isUrl ? text : frame.url, found });
		}
		if (node.children && node.children.length > 0) {
			const isObject = node.kind === 'object';
			const siblings = isObject ? siblingMap(node.children) : null;
			const chain = frame.key ? [...frame.keyChain, normalizeKey(frame.key)] : frame.keyChain;
			for (let i = node.children.length - 1; i >= 0; i--) {
				const child = node.children[i]!;
				// Array elements keep the array's key: `imei: ["…", "…"]` are both IMEIs.
				const key = typeof child.key === 'string' ? child.key : frame.key;
				stack.push({ node: child, key, keyChain: chain, siblings, url: frame.url, partKind: frame.partKind });
			}
		}
	}
	return withoutUserAgentRepeats(collector.list());
}

const NO_WORDS: readonly string[] = [];

function detectNode(node: DecodedNode, frame: Frame, exchange: ExchangeContext, detectors: readonly Detector[], scope: AliasScope): Finding[] {
	let key = frame.key;
	let normKey = key === null ? '' : normalizeKey(frame.partKind === 'header' ? key.replace(/^x-/i, '') : key);
	let words = key === null ? NO_WORDS : keyWords(key);
	const alias = key === null ? null : keyAlias(key, normKey, frame.keyChain, frame.siblings, frame.partKind, scope);
	if (alias) {
		key = alias.label;
		normKey = normalizeKey(alias.as);
		words = keyWords(alias.as);
	}
	const ctx: DetectContext = {
		key,
		normKey,
		keyWords: words,
		keyChain: frame.keyChain,
		siblings: frame.siblings,
		url: frame.url,
		partKind: frame.partKind,
		exchange
	};
	let found: Finding[] = [];
	for (const detector of detectors) {
		const list = detector.detect(node, ctx);
		for (const f of list) found.push(f);
	}
	if (found.length > 1 && found.some((f) => SPECIFIC.has(f.type))) found = found.filter((f) => f.type !== 'user.id');
	if (alias) for (const f of found) f.reason = `${f.reason} (${alias.note})`;
	return found;
}

/** Types that an identifier gives meaning to: without one, a User-Agent header tells a server only what every request does. */
const IDENTIFYING = /^(?:device\.(?:imei|imsi|iccid|meid|serial|android_id|mac)|ad\.|user\.id|contact\.)/;

/**
 * Device model and OS version read out of a user-agent string: one finding per value per exchange, and
 * none when the payload itself names the same model or version. From the User-Agent header, only on
 * exchanges that also carry an identifier: every HTTP client sends its User-Agent, so alone it would mark
 * every request of a phone's capture; next to a device or user ID it is part of that device's fingerprint.
 */
function withoutUserAgentRepeats(list: Finding[]): Finding[] {
	const fromHeader = (f: Finding) => f.reason.endsWith(USER_AGENT_REASON);
	const fromUserAgent = (f: Finding) => fromHeader(f) || f.reason.includes(USER_AGENT_FIELD_REASON);
	if (!list.some(fromUserAgent)) return list;
	const identified = list.some((f) => IDENTIFYING.test(f.type));
	const key = (f: Finding) => `${f.type}\u0000${f.value.toLowerCase()}`;
	const elsewhere = new Set(list.filter((f) => !fromUserAgent(f)).map(key));
	const seen = new Set<string>();
	// Body fields first: a user agent the payload carries on purpose is the better place to show it.
	const ordered = [...list.filter((f) => fromUserAgent(f) && !fromHeader(f)), ...list.filter(fromHeader)];
	const keep = new Set<Finding>();
	for (const f of ordered) {
		const k = key(f);
		if ((fromHeader(f) && !identified) || elsewhere.has(k) || seen.has(k)) continue;
		seen.add(k);
		keep.add(f);
	}
	return list.filter((f) => !fromUserAgent(f) || keep.has(f));
}

/** Types that say exactly what an identifier is; they replace a generic `user.id` reading of the same value. */
const SPECIFIC = new Set<Finding['type']>([
	'device.imei', 'device.imsi', 'device.iccid', 'device.meid', 'device.serial', 'device.android_id', 'device.mac', 'ad.advertising_id',
	'contact.email', 'contact.phone', 'network.bssid', 'auth.secret'
]);

function siblingMap(children: readonly DecodedNode[]): Map<string, DecodedNode> {
	const map = new Map<string, DecodedNode>();
	for (const child of children) {
		if (typeof child.key !== 'string') continue;
		const k = normalizeKey(child.key);
		if (!map.has(k)) map.set(k, child);
	}
	return map;
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
	return { node: { path, kind: 'text', text }, key, keyChain: [], siblings: null, url: null, partKind };
}

/** Keeps the first finding per type + value + path, and drops a repeat of the same type + value one layer below or above. */
export class FindingSet {
	private readonly byKey = new Map<string, string[]>();
	private readonly found: Finding[] = [];

	add(f: Finding): void {
		const k = `${f.type}\u0000${f.value}`;
		const paths = this.byKey.get(k);
		if (paths) {
			for (const p of paths) {
				if (p === f.path || f.path.startsWith(p + LAYER_SEPARATOR) || p.startsWith(f.path + LAYER_SEPARATOR)) return;
			}
			paths.push(f.path);
		} else this.byKey.set(k, [f.path]);
		this.found.push(f);
	}

	addAll(list: readonly Finding[]): void {
		for (const f of list) this.add(f);
	}

	list(): Finding[] {
		return this.found;
	}
}
