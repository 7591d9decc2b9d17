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

/**
 * Where one value was seen. Most values of a big capture (session and event IDs) are seen once: a single type, site and
 * exchange are kept as they are, and a Set or list is made only for a second one, so a capture of 400,000 one-off
 * values does not hold 1.2 million Sets.
 */
interface Seen {
	types: FindingType | Set<FindingType>;
	sites: string | Set<string>;
	/** In the order added (capture order), each once in a row. */
	exchanges: number | number[];
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
			const seen = this.byValue.get(key);
			if (!seen) {
				this.byValue.set(key, { types: f.type, sites: site, exchanges: exchange.index });
				continue;
			}
			if (typeof seen.types === 'string') {
				if (seen.types !== f.type) seen.types = new Set([seen.types, f.type]);
			} else seen.types.add(f.type);
			if (typeof seen.sites === 'string') {
				if (seen.sites !== site) seen.sites = new Set([seen.sites, site]);
			} else seen.sites.add(site);
			if (typeof seen.exchanges === 'number') {
				if (seen.exchanges !== exchange.index) seen.exchanges = [seen.exchanges, exchange.index];
			} else if (seen.exchanges[seen.exchanges.length - 1] !== exchange.index) seen.exchanges.push(exchange.index);
		}
	}

	list(): IdentifierReport[] {
		const out: IdentifierReport[] = [];
		for (const [value, seen] of this.byValue) {
			if (typeof seen.exchanges === 'number') continue;
			const exchanges = [...new Set(seen.exchanges)].sort((a, b) => a - b);
			if (exchanges.length < 2) continue;
			const types = typeof seen.types === 'string' ? [seen.types] : [...seen.types];
			const sites = typeof seen.sites === 'string' ? [seen.sites] : [...seen.sites].sort();
			out.push({ type: mostSpecific(types), value, sites, exchanges });
		}
		return out.sort((a, b) => b.sites.length - a.sites.length || b.exchanges.length - a.exchanges.length || a.value.localeCompare(b.value));
	}
}

function mostSpecific(types: readonly FindingType[]): FindingType {
	const list = [...types].sort();
	return list.find((t) => t !== 'user.id') ?? list[0]!;
}
