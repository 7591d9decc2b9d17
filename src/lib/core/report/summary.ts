import type { Capture, DecodedPart, ExchangeReport, ReportSummary } from '../model';
import { destinationSummaries } from '../classify/severity';
import { decodeNotes } from './decode-notes';

export function summarize(capture: Capture, exchanges: ExchangeReport[], parts: DecodedPart[][]): ReportSummary {
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
	let decodedParts = 0;
	for (const list of parts) for (const part of list) if (part.root.decoded) decodedParts++;
	return {
		exchanges: exchanges.length,
		decodedParts,
		findings,
		findingsByType,
		sites: [...sites].sort(),
		destinations: destinationSummaries(exchanges),
		notes: [...capture.notes, ...decodeNotes(parts, exchanges.map((e) => e.index))]
	};
}
