/**
 * The "same ID, many companies" view: every identifier value found in more than one exchange, with
 * the sites and exchanges it reached. A value reported under several types (a `distinct_id` that is
 * also the Android ID) is one identifier, named by its most specific type.
 */
import type { ExchangeReport, FindingType, IdentifierReport } from '../model';
import { isOptedOutAdId } from './detectors/ad-ids';

/** Types whose values identify a person or device over time; content (URLs, titles) does not correlate. */
export function isIdentifierType(type: FindingType): boolean {
	if (type.startsWith('device.')) return type !== 'device.model' && type !== 'device.os_version';
	return type.startsWith('ad.') || type.startsWith('contact.') || type === 'user.id' || type === 'network.bssid' || type === 'network.ssid';
}

interface Seen {
	types: Set<FindingType>;
	sites: Set<string>;
	exchanges: Set<number>;
}

export function correlate(exchanges: readonly ExchangeReport[]): IdentifierReport[] {
	const identifiers = new IdentifierCollector();
	for (const exchange of exchanges) identifiers.add(exchange);
	return identifiers.list();
}

/** The same, gathered exchange by exchange: the report can be built without holding every exchange's findings. */
export class IdentifierCollector {
	private readonly byValue = new Map<string, Seen>();

	add(exchange: ExchangeReport): void {
		const site = exchange.destination?.site ?? exchange.host ?? '(no destination)';
		for (const f of exchange.findings) {
			if (!isIdentifierType(f.type) || isOptedOutAdId(f)) continue;
			const key = f.type === 'device.mac' || f.type === 'network.bssid' ? f.value.toLowerCase() : f.value;
			let seen = this.byValue.get(key);
			if (!seen) this.byValue.set(key, (seen = { types: new Set(), sites: new Set(), exchanges: new Set() }));
			seen.types.add(f.type);
			seen.sites.add(site);
			seen.exchanges.add(exchange.index);
		}
	}

	list(): IdentifierReport[] {
		const out: IdentifierReport[] = [];
		for (const [value, seen] of this.byValue) {
			if (seen.exchanges.size < 2) continue;
			out.push({ type: mostSpecific(seen.types), value, sites: [...seen.sites].sort(), exchanges: [...seen.exchanges].sort((a, b) => a - b) });
		}
		return out.sort((a, b) => b.sites.length - a.sites.length || b.exchanges.length - a.exchanges.length || a.value.localeCompare(b.value));
	}
}

function mostSpecific(types: Set<FindingType>): FindingType {
	const list = [...types].sort();
	return list.find((t) => t !== 'user.id') ?? list[0]!;
}
