/**
 * The readable summary printed without --format: it fits a screen whatever the capture's size. Every section is
 * capped and says how much more there is; exchanges arrive one at a time and only the first few with findings are
 * kept, so the summary of a 20,000-exchange capture costs no more memory than its JSON.
 */
import type { ExchangeReport, Report } from '../lib/core/model';
import type { ReportHead, ReportSink, ReportTail } from '../lib/core/report/report-json';
import { destinationText } from '../lib/core/shared/destination-label';

/** How many of each thing a section lists before "and N more". */
export const SHOWN = { notes: 10, destinations: 15, exchanges: 12, findings: 8, identifiers: 15, sites: 4, propagated: 15 } as const;

export class SummarySink implements ReportSink {
	private readonly shown: ExchangeReport[] = [];
	private withFindings = 0;

	start(): string {
		return '';
	}

	exchange(report: ExchangeReport): string {
		if (report.findings.length === 0) return '';
		this.withFindings++;
		if (this.shown.length < SHOWN.exchanges) this.shown.push(report);
		return '';
	}

	end(head: ReportHead, tail: ReportTail): string {
		const { input } = head;
		const { summary, identifiers, propagated = [] } = tail;
		const lines: string[] = [];
		lines.push(`${input.name}: ${input.format}, ${plural(input.exchanges, 'exchange')}, ${plural(summary.findings, 'finding')}`);
		lines.push(...capped(summary.notes, SHOWN.notes, (note) => `  note: ${note}`, 'note'));
		// Said, not guessed at: what could not be read is part of what was sent.
		if (summary.opaque) lines.push(`  note: ${summary.opaque.says}, first at ${summary.opaque.first[0]}`);
		const destinations = (summary.destinations ?? []).filter((d) => d.severity.level !== 'none');
		if (destinations.length > 0) {
			lines.push('who received what:');
			lines.push(
				...capped(destinations, SHOWN.destinations, (d) => {
					const who = destinationText(d);
					return `  [${d.severity.level}] ${who} (${d.site}, ${d.category}): ${d.severity.why} — ${plural(d.exchanges.length, 'exchange')}`;
				}, 'site')
			);
		}
		if (this.withFindings > 0) {
			lines.push(this.withFindings > this.shown.length ? `exchanges with findings (the first ${this.shown.length} of ${count(this.withFindings)}):` : 'exchanges with findings:');
			for (const exchange of this.shown) lines.push(...renderExchange(exchange));
			if (this.withFindings > this.shown.length) lines.push(`  … and ${count(this.withFindings - this.shown.length)} more exchanges with findings (--format json or ndjson lists them all)`);
		}
		if (propagated.length > 0) {
			lines.push('identifiers found again where no key said what they were:');
			lines.push(...capped(propagated, SHOWN.propagated, ({ exchange, finding }) => `  #${exchange} ${finding.type} ${truncate(finding.value, 60)} at ${truncate(finding.path, 100)}: ${finding.reason}`, 'finding'));
		}
		if (identifiers.length > 0) {
			lines.push('identifiers seen in more than one exchange:');
			lines.push(
				...capped(identifiers, SHOWN.identifiers, (id) => {
					const sites = id.sites.length === 0 ? 'no site' : id.sites.length > SHOWN.sites ? `${id.sites.slice(0, SHOWN.sites).join(', ')} and ${id.sites.length - SHOWN.sites} more sites` : id.sites.join(', ');
					const first = id.exchanges[0]!;
					const last = id.exchanges[id.exchanges.length - 1]!;
					return `  ${id.type} ${truncate(id.value, 60)} → ${sites} (${plural(id.exchanges.length, 'exchange')}, #${first} to #${last})`;
				}, 'identifier')
			);
		}
		return lines.join('\n') + '\n';
	}
}

function renderExchange(exchange: ExchangeReport): string[] {
	const lines: string[] = [];
	const target = exchange.url ? `${exchange.method ?? '?'} ${truncate(exchange.url, 100)}` : 'payload';
	const status = exchange.status !== null ? ` → ${exchange.status}` : '';
	const layers = exchange.layers.length > 0 ? `  [${exchange.layers.join(' › ')}]` : '';
	lines.push(`#${exchange.index} ${target}${status}${layers}`);
	const who = exchange.destination;
	if (who && (who.company || who.product)) lines.push(`    to ${destinationText(who)} (${who.category})`);
	lines.push(
		...capped(exchange.findings, SHOWN.findings, (f) => {
			const times = f.count > 1 ? ` ×${count(f.count)}` : '';
			const more = f.count > 1 ? ` (and ${count(f.count - 1)} more place${f.count === 2 ? '' : 's'})` : '';
			return `    ${f.type}: ${truncate(f.value, 80)}${times}  (${f.confidence}; ${f.reason})\n      at ${f.path}${more}`;
		}, 'finding', '    ')
	);
	return lines;
}

/** The first `max` items as lines, then one line saying how many were left out. */
function capped<T>(items: readonly T[], max: number, line: (item: T) => string, noun: string, indent = '  '): string[] {
	const out = items.slice(0, max).map(line);
	if (items.length > max) out.push(`${indent}… and ${plural(items.length - max, `more ${noun}`)}`);
	return out;
}

function count(n: number): string {
	return n.toLocaleString('en-US');
}

function plural(n: number, word: string): string {
	return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

function truncate(s: string, max: number): string {
	return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The summary of a report already in memory (tests, and anything holding a whole report). */
export function renderSummary(report: Report): string {
	const sink = new SummarySink();
	for (const exchange of report.exchanges) sink.exchange(exchange);
	return sink.end(report, report);
}
