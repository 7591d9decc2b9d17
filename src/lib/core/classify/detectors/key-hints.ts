/**
 * Key names are the strongest hint a payload gives about what a value means. Keys are compared in two
 * forms: normalised (`$device_id` → `deviceid`) for exact names, and split into words for families.
 */
import { boundedMemo } from '../../bounded-memo';

/** Keys repeat in every event of a capture: both forms are computed once per key. */
export const normalizeKey: (key: string) => string = boundedMemo((key) => key.toLowerCase().replace(/[\s$_.\-[\]]/g, ''));

/**
 * `$latest_search_keyword` → [latest, search, keyword]; `anonymousId` → [anonymous, id]; `imei1` → [imei1].
 * The list is shared between callers: read it, never change it.
 */
export const keyWords: (key: string) => readonly string[] = boundedMemo((key) =>
	key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 0)
);

/** The key label used in reasons: the key as the payload spells it. */
export function keyLabel(key: string | null): string {
	return key === null ? '(no key)' : `key ${key}`;
}

/** Does the normalised key equal one of `names`, or start with one followed by digits (imei1, imei_2)? */
export function keyIs(normKey: string, names: ReadonlySet<string>): boolean {
	if (names.has(normKey)) return true;
	const stripped = withoutTrailingDigits(normKey);
	return stripped !== normKey && names.has(stripped);
}

/** `s.replace(/\d+$/, '')` without a regex: detectors ask this of every key and key word. */
function withoutTrailingDigits(s: string): string {
	let end = s.length;
	while (end > 0) {
		const c = s.charCodeAt(end - 1);
		if (c < 0x30 || c > 0x39) break;
		end--;
	}
	return end === s.length ? s : s.slice(0, end);
}

/** Does any word of the key, or the whole normalised key, belong to `names`? */
export function keyHas(words: readonly string[], normKey: string, names: ReadonlySet<string>): boolean {
	if (keyIs(normKey, names)) return true;
	for (const w of words) if (names.has(w) || names.has(withoutTrailingDigits(w))) return true;
	return false;
}

/** Keys that name a hash of something: `imei_md5`, `oaidSha256`, `mac_hash`. */
const HASH_WORDS = new Set(['md5', 'sha1', 'sha256', 'hash', 'hashed', 'sha']);

export function keyNamesHash(words: readonly string[]): boolean {
	return words.some((w) => HASH_WORDS.has(w));
}

/** Keys under which digits are counters, money or time, never device identifiers or phone numbers. */
const NOT_AN_IDENTIFIER = new Set([
	'order', 'orderid', 'orderno', 'ordernumber', 'trade', 'tradeno', 'invoice', 'amount', 'price', 'total', 'count', 'time', 'timestamp',
	'ts', 'date', 'created', 'updated', 'duration', 'seq', 'sequence', 'crc', 'checksum', 'size', 'length', 'offset', 'version', 'build',
	'transaction', 'transactionid', 'txn', 'sku', 'product', 'productid', 'item', 'itemid', 'tracking', 'trackingnumber', 'sessionduration',
	'elapsed', 'nonce', 'sign', 'signature', 'requestid', 'traceid', 'spanid', 'eventid', 'messageid', 'msgid', 'trackid', 'event'
]);

export function keyForbidsIdentifier(words: readonly string[], normKey: string): boolean {
	if (NOT_AN_IDENTIFIER.has(normKey)) return true;
	return words.some((w) => NOT_AN_IDENTIFIER.has(w));
}

/** Values SDKs send when they have nothing: never findings. */
const PLACEHOLDERS = new Set([
	'', 'null', 'undefined', 'unknown', 'none', 'nil', 'n/a', 'na', '-', '0', '-1', 'false', 'true', 'default', '<unknown ssid>', 'unknown ssid',
	'02:00:00:00:00:00', '00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff', '(null)', 'empty', 'test', '未知', '未取到值', '取值异常'
]);

/** Longer (after trimming) than every entry of PLACEHOLDERS. */
const PLACEHOLDER_MAX_LENGTH = Math.max(...[...PLACEHOLDERS].map((p) => p.length));

/**
 * Every detector asks about the same leaf in turn, so the last answer is kept. Most values are neither
 * a listed placeholder nor one repeated character, which a scan of the first differing characters shows
 * without building lower-cased copies; anything unusual (non-ASCII, a possible match) takes the full check.
 */
let lastValue: string | null = null;
let lastAnswer = false;

export function isPlaceholder(value: string): boolean {
	if (value === lastValue) return lastAnswer;
	const answer = quickNotPlaceholder(value) ? false : isPlaceholderFull(value);
	lastValue = value;
	lastAnswer = answer;
	return answer;
}

/**
 * True only when `value` is certainly no placeholder: nothing to trim at either end, longer than every
 * listed one, not starting like the `url的domain…` prefix, and two different characters (ASCII, ignoring
 * case and `-:.`) among its first ones, so it is not one character repeated.
 */
function quickNotPlaceholder(value: string): boolean {
	const n = value.length;
	if (n <= PLACEHOLDER_MAX_LENGTH) return false;
	const last = value.charCodeAt(n - 1);
	if (last <= 0x20 || last >= 0x7f) return false;
	let first = -1;
	for (let i = 0; i < n; i++) {
		let c = value.charCodeAt(i);
		if (c <= 0x20 || c >= 0x7f) return false;
		if (c === 0x2d || c === 0x3a || c === 0x2e) continue;
		if (c >= 0x41 && c <= 0x5a) c += 0x20;
		if (first < 0) {
			if (c === 0x75) return false;
			first = c;
		} else if (c !== first) return true;
	}
	return false;
}

/** Short values (event names, flags, OS names) repeat in every event: their answer is kept. */
const isShortPlaceholder = boundedMemo((value) => isPlaceholderOf(value));

function isPlaceholderFull(value: string): boolean {
	return value.length > 64 ? isPlaceholderOf(value) : isShortPlaceholder(value);
}

function isPlaceholderOf(value: string): boolean {
	const v = value.trim().toLowerCase();
	if (PLACEHOLDERS.has(v)) return true;
	if (v.startsWith('未取到值') || v.startsWith('url的domain解析失败')) return true;
	// One character repeated (000000000000000, xxxxxxxx) is a stand-in, not an identifier.
	const bare = v.replace(/[-:.]/g, '');
	return bare.length >= 4 && /^(.)\1+$/.test(bare);
}
