/** URL helpers that never throw on a captured (possibly malformed) URL. */

/** scheme://[userinfo@]host — for the common all-ASCII host, which the URL parser would only lower-case. */
const SIMPLE_HOST = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:[^@/?#\\]*@)?([a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*)\.?(?::\d*)?(?:[/?#]|$)/;

export function hostOf(url: string): string | null {
	// Parsing 20,000 URLs with the URL parser is a measurable share of reading a HAR; most hosts need none of it.
	const simple = SIMPLE_HOST.exec(url);
	if (simple && !/^\d+$/.test(simple[1]!.split('.').pop()!) && !/(^|\.)xn--/i.test(simple[1]!)) return simple[1]!.toLowerCase();
	try {
		const host = new URL(url).hostname;
		return host === '' ? null : host.replace(/^\[|\]$/g, '');
	} catch {
		return null;
	}
}

/** The raw query string (without `?` and fragment), or null when there is none. */
export function queryOf(url: string): string | null {
	const q = url.indexOf('?');
	if (q < 0) return null;
	const hash = url.indexOf('#', q);
	const query = url.slice(q + 1, hash < 0 ? undefined : hash);
	return query.length > 0 ? query : null;
}
