/**
 * Credentials recognised by name or place, whatever the detectors say: the headers Chrome DevTools and
 * har-sanitizer strip (Cookie, Set-Cookie, Authorization, Proxy-Authorization) plus the API-key and token
 * headers services use, and field names of tokens, keys, passwords, signatures and session IDs in queries,
 * forms and JSON at any layer.
 */

/** Headers whose whole value is a credential (names lower case). */
const CREDENTIAL_HEADERS = new Set([
	'authorization',
	'proxy-authorization',
	'x-api-key',
	'api-key',
	'apikey',
	'x-auth-token',
	'x-access-token',
	'x-refresh-token',
	'x-csrf-token',
	'x-xsrf-token',
	'x-csrftoken',
	'x-amz-security-token',
	'x-goog-api-key',
	'x-session-id',
	'x-session-token',
	'x-client-secret',
	'x-firebase-appcheck',
	'x-goog-authuser'
]);

/** Other header names that speak of a credential (`x-my-token`, `x-shopify-access-token`, `x-app-secret`). */
const CREDENTIAL_HEADER_WORDS = /(?:^|-)(?:token|secret|password|passwd|api-?key|auth|session(?:-?id)?|csrf|xsrf|signature)(?:$|-)/;

export function isCredentialHeader(lowerName: string): boolean {
	return CREDENTIAL_HEADERS.has(lowerName) || CREDENTIAL_HEADER_WORDS.test(lowerName);
}

/** Field names whose value is a credential, compared without case, `-`, `_` or `.`. */
const SECRET_KEYS = new Set([
	'token',
	'accesstoken',
	'refreshtoken',
	'idtoken',
	'authtoken',
	'sessiontoken',
	'csrftoken',
	'xsrftoken',
	'csrf',
	'xsrf',
	'apikey',
	'key',
	'secret',
	'clientsecret',
	'appsecret',
	'password',
	'passwd',
	'pwd',
	'sessionid',
	'sessid',
	'session',
	'sid',
	'phpsessid',
	'jsessionid',
	'aspsessionid',
	'sig',
	'signature',
	'xamzsignature',
	'xamzsecuritytoken',
	'xamzcredential',
	'xgoogsignature',
	'xgoogcredential',
	'auth',
	'authorization',
	'oauthtoken',
	'oauthsignature',
	'oauthverifier'
]);

/** Names that also name ordinary things (`key` of an event, `session` number): only token-shaped values count. */
const AMBIGUOUS_KEYS = new Set(['key', 'sig', 'auth', 'session', 'sid', 'code']);
const TOKEN_SHAPED = /^[^\s]{12,}$/;

/** Whether a field's value is a credential by its name (and, for ambiguous names, its shape). */
export function isSecretField(key: string | number | undefined, value: string): boolean {
	if (typeof key !== 'string' || key.length > 40 || value.length === 0) return false;
	const norm = key.toLowerCase().replace(/[-_.$]/g, '');
	if (!SECRET_KEYS.has(norm)) return false;
	return !AMBIGUOUS_KEYS.has(norm) || TOKEN_SHAPED.test(value);
}

/** `Bearer abc` → [`Bearer `, `abc`]: the scheme stays readable, the credential goes. */
export function splitCredential(value: string): [scheme: string, credential: string] {
	const m = /^(\s*(?:Basic|Bearer|Digest|Negotiate|NTLM|Token|OAuth|AWS4-HMAC-SHA256|Splunk|SSWS)\s+)([\s\S]*)$/i.exec(value);
	return m ? [m[1]!, m[2]!] : ['', value];
}

/** The pairs of a Cookie header (`a=1; b=2`), with where each value sits. */
export function cookiePairs(header: string): Array<{ name: string; value: string; start: number; end: number }> {
	const out: Array<{ name: string; value: string; start: number; end: number }> = [];
	let at = 0;
	for (const piece of header.split(';')) {
		const eq = piece.indexOf('=');
		if (eq >= 0) {
			const raw = piece.slice(eq + 1);
			const lead = raw.length - raw.trimStart().length;
			const value = raw.trim();
			const start = at + eq + 1 + lead;
			if (value.length > 0) out.push({ name: piece.slice(0, eq).trim(), value, start, end: start + value.length });
		}
		at += piece.length + 1;
	}
	return out;
}

/** Set-Cookie values, one cookie per line (Chrome joins repeated Set-Cookie headers with line breaks): the first pair of each. */
export function setCookiePairs(header: string): Array<{ name: string; value: string; start: number; end: number }> {
	const out: Array<{ name: string; value: string; start: number; end: number }> = [];
	let at = 0;
	for (const line of header.split('\n')) {
		const first = cookiePairs(line.split(';')[0]!)[0];
		if (first) out.push({ ...first, start: first.start + at, end: first.end + at });
		at += line.length + 1;
	}
	return out;
}
