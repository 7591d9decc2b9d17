/**
 * Who received a request, as the capture-wide views group them: the company, or the product or site when no list
 * names the company. The data-flow and timeline views both rank receivers, keep the largest and fold the rest into
 * one "Other", and each receiver carries the filter that shows its requests in the list.
 */
import type { ReportDestination } from '../../core/model';
import type { ExchangeQuery } from '../../core/report/exchange-query';
import { destinationLabel } from '../../core/shared/destination-label';

export type ExchangeFilter = Partial<ExchangeQuery>;

/** What the views read of an exchange overview (the worker's `ExchangeOverview` has all of it). */
export interface ViewedExchange {
	index: number;
	host: string | null;
	startedAt: string | null;
	destination: ReportDestination | null;
	/** The finding types it carried, as a CaptureIndex mask. */
	types: number;
}

export interface Receiver {
	key: string;
	name: string;
	/** A second line: the products seen under a company, or "company not known". */
	detail: string | null;
	/** Receivers this one stands for: 1, or how many were folded into "Other". */
	members: number;
	/** What ranked it: the tally's weight (requests with personal data, requests with a time…). */
	weight: number;
	/** Requests sent to it, whatever their weight. */
	requests: number;
	/** Shows its requests in the list. */
	filter: ExchangeFilter;
}

export const OTHER_KEY = 'other';

interface Entry {
	key: string;
	company: string | null;
	name: string;
	/** "company not known" for an unknown company's product; null otherwise. */
	detail: string | null;
	/** Under a known company, the products met, in order. */
	products: Set<string>;
	sites: Set<string>;
	exchanges: number[];
	weight: number;
}

/** Products named under one company; more are counted. */
const PRODUCTS_SHOWN = 3;

type KeyKind = 'c' | 'p' | 's';

/** The company, else the product, else the site (the host's when no destination is known), and which of them it is. */
function kindOf(exchange: ViewedExchange): KeyKind {
	const d = exchange.destination;
	return d?.company ? 'c' : d?.product ? 'p' : 's';
}

function nameOf(exchange: ViewedExchange, kind: KeyKind): string {
	return kind === 'c' ? exchange.destination!.company! : kind === 'p' ? exchange.destination!.product! : siteOf(exchange);
}

/** The site an ExchangeQuery's `sites` facet compares with. */
function siteOf(exchange: ViewedExchange): string {
	return exchange.destination?.site ?? exchange.host ?? '';
}

/**
 * Receivers met one exchange at a time. `add` returns the receiver's id, so a view can tally its own numbers per id
 * in flat arrays and ask `rank` afterwards which ids are shown and which are folded.
 */
export class ReceiverTally {
	/** Receiver ids by company, product and site name: three maps spare building a key string per exchange. */
	private readonly ids = { c: new Map<string, number>(), p: new Map<string, number>(), s: new Map<string, number>() };
	private readonly entries: Entry[] = [];
	/** Unknown-company receivers per site: a site shared by two of them cannot stand for either in a filter. */
	private readonly unknownBySite = new Map<string, number>();
	private readonly sharedSites = new Set<string>();
	private maxIndex = -1;

	add(exchange: ViewedExchange, weight: number): number {
		const kind = kindOf(exchange);
		const name = nameOf(exchange, kind);
		let id = this.ids[kind].get(name);
		if (id === undefined) {
			id = this.entries.length;
			this.ids[kind].set(name, id);
			this.entries.push(this.entryFor(`${kind}:${name}`, exchange));
		}
		const entry = this.entries[id]!;
		entry.exchanges.push(exchange.index);
		entry.weight += weight;
		if (exchange.index > this.maxIndex) this.maxIndex = exchange.index;
		const site = siteOf(exchange);
		if (!entry.sites.has(site)) {
			entry.sites.add(site);
			if (entry.company === null) {
				const owner = this.unknownBySite.get(site);
				if (owner === undefined) this.unknownBySite.set(site, id);
				else if (owner !== id) this.sharedSites.add(site);
			}
		}
		// Raw product names; whether one adds to the company's name is decided once, when ranked.
		if (entry.company !== null && exchange.destination?.product) entry.products.add(exchange.destination.product);
		return id;
	}

	/**
	 * The `max` heaviest receivers with a weight above 0, heaviest first (ties by name), then one "Other" for the rest
	 * when there are at least two of them (one receiver is shown as itself rather than as "Other (1)"). `slots[id]` is
	 * the position of receiver `id` in the result, or -1 when it has no weight.
	 */
	rank(max: number): { receivers: Receiver[]; slots: Int32Array } {
		const order = this.entries.map((_, id) => id).filter((id) => this.entries[id]!.weight > 0);
		order.sort((a, b) => this.entries[b]!.weight - this.entries[a]!.weight || compareText(this.entries[a]!.name, this.entries[b]!.name));
		const shown = order.length > max + 1 ? order.slice(0, max) : order;
		const folded = order.slice(shown.length);
		const slots = new Int32Array(this.entries.length).fill(-1);
		const receivers = shown.map((id, slot) => {
			slots[id] = slot;
			return this.receiverOf(this.entries[id]!);
		});
		if (folded.length > 0) {
			for (const id of folded) slots[id] = receivers.length;
			receivers.push(this.otherOf(folded.map((id) => this.entries[id]!)));
		}
		return { receivers, slots };
	}

	private entryFor(key: string, exchange: ViewedExchange): Entry {
		const destination = exchange.destination ?? { site: siteOf(exchange), company: null, product: null };
		const company = destination.company || null;
		const label = destinationLabel({ ...destination, company, site: destination.site || 'no host' });
		return { key, company, name: label.name, detail: company ? null : label.detail, products: new Set(), sites: new Set(), exchanges: [], weight: 0 };
	}

	private receiverOf(entry: Entry): Receiver {
		return { key: entry.key, name: entry.name, detail: detailOf(entry), members: 1, weight: entry.weight, requests: entry.exchanges.length, filter: this.filterOf([entry]) };
	}

	private otherOf(entries: Entry[]): Receiver {
		let weight = 0;
		let requests = 0;
		for (const entry of entries) {
			weight += entry.weight;
			requests += entry.exchanges.length;
		}
		const name = `Other (${entries.length.toLocaleString('en-US')} ${entries.length === 1 ? 'receiver' : entries.every((e) => e.company !== null) ? 'companies' : 'receivers'})`;
		return { key: OTHER_KEY, name, detail: null, members: entries.length, weight, requests, filter: this.filterOf(entries) };
	}

	/**
	 * Companies by name; receivers without a known company by their sites when no other such receiver shares one;
	 * anything else (a mix, a shared site) by its list of requests, which is always exact.
	 */
	private filterOf(entries: Entry[]): ExchangeFilter {
		if (entries.every((e) => e.company !== null)) return { companies: entries.map((e) => e.company!) };
		if (entries.every((e) => e.company === null && [...e.sites].every((s) => !this.sharedSites.has(s)))) {
			return { companies: [''], sites: entries.flatMap((e) => [...e.sites]) };
		}
		if (entries.length === 1) return { exchanges: [...entries[0]!.exchanges] };
		// Each entry's list is ascending; marking them gives the union in order without sorting.
		const marks = new Uint8Array(this.maxIndex + 1);
		for (const entry of entries) for (const index of entry.exchanges) marks[index] = 1;
		const exchanges: number[] = [];
		for (let i = 0; i < marks.length; i++) if (marks[i] === 1) exchanges.push(i);
		return { exchanges };
	}
}

function detailOf(entry: Entry): string | null {
	if (entry.company === null) return entry.detail;
	const company = entry.company;
	const products = [...new Set([...entry.products].map((product) => destinationLabel({ site: '', company, product }).detail).filter((d) => d !== null))];
	if (products.length === 0) return null;
	const more = products.length - PRODUCTS_SHOWN;
	return products.slice(0, PRODUCTS_SHOWN).join(' · ') + (more > 0 ? ` · ${more} more` : '');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Names in the order people expect (letter case and accents do not split the alphabet). */
export function compareText(a: string, b: string): number {
	return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
