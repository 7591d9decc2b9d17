/** Domain → value with suffix lookup: `a.b.example.com` finds an entry for `b.example.com` or `example.com`. */
export interface DomainMatch<V> {
	value: V;
	/** The entry that matched (the host itself or one of its parent domains). */
	domain: string;
}

export class DomainIndex<V> {
	private readonly map = new Map<string, V>();

	/** The first value set for a domain stays: callers add entries in order of trust. */
	add(domain: string, value: V): void {
		const key = domain.toLowerCase().replace(/^\*\./, '').replace(/\.+$/, '');
		if (key !== '' && !this.map.has(key)) this.map.set(key, value);
	}

	get size(): number {
		return this.map.size;
	}

	/** The most specific entry for the host: the host itself, then each parent domain with at least two labels. */
	lookup(host: string): DomainMatch<V> | null {
		let candidate = host;
		for (;;) {
			const value = this.map.get(candidate);
			if (value !== undefined) return { value, domain: candidate };
			const dot = candidate.indexOf('.');
			if (dot < 0) return null;
			candidate = candidate.slice(dot + 1);
			if (!candidate.includes('.')) {
				// A bare public suffix such as `com` is never an entry, but a single-label host may be (intranet names).
				return null;
			}
		}
	}
}
