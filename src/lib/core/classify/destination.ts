/**
 * Who received an exchange: host → site (eTLD+1) → company, product and category from the host lists
 * (the user's own lists > Telltale's overlay, which holds the SDK adapters' hosts > AdGuard companiesdb > Exodus
 * Privacy), refined by the SDK adapters' fingerprints read from the payload's shape, which name the SDK even when
 * it is self-hosted on a first-party host.
 *
 * A bare payload (no host) gets a destination only when a fingerprint names the SDK; its `host` and `site` are ''
 * and its company is null, because nothing says who received it (the source names who made the SDK).
 */
import type { DecodedPart, Destination, DestinationCategory, Exchange } from '../model';
import { siteOf, type SiteInfo } from './destinations/site';
import { lookupHost, type HostVerdict } from './destinations/host-lists';
import { saysLittle } from './destinations/categories';
import { matchFingerprint, shapeOf, type FingerprintMatch } from './sdks/match';
import type { UserTrackerList } from './destinations/user-list';
import type { SdkAdapter } from './sdks/adapter';
import { boundedMemo } from '../bounded-memo';

export interface DestinationOptions {
	/** Lists the user imported (see parseUserTrackerList); they win over everything bundled. */
	userLists?: readonly UserTrackerList[];
}

export function destinationOf(host: string | null, parts: readonly DecodedPart[], exchange: Exchange | null, options: DestinationOptions = {}): Destination | null {
	const fingerprint = matchFingerprint(shapeOf(parts, exchange));
	if (host === null || host.trim() === '') {
		if (!fingerprint) return null;
		const { name, category } = fingerprint.adapter;
		return { host: '', site: '', company: null, product: name, category, source: `fingerprint: ${fingerprint.evidence} (${name}, ${madeBy(fingerprint.adapter)})` };
	}
	return destinationOfHost(siteOfHost(host), fingerprint, exchange, options);
}

/**
 * A capture sends most of its requests to a handful of hosts: the site and the bundled lists' verdict are
 * kept per host (bounded memos). Both depend on the host alone; the user's lists are looked up every time.
 */
const MEMO_MAX = 10_000;
const siteOnce = boundedMemo((host) => siteOf(host), MEMO_MAX);
const bundledVerdictOnce = boundedMemo((host) => lookupHost(host), MEMO_MAX);

function siteOfHost(host: string): SiteInfo {
	return { ...siteOnce(host) };
}

function verdictOf(host: string, userLists: readonly UserTrackerList[] | undefined): HostVerdict | null {
	if (userLists !== undefined && userLists.length > 0) return lookupHost(host, userLists);
	const verdict = bundledVerdictOnce(host);
	return verdict === null ? null : { ...verdict };
}

function destinationOfHost(info: SiteInfo, fingerprint: FingerprintMatch | null, exchange: Exchange | null, options: DestinationOptions): Destination {
	const verdict = verdictOf(info.host, options.userLists);
	if (!verdict && !fingerprint) {
		if (info.kind === 'loopback' || info.kind === 'private') {
			return destination(info, null, null, 'first-party', info.kind === 'loopback' ? 'local address: loopback' : 'local address: private network');
		}
		const page = pageSite(exchange);
		if (page !== null && page === info.site) return destination(info, null, null, 'first-party', 'same site as the page (Origin/Referer)');
		return destination(info, null, null, 'unknown', 'none');
	}
	const listed: DestinationCategory = verdict?.category ?? 'unknown';
	if (!fingerprint) return destination(info, verdict!.company, verdict!.product, listed, verdict!.source);

	const sdk = fingerprint.adapter;
	// An SDK whose collector only its maker runs sends to its maker, whatever name the host has (a first-party CNAME).
	const onlyMaker = sdk.collectedOnlyByMaker !== undefined && sdk.company !== null && (verdict?.company ?? null) === null;
	const company = onlyMaker ? sdk.company : verdict?.company ?? null;
	// Without a company for the host, who made the SDK is all the report can honestly name; it goes in the source,
	// not in `company`, which says who received the data (a self-hosted SDK sends to whoever runs the host).
	const hosting = onlyMaker
		? `sent to ${company} through a first-party name: ${sdk.collectedOnlyByMaker}`
		: company === null
			? `${madeBy(sdk)}, on a host no list knows`
			: sdk.company !== null && sameCompany(company, sdk.company)
				? `sent to ${company}`
				: `self-hosted by ${company}`;
	const fingerprintSource = `fingerprint: ${fingerprint.evidence} (${sdk.name}, ${hosting})`;
	const category = verdict && !saysLittle(listed) ? listed : sdk.category;
	return destination(info, company, sdk.name, category, verdict ? `${verdict.source}; ${fingerprintSource}` : fingerprintSource);
}

function madeBy(sdk: SdkAdapter): string {
	return sdk.company === null ? 'maker unnamed' : `made by ${sdk.company}`;
}

/**
 * One literal with every field: V8 builds `{ ...base, more }` through a slow generic path, which cost
 * microseconds per request here.
 */
function destination(info: SiteInfo, company: string | null, product: string | null, category: DestinationCategory, source: string): Destination {
	return { host: info.host, site: info.site, company, product, category, source };
}

/** Vendor names differ in suffixes across datasets ("Google" vs "Google LLC", "Adjust (AppLovin)" vs "AppLovin"). */
function sameCompany(a: string, b: string): boolean {
	const words = (s: string) => new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !['inc', 'llc', 'ltd', 'corp', 'group', 'the'].includes(w)));
	const left = words(a);
	for (const w of words(b)) if (left.has(w)) return true;
	return false;
}

/** The site of the page that made the request, from Origin or Referer, when the capture has them. */
function pageSite(exchange: Exchange | null): string | null {
	if (!exchange) return null;
	for (const header of exchange.requestHeaders) {
		const name = header.name.toLowerCase();
		if (name !== 'origin' && name !== 'referer') continue;
		try {
			const host = new URL(header.value).hostname;
			if (host) return siteOfHost(host).site;
		} catch {
			// not a URL (e.g. Origin: null)
		}
	}
	return null;
}
