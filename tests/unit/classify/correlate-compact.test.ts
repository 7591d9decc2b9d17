import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { correlate } from '../../../src/lib/core/classify/correlate';
import type { ExchangeReport, FindingType, IdentifierReport } from '../../../src/lib/core/model';

/** The definition the compact collector must keep: Sets of types, sites and exchanges per value. */
function reference(exchanges: readonly ExchangeReport[]): IdentifierReport[] {
	const byValue = new Map<string, { types: Set<FindingType>; sites: Set<string>; exchanges: Set<number> }>();
	for (const exchange of exchanges) {
		const site = exchange.destination?.site ?? exchange.host ?? '(no destination)';
		for (const f of exchange.findings) {
			let seen = byValue.get(f.value);
			if (!seen) byValue.set(f.value, (seen = { types: new Set(), sites: new Set(), exchanges: new Set() }));
			seen.types.add(f.type);
			seen.sites.add(site);
			seen.exchanges.add(exchange.index);
		}
	}
	const out: IdentifierReport[] = [];
	for (const [value, seen] of byValue) {
		if (seen.exchanges.size < 2) continue;
		const types = [...seen.types].sort();
		out.push({ type: types.find((t) => t !== 'user.id') ?? types[0]!, value, sites: [...seen.sites].sort(), exchanges: [...seen.exchanges].sort((a, b) => a - b) });
	}
	return out.sort((a, b) => b.sites.length - a.sites.length || b.exchanges.length - a.exchanges.length || a.value.localeCompare(b.value));
}

const finding = fc.record({
	type: fc.constantFrom<FindingType>('user.id', 'device.android_id', 'ad.advertising_id', 'contact.email'),
	value: fc.constantFrom('a1b2c3d4e5f60718', 'b2c3d4e5f6071829', 'c3d4e5f607182930', 'me@example.com')
});
const exchange = fc.record({ site: fc.constantFrom('a.com', 'b.net', 'c.org'), findings: fc.array(finding, { maxLength: 5 }) });

describe('identifiers gathered compactly', () => {
	it('equal those of Sets of types, sites and exchanges, in any order of exchange numbers', () => {
		fc.assert(
			fc.property(fc.array(exchange, { maxLength: 12 }), fc.boolean(), (list, shuffled) => {
				const reports = list.map((e, i) => ({
					index: shuffled ? (i * 7) % 13 : i,
					method: 'POST',
					url: null,
					host: e.site,
					status: 200,
					startedAt: null,
					destination: { site: e.site, company: null, product: null, category: 'analytics' as const, source: 'test' },
					layers: [],
					findings: e.findings.map((f) => ({ ...f, path: 'body', confidence: 'high' as const, reason: 'test', detector: 'test', count: 1, paths: ['body'] }))
				}));
				expect(correlate(reports)).toEqual(reference(reports));
			})
		);
	});
});
