/**
 * analyze(capture) → Analysis: every exchange through the ExchangeAnalyzer, the report built as they come. Response
 * bodies are what the server sent back: no detector, known value or destination looks at them, so they are decoded
 * only when someone asks for an exchange's parts (`partsOf`).
 */
import type { Analysis, Capture, DecodedPart, Exchange, ExchangeReport, Finding, Report } from '../model';
import type { Limits } from '../limits';
import { PeelCache } from '../decode/peel';
import { ExchangeAnalyzer, decodeParts, isSent, type AnalyzedExchange, type ExchangeAnalyzerOptions } from './exchange-analyzer';
import { ReportBuilder } from './report-builder';
import { CaptureIndex } from './capture-index';
import { PropagationCollector, propagateInto, skippedNote, type PropagatedExchange } from './propagation';

export interface AnalyzeOptions extends ExchangeAnalyzerOptions {
	/** Called after each exchange; `done` of `total`. */
	onProgress?: (done: number, total: number) => void;
	/**
	 * false: the report's exchanges keep no findings (their number is kept), and `exchangeReport(i)` analyses the
	 * exchange again when it is asked for. Findings are most of a report's memory (a batch with a new URL, title and
	 * position in every event has a finding each); the worker holding a big capture keeps only what it shows.
	 */
	keepFindings?: boolean;
	/** Build the CaptureIndex the workspace filters and searches with (`analysis.index`). */
	index?: boolean;
}

export function analyze(capture: Capture, options: AnalyzeOptions = {}): Analysis {
	const analyzer = new ExchangeAnalyzer(options);
	const assembly = new AnalysisAssembly(capture, options);
	for (const exchange of capture.exchanges) {
		assembly.add(analyzer.analyze(exchange));
		options.onProgress?.(assembly.count, capture.exchanges.length);
	}
	return assembly.finish();
}

/** An exchange's result as a pool's worker sends it back: the trees only when a limit touched them (else empty). */
export type ExchangeOutcome = AnalyzedExchange;

/**
 * An Analysis put together from exchange results given in capture order, whether this thread analysed them (analyze)
 * or a pool of workers did: the same results give the same Analysis.
 */
export class AnalysisAssembly {
	private readonly exchanges: ExchangeReport[] = [];
	private readonly findingCounts: number[] = [];
	private readonly kept = new Map<number, DecodedPart[]>();
	private readonly builder: ReportBuilder;
	private readonly keepFindings: boolean;
	private readonly index: CaptureIndex | null;
	private readonly propagation = new PropagationCollector();

	constructor(
		private readonly capture: Capture,
		private readonly options: AnalyzeOptions
	) {
		this.builder = new ReportBuilder(capture);
		this.keepFindings = options.keepFindings ?? true;
		this.index = options.index ? new CaptureIndex() : null;
	}

	get count(): number {
		return this.exchanges.length;
	}

	add(result: ExchangeOutcome): void {
		this.builder.add(result);
		this.propagation.add(result);
		this.findingCounts.push(result.report.findings.length);
		this.index?.add(result.report);
		// An exchange a limit touched keeps its findings: analysed again, the clock could stop it elsewhere.
		this.exchanges.push(this.keepFindings || result.limited ? result.report : lean(result.report));
		// The trees are not kept: partsOf decodes them again, the same way, when someone opens the
		// exchange (holding every tree of a big capture cost memory and a fifth of the time in the
		// collector). Trees a limit touched are kept: the time limit depends on the clock.
		if (result.limited) this.kept.set(this.exchanges.length - 1, result.trees);
	}

	finish(): Analysis {
		const total = this.capture.exchanges.length;
		const propagated = this.propagate();
		const report: Report = { ...this.builder.head(total), exchanges: this.exchanges, ...this.builder.tail(this.capture.notes) };
		return new CaptureAnalysis(report, this.kept, this.capture.exchanges, this.findingCounts, this.keepFindings ? null : this.options, this.index, propagated);
	}

	/** The second look (propagation.ts), once every exchange is in: what it adds goes to the builder and the index. */
	private propagate(): ReadonlyMap<number, Finding[]> {
		const plan = this.propagation.plan();
		const found: PropagatedExchange[] = [];
		for (const [index, seeds] of plan.exchanges) {
			const exchange = this.capture.exchanges[index];
			const more = exchange ? propagateInto(exchange, seeds, this.options) : null;
			if (more) found.push(more);
		}
		this.builder.addPropagated(found, plan.skipped > 0 ? skippedNote(plan.skipped) : null);
		const byExchange = new Map<number, Finding[]>();
		for (const { report, findings } of found) {
			byExchange.set(report.index, findings);
			this.index?.addLater(report.index, findings);
			this.findingCounts[report.index] = (this.findingCounts[report.index] ?? 0) + findings.length;
		}
		return byExchange;
	}
}

/**
 * An exchange's report without what `exchangeReport` gives again on request: its findings and the verdicts on its opaque
 * values (paths and wording for up to 20 values each, which on a 287 MB capture took the renderer from 4× the file to 5.3×).
 */
function lean(report: ExchangeReport): ExchangeReport {
	const { verdicts: _verdicts, verdictCount: _count, ...rest } = report;
	return { ...rest, findings: [] };
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

	private readonly limits: Partial<Limits> | undefined;
	/** Analyses an exchange again for its findings, when the report does not keep them. */
	private readonly again: ExchangeAnalyzer | null;
	private justAnalysed: { index: number; trees: DecodedPart[] } | null = null;

	constructor(
		readonly report: Report,
		private readonly kept: ReadonlyMap<number, DecodedPart[]>,
		private readonly exchanges: readonly Exchange[],
		private readonly findingCounts: readonly number[],
		recompute: AnalyzeOptions | null,
		readonly index: CaptureIndex | null,
		/** What propagation added, by exchange: shown with the exchange's own findings. */
		private readonly propagated: ReadonlyMap<number, Finding[]> = new Map()
	) {
		this.limits = recompute?.limits;
		this.again = recompute ? new ExchangeAnalyzer(recompute) : null;
	}

	exchange(index: number): Exchange | null {
		return this.exchanges[index] ?? null;
	}

	findingCount(index: number): number {
		return this.findingCounts[index] ?? 0;
	}

	exchangeReport(index: number): ExchangeReport | null {
		const report = this.ownReport(index);
		const more = this.propagated.get(index);
		return report && more ? { ...report, findings: [...report.findings, ...more] } : report;
	}

	private ownReport(index: number): ExchangeReport | null {
		const report = this.report.exchanges[index];
		if (!report) return null;
		if (this.again === null || this.kept.has(index) || this.findingCounts[index] === 0) return report;
		const result = this.again.analyze(this.exchanges[index]!);
		// partsOf is usually asked next, for the same exchange: these are its request-side trees.
		this.justAnalysed = { index, trees: result.trees };
		return result.report.verdictCount ? { ...report, findings: result.report.findings, verdicts: result.report.verdicts, verdictCount: result.report.verdictCount } : { ...report, findings: result.report.findings };
	}

	partsOf(index: number): DecodedPart[] {
		if (!Number.isInteger(index) || index < 0 || index >= this.exchanges.length) return [];
		let list = this.opened.get(index);
		if (list) return list;
		const parts = this.exchanges[index]!.parts;
		const cache = new PeelCache();
		const fresh = this.justAnalysed?.index === index ? this.justAnalysed.trees : undefined;
		this.justAnalysed = null;
		const sent = this.kept.get(index) ?? fresh ?? decodeParts(parts.filter(isSent), this.limits, cache);
		const received = decodeParts(parts.filter((p) => !isSent(p)), this.limits, cache);
		let s = 0;
		let r = 0;
		list = parts.map((part) => (isSent(part) ? sent[s++]! : received[r++]!));
		if (this.opened.size >= OPENED_KEPT) this.opened.delete(this.opened.keys().next().value!);
		this.opened.set(index, list);
		return list;
	}

	get parts(): DecodedPart[][] {
		return this.exchanges.map((_, i) => this.partsOf(i));
	}
}

