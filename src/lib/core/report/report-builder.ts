/**
 * The report's capture-wide parts (identifiers, summary), gathered one exchange at a time in capture order, so a
 * report can be written while the capture is read, merged from several workers' ranges, or built at once by
 * analyze: all three give the same report.
 */
import type { CaptureFormat, ExchangeReport, IdentifierReport, PropagatedFinding, Report, ReportSummary } from '../model';
import type { PropagatedExchange } from './propagation';
import { IdentifierCollector } from '../classify/correlate';
import { SiteTallies } from '../classify/severity';
import { DecodeNotes, OpaqueTally } from './decode-notes';
import { VERSION } from '../version';

/** What analyzing one exchange gives the report (see exchange-analyzer.ts). */
export interface ExchangeResult {
	report: ExchangeReport;
	/** Request-side parts a codec decoded. */
	decodedParts: number;
	/** Limits met and envelopes named, one line each (`path: what`). */
	notes: string[];
	/** Values that look encrypted or random: how many, and the first paths (absent: none). */
	encrypted?: { count: number; paths: string[] };
	/** Hashes of the identifier-shaped leaves it carried, sorted (absent: none), for propagation. */
	tokens?: Uint32Array;
}

export interface CaptureHead {
	name: string;
	format: CaptureFormat;
}

export class ReportBuilder {
	private readonly identifiers = new IdentifierCollector();
	private readonly sites = new SiteTallies();
	private readonly notes = new DecodeNotes();
	private readonly opaque = new OpaqueTally();
	private readonly findingsByType: Record<string, number> = {};
	private findings = 0;
	private decodedParts = 0;
	private exchanges = 0;
	private readonly propagated: PropagatedFinding[] = [];
	private readonly laterNotes: string[] = [];

	constructor(private readonly capture: CaptureHead) {}

	/** The report's first members, before its exchanges. */
	head(exchanges: number): Pick<Report, 'tool' | 'input'> {
		return { tool: { name: 'telltale', version: VERSION }, input: { name: this.capture.name, format: this.capture.format, exchanges } };
	}

	/** One exchange, in capture order. */
	add(result: ExchangeResult): void {
		const { report } = result;
		this.exchanges++;
		this.decodedParts += result.decodedParts;
		this.notes.add(report.index, result.notes);
		if (result.encrypted) this.opaque.add(report.index, result.encrypted.count, result.encrypted.paths);
		this.identifiers.add(report);
		this.sites.add(report);
		for (const finding of report.findings) {
			this.findings++;
			this.findingsByType[finding.type] = (this.findingsByType[finding.type] ?? 0) + 1;
		}
	}

	/** What propagation found, after every exchange was added (see propagation.ts); `note` says what it left undone. */
	addPropagated(found: readonly PropagatedExchange[], note: string | null): void {
		for (const { report, findings } of found) {
			this.identifiers.add(report);
			this.sites.addFindings(report);
			for (const finding of findings) {
				this.findings++;
				this.findingsByType[finding.type] = (this.findingsByType[finding.type] ?? 0) + 1;
				this.propagated.push({ exchange: report.index, finding });
			}
		}
		if (note) this.laterNotes.push(note);
	}

	/** The report's last members, after its exchanges; `captureNotes` is what the reader said about the input as a whole. */
	tail(captureNotes: readonly string[]): Pick<Report, 'identifiers' | 'propagated' | 'summary'> {
		const summary: ReportSummary = {
			exchanges: this.exchanges,
			decodedParts: this.decodedParts,
			findings: this.findings,
			findingsByType: this.findingsByType,
			sites: [...this.sites.sites].sort(),
			destinations: this.sites.summaries(),
			notes: [...captureNotes, ...this.notes.list(), ...this.laterNotes]
		};
		// Only when there is something to say: a report without such values is as it always was.
		const opaque = this.opaque.summary();
		if (opaque) summary.opaque = opaque;
		// In this order, as the JSON writes them; `propagated` only when there is something to say.
		return this.propagated.length > 0 ? { identifiers: this.identifiers.list(), propagated: this.propagated, summary } : { identifiers: this.identifiers.list(), summary };
	}
}
