/** Base64 as tools write it inside captures (HAR `encoding: "base64"`, Burp `base64="true"`): strict, or null. */
import { decodeBase64 } from '../shared/base64';

const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;
const WHITESPACE = /\s+/g;
const HAS_WHITESPACE = /\s/;

/** The decoded bytes, or null when the text is not base64 (tools sometimes say base64 and write plain text). */
export function strictBase64(text: string): Uint8Array | null {
	const compact = HAS_WHITESPACE.test(text) ? text.replace(WHITESPACE, '') : text;
	if (compact.length % 4 === 1) return null;
	if (!STANDARD.test(compact) && !URL_SAFE.test(compact)) return null;
	return decodeBase64(compact.replace(/=+$/, ''));
}
