/** URL helpers that never throw on a captured (possibly malformed) URL. */

export function hostOf(url: string): string | null {
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
