/**
 * The evidence report as one self-contained HTML file: inline style and inline SVG, no script, no address a browser
 * would fetch, and a policy in the head that would block one if it slipped in. Every captured string passes through
 * `html()`. Written exchange by exchange; a page with tens of thousands of exchanges would not open, so its listings
 * stop at caps and say how much more there is (the Markdown and JSON reports list everything).
 */
import type { ExchangeReport, Finding } from '../../model';
import type { ReportHead, ReportSink, ReportTail } from '../report-json';
import { destinationText } from '../../shared/destination-label';
import { cut, html } from './escape';
import { flowSvg } from './flow-svg';
import { EVIDENCE_CSS } from './html-style';
import type { Provenance } from './provenance';
import { EvidenceTally, count, headline, plural, receiverLines } from './tally';

export const EVIDENCE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** How many of each thing the page lists before "and N more". */
export const HTML_SHOWN = { exchanges: 500, findings: 50, receivers: 200, flowReceivers: 12, identifiers: 500, sites: 8, notes: 50 } as const;
export const HTML_CUT = { url: 200, value: 200, path: 240, reason: 200 } as const;

export class EvidenceHtml implements ReportSink {
	private readonly tally = new EvidenceTally();
	private shown = 0;

	/** `provenance` is asked when the report starts, after the first pass has read (and hashed) the input. */
	constructor(private readonly provenance: () => Provenance) {}

	start(head: ReportHead): string {
		const p = this.provenance();
		const row = (name: string, value: string) => `<tr><th scope="row">${name}</th><td>${value}</td></tr>`;
		return (
			`<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
			`<meta http-equiv="Content-Security-Policy" content="${EVIDENCE_CSP}">` +
			`<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">` +
			`<title>Telltale evidence: ${html(p.name)}</title><style>${EVIDENCE_CSS}</style></head>\n<body><main>\n` +
			`<header class="provenance"><h1>Telltale evidence report</h1><table class="facts">` +
			row('File', `<span class="mono">${html(p.name)}</span>`) +
			row('Size', p.size === null ? 'not known' : `${count(p.size)} bytes`) +
			row('SHA-256', p.sha256 === null ? 'not computed' : `<code>${html(p.sha256)}</code>`) +
			row('Format', `${html(head.input.format)}, ${plural(head.input.exchanges, 'exchange')}`) +
			row('Telltale', html(p.version)) +
			row('Analysed', html(p.analysedAt)) +
			`</table></header>\n<section class="findings" id="findings"><h2>Findings by request</h2>\n`
		);
	}

	exchange(report: ExchangeReport): string {
		this.tally.add(report);
		if (report.findings.length === 0 || this.shown >= HTML_SHOWN.exchanges) return '';
		this.shown++;
		const target = report.url ? `${html(report.method ?? '?')} ${html(cut(report.url, HTML_CUT.url))}` : 'bare payload';
		const who = report.destination;
		const facts = [
			who ? `to ${html(destinationText(who))} <span class="muted">(${html(who.site)}, ${html(who.category)})</span>` : `to ${html(report.host ?? 'no destination')}`,
			report.status !== null ? `status ${report.status}` : null,
			report.layers.length > 0 ? `layers <code>${html(report.layers.join(' › '))}</code>` : null,
			report.severity && report.severity.level !== 'none' ? `<span class="level ${report.severity.level}">${report.severity.level}</span> ${html(report.severity.why)}` : null
		].filter((f) => f !== null);
		const findings = report.findings.slice(0, HTML_SHOWN.findings).map(findingItem);
		if (report.findings.length > HTML_SHOWN.findings) findings.push(`<li class="more">and ${plural(report.findings.length - HTML_SHOWN.findings, 'more finding')} (the Markdown report lists them)</li>`);
		return `<article class="exchange" id="exchange-${report.index}"><h3><span class="muted">#${report.index}</span> <span class="mono">${target}</span></h3><div>${facts.join(' · ')}</div><ul>${findings.join('')}</ul></article>\n`;
	}

	end(_head: ReportHead, tail: ReportTail): string {
		const more = this.tally.withFindings - this.shown;
		const parts: string[] = [];
		if (this.tally.withFindings === 0) parts.push('<p>No exchange carried a finding.</p>');
		if (more > 0) parts.push(`<p class="more">and ${plural(more, 'more exchange')} with findings, not listed here so the page stays usable (the Markdown and JSON reports list every one)</p>`);
		parts.push('</section>\n<section class="summary" id="summary">', this.receivers(tail), this.flow(), this.identifiers(tail), notes(tail));
		parts.push('</section>\n</main></body></html>\n');
		return parts.join('');
	}

	private receivers(tail: ReportTail): string {
		const lines = receiverLines(tail);
		const rows = lines
			.slice(0, HTML_SHOWN.receivers)
			.map((r) => `<tr><td><span class="level ${r.level}">${r.level}</span></td><td>${html(r.receiver)}<div class="muted">${html(r.site)} · ${html(r.category)}</div></td><td>${html(r.types.join(', '))}</td><td>${html(r.why)}</td><td>${count(r.exchanges)}</td></tr>`);
		const table = lines.length === 0 ? '' : `<table><thead><tr><th>Severity</th><th>Receiver</th><th>What it got</th><th>Why</th><th>Exchanges</th></tr></thead><tbody>${rows.join('')}</tbody></table>${moreLine(lines.length, HTML_SHOWN.receivers, 'receiver')}`;
		return `<h2 id="who-received-what">Who received what</h2><p class="lead">${html(headline(this.tally, tail))}</p>${table}\n`;
	}

	private flow(): string {
		const matrix = this.tally.flow.matrix(HTML_SHOWN.flowReceivers);
		if (matrix.types.length === 0) return '';
		const folded = matrix.folded > 0 ? `<p class="muted">${html(`“Other receivers” stands for ${plural(matrix.folded, 'receiver')} with fewer findings.`)}</p>` : '';
		return `<h2 id="data-flow">Data flow</h2><p class="muted">Findings of each type (left) and who received them (right); a band is as wide as its share.</p>${flowSvg(matrix)}${folded}\n`;
	}

	private identifiers(tail: ReportTail): string {
		const ids = tail.identifiers;
		if (ids.length === 0) return '<h2 id="identifiers">Identifiers</h2><p>No identifier was seen in more than one exchange.</p>\n';
		const rows = ids.slice(0, HTML_SHOWN.identifiers).map((id) => {
			const sites = id.sites.length > HTML_SHOWN.sites ? `${id.sites.slice(0, HTML_SHOWN.sites).join(', ')} and ${id.sites.length - HTML_SHOWN.sites} more` : id.sites.join(', ');
			const span = `${count(id.exchanges.length)} (#${id.exchanges[0]} to #${id.exchanges[id.exchanges.length - 1]})`;
			return `<tr><td>${html(id.type)}</td><td><code>${html(cut(id.value, HTML_CUT.value))}</code></td><td>${html(sites)}</td><td>${span}</td></tr>`;
		});
		return `<h2 id="identifiers">Identifiers</h2><p class="muted">Values seen in more than one exchange.</p><table><thead><tr><th>Type</th><th>Value</th><th>Sites</th><th>Exchanges</th></tr></thead><tbody>${rows.join('')}</tbody></table>${moreLine(ids.length, HTML_SHOWN.identifiers, 'identifier')}\n`;
	}
}

function findingItem(f: Finding): string {
	const times = f.count > 1 ? ` ×${count(f.count)}` : '';
	const paths = f.paths.map((p) => `<li><code>${html(cut(p, HTML_CUT.path))}</code></li>`);
	if (f.count > f.paths.length) paths.push(`<li class="more">${count(f.count)} places in all, the first ${f.paths.length} listed</li>`);
	return `<li><strong>${html(f.type)}</strong> <code>${html(cut(f.value, HTML_CUT.value))}</code>${times} <span class="muted">(${html(f.confidence)}; ${html(cut(f.reason, HTML_CUT.reason))}; ${html(f.detector)})</span><ul class="paths">${paths.join('')}</ul></li>`;
}

function notes(tail: ReportTail): string {
	const list = tail.summary.notes;
	if (list.length === 0) return '';
	const items = list.slice(0, HTML_SHOWN.notes).map((note) => `<li>${html(note)}</li>`);
	return `<h2 id="notes">Notes</h2><ul>${items.join('')}</ul>${moreLine(list.length, HTML_SHOWN.notes, 'note')}\n`;
}

function moreLine(total: number, shown: number, noun: string): string {
	return total > shown ? `<p class="more">and ${plural(total - shown, `more ${noun}`)}</p>` : '';
}
