/**
 * What a comparison needs of one capture, gathered exchange by exchange: the sites it talked to (with their company),
 * the finding types it carried and every identifier value with its types and sites. Distinct values, never findings,
 * so a capture is digested while its report streams past, and a 20,000-exchange capture costs its distinct values.
 * It is a report sink that writes nothing: `streamReport` feeds it as it feeds the JSON writer.
 */
import type { ExchangeReport, FindingType, Report } from '../model';
import { isIdentifierType } from '../classify/correlate';
import { isOptedOutAdId } from '../classify/detectors/ad-ids';
import type { ReportHead, ReportSink } from './report-json';

export interface SeenValue {
	types: Set<FindingType>;
	sites: Set<string>;
}

export interface Digest {
	name: string;
	exchanges: number;
	/** Site → its company when a list names one. */
	sites: Map<string, string | null>;
	types: Set<FindingType>;
	/** Identifier values (isIdentifierType; an opted-out advertising ID is no identifier), as correlate keys them. */
	values: Map<string, SeenValue>;
}

/** The key a value is matched by across captures: as correlate.ts does, MAC addresses in any letter case are one. */
export function valueKey(type: FindingType, value: string): string {
	return type === 'device.mac' || type === 'network.bssid' ? value.toLowerCase() : value;
}

export class CaptureDigest implements ReportSink {
	private readonly digest: Digest;

	constructor(name: string) {
		this.digest = { name, exchanges: 0, sites: new Map(), types: new Set(), values: new Map() };
	}

	start(head: ReportHead): string {
		this.digest.name = head.input.name;
		return '';
	}

	exchange(report: ExchangeReport): string {
		const d = this.digest;
		d.exchanges++;
		const site = report.destination?.site ?? report.host ?? '(no destination)';
		if (!d.sites.has(site) || (d.sites.get(site) === null && report.destination?.company)) d.sites.set(site, report.destination?.company ?? null);
		for (const f of report.findings) {
			d.types.add(f.type);
			if (!isIdentifierType(f.type) || isOptedOutAdId(f)) continue;
			const key = valueKey(f.type, f.value);
			const seen = d.values.get(key);
			if (seen) {
				seen.types.add(f.type);
				seen.sites.add(site);
			} else d.values.set(key, { types: new Set([f.type]), sites: new Set([site]) });
		}
		return '';
	}

	end(): string {
		return '';
	}

	result(): Digest {
		return this.digest;
	}
}

/** The digest of a report already in memory (tests, and anything holding a whole report). */
export function digestOf(report: Report): Digest {
	const digest = new CaptureDigest(report.input.name);
	digest.start(report);
	for (const exchange of report.exchanges) digest.exchange(exchange);
	return digest.result();
}
