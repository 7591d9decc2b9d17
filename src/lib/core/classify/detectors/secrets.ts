/**
 * Secrets that let someone act as the user: Authorization headers, session cookies, access / refresh /
 * ID tokens, passwords, JSON Web Tokens anywhere.
 *
 * Finding values are MASKED (maskSecret): enough of the start and end for the user to recognise the
 * secret ("Bearer eyJhbG…9fQx, 312 chars"), never the whole of it, so a report can be shared without
 * handing over a live session. The full value stays reachable through the finding's path in the
 * decoded tree, which never leaves the machine.
 *
 * App keys (Mixpanel project `token`, Segment `writeKey`, Google `AIza…` keys, AppsFlyer dev keys) name
 * the app, not the person, and are not reported.
 */
import type { Occurrence } from '../../model';
import { finding, scalarText, type Detector } from './detector';
import { isPlaceholder, keyLabel } from './key-hints';

const SECRET_KEYS = new Set([
	'authorization', 'proxyauthorization', 'password', 'passwd', 'pwd', 'pass', 'passcode', 'userpassword', 'accesstoken', 'refreshtoken',
	'idtoken', 'authtoken', 'sessiontoken', 'sessionid', 'sessid', 'sessionkey', 'xauthtoken', 'xaccesstoken', 'bearertoken', 'oauthtoken',
	'clientsecret', 'privatekey', 'secretkey', 'usertoken', 'logintoken', 'servicetoken', 'passtoken', 'ssotoken', 'jsessionid', 'phpsessid',
	'aspnetsessionid', 'xcsrftoken', 'csrftoken', 'xsrftoken', 'cookie', 'setcookie', 'pin', 'otp', 'smscode', 'verifycode'
]);
/** Cookie and field names that usually hold a login session (cookie parts arrive as `cookie.<name>`). */
const SESSION_WORDS = ['session', 'sess', 'auth', 'token', 'jwt', 'login', 'sid'];
const JWT = /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/;

/** Keys under which analytics SDKs number a visit (GrowingIO `sessionId`, Facebook `_session_id`, Chartboost `session_id`). */
const SESSION_ID_KEYS = new Set(['sessionid', 'sessid']);
/**
 * A UUID or a number under such a key outside a cookie counts visits; it logs nobody in. Reported as a secret it
 * was a false alarm at high confidence on most analytics payloads (public corpus), so it is not a finding.
 */
const VISIT_NUMBER = /^(?:[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}|\d{1,20})$/i;

/** What a scheme-prefixed credential or a JSON Web Token starts with (long enough to be reported under any key). */
const CREDENTIAL_START = /^(?:eyJ|(?:Bearer|Basic|Digest|Token|OAuth|MAC|Hawk)\s)/i;

export const secrets: Detector = {
	id: 'secrets',
	label: 'Secrets',
	gate: {
		key: (k) => SECRET_KEYS.has(k),
		other: (_node, ctx, value) => ctx.partKind === 'cookie' || (value !== null && value.length >= 16 && CREDENTIAL_START.test(value))
	},
	detect(node, ctx) {
		const raw = scalarText(node);
		if (raw === null || node.kind !== 'text') return [];
		const value = raw.trim();
		if (value.length < 4 || isPlaceholder(value)) return [];
		const k = ctx.normKey;
		const out: Occurrence[] = [];
		const scheme = /^(Bearer|Basic|Digest|Token|OAuth|MAC|Hawk)\s+\S/i.exec(value);
		if (scheme && /^basic$/i.test(scheme[1]!) && isKeyOnlyBasic(value)) return out;
		if (SESSION_ID_KEYS.has(k) && ctx.partKind !== 'cookie' && VISIT_NUMBER.test(value)) return out;
		if (SECRET_KEYS.has(k) || (ctx.partKind === 'cookie' && SESSION_WORDS.some((w) => ctx.keyWords.includes(w) || k.endsWith(w)))) {
			const what = scheme ? `${scheme[1]} credentials` : k === 'cookie' ? 'cookies' : k.includes('pass') || k === 'pwd' || k === 'pin' ? 'a password' : 'a session token';
			if (value.length >= 6) out.push(finding(node, 'auth.secret', maskSecret(value), 'high', `${what}, ${keyLabel(ctx.key)} (shown masked)`));
			return out;
		}
		if (scheme && value.length >= 16) {
			out.push(finding(node, 'auth.secret', maskSecret(value), 'high', `${scheme[1]} credentials, ${keyLabel(ctx.key)} (shown masked)`));
		} else if (JWT.test(value)) {
			out.push(finding(node, 'auth.secret', maskSecret(value), 'medium', `JSON Web Token${ctx.key ? `, ${keyLabel(ctx.key)}` : ''} (shown masked)`));
		}
		return out;
	}
};

/**
 * `Basic base64(key:)` — a user name with an empty password — is how Segment, Stripe and others send an
 * app's API key, not a person's login.
 */
function isKeyOnlyBasic(value: string): boolean {
	try {
		const decoded = atob(value.replace(/^basic\s+/i, '').trim());
		return decoded.endsWith(':') && decoded.indexOf(':') === decoded.length - 1;
	} catch {
		return false;
	}
}

/** Keeps the scheme word, the first 6 and last 4 characters of longer secrets (first and last 2 of short ones) and the length. */
export function maskSecret(value: string): string {
	const scheme = /^(Bearer|Basic|Digest|Token|OAuth|MAC|Hawk)\s+/i.exec(value);
	const prefix = scheme ? scheme[0] : '';
	const body = value.slice(prefix.length);
	const shown = body.length >= 20 ? `${body.slice(0, 6)}…${body.slice(-4)}` : body.length >= 8 ? `${body.slice(0, 2)}…${body.slice(-2)}` : '…';
	return `${prefix}${shown} (${body.length} chars)`;
}
