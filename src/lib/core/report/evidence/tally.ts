/** What both evidence sinks gather while exchanges pass: a few counters and the flow, never the findings. */
import type { ExchangeReport, SeverityLevel } from '../../model';
import type { ReportTail } from '../report-json';
import { destinationText } from '../../shared/destination-label';
import { FlowTally } from './flow';

export class EvidenceTally {
	readonly flow = new FlowTally();
	exchanges = 0;
	withFindings = 0;

	add(exchange: ExchangeReport): void {
		this.exchanges++;
		if (exchange.findings.length > 0) this.withFindings++;
		this.flow.add(exchange);
	}
}

export interface ReceiverLine {
	level: SeverityLevel;
	receiver: string;
	site: string;
	category: string;
	types: string[];
	why: string;
	exchanges: number;
	findings: number;
}

/** Who received something worth a severity, most severe first (the summary's order). */
export function receiverLines(tail: ReportTail): ReceiverLine[] {
	return (tail.summary.destinations ?? [])
		.filter((d) => d.severity.level !== 'none')
		.map((d) => ({ level: d.severity.level, receiver: destinationText(d), site: d.site, category: d.category, types: d.types, why: d.severity.why, exchanges: d.exchanges.length, findings: d.findings }));
}

/** The report's first sentence: how much was found and how widely it went. */
export function headline(tally: EvidenceTally, tail: ReportTail): string {
	const receivers = receiverLines(tail);
	const high = receivers.filter((r) => r.level === 'high').length;
	const what = `${plural(tail.summary.findings, 'finding')} in ${count(tally.withFindings)} of ${plural(tally.exchanges, 'exchange')}`;
	if (receivers.length === 0) return `${what}; no receiver got anything that raises a severity.`;
	return `${what}, sent to ${plural(receivers.length, 'receiver')}${high > 0 ? ` (${count(high)} of them with high severity)` : ''}.`;
}

export function count(n: number): string {
	return n.toLocaleString('en-US');
}

export function plural(n: number, word: string): string {
	return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}
