/**
 * Key names are the strongest hint a payload gives about what a value means. Keys are compared in two
 * forms: normalised (`$device_id` → `deviceid`) for exact names, and split into words for families.
 */

export function normalizeKey(key: string): string {
	return key.toLowerCase().replace(/[\s$_.\-[\]]/g, '');
}

/** `$latest_search_keyword` → [latest, search, keyword]; `anonymousId` → [anonymous, id]; `imei1` → [imei1]. */
export function keyWords(key: string): string[] {
	return key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 0);
}

/** The key label used in reasons: the key as the payload spells it. */
export function keyLabel(key: string | null): string {
	return key === null ? '(no key)' : `key ${key}`;
}

/** Does the normalised key equal one of `names`, or start with one followed by digits (imei1, imei_2)? */
export function keyIs(normKey: string, names: ReadonlySet<string>): boolean {
	if (names.has(normKey)) return true;
	const stripped = normKey.replace(/\d+$/, '');
	return stripped !== normKey && names.has(stripped);
}

/** Does any word of the key, or the whole normalised key, belong to `names`? */
export function keyHas(words: readonly string[], normKey: string, names: ReadonlySet<string>): boolean {
	if (keyIs(normKey, names)) return true;
	for (const w of words) if (names.has(w) || names.has(w.replace(/\d+$/, ''))) return true;
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

export function isPlaceholder(value: string): boolean {
	const v = value.trim().toLowerCase();
	if (PLACEHOLDERS.has(v)) return true;
	if (v.startsWith('未取到值') || v.startsWith('url的domain解析失败')) return true;
	// One character repeated (000000000000000, xxxxxxxx) is a stand-in, not an identifier.
	const bare = v.replace(/[-:.]/g, '');
	return bare.length >= 4 && /^(.)\1+$/.test(bare);
}
