/**
 * The evidence report as Markdown, written exchange by exchange: every finding of every exchange has its line, so
 * the file is complete evidence however long it gets. The capture-wide sections (who received what, the data flow,
 * the identifiers) are known only when the last exchange has been analysed, so they close the report; the header
 * links to them.
 */
import type { ExchangeReport } from '../../model';
import type { ReportHead, ReportSink, ReportTail } from '../report-json';
import { destinationText } from '../../shared/destination-label';
import { cut, markdown as md } from './escape';
import type { Provenance } from './provenance';
import { EvidenceTally, count, headline, plural, receiverLines } from './tally';

/** Lengths a value is cut to: long enough to recognise and compare, short enough for a line. */
export const MD_CUT = { url: 200, value: 160, path: 200, reason: 160 } as const;

export class EvidenceMarkdown implements ReportSink {
	private readonly tally = new EvidenceTally();

	/** `provenance` is asked when the report starts, after the first pass has read (and hashed) the input. */
	constructor(private readonly provenance: () => Provenance) {}

	start(head: ReportHead): string {
		const p = this.provenance();
		return [
			`# Telltale evidence report: ${md(p.name)}`,
			'',
			'| | |',
			'|---|---|',
			`| File | ${md(p.name)} |`,
			`| Size | ${p.size === null ? 'not known' : `${count(p.size)} bytes`} |`,
			`| SHA-256 | ${p.sha256 ?? 'not computed'} |`,
			`| Format | ${md(head.input.format)}, ${plural(head.input.exchanges, 'exchange')} |`,
			`| Telltale | ${md(p.version)} |`,
			`| Analysed | ${md(p.analysedAt)} |`,
			'',
			'Exchanges are listed in capture order, those without findings left out. The summary follows them, since it is known',
			'only once every exchange has been analysed: [who received what](#who-received-what) · [data flow](#data-flow) · [identifiers](#identifiers).',
			'',
			'## Findings',
			'',
			''
		].join('\n');
	}

	exchange(report: ExchangeReport): string {
		this.tally.add(report);
		if (report.findings.length === 0) return '';
		const lines: string[] = [];
		const target = report.url ? `${md(report.method ?? '?')} ${md(cut(report.url, MD_CUT.url))}` : 'bare payload';
		lines.push(`### \\#${report.index} ${target}`, '');
		const who = report.destination;
		const facts = [
			who ? `to ${md(destinationText(who))} (${md(who.site)}, ${who.category})` : `to ${md(report.host ?? 'no destination')}`,
			report.status !== null ? `status ${report.status}` : null,
			report.layers.length > 0 ? `layers ${md(report.layers.join(' › '))}` : null,
			report.severity && report.severity.level !== 'none' ? `severity ${report.severity.level}: ${md(report.severity.why)}` : null
		].filter((f) => f !== null);
		lines.push(facts.join(' · '), '');
		for (const f of report.findings) {
			const times = f.count > 1 ? ` ×${count(f.count)}` : '';
			lines.push(`- **${f.type}**: ${md(cut(f.value, MD_CUT.value))}${times} (${f.confidence}; ${md(cut(f.reason, MD_CUT.reason))}; ${md(f.detector)})`);
			for (const path of f.paths) lines.push(`  - at ${md(cut(path, MD_CUT.path))}`);
			if (f.count > f.paths.length) lines.push(`  - … ${count(f.count)} places in all, the first ${f.paths.length} listed`);
		}
		lines.push('', '');
		return lines.join('\n');
	}

	end(_head: ReportHead, tail: ReportTail): string {
		const lines: string[] = ['## Who received what', '', headline(this.tally, tail), ''];
		const receivers = receiverLines(tail);
		if (receivers.length > 0) {
			lines.push('| Severity | Receiver | Site | Category | What | Why | Exchanges |', '|---|---|---|---|---|---|---|');
			for (const r of receivers) lines.push(`| ${r.level} | ${md(r.receiver)} | ${md(r.site)} | ${r.category} | ${r.types.join(', ')} | ${md(r.why)} | ${count(r.exchanges)} |`);
			lines.push('');
		}
		lines.push('## Data flow', '');
		const rows = this.tally.flow.rows();
		if (rows.length === 0) lines.push('Nothing was found, so nothing flowed.', '');
		else {
			lines.push('Findings of each type, by receiver (the company, else the product or site).', '', '| Receiver | Findings | By type |', '|---|---|---|');
			for (const row of rows) {
				const byType = [...row.byType].map(([type, c]) => `${type} ${count(c)}`).join(', ');
				lines.push(`| ${md(row.receiver)} | ${count(row.total)} | ${byType} |`);
			}
			lines.push('');
		}
		lines.push('## Identifiers', '');
		if (tail.identifiers.length === 0) lines.push('No identifier was seen in more than one exchange.', '');
		else {
			lines.push('Identifiers seen in more than one exchange.', '', '| Type | Value | Sites | Exchanges | First | Last |', '|---|---|---|---|---|---|');
			for (const id of tail.identifiers) {
				lines.push(`| ${id.type} | ${md(cut(id.value, MD_CUT.value))} | ${md(id.sites.join(', '))} | ${count(id.exchanges.length)} | \\#${id.exchanges[0]} | \\#${id.exchanges[id.exchanges.length - 1]} |`);
			}
			lines.push('');
		}
		if (tail.summary.notes.length > 0) {
			lines.push('## Notes', '');
			for (const note of tail.summary.notes) lines.push(`- ${md(note)}`);
			lines.push('');
		}
		return lines.join('\n');
	}
}
