/**
 * Hash-shaped values: SDKs often send MD5 / SHA-1 / SHA-256 of an identifier instead of the
 * identifier. Under an identifier key, such a value is still a stable identifier ("hashed identifier").
 */
export function hashShape(value: string): string | null {
	// Each shape has one length: most values are turned down without a regex.
	const n = value.length;
	if (n !== 32 && n !== 40 && n !== 64 && n !== 24 && n !== 28 && n !== 44) return null;
	if (/^[0-9a-f]{32}$/i.test(value)) return '32 hex digits, MD5-shaped';
	if (/^[0-9a-f]{40}$/i.test(value)) return '40 hex digits, SHA-1-shaped';
	if (/^[0-9a-f]{64}$/i.test(value)) return '64 hex digits, SHA-256-shaped';
	if (/^[A-Za-z0-9+/_-]{22}==$/.test(value)) return 'base64 of 16 bytes, MD5-shaped';
	if (/^[A-Za-z0-9+/_-]{27}=$/.test(value)) return 'base64 of 20 bytes, SHA-1-shaped';
	if (/^[A-Za-z0-9+/_-]{43}=$/.test(value)) return 'base64 of 32 bytes, SHA-256-shaped';
	return null;
}
