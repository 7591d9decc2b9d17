/**
 * host → who runs it and what it is for, from the lists in order of trust:
 * the user's imported lists, then Telltale's overlay, then AdGuard companiesdb, then Exodus Privacy.
 * An entry that names only the owner (no category) lets the next lists supply category and product.
 */
import type { DestinationCategory } from '../../model';
import { OVERLAY, type OverlayEntry } from './overlay';
import { adguardIndex, exodusTables, type ExodusTracker } from './bundled';
import { DomainIndex } from './domain-index';
import { compileWildcardHost, type HostPattern } from './host-pattern';
import type { UserTrackerEntry, UserTrackerList } from './user-list';

export interface HostVerdict {
	company: string | null;
	product: string | null;
	/** Null while only the owner is known. */
	category: DestinationCategory | null;
	source: string;
}

interface Layer {
	lookup(host: string): HostVerdict | null;
}

/** A domain table plus wildcard patterns; patterns are more specific, so they are tried first. */
class HostTable<V> {
	readonly domains = new DomainIndex<V>();
	readonly patterns: Array<{ pattern: HostPattern; value: V }> = [];

	add(host: string, value: V): void {
		const pattern = compileWildcardHost(host);
		if (pattern) this.patterns.push({ pattern, value });
		else this.domains.add(host, value);
	}

	lookup(host: string): { value: V; matched: string } | null {
		for (const { pattern, value } of this.patterns) if (pattern.test(host)) return { value, matched: pattern.source };
		const hit = this.domains.lookup(host);
		return hit ? { value: hit.value, matched: hit.domain } : null;
	}
}

let overlayTable: HostTable<OverlayEntry> | null = null;

function overlayLayer(): Layer {
	if (!overlayTable) {
		overlayTable = new HostTable();
		for (const entry of OVERLAY) for (const host of entry.hosts) overlayTable.add(host, entry);
	}
	const table = overlayTable;
	return {
		lookup(host) {
			const hit = table.lookup(host);
			if (!hit) return null;
			const { value } = hit;
			return { company: value.company, product: value.product ?? null, category: value.category ?? null, source: `Telltale overlay (${hit.matched}): ${value.source}` };
		}
	};
}

const adguardLayer: Layer = {
	lookup(host) {
		const hit = adguardIndex().lookup(host);
		if (!hit) return null;
		const t = hit.value;
		return { company: t.company, product: t.name, category: t.category, source: `AdGuard companiesdb (${hit.domain})` };
	}
};

const exodusLayer: Layer = {
	lookup(host) {
		const tables = exodusTables();
		const hit = tables.domains.lookup(host);
		let tracker = hit?.value;
		let matched = hit?.domain;
		if (!tracker) {
			const byPattern = tables.patterns.find(({ pattern }) => pattern.test(host));
			tracker = byPattern?.tracker;
			matched = byPattern?.pattern.source;
		}
		if (!tracker) return null;
		return { company: exodusCompany(tracker), product: tracker.name, category: tracker.category, source: `Exodus Privacy (${matched})` };
	}
};

/**
 * Exodus names products, not companies; the company comes from what the overlay or AdGuard say about the
 * tracker's website (its host, then its site).
 */
export function exodusCompany(tracker: ExodusTracker): string | null {
	if (tracker.website === '') return null;
	for (const layer of [overlayLayer(), adguardLayer]) {
		const company = layer.lookup(tracker.website)?.company;
		if (company) return company;
	}
	return null;
}

const userTables = new WeakMap<UserTrackerList, HostTable<UserTrackerEntry>>();

function userLayer(list: UserTrackerList, label: string): Layer {
	let table = userTables.get(list);
	if (!table) {
		table = new HostTable();
		for (const entry of list.entries) table.add(entry.domain, entry);
		userTables.set(list, table);
	}
	const built = table;
	return {
		lookup(host) {
			const hit = built.lookup(host);
			if (!hit) return null;
			return { company: hit.value.company, product: hit.value.product, category: hit.value.category, source: `${label} (${hit.matched})` };
		}
	};
}

/** The combined verdict for a normalised host, or null when no list knows it. */
export function lookupHost(host: string, userLists: readonly UserTrackerList[] = []): HostVerdict | null {
	const layers: Layer[] = [
		...userLists.map((list, i) => userLayer(list, userLists.length > 1 ? `your tracker list ${i + 1}` : 'your tracker list')),
		overlayLayer(),
		adguardLayer,
		exodusLayer
	];
	let verdict: HostVerdict | null = null;
	for (const layer of layers) {
		const found = layer.lookup(host);
		if (!found) continue;
		if (!verdict) verdict = { ...found };
		else {
			// The owner is already known; take only what is still missing.
			verdict.category = found.category;
			verdict.company ??= found.company;
			if (verdict.product === null && found.product !== null && !namesOnlyCompany(found.product, verdict.company)) verdict.product = found.product;
			verdict.source += `; ${found.source}`;
		}
		if (verdict.category !== null) break;
	}
	return verdict;
}

/** Words of a company's name that say what kind of company it is, not which. */
const LEGAL_FORM = new Set(['inc', 'llc', 'ltd', 'gmbh', 'co', 'corp', 'corporation', 'limited', 'group', 'holdings', 'company']);

/**
 * Whether a product name says nothing the company's name does not ("Alibaba" by Alibaba Group). Bundled lists name a
 * company's catch-all entry after the company (AdGuard's "Xiaomi" for miui.com, "Alibaba" for alicdn.com, filed under
 * SoftBank Group there): under the owner the overlay names, that is no product, and taking it would show the company
 * twice, or in a second spelling the page cannot tell is the same.
 */
export function namesOnlyCompany(product: string, company: string | null): boolean {
	if (company === null) return false;
	const companyWords = new Set(nameWords(company));
	const productWords = nameWords(product);
	return productWords.length > 0 && productWords.every((w) => companyWords.has(w));
}

function nameWords(name: string): string[] {
	return name
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 0 && !LEGAL_FORM.has(w));
}
