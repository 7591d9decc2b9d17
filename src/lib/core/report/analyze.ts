/** analyze(capture) → Analysis: peel every part of every exchange, classify, and build the report. */
import type { Analysis, Capture, DecodedPart, Exchange, ExchangeReport, Part, Report } from '../model';
import { Budget, type Limits } from '../limits';
import { CancelledError } from '../errors';
import { Peeler } from '../decode/peel';
import type { SniffHints } from '../decode/codec';
import { richestLayers } from './layers';
import { summarize } from './summary';
import { destinationOf } from '../classify/destination';
import { VERSION } from '../version';

export interface AnalyzeOptions {
	limits?: Partial<Limits>;
	/** Called after each exchange; `done` of `total`. */
	onProgress?: (done: number, total: number) => void;
	/** Checked between exchanges; return true to stop with CancelledError. */
	isCancelled?: () => boolean;
}

export function analyze(capture: Capture, options: AnalyzeOptions = {}): Analysis {
	const exchanges: ExchangeReport[] = [];
	const parts: DecodedPart[][] = [];
	const total = capture.exchanges.length;
	for (const exchange of capture.exchanges) {
		if (options.isCancelled?.()) throw new CancelledError();
		const decoded = decodeExchange(exchange, options.limits);
		parts.push(decoded);
		exchanges.push(reportExchange(exchange, decoded));
		options.onProgress?.(exchanges.length, total);
	}
	const report: Report = {
		tool: { name: 'telltale', version: VERSION },
		input: { name: capture.name, format: capture.format, exchanges: total },
		exchanges,
		identifiers: [],
		summary: summarize(capture, exchanges, parts)
	};
	return { report, parts };
}

function decodeExchange(exchange: Exchange, limits: Partial<Limits> | undefined): DecodedPart[] {
	return exchange.parts.map((part) => {
		// Each part gets its own budget so one hostile body cannot starve the rest of the capture.
		const root = new Peeler(new Budget(limits)).peel(part.payload, part.name, hintsOf(part));
		const decoded: DecodedPart = { kind: part.kind, name: part.name, root };
		if (part.note) decoded.note = part.note;
		return decoded;
	});
}

function hintsOf(part: Part): SniffHints {
	const hints: SniffHints = {};
	if (part.contentType) {
		hints.contentTypeHeader = part.contentType;
		hints.contentType = part.contentType.split(';')[0]!.trim().toLowerCase();
	}
	if (part.contentEncoding) hints.contentEncoding = part.contentEncoding.trim().toLowerCase();
	return hints;
}

function reportExchange(exchange: Exchange, decoded: DecodedPart[]): ExchangeReport {
	const destination = destinationOf(exchange.host, decoded, exchange);
	return {
		index: exchange.index,
		method: exchange.method,
		url: exchange.url,
		host: exchange.host,
		status: exchange.status,
		startedAt: exchange.startedAt,
		destination: destination
			? { site: destination.site, company: destination.company, product: destination.product, category: destination.category, source: destination.source }
			: null,
		layers: richestLayers(decoded.map((d) => d.root)),
		findings: []
	};
}
