/**
 * Value-first detection where no key says what a value is (see keyless.ts): schema-less protobuf, arrays without a
 * key, a payload's root. Only shapes that are hard to hit by chance are read — a web address with a real public
 * suffix, a Luhn-valid IMEI with a reporting-body prefix — each below the confidence the same value has under a key
 * that names it. A list says more than one value: three or more package names side by side are an installed-app
 * list, three or more web addresses browsing history. A lone package name or version-4 UUID says too little: the
 * first is usually the sending app itself, the second a record's ID (see detect).
 *
 * E-mail and MAC addresses are read by shape under any key already (contact.ts, network.ts), which word their
 * keyless findings the same way. Keyless readings of a value that a keyed detector also reported in the same
 * request are folded into that finding by the walk (findings.ts), so an advertising ID named once under `idfa`
 * and repeated as protobuf field 7 is one advertising ID, never a second, weaker `user.id`.
 *
 * This runs on every keyless leaf of large captures: most are turned down by their length and first character.
 */
import { parse as parseDomain } from 'tldts';
import type { DecodedNode, Occurrence } from '../../model';
import { boundedMemo } from '../../bounded-memo';
import { codeSignatureMatches } from '../destinations/code-signatures';
import { finding, type DetectContext, type Detector } from './detector';
import { hasReportingBody } from './device-ids';
import { isKeylessKey, keylessPlace } from './keyless';
import { isPlaceholder } from './key-hints';
import { luhnValid } from './luhn';
import { httpUrl } from './search-engines';

export const VALUE_SHAPES_DETECTOR = 'value-shapes';

/** A list needs this many members of one shape before it is read as a list of that kind. */
export const MIN_LIST = 3;
/** Keys whose list of web addresses is the pages someone visited; lists only (a single `url` is browsing.ts's). */
const HISTORY_KEYS = new Set(['visited', 'history', 'urls', 'visitedurls', 'browsinghistory', 'historyurls', 'visitedpages', 'recenturls', 'visits']);
/** Members of a list looked at, at most: a longer list is judged by its start. */
const MAX_LIST_SCAN = 2000;
const MAX_VALUE = 2048;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DIGITS_15 = /^\d{15}$/;
/** Lower-case first label (a TLD), then two to eight more: `com.tencent.mm`, `com.burbn.Instagram`. */
const PACKAGE = /^[a-z]{2,24}(\.[A-Za-z][A-Za-z0-9_]{0,63}){2,8}$/;
/** TLDs that lead the platforms' and languages' own namespaces (`android.intent.action.MAIN`, `java.lang.String`). */
const PLATFORM_FIRST = new Set(['android', 'java', 'javax', 'kotlin', 'dalvik', 'sun', 'jdk']);
/**
 * A last label a host name or a file name ends with: `cn.bing.com` is a host, `com.example.min.js` a file. `.app`
 * is left out on purpose: `com.example.app` is one of the commonest package names.
 */
const NOT_PACKAGE_LAST = new Set([
	'com', 'net', 'org', 'cn', 'io', 'edu', 'gov', 'de', 'uk', 'ru', 'jp', 'fr', 'info', 'biz', 'co', 'us', 'eu', 'kr', 'tw', 'hk', 'br',
	'js', 'css', 'html', 'htm', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'json', 'xml', 'txt', 'php', 'so', 'dex', 'apk', 'jar', 'kt', 'java'
]);
/** A class name in CamelCase (`MainActivity`, `AppEventsLogger`) or a constant (`ACTION_VIEW`): code, not an app. */
const CLASS_NAME = /[a-z0-9][A-Z]|^[A-Z0-9_]{2,}$/;

type Shape = 'url' | 'package' | null;

export const valueShapes: Detector = {
	id: VALUE_SHAPES_DETECTOR,
	label: 'Values that say what they are without a key',
	gate: { key: (k) => isKeylessKey(k) || HISTORY_KEYS.has(k) },
	detect(node, ctx) {
		if (node.kind !== 'text' || node.text === undefined || ctx.partKind === 'header' || ctx.partKind === 'cookie') return [];
		const value = node.text.trim();
		const n = value.length;
		if (n < 5 || n > MAX_VALUE) return [];
		const place = keylessPlace(ctx, node);
		const c = value.charCodeAt(0);
		if (c === 0x68 || c === 0x48) return webAddress(node, ctx, value, place);
		if (place === null) return [];
		if (n === 15 && c >= 0x30 && c <= 0x39) {
			if (DIGITS_15.test(value) && hasReportingBody(value) && luhnValid(value)) {
				return [finding(node, 'device.imei', value, 'low', `IMEI by its shape (15 digits, Luhn-valid, reporting-body prefix ${value.slice(0, 2)}), ${place}`)];
			}
			return [];
		}
		if (n === 36 && value.charCodeAt(8) === 0x2d) {
			// Reported here, kept only when the walk folds it into a keyed finding of the same value (findings.ts):
			// a UUID that no key names is as likely a note's or an event's ID as a person's.
			if (UUID_V4.test(value) && !isPlaceholder(value)) {
				return [finding(node, 'user.id', value.toLowerCase(), 'low', `random (version 4) UUID by its shape, ${place}: an identifier, though nothing says whose`)];
			}
			return [];
		}
		if (c >= 0x61 && c <= 0x7a && isPackageName(value)) {
			const count = listCount(ctx, node, 'package');
			// One package name without a key is most often the sending app naming itself to its own server (the
			// hand-written corpus's note-sync case): only a list of them says which apps someone has.
			if (count >= MIN_LIST) return [finding(node, 'app.package', value, 'medium', `list of ${count} package names: an installed-app list, ${place}`)];
			return [];
		}
		return [];
	}
};

function webAddress(node: DecodedNode, ctx: DetectContext, value: string, place: string | null): Occurrence[] {
	const url = publicWebAddress(value, ctx);
	if (url === null) return [];
	const count = listCount(ctx, node, 'url');
	if (count >= MIN_LIST) {
		const where = place ?? `key ${ctx.key}`;
		return [finding(node, 'browsing.url', value, 'medium', `list of ${count} web addresses: browsing history, ${where}`)];
	}
	if (place === null) return [];
	return [finding(node, 'browsing.url', value, 'low', `web address by its shape, ${place}`)];
}

/**
 * An http(s) address whose host has a real public suffix (not an IP address, `localhost` or an intranet name),
 * that is not the request's own address or host: an SDK names its own endpoints in its payloads.
 */
function publicWebAddress(value: string, ctx: DetectContext): URL | null {
	if (value === ctx.exchange.url) return null;
	const url = httpUrl(value);
	if (url === null || url.hostname === ctx.exchange.host || !hasPublicSuffix(url.hostname)) return null;
	return url;
}

const hasPublicSuffix = boundedMemo((host) => {
	const parsed = parseDomain(host, { allowPrivateDomains: false });
	return parsed.isIp !== true && parsed.isIcann === true && parsed.domain !== null;
});

/** Is `label` a top-level domain of the ICANN list (the first label of a reverse-DNS name)? */
const isTld = boundedMemo((label) => parseDomain(`x.${label}`, { allowPrivateDomains: false }).isIcann === true);

/**
 * A reverse-DNS package or bundle name: a TLD first, at least three labels, no host name (it would end with a TLD
 * such as `.com`) or file name, no class or constant, no platform namespace, and none of the tracker SDKs' own Java
 * packages (Exodus code signatures: `com.appsflyer.internal` is the SDK naming itself, not an installed app).
 */
export function isPackageName(value: string): boolean {
	if (value.length > 256 || !PACKAGE.test(value)) return false;
	const firstDot = value.indexOf('.');
	const first = value.slice(0, firstDot);
	if (PLATFORM_FIRST.has(first) || !isTld(first)) return false;
	const labels = value.split('.');
	for (let i = 1; i < labels.length - 1; i++) {
		const code = labels[i]!.charCodeAt(0);
		if (code >= 0x41 && code <= 0x5a) return false;
	}
	const last = labels[labels.length - 1]!;
	if (NOT_PACKAGE_LAST.has(last.toLowerCase()) || CLASS_NAME.test(last)) return false;
	return !isSdkCode(value);
}

const isSdkCode = boundedMemo((value) => codeSignatureMatches(value).length > 0);

/**
 * How many of the node's neighbours (the elements of its array, or the repeats of its protobuf field) have the
 * shape it has. Every member of a list asks about the same list in turn, so the last list's counts are kept.
 */
let lastList: readonly DecodedNode[] | null = null;
let lastKey: string | number | undefined;
let lastCounts: { url: number; package: number } = { url: 0, package: 0 };

function listCount(ctx: DetectContext, node: DecodedNode, shape: Exclude<Shape, null>): number {
	const list = ctx.neighbours;
	if (list === undefined || list.length < MIN_LIST) return 0;
	// In an object, only fields under the same key form a list (a repeated protobuf field); an array's elements all do.
	const key = ctx.inArray ? undefined : node.key;
	if (list !== lastList || key !== lastKey) {
		const counts = { url: 0, package: 0 };
		const end = Math.min(list.length, MAX_LIST_SCAN);
		for (let i = 0; i < end; i++) {
			const member = list[i]!;
			if (member.kind !== 'text' || member.text === undefined || (key !== undefined && member.key !== key)) continue;
			const text = member.text.trim();
			const s = shapeOf(text, ctx);
			if (s !== null) counts[s]++;
		}
		lastList = list;
		lastKey = key;
		lastCounts = counts;
	}
	return lastCounts[shape];
}

function shapeOf(text: string, ctx: DetectContext): Shape {
	if (text.length < 5 || text.length > MAX_VALUE) return null;
	const c = text.charCodeAt(0);
	if (c === 0x68 || c === 0x48) return publicWebAddress(text, ctx) !== null ? 'url' : null;
	if (c >= 0x61 && c <= 0x7a && isPackageName(text)) return 'package';
	return null;
}
