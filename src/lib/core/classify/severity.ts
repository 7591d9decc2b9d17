/**
 * Severity: how much an exchange (or everything one site received) gives away, with a plain reason.
 *
 *   high   something that cannot be taken back or that names you: a hardware ID (IMEI, MAC, serial…),
 *          your e-mail or phone, your location, a login secret — or what you did (pages, searches,
 *          media) together with an identifier that ties it to you, sent to a third party
 *   medium resettable identifiers (advertising ID, Android ID, tracking IDs) or activity without an ID
 *   low    device details, carrier, IP address, app names alone
 *   none   nothing found
 *
 * What only the Referer header carried counts only when it went to a third party (see isRefererOnly).
 */
import type { DestinationCategory, DestinationSummary, ExchangeReport, Finding, FindingType, Severity, SeverityLevel } from '../model';
import { isOptedOutAdId } from './detectors/ad-ids';

const PHRASE: Record<FindingType, string> = {
	'device.imei': 'a hardware ID',
	'device.imsi': 'a SIM ID',
	'device.iccid': 'a SIM ID',
	'device.meid': 'a hardware ID',
	'device.serial': 'a hardware ID',
	'device.mac': 'a hardware ID',
	'device.android_id': 'a device ID',
	'device.model': 'device details',
	'device.os_version': 'device details',
	'ad.advertising_id': 'an advertising ID',
	'user.id': 'a tracking ID',
	'contact.email': 'your e-mail address',
	'contact.phone': 'your phone number',
	'location.coordinates': 'your location',
	'network.ip': 'an IP address',
	'network.ssid': 'your Wi-Fi network',
	'network.bssid': 'your Wi-Fi network',
	'network.carrier': 'your carrier',
	'browsing.url': 'browsing history',
	'browsing.search_query': 'search queries',
	'browsing.title': 'browsing history',
	'app.package': 'app names',
	'app.screen': 'screens you viewed',
	'media.played': 'what you played',
	'auth.secret': 'a login secret'
};

const PERMANENT = new Set<FindingType>(['device.imei', 'device.imsi', 'device.iccid', 'device.meid', 'device.serial', 'device.mac', 'network.bssid']);
const NAMES_YOU = new Set<FindingType>(['contact.email', 'contact.phone', 'location.coordinates', 'auth.secret']);
const RESETTABLE = new Set<FindingType>(['device.android_id', 'ad.advertising_id', 'user.id']);
const ACTIVITY = new Set<FindingType>(['browsing.url', 'browsing.search_query', 'browsing.title', 'app.screen', 'media.played']);
const THIRD_PARTY = new Set<DestinationCategory>(['analytics', 'advertising', 'crash-reporting', 'social', 'attribution', 'telemetry']);

const RANK: Record<SeverityLevel, number> = { none: 0, low: 1, medium: 2, high: 3 };

/**
 * A session cookie or an Authorization header is how a logged-in request normally authenticates to its own
 * server: still a finding (the reader should know it is in the capture), but not a leak by itself. A secret
 * inside a body, a query string or telemetry is. So a secret is ordinary only when every place it was found
 * is one of those (a finding that lists fewer paths than it counts may have been anywhere else too).
 */
export function isOrdinaryCredential(f: Finding): boolean {
	return f.type === 'auth.secret' && f.count === f.paths.length && f.paths.every(isCredentialPlace);
}

function isCredentialPlace(path: string): boolean {
	return path.startsWith('cookie.') || path === 'header.authorization' || path.startsWith('header.authorization ');
}

/**
 * A browser sends the Referer header with every request: the page the user came from (often a search engine's
 * address) goes to whatever site they load next. Sent to the site itself, or to any receiver not known as a third
 * party (a CDN, a host no list knows), that is how the web works, not something a page or app chose to send: it is
 * shown but does not raise severity. Sent to a third party it counts like any other finding. Only when every place it was found is the Referer header (as for
 * credentials, a finding that lists fewer paths than it counts may have been anywhere else too).
 */
export function isRefererOnly(f: Finding): boolean {
	return f.count === f.paths.length && f.paths.every(isRefererPlace);
}

/** `header.referer`, a repeated `header.referer[1]`, and what was read out of it (`header.referer › url.query.q`). */
const REFERER_PLACE = /^header\.referer(?:\[\d+\])?(?: › |$)/;

function isRefererPlace(path: string): boolean {
	return REFERER_PLACE.test(path);
}

/**
 * What severity needs of a set of findings, gathered one finding at a time: an exchange's findings, or everything a
 * site received across a capture read exchange by exchange (the report is built without holding every finding).
 */
export class SeverityTally {
	/**
	 * Types that count, in the order first seen (the reason lists them in that order within each group). Those found
	 * only in the Referer header are among them: they count where the receiver is a third party, which is known only
	 * when the level is worked out.
	 */
	readonly types = new Set<FindingType>();
	/** Of `types`, those found somewhere other than only the Referer header (see isRefererOnly). */
	readonly typesBeyondReferer = new Set<FindingType>();
	/** Every type seen, whether it counts or not. */
	readonly allTypes = new Set<FindingType>();
	credentials = 0;
	optedOut = false;
	findings = 0;

	add(f: Finding): void {
		this.findings++;
		this.allTypes.add(f.type);
		if (isOptedOutAdId(f)) this.optedOut = true;
		if (isOrdinaryCredential(f)) this.credentials++;
		else if (!isOptedOutAdId(f) && f.confidence !== 'low') {
			this.types.add(f.type);
			if (!isRefererOnly(f)) this.typesBeyondReferer.add(f.type);
		}
	}

	addAll(findings: readonly Finding[]): this {
		for (const f of findings) this.add(f);
		return this;
	}
}

export function severityOf(findings: readonly Finding[], category: DestinationCategory | null, company: string | null = null): Severity {
	return severityOfTally(new SeverityTally().addAll(findings), category, company);
}

export function severityOfTally(tally: SeverityTally, category: DestinationCategory | null, company: string | null = null): Severity {
	const { credentials } = tally;
	const thirdParty = category !== null && THIRD_PARTY.has(category);
	const types = thirdParty || tally.typesBeyondReferer.size === tally.types.size ? tally.types : new Set([...tally.types].filter((t) => tally.typesBeyondReferer.has(t)));
	if (types.size === 0 && credentials > 0) {
		return { level: 'low', why: 'session credentials (cookies or an Authorization header), sent the way a logged-in request normally sends them' };
	}
	if (types.size === 0) {
		if (tally.optedOut) return { level: 'none', why: 'no personal data found; the advertising ID was all zeros (ad tracking limited)' };
		if (tally.types.size > 0) return { level: 'none', why: 'only the Referer header (the page you came from), which the browser sends to every site it loads' };
		return { level: 'none', why: tally.findings > 0 ? 'only low-confidence findings (such as a search sent to the engine searched with)' : 'no personal data found' };
	}
	const has = (set: Set<FindingType>) => [...types].some((t) => set.has(t));
	let level: SeverityLevel;
	if (has(PERMANENT) || has(NAMES_YOU)) level = 'high';
	else if (has(ACTIVITY) && has(RESETTABLE)) level = thirdParty ? 'high' : 'medium';
	else if (has(ACTIVITY) || has(RESETTABLE)) level = 'medium';
	else level = 'low';
	return { level, why: describe(types, category, company, thirdParty) };
}

function describe(types: Set<FindingType>, category: DestinationCategory | null, company: string | null, thirdParty: boolean): string {
	// Most telling first: what names you, then what you did, then the identifiers, then details.
	const order = [NAMES_YOU, ACTIVITY, PERMANENT, RESETTABLE];
	const phrases: string[] = [];
	for (const group of order) for (const t of types) if (group.has(t) && !phrases.includes(PHRASE[t])) phrases.push(PHRASE[t]);
	for (const t of types) if (!phrases.includes(PHRASE[t])) phrases.push(PHRASE[t]);
	const what = phrases.length > 4 ? `${phrases.slice(0, 4).join(', ')} and more` : joinWords(phrases);
	const to = thirdParty ? ` sent to a third party${company ? ` (${company}, ${category})` : ` (${category})`}` : company ? ` sent to ${company}` : ' sent';
	return what.charAt(0).toUpperCase() + what.slice(1) + to;
}

function joinWords(list: string[]): string {
	if (list.length <= 1) return list[0] ?? '';
	return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** Everything each site received, most severe first. */
export function destinationSummaries(exchanges: readonly ExchangeReport[]): DestinationSummary[] {
	const sites = new SiteTallies();
	for (const exchange of exchanges) sites.add(exchange);
	return sites.summaries();
}

/** Per receiving site, gathered exchange by exchange (in capture order): what destinationSummaries reports. */
export class SiteTallies {
	private readonly bySite = new Map<string, { destination: NonNullable<ExchangeReport['destination']>; indexes: number[]; tally: SeverityTally }>();

	add(exchange: ExchangeReport): void {
		const destination = exchange.destination;
		if (!destination) return;
		let entry = this.bySite.get(destination.site);
		// The first exchange to a site names its company, product and category.
		if (!entry) this.bySite.set(destination.site, (entry = { destination, indexes: [], tally: new SeverityTally() }));
		entry.indexes.push(exchange.index);
		entry.tally.addAll(exchange.findings);
	}

	/** Findings added to an exchange already counted (propagation): its site's tally grows, its exchanges do not. */
	addFindings(exchange: ExchangeReport): void {
		const entry = exchange.destination ? this.bySite.get(exchange.destination.site) : undefined;
		entry?.tally.addAll(exchange.findings);
	}

	/** The sites seen, in the order first seen. */
	get sites(): IterableIterator<string> {
		return this.bySite.keys();
	}

	summaries(): DestinationSummary[] {
		const out: DestinationSummary[] = [];
		for (const [site, { destination: d, indexes, tally }] of this.bySite) {
			out.push({
				site,
				company: d.company,
				product: d.product,
				category: d.category,
				exchanges: indexes,
				findings: tally.findings,
				types: [...tally.allTypes].sort(),
				severity: severityOfTally(tally, d.category, d.company)
			});
		}
		return out.sort((a, b) => RANK[b.severity.level] - RANK[a.severity.level] || b.findings - a.findings || a.site.localeCompare(b.site));
	}
}
