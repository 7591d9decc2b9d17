/**
 * The report as text, written piece by piece: never one string, so a report larger than V8's longest string is
 * still written, and memory holds one exchange's text at a time. `ReportJson` gives exactly what
 * `JSON.stringify(report, null, 2)` would (same content, key order and indentation); `reportNdjsonLine` gives one
 * line per record for jq, DuckDB or a data warehouse.
 */
import type { ExchangeReport, IdentifierReport, PropagatedFinding, Report, ReportSummary } from '../model';

type Head = Pick<Report, 'tool' | 'input'>;
type Tail = Pick<Report, 'identifiers' | 'propagated' | 'summary'>;

/** `value` as indented JSON, nested `depth` levels deep (JSON strings hold no raw line breaks, so this is safe). */
function nested(value: unknown, depth: number): string {
	return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** Turns a report, given piece by piece in order, into text pieces (JSON, NDJSON, a readable summary). */
export interface ReportSink {
	start(head: Head): string;
	exchange(report: ExchangeReport): string;
	end(head: Head, tail: Tail): string;
}

export type { Head as ReportHead, Tail as ReportTail };

export class ReportJson implements ReportSink {
	private written = 0;

	/** `{`, the tool and input members, and the opening of `exchanges`. */
	start(head: Head): string {
		return `{\n  "tool": ${nested(head.tool, 1)},\n  "input": ${nested(head.input, 1)},\n  "exchanges": [`;
	}

	exchange(report: ExchangeReport): string {
		return `${this.written++ === 0 ? '' : ','}\n    ${nested(report, 2)}`;
	}

	/** The close of `exchanges`, the identifiers and summary members, and `}` (no line break after it, as JSON.stringify). */
	end(_head: Head, tail: Tail): string {
		const close = this.written === 0 ? ']' : '\n  ]';
		const propagated = tail.propagated ? `,\n  "propagated": ${nested(tail.propagated, 1)}` : '';
		return `${close},\n  "identifiers": ${nested(tail.identifiers, 1)}${propagated},\n  "summary": ${nested(tail.summary, 1)}\n}`;
	}
}

/**
 * NDJSON records: one per exchange, then one holding the identifiers and one holding the summary with the tool and
 * the input. Each names its `record` kind and its `capture`, so the lines of several captures can share one file or
 * one query.
 */
export type NdjsonRecord =
	| ({ record: 'exchange'; capture: string } & ExchangeReport)
	| { record: 'identifiers'; capture: string; identifiers: IdentifierReport[] }
	| { record: 'propagated'; capture: string; propagated: PropagatedFinding[] }
	| ({ record: 'summary'; capture: string } & Head & { summary: ReportSummary });

export class ReportNdjson implements ReportSink {
	constructor(private readonly capture: string) {}

	start(): string {
		return '';
	}

	exchange(report: ExchangeReport): string {
		return `${JSON.stringify({ record: 'exchange', capture: this.capture, ...report } satisfies NdjsonRecord)}\n`;
	}

	end(head: Head, tail: Tail): string {
		const identifiers: NdjsonRecord = { record: 'identifiers', capture: this.capture, identifiers: tail.identifiers };
		const summary: NdjsonRecord = { record: 'summary', capture: this.capture, ...head, summary: tail.summary };
		const propagated: NdjsonRecord | null = tail.propagated ? { record: 'propagated', capture: this.capture, propagated: tail.propagated } : null;
		return `${JSON.stringify(identifiers)}\n${propagated ? `${JSON.stringify(propagated)}\n` : ''}${JSON.stringify(summary)}\n`;
	}
}
