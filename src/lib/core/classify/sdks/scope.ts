/**
 * Which adapters a request belongs to: by its host (an adapter's listing), its host and path (an endpoint, a
 * numbered-field format, an envelope), or, asked only when the rest says nothing, by the payload's shape (a fingerprint).
 */
import type { DecodedPart, Exchange } from '../../model';
import type { Endpoint, SdkAdapter } from './adapter';
import { SDK_ADAPTERS } from './index';
import { endpointMatches } from './fields';
import { matchFingerprint, shapeOf } from './match';
import { DomainIndex } from '../destinations/domain-index';
import { compileWildcardHost, type HostPattern } from '../destinations/host-pattern';

const DOMAINS = new DomainIndex<SdkAdapter[]>();
const PATTERNS: Array<{ pattern: HostPattern; adapter: SdkAdapter }> = [];
const byDomain = new Map<string, SdkAdapter[]>();
for (const adapter of SDK_ADAPTERS) {
	for (const listing of adapter.listings ?? []) {
		for (const host of listing.hosts) {
			const pattern = compileWildcardHost(host);
			if (pattern) PATTERNS.push({ pattern, adapter });
			else {
				const list = byDomain.get(host) ?? [];
				list.push(adapter);
				byDomain.set(host, list);
			}
		}
	}
}
for (const [host, adapters] of byDomain) DOMAINS.add(host, adapters);

/** Every endpoint an adapter declares, for matching a request against all of them. */
function endpointsOf(adapter: SdkAdapter): Endpoint[] {
	const all: Endpoint[] = [...(adapter.endpoints ?? [])];
	if (adapter.numbered) all.push(adapter.numbered.at);
	if (adapter.encryptedEnvelope) all.push(...adapter.encryptedEnvelope.at);
	return all;
}

/** The host and path of a request, or null for a bare payload or a URL that does not parse. */
export function hostAndPath(exchange: Exchange): { host: string; path: string } | null {
	if (!exchange.host || !exchange.url) return null;
	try {
		return { host: exchange.host.toLowerCase(), path: new URL(exchange.url).pathname };
	} catch {
		return null;
	}
}

/** Adapters the request's host or endpoint names. */
export function adaptersAt(exchange: Exchange): Set<SdkAdapter> {
	const found = new Set<SdkAdapter>();
	const where = hostAndPath(exchange);
	const host = where?.host ?? exchange.host?.toLowerCase() ?? null;
	if (host) {
		for (const adapter of DOMAINS.lookup(host)?.value ?? []) found.add(adapter);
		for (const { pattern, adapter } of PATTERNS) if (pattern.test(host)) found.add(adapter);
	}
	if (where) for (const adapter of SDK_ADAPTERS) if (endpointsOf(adapter).some((e) => endpointMatches(e, where.host, where.path))) found.add(adapter);
	return found;
}

/** Adapters the request belongs to, the fingerprint included (a second look at the payload: call it only when needed). */
export function adaptersOf(exchange: Exchange, parts: readonly DecodedPart[]): Set<SdkAdapter> {
	const found = adaptersAt(exchange);
	const match = matchFingerprint(shapeOf(parts, exchange));
	if (match) found.add(match.adapter);
	return found;
}
