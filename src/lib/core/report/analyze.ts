/**
 * analyze(capture) → Analysis: every exchange through the ExchangeAnalyzer, the report built as they come. Response
 * bodies are what the server sent back: no detector, known value or destination looks at them, so they are decoded
 * only when someone asks for an exchange's parts (`partsOf`).
 */
import type { Analysis, Capture, DecodedPart, ExchangeReport, Part, Report } from '../model';
import type { Limits } from '../limits';
import { PeelCache } from '../decode/peel';
import { ExchangeAnalyzer, decodeParts, isSent, type ExchangeAnalyzerOptions } from './exchange-analyzer';
import { ReportBuilder } from './report-builder';

export interface AnalyzeOptions extends ExchangeAnalyzerOptions {
	/** Called after each exchange; `done` of `total`. */
	onProgress?: (done: number, total: number) => void;
}

export function analyze(capture: Capture, options: AnalyzeOptions = {}): Analysis {
	const exchanges: ExchangeReport[] = [];
	const kept = new Map<number, DecodedPart[]>();
	const total = capture.exchanges.length;
	const analyzer = new ExchangeAnalyzer(options);
	const builder = new ReportBuilder(capture);
	for (const exchange of capture.exchanges) {
		const result = analyzer.analyze(exchange);
		builder.add(result);
		exchanges.push(result.report);
		// The trees are not kept: partsOf decodes them again, the same way, when someone opens the
		// exchange (holding every tree of a big capture cost memory and a fifth of the time in the
		// collector). Trees a limit touched are kept: the time limit depends on the clock.
		if (result.limited) kept.set(exchanges.length - 1, result.trees);
		options.onProgress?.(exchanges.length, total);
	}
	const report: Report = { ...builder.head(total), exchanges, ...builder.tail(capture.notes) };
	return new CaptureAnalysis(report, kept, capture.exchanges.map((e) => e.parts), options.limits);
}

/** Exchanges whose decoded parts stay at hand once opened: the ones a reader is clicking through. */
const OPENED_KEPT = 32;

/**
 * The report, and each exchange's parts decoded when someone asks for them (`partsOf`): peeling is
 * deterministic, so they are the trees the report was made from. Exchanges a limit touched keep the
 * request-side trees analyze made; their response bodies are decoded on request like the rest.
 */
class CaptureAnalysis implements Analysis {
	private readonly opened = new Map<number, DecodedPart[]>();

	constructor(
		readonly report: Report,
		private readonly kept: ReadonlyMap<number, DecodedPart[]>,
		private readonly exchangeParts: readonly (readonly Part[])[],
		private readonly limits: Partial<Limits> | undefined
	) {}

	partsOf(index: number): DecodedPart[] {
		if (!Number.isInteger(index) || index < 0 || index >= this.exchangeParts.length) return [];
		let list = this.opened.get(index);
		if (list) return list;
		const parts = this.exchangeParts[index]!;
		const cache = new PeelCache();
		const sent = this.kept.get(index) ?? decodeParts(parts.filter(isSent), this.limits, cache);
		const received = decodeParts(parts.filter((p) => !isSent(p)), this.limits, cache);
		let s = 0;
		let r = 0;
		list = parts.map((part) => (isSent(part) ? sent[s++]! : received[r++]!));
		if (this.opened.size >= OPENED_KEPT) this.opened.delete(this.opened.keys().next().value!);
		this.opened.set(index, list);
		return list;
	}

	get parts(): DecodedPart[][] {
		return this.exchangeParts.map((_, i) => this.partsOf(i));
	}
}

