import type { Capture, ExchangeReport, ReportSummary } from '../model';
import { destinationSummaries } from '../classify/severity';

/** What analyze counted while the trees were at hand. */
export interface DecodeTally {
	/** Request-side parts a codec decoded. */
	decodedParts: number;
	/** Limits met and envelopes named (see decode-notes.ts). */
	notes: string[];
}

export function summarize(capture: Capture, exchanges: ExchangeReport[], tally: DecodeTally): ReportSummary {
	const findingsByType: Record<string, number> = {};
	let findings = 0;
	const sites = new Set<string>();
	for (const exchange of exchanges) {
		if (exchange.destination) sites.add(exchange.destination.site);
		for (const finding of exchange.findings) {
			findings++;
			findingsByType[finding.type] = (findingsByType[finding.type] ?? 0) + 1;
		}
	}
	return {
		exchanges: exchanges.length,
		decodedParts: tally.decodedParts,
		findings,
		findingsByType,
		sites: [...sites].sort(),
		destinations: destinationSummaries(exchanges),
		notes: [...capture.notes, ...tally.notes]
	};
}
